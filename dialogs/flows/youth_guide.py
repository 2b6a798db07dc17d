"""Youth-education guide: age → 9./10. klasse → practical or academic → kontanthjælp → two or three suggestions."""
from typing import Literal

from dialogs.context import Ctx, button
from dialogs.flows.base import Flow, FlowState
from dialogs.flows.knowledge import pick
from nlu.client import make_payload
from services.youth_guide import suggest

AGES = {"under18": "youth.age_under18", "18_24": "youth.age_18_24", "25_29": "youth.age_25_29",
        "30plus": "youth.age_30plus"}
SCHOOLS = {"exam": "youth.school_exam", "no_exam": "youth.school_no_exam", "not_finished": "youth.school_not_finished"}
STYLES = {"practical": "youth.style_practical", "academic": "youth.style_academic", "unsure": "youth.style_unsure"}
BENEFIT = {"yes": "youth.benefit_yes", "no": "youth.benefit_no"}
STEPS = {"age": ("youth.ask_age", AGES), "school": ("youth.ask_school", SCHOOLS),
         "style": ("youth.ask_style", STYLES), "benefit": ("youth.ask_benefit", BENEFIT)}
ORDER = ("age", "school", "style", "benefit")


class YouthState(FlowState):
    step: Literal["age", "school", "style", "benefit"] = "age"
    age: str | None = None
    school: str | None = None
    style: str | None = None


class YouthGuideFlow(Flow):
    """Started by the menu's 'Uddannelse for unge' and by knowledge answers that point to it."""

    name = "youth_guide"
    intents = ("youth_guide",)
    State = YouthState

    async def start(self, ctx: Ctx) -> None:
        ctx.enter(self.name, YouthState())
        ctx.say("youth.intro")
        self._ask(ctx, "age")

    def _ask(self, ctx: Ctx, step: str) -> None:
        ctx.state.step = step
        question, options = STEPS[step]
        ctx.say(question, [button(key, make_payload("youth_answer", step=step, v=v)) for v, key in options.items()])

    async def resume(self, ctx: Ctx) -> bool:
        state: YouthState = ctx.state
        nlu = ctx.nlu
        value = nlu.entity("v") if nlu.intent == "youth_answer" and nlu.entity("step") == state.step else None
        if value not in STEPS[state.step][1]:
            return False  # anything else: the global rules (a question, the menu, a person)
        if state.step != "benefit":
            setattr(state, state.step, value)
            self._ask(ctx, ORDER[ORDER.index(state.step) + 1])
            return True
        picks = suggest(state.age, state.school, state.style, value == "yes")  # type: ignore[arg-type]
        ctx.leave()
        muni = ctx.convo.municipality or ctx.services.default_municipality
        entries = [e for e in (ctx.services.knowledge.get(i, muni) for i in picks) if e is not None]
        ctx.event("youth_guide_done", suggestions=[e.id for e in entries])
        ctx.say("youth.suggestions", [*(pick(ctx, e) for e in entries),  # titled in the conversation's language
                                      button("knowledge.next_book", make_payload("book_meeting")),
                                      button("knowledge.next_person", make_payload("human_handoff"))])
        return True
