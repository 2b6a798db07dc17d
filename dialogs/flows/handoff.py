"""Reach a person: what it is about → may we share a summary → how to be contacted → sent, with the expected wait.

See handoff.md for the diagram. The phone number goes straight onto the handoff record, never into
the flow state, the transcript (redacted) or an event.
"""
import re
from datetime import datetime
from typing import Literal

from dialogs.context import Ctx, button
from dialogs.flows.base import Flow, FlowState
from i18n import format_datetime
from nlu.client import make_payload
from services.dates import parse_wish
from services.dates_format import local_datetime
from services.cv import status_line
from services.handoff import CaseContext
from services.inbox import StaffEvent
from services.outgoing import When
from store.handoffs import Contact

TOPICS = {"benefits": "handoff.topic_benefits", "meeting": "handoff.topic_meeting",
          "sickness": "handoff.topic_sickness", "complaint": "handoff.topic_complaint"}
CONTACTS = {"chat": "handoff.contact_chat", "phone": "handoff.contact_phone", "callback": "handoff.contact_callback"}
SENT = {("chat", True): "handoff.sent_chat_open", ("chat", False): "handoff.sent_chat_closed",
        ("phone", True): "handoff.sent_phone_open", ("phone", False): "handoff.sent_phone_closed",
        ("callback", True): "handoff.sent_callback_open", ("callback", False): "handoff.sent_callback_closed"}
WORDS_FOR_A_REASON = 8  # "jeg vil tale med en medarbejder" alone is no reason; a longer message is
# A way out of the questions for someone who changed their mind (every step takes free text).
_EXIT = re.compile(r"^\s*(stop|stop det|annuller|fortryd|glem det|afbryd|nej tak|jeg fortryder)\b", re.IGNORECASE)
_PHONE = re.compile(r"^(?:\+?45|0045)?(\d{8})$")
# A run of digits in any grouping ("29 28 27 26", "+45 2928-2726"); the words around it are whatever the citizen wrote.
_DIGIT_RUN = re.compile(r"\+?\d[\d\s\-().]*\d")


def phone_number(text: str) -> str | None:
    """The one Danish phone number (8 digits, optionally +45) in the text, in any grouping and wording; or None."""
    found = {m.group(1) for run in _DIGIT_RUN.findall(text)
             if (m := _PHONE.match(re.sub(r"[\s\-().]", "", run)))}
    return found.pop() if len(found) == 1 else None  # two different numbers: ask rather than guess


class HandoffState(FlowState):
    step: Literal["reason", "consent", "contact", "callback", "phone"] = "reason"
    words: str | None = None  # the reason in the citizen's words, redacted
    topic: str | None = None
    consent: bool = True
    contact: Literal["chat", "phone", "callback"] = "chat"
    callback_at: datetime | None = None
    before: int = 0  # the last message before the citizen asked: the summary's history ends there


