"""Assembles the flows in one place: feature flows first, the catch-all last; knows which intents interrupt."""
from dialogs.buttons import Answer
from dialogs.context import Ctx
from dialogs.flows.base import Flow
from dialogs.flows.basic import BasicAnswers
from dialogs.flows.booking import BookFlow
from dialogs.flows.contact import ContactFlow
from dialogs.flows.cv import CvFlow
from dialogs.flows.handoff import CancelHandoffFlow, CrisisFlow, HandoffFlow
from dialogs.flows.knowledge import KnowledgeFlow
from dialogs.flows.language import LanguageFlow
from dialogs.flows.meetings import CancelFlow, ListFlow, MoveFlow
from dialogs.flows.privacy import DeleteDataFlow, PrivacyFlow
from dialogs.flows.rating import RateFlow
from dialogs.flows.sickness import SicknessFlow
from dialogs.flows.youth_guide import YouthGuideFlow


class Router:
    """Finds the flow for an intent or a button payload, and active flows by name."""

    def __init__(self, flows: list[Flow], catch_all: BasicAnswers, answers: dict[str, Answer]) -> None:
        if not any("crisis" in f.intents for f in flows):  # the safety reply must be reachable from any router
            flows = [CrisisFlow(), *flows]
        self._flows = {f.name: f for f in [*flows, catch_all]}
        self._by_intent = {i: f for f in flows for i in f.intents}
        self._catch_all, self._answers = catch_all, answers

    def active(self, name: str | None) -> Flow | None:
        return self._flows.get(name) if name else None

    def for_intent(self, ctx: Ctx, intent: str) -> Flow | None:
        flow = self._by_intent.get(intent)
        if flow is None and self._catch_all.handles(ctx, intent):
            return self._catch_all
        return flow

    def interrupts(self, intent: str) -> bool:
        """Whether a confident intent ends an active flow (declared by the flow or in answers.yml)."""
        flow = self._by_intent.get(intent)
        return flow.interrupts if flow else intent in self._answers and self._answers[intent].interrupts

    def is_side_remark(self, intent: str) -> bool:
        """Whether the intent is answered without ending the active flow."""
        flow = self._by_intent.get(intent)
        return flow.side_remark if flow else intent in self._answers and self._answers[intent].side_remark


def build_router(answers: dict[str, Answer]) -> Router:
    """The assistant's flows, one per feature; the data-driven answers are the catch-all."""
    flows: list[Flow] = [CrisisFlow(), HandoffFlow(), CancelHandoffFlow(), PrivacyFlow(), DeleteDataFlow(),
                         BookFlow(), MoveFlow(), CancelFlow(), ListFlow(), SicknessFlow(), ContactFlow(), RateFlow(),
                         CvFlow(), KnowledgeFlow(), YouthGuideFlow(), LanguageFlow()]
    return Router(flows, BasicAnswers(), answers)
