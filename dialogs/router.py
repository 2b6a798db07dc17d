"""Assembles the flows in one place: feature flows first, the catch-all last."""
from dialogs.context import Ctx
from dialogs.flows.base import Flow
from dialogs.flows.basic import BasicAnswers
from dialogs.flows.booking import BookFlow
from dialogs.flows.handoff import CrisisFlow, HandoffFlow
from dialogs.flows.meetings import CancelFlow, ListFlow, MoveFlow
from dialogs.flows.privacy import DeleteDataFlow, PrivacyFlow
from dialogs.flows.sickness import SicknessFlow


class Router:
    """Finds the flow for an intent or a button payload, and active flows by name."""

    def __init__(self, flows: list[Flow], catch_all: BasicAnswers) -> None:
        self._flows = {f.name: f for f in [*flows, catch_all]}
        self._by_intent = {i: f for f in flows for i in f.intents}
        self._catch_all = catch_all

    def active(self, name: str | None) -> Flow | None:
        return self._flows.get(name) if name else None

    def for_intent(self, ctx: Ctx, intent: str) -> Flow | None:
        flow = self._by_intent.get(intent)
        if flow is None and self._catch_all.handles(ctx, intent):
            return self._catch_all
        return flow


def build_router() -> Router:
    """The assistant's flows, one per feature; the data-driven answers are the catch-all."""
    flows: list[Flow] = [CrisisFlow(), HandoffFlow(), PrivacyFlow(), DeleteDataFlow(),
                         BookFlow(), MoveFlow(), CancelFlow(), ListFlow(), SicknessFlow()]
    return Router(flows, BasicAnswers())
