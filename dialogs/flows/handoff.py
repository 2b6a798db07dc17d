"""Reach a person: a handoff request with a summary built from redacted text; the citizen can withdraw it."""
from dialogs.context import Ctx, button
from dialogs.flows.base import Flow
from nlu.client import make_payload


class HandoffFlow(Flow):
    """'Tal med en medarbejder' and the crisis button; one open request per conversation (a database rule)."""

    name = "handoff"
    intents = ("human_handoff",)
    interrupts = True

    async def start(self, ctx: Ctx) -> None:
        reason = "crisis" if ctx.nlu.entity("reason") == "crisis" else "human_handoff"
        history = await ctx.services.conversations.recent_messages(ctx.convo.id)
        requested = await ctx.services.handoffs.request(
            ctx.convo.id, reason, history, None if ctx.nlu.payload else ctx.nlu.text, ctx.convo.locale)
        ctx.event("handoff_requested", reason=reason, new=requested.is_new, handoff_id=requested.handoff.id)
        ctx.leave()
        withdraw = [button("handoff.withdraw", make_payload("cancel_handoff"))]
        if reason == "crisis":
            ctx.say("handoff.crisis_recorded")
        elif requested.is_new:
            ctx.say("handoff.recorded", withdraw)
        else:
            ctx.say("handoff.already_open", withdraw)


class CancelHandoffFlow(Flow):
    """The citizen withdraws a request that no caseworker has taken yet."""

    name = "cancel_handoff"
    intents = ("cancel_handoff",)
    interrupts = True

    async def start(self, ctx: Ctx) -> None:
        ctx.leave()
        if await ctx.services.handoffs.cancel_by_citizen(ctx.convo.id):
            ctx.event("handoff_cancelled")
            ctx.say("handoff.withdrawn", "menu")
        else:
            ctx.say("handoff.nothing_to_withdraw", "menu")


class CrisisFlow(Flow):
    """The safety reply: 112, Livslinien, and the offer of a person. Reached from any state."""

    name = "crisis"
    intents = ("crisis",)
    interrupts = True

    async def start(self, ctx: Ctx) -> None:
        ctx.leave()
        ctx.event("crisis_reply")
        ctx.say("crisis", "crisis")
