"""After a caseworker closes: 👍/👎 and an optional comment, stored as events (redacted)."""
from typing import Literal

from dialogs.context import Ctx, button
from dialogs.flows.base import Flow, FlowState
from nlu.client import make_payload
from services.redact import redact

MAX_COMMENT = 500


class RateState(FlowState):
    step: Literal["comment"] = "comment"
    score: int = 1


class RateFlow(Flow):
    """'/rate{"score": 1}' from the buttons under "the caseworker has closed"."""

    name = "rate"
    intents = ("rate",)
    State = RateState
    interrupts = True

    async def start(self, ctx: Ctx) -> None:
        score = ctx.nlu.entity("score")
        if score not in (0, 1):
            ctx.say("input.stale", "menu")
            return
        ctx.event("rating", score=score, of="caseworker")
        ctx.enter(self.name, RateState(score=score))
        ctx.say("rating.ask_comment", [button("rating.skip", make_payload("rate_skip"))])

    def expects_free_text(self, state: RateState) -> bool:
        return True

    async def resume(self, ctx: Ctx) -> bool:
        state: RateState = ctx.state
        ctx.leave()
        if ctx.nlu.payload:  # "Spring over", or another button: then the global rules take it
            if ctx.nlu.intent != "rate_skip":
                return False
            ctx.say("rating.thanks", "menu")
            return True
        ctx.event("rating_comment", score=state.score, of="caseworker", text=redact(ctx.nlu.text[:MAX_COMMENT]))
        ctx.say("rating.thanks", "menu")
        return True
