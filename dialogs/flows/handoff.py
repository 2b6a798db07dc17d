"""Reach a person: record a handoff request with a summary the caseworker can act on."""
from dialogs.context import Ctx
from dialogs.flows.base import Flow
from services.handoff import build_summary


class HandoffFlow(Flow):
    """'Tal med en medarbejder' and the crisis button; one open request per conversation."""

    name = "handoff"
    intents = ("human_handoff",)

    async def start(self, ctx: Ctx) -> None:
        reason = "crisis" if ctx.nlu.entity("reason") == "crisis" else "human_handoff"
        store = ctx.services.store
        history = await store.recent_messages(ctx.convo.id)
        summary = build_summary(ctx.texts, reason, history, ctx.nlu.text if not ctx.nlu.payload else None)
        is_new = await store.request_handoff(ctx.convo.id, reason, summary)
        ctx.leave()
        if reason == "crisis":
            ctx.say("handoff.crisis_recorded")
        else:
            ctx.say("handoff.recorded" if is_new else "handoff.already_open")


class CrisisFlow(Flow):
    """The safety reply: 112, Livslinien, and the offer of a person. Reached from any state."""

    name = "crisis"
    intents = ("crisis",)

    async def start(self, ctx: Ctx) -> None:
        ctx.leave()
        ctx.say("crisis", "crisis")