class HandoffFlow(Flow):
    """'Tal med en medarbejder' and the person buttons; one open request per conversation (a database rule)."""

    name = "handoff"
    intents = ("human_handoff",)
    State = HandoffState
    interrupts = True

    async def start(self, ctx: Ctx) -> None:
        existing = await ctx.services.handoffs.open_for(ctx.convo.id)
        before = await ctx.services.conversations.last_message_id(ctx.convo.id)
        if ctx.nlu.entity("reason") == "crisis":
            await self._send(ctx, HandoffState(step="contact", before=before), "crisis", None)
            return
        if existing is not None:
            ctx.leave()
            ctx.say("handoff.already_open", [button("handoff.withdraw", make_payload("cancel_handoff"))])
            return
        words = None if ctx.nlu.payload else ctx.nlu.text
        state = HandoffState(words=words if words and len(words.split()) > WORDS_FOR_A_REASON else None,
                             before=before)
        ctx.enter(self.name, state)
        if state.words:
            self._ask_consent(ctx)
        else:
            ctx.say("handoff.ask_reason", [button(key, make_payload("handoff_topic", topic=t))
                                           for t, key in TOPICS.items()])

    def expects_free_text(self, state: HandoffState) -> bool:
        """Every step: a stressed citizen adds details or types a number instead of pressing a button."""
        return True

    def _ask_consent(self, ctx: Ctx) -> None:
        ctx.state.step = "consent"
        ctx.say("handoff.ask_consent", [button("handoff.consent_yes", make_payload("handoff_consent", share=True)),
                                        button("handoff.consent_no", make_payload("handoff_consent", share=False))])

    def _ask_contact(self, ctx: Ctx) -> None:
        ctx.state.step = "contact"
        ctx.say("handoff.ask_contact", [button(key, make_payload("handoff_contact", method=m))
                                        for m, key in CONTACTS.items()])

    async def resume(self, ctx: Ctx) -> bool:
        state: HandoffState = ctx.state
        nlu = ctx.nlu
        if not nlu.payload and (_EXIT.match(nlu.text) or (nlu.intent in ("capabilities", "goodbye")
                                                         and not nlu.fallback and nlu.confidence >= 0.8)):
            ctx.leave()
            ctx.say("handoff.not_sent", "menu")
            return True
        if state.step == "reason":
            if nlu.intent == "handoff_topic" and nlu.entity("topic") in TOPICS:
                state.topic = nlu.entity("topic")
            elif nlu.payload:
                return False
            else:
                state.words = nlu.text
            self._ask_consent(ctx)
            return True
        if state.step == "consent":
            share = nlu.entity("share") if nlu.intent == "handoff_consent" else \
                {"affirm": True, "deny": False}.get(nlu.intent) if not nlu.fallback else None
            if not isinstance(share, bool):
                if nlu.payload:
                    return False
                state.words = f"{state.words} {nlu.text}".strip() if state.words else nlu.text  # more details
                ctx.say("handoff.noted")
                self._ask_consent(ctx)
                return True
            state.consent = share
            self._ask_contact(ctx)
            return True
        if state.step == "contact":
            method = nlu.entity("method") if nlu.intent == "handoff_contact" else None
            if method not in CONTACTS:
                if nlu.payload:
                    return False
                number = phone_number(nlu.text)
                if number is not None:  # typed a number instead of pressing "Ring til mig"
                    state.contact = "phone"
                    await self._send(ctx, state, state.topic or "human_handoff", number)
                    return True
                self._ask_contact(ctx)
                return True
            state.contact = method
            if method == "chat":
                await self._send(ctx, state, state.topic or "human_handoff", None)
            else:
                state.step = "callback" if method == "callback" else "phone"
                ctx.say("handoff.ask_callback" if method == "callback" else "handoff.ask_phone")
            return True
        if nlu.payload:
            return False
        if state.step == "callback":
            return self._callback_time(ctx, state)
        number = phone_number(nlu.text)
        if number is None:
            ctx.say("handoff.bad_phone")
            return True
        await self._send(ctx, state, state.topic or "human_handoff", number)
        return True

    def _callback_time(self, ctx: Ctx, state: HandoffState) -> bool:
        wish = parse_wish(ctx.nlu.text, ctx.services.clock(), ctx.convo.locale)
        if wish.date_from is None and wish.time_from is None:
            ctx.say("handoff.bad_callback")
            return True
        hours = ctx.booking.municipality.opening_hours
        day = wish.date_from or ctx.services.clock().date()
        start = hours.days.get(day.weekday(), (None, None))[0]
        at = local_datetime(day, wish.time_from or start) if (wish.time_from or start) else None
        if at is None or at < ctx.services.clock():
            ctx.say("handoff.bad_callback")
            return True
        state.callback_at, state.step = at, "phone"
        ctx.say("handoff.ask_phone")
        return True

    async def _send(self, ctx: Ctx, state: HandoffState, reason: str, phone: str | None) -> None:
        """Create the request with the summary, then say what happens next and when."""
        svc = ctx.services
        history = await svc.conversations.recent_messages(ctx.convo.id, upto_id=state.before)
        muni = ctx.booking.municipality
        bookings = [f"{format_datetime(b.slot.starts_at, 'slot', 'da')}: {muni.meeting_types[b.slot.meeting_type].label}"
                    for b in await ctx.booking.upcoming(ctx.convo.citizen_id)]
        callback = format_datetime(state.callback_at, "long", "da") if state.callback_at else None
        cv = await svc.cvs.get(ctx.convo.citizen_id)
        cv_status = status_line(cv, svc.catalog.get(None)) if cv else None
        contact = Contact(state.contact if reason != "crisis" else "chat", phone, state.callback_at, state.consent)
        # What the case system knows of a logged-in citizen (None for an anonymous one): who to route it to.
        own = await ctx.booking.caseworker(ctx.convo.citizen_id)
        case = CaseContext(tuple(bookings), cv_status, callback, await ctx.booking.target_group(ctx.convo.citizen_id),
                           own.name if own else None)
        requested = await svc.handoffs.request(ctx.convo.id, reason, history, state.words, ctx.convo.locale, contact,
                                               case)
        ctx.event("handoff_requested", reason=reason, new=requested.is_new, contact=contact.method,
                  consent=state.consent, handoff_id=requested.handoff.id,
                  outside_hours=not muni.opening_hours.is_open(ctx.services.clock()))
        if requested.is_new or reason == "crisis":
            ctx.staff.append(StaffEvent("requested", requested.handoff.id))
        ctx.leave()
        if reason == "crisis":
            ctx.say("handoff.crisis_recorded")
            return
        withdraw = [button("handoff.withdraw", make_payload("cancel_handoff"))]
        if not requested.is_new:
            ctx.say("handoff.already_open", withdraw)
            return
        wait = await svc.handoffs.expected_wait(requested.handoff, muni.opening_hours)
        ctx.say(SENT[(contact.method, wait.open_now)], withdraw, minutes=wait.minutes, opens=When(wait.opens or ctx.services.clock(), "long"),
                when=When(state.callback_at or ctx.services.clock(), "long"))


class CancelHandoffFlow(Flow):
    """The citizen withdraws a request that no caseworker has taken yet."""

    name = "cancel_handoff"
    intents = ("cancel_handoff",)
    interrupts = True

    async def start(self, ctx: Ctx) -> None:
        ctx.leave()
        handoff = await ctx.services.handoffs.open_for(ctx.convo.id)
        if handoff is not None and await ctx.services.handoffs.cancel_by_citizen(ctx.convo.id):
            ctx.event("handoff_cancelled")
            ctx.staff.append(StaffEvent("cancelled", handoff.id))
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
