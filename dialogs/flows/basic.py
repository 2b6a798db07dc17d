"""Catch-all: answers from the data file for intents without a flow of their own."""
from dialogs.context import Ctx
from dialogs.flows.base import Flow


class BasicAnswers(Flow):
    """Greeting, thanks, menu, bot challenge, out of scope, and 'kommer snart' answers (texts: answers.*)."""

    name = "basic"

    def handles(self, ctx: Ctx, intent: str) -> bool:
        return ctx.texts.has(f"answers.{intent}.text")

    async def start(self, ctx: Ctx) -> None:
        answer = ctx.texts.section(f"answers.{ctx.nlu.intent}")
        ctx.say(f"answers.{ctx.nlu.intent}.text", answer.get("buttons"))
