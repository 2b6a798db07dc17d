"""Catch-all: answers from the data files for intents without a flow of their own."""
from dialogs.context import Ctx
from dialogs.flows.base import Flow


class BasicAnswers(Flow):
    """Greeting, thanks, menu, bot challenge, out of scope, and the simple answers (answers.yml + texts)."""

    name = "basic"

    def handles(self, ctx: Ctx, intent: str) -> bool:
        return intent in ctx.services.buttons.answers

    async def start(self, ctx: Ctx) -> None:
        await self.answer(ctx, ctx.nlu.intent)

    async def answer(self, ctx: Ctx, intent: str) -> None:
        answer = ctx.services.buttons.answers[intent]
        ctx.say(f"answers.{intent}.text", answer.buttons)
