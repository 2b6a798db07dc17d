"""The dialog engine: one turn at a time per conversation; global rules first, then the active flow, then the intent."""
import logging
from dataclasses import dataclass
from datetime import datetime

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.context import Ctx, Services, button
from dialogs.flows.base import Flow
from dialogs.language import LanguageCheck
from dialogs.router import Router
from dialogs.safety import CHECK, CLEAR, SafetyNet, Signals, decide
from dialogs.turn import Turn
from nlu.client import Nlu, NluResult, NluUnavailable, make_payload, parse_payload
from services.identity import LoginGate
from services.inbox import StaffEvent
from services.outgoing import Button, Rendered, Renderer, Text, to_json
from services.redact import redact
from store.conversations import ConversationState, NewEvent, TurnRecord
from store.outbox import Pending
from store.turns import TurnGate

log = logging.getLogger(__name__)
START = "/start"
CRISIS = "crisis"
RERUN_OFF = frozenset({"greet", "out_of_scope", "capabilities", "affirm", "deny", "thanks"})  # nothing to go on with


def _without_crisis(result: NluResult) -> NluResult:
    """The interpretation with crisis struck out: the next intent, flagged as unsure so the citizen is asked."""
    ranking = [(i, c) for i, c in result.ranking if i != CRISIS]
    best, conf = ranking[0] if ranking else ("out_of_scope", 0.0)
    return NluResult(text=result.text, intent=best, confidence=conf, fallback=True, ranking=ranking,
                     entities=result.entities)


@dataclass(frozen=True)
class Limits:
    """Input limits of a turn."""

    max_chars: int = 1000


class Engine:
    """Channel-independent: every channel and every end-to-end test goes through handle()."""

    def __init__(self, nlu: Nlu, router: Router, safety: SafetyNet, services: Services, gate: TurnGate,
                 renderer: Renderer, limits: Limits = Limits(), login: LoginGate | None = None,
                 language: LanguageCheck | None = None) -> None:
        self._nlu, self._router, self._safety, self._services = nlu, router, safety, services
        self._gate, self._renderer, self._limits = gate, renderer, limits
        self._login = login  # None: no login needed (LOGIN_REQUIRED=false, and flow tests)
        self._language = language  # None: never ask about English

    async def handle(self, turn: Turn, take: bool = True) -> list[Rendered]:
        """Run one turn after the earlier turns of its conversation; its messages are stored in the outbox.

        take=True (web, terminal): return the conversation's undelivered messages, marked delivered.
        take=False (push channels): leave them for the channel's delivery, which marks them once sent.
        Either way, when the turn deleted the conversation, its replies come back directly (nothing is stored).
        """
        conversations, muni = self._services.conversations, self._services.default_municipality

        async def ensure(s: AsyncSession) -> None:  # in the ticket's transaction
            await conversations.create_in(s, turn.conversation_id, turn.channel, muni)

        async with self._gate.turn(turn.conversation_id, prepare=ensure,
                                   fetch=lambda s: conversations.load_in(s, turn.conversation_id)) as place:
            ticket = place.ticket  # first in line: the conversation was read in the ticket's transaction
            convo = place.seen or await conversations.load(turn.conversation_id)
            if convo is None:  # deleted while this turn waited ("slet mine data" in the turn before)
                await conversations.ensure(turn.conversation_id, turn.channel, muni)
                convo = await conversations.load(turn.conversation_id)
                assert convo is not None
            ctx = self._context(turn, convo)
            await self._run(ctx)
            taken = await self._save(ctx, ticket, self._services.clock() if take else None)
            if taken is not None:  # the save's commit also removed the ticket
                self._gate.left(ticket)
            if taken is None:  # the citizen deleted everything: answer, but store nothing
                return [self._renderer.render(m, convo.locale) for m in ctx.out]
        for event in ctx.staff:  # committed first, then caseworkers are told
            await self._services.staff_events.publish(event)
        return [self._renderer.render_stored(p.body, p.locale) for p in taken]

    def buttons(self, name: str) -> tuple[Button, ...]:
        """A named button set (channels use 'person' in their own error reply)."""
        return self._services.buttons.get(name)

    def _context(self, turn: Turn, convo: ConversationState) -> Ctx:
        text = turn.text.strip()
        ctx = Ctx(turn, NluResult(text=text, intent="", confidence=0.0), convo, self._services)
        flow = self._router.active(convo.flow)
        if flow is not None:
            try:
                ctx.state = flow.State.model_validate(convo.state)
            except ValidationError as exc:  # state of an older version of the flow: start afresh, never crash
                log.info("dropped the stored state of flow %s (%d errors)", flow.name, exc.error_count())
                ctx.leave()
        elif convo.flow:
            log.info("dropped unknown active flow %s", convo.flow)
            ctx.leave()
        return ctx

    async def _run(self, ctx: Ctx) -> None:
        text = ctx.nlu.text
        if not text:
            ctx.say("input.empty")
        elif len(text) > self._limits.max_chars:
            ctx.say("input.too_long", limit=self._limits.max_chars)
        else:
            await self._route(ctx, text)

    async def _save(self, ctx: Ctx, ticket: int, take_at: datetime | None) -> list[Pending] | None:
        convo, nlu = ctx.convo, ctx.nlu
        convo.state = ctx.state.model_dump(mode="json") if ctx.state is not None and convo.flow else {}
        texts = self._services.catalog.get(convo.locale)
        muni = convo.municipality or self._services.default_municipality
        # The first saved turn starts the conversation for the statistics (one per anon_id, survives deletion).
        started = [NewEvent("conversation_started", {"channel": convo.channel, "municipality": muni,
                                                     "locale": texts.locale})] if convo.version == 0 else []
        if nlu.fallback and not nlu.payload:  # its own kind, so the fallback rate needs no JSON parsing
            started.append(NewEvent("not_understood", {"intent": nlu.intent or None}))
        transcript = [redact(r.text) for r in (self._renderer.render(m, convo.locale) for m in ctx.out) if r.text]
        turn_event = NewEvent("turn", {"intent": nlu.intent or None, "confidence": round(nlu.confidence, 3)
                                       if nlu.intent else None, "fallback": nlu.fallback, "payload": nlu.payload,
                                       "flow": convo.flow, "channel": convo.channel, "locale": texts.locale,
                                       "mode": convo.mode})
        # The transcript keeps an intent only when it was understood as one (summaries list them as topics).
        understood = nlu.intent if nlu.intent and not nlu.fallback and not ctx.answered_step else None
        record = TurnRecord(await self._inbound(ctx), understood,
                            nlu.confidence if understood else None, transcript,
                            [("reply", to_json(m)) for m in ctx.out], [*started, turn_event, *ctx.events])
        return await self._services.conversations.save_turn(convo, record, ticket, take_at)

    async def _inbound(self, ctx: Ctx) -> str:
        """The citizen's message for the transcript: redacted text, or '[the button's title]' for a press."""
        text = ctx.turn.text.strip()[: self._limits.max_chars]
        if ctx.private_answer:
            return "[privat svar]"
        if not ctx.nlu.payload:
            return redact(text)
        if text == START:
            return "[start]"
        for body in await self._services.conversations.recent_outgoing(ctx.convo.id):
            for b in body.get("buttons", []):
                if b.get("payload") == text:
                    title = self._renderer.render_stored({"text": None, "buttons": [b]}, ctx.convo.locale)
                    return f"[{title.buttons[0].title}]"
        return f"[{ctx.nlu.intent}]"

    async def _route(self, ctx: Ctx, text: str) -> None:
        signals = self._safety.signals(text)  # once per turn: the crisis rules, then the decision, then distress
        if signals.crisis:  # before the NLU, so the safety reply comes even with the NLU down
            ctx.nlu = NluResult(text=text, intent=CRISIS, confidence=1.0)
            await self._crisis(ctx)
            return
        if text == START:
            ctx.nlu = NluResult(text=text, intent="greet", confidence=1.0, payload=True)
            if ctx.convo.mode != "human":
                ctx.leave()
                ctx.say("answers.start.text", "menu")
            return
        active = self._router.active(ctx.convo.flow)
        payload = parse_payload(text)
        free_text = payload is None and active is not None and active.expects_free_text(ctx.state)
        try:
            ctx.nlu = payload or await self._nlu.parse(text)
        except NluUnavailable as exc:
            log.warning("NLU unavailable: %s", exc)
            if self._distress(ctx, text, free_text, signals):
                return
            if not free_text and ctx.convo.mode != "human":
                ctx.say("nlu_down", "menu")  # buttons work without the NLU; the menu includes a person
                return
        result = ctx.nlu
        if result.intent == CRISIS and not result.payload:
            verdict = decide(signals, result.confidence, self._safety.thresholds)
            if verdict == CLEAR:
                await self._crisis(ctx)
                return
            if verdict == CHECK:  # unclear: a short, warm question; "ja" gives the safety reply
                self._switch_at_once(ctx, text)
                ctx.say("crisis_check.text", [button("crisis_check.yes", make_payload(CRISIS)),
                                              button("crisis_check.no", make_payload("crisis_check_no"))])
                return
            ctx.nlu = result = _without_crisis(result)  # an idiom or a weak guess: handle as the next intent
        elif result.intent == CRISIS:  # the check-in's "Ja, jeg har brug for hjælp nu"
            await self._crisis(ctx)
            return
        if self._distress(ctx, text, free_text, signals):  # after the crisis checks: distress never hides a crisis
            return
        if self._asks_language(ctx, text):  # English in a Danish conversation: ask once (never before safety)
            return
        if ctx.convo.mode == "human":  # a caseworker has the conversation: the message goes to them
            handoff = await self._services.handoffs.open_for(ctx.convo.id)
            if handoff is not None:
                ctx.staff.append(StaffEvent("citizen_message", handoff.id, redact(ctx.nlu.text)))
            return
        if free_text and active is not None and await active.resume(ctx):
            ctx.answered_step = True  # an answer to the step's question, not a request
            return
        flow = self._router.for_intent(ctx, result.intent)
        interrupting = self._router.interrupts(result.intent) and (result.payload or not result.fallback)
        if active and not free_text and not interrupting and await active.resume(ctx):
            return
        if result.fallback and not result.payload:
            self._clarify(ctx)
            return
        if flow is None:
            ctx.say("input.stale", "menu")
            return
        if not self._router.is_side_remark(result.intent):
            ctx.leave()
        if self._login is not None and flow.needs_login(result.intent) \
                and not await self._login.logged_in(ctx.convo.citizen_id):
            await self._ask_login(ctx, flow)
            return
        await flow.start(ctx)
        if ctx.rerun:  # the message written before the language was chosen, now answered in that language
            await self._rerun(ctx, ctx.rerun)

    def _asks_language(self, ctx: Ctx, text: str) -> bool:
        if self._language is None or text.startswith("/"):  # a button, a command or a broken payload: no language
            return False
        active = self._router.active(ctx.convo.flow)
        if active is not None and active.expects_free_text(ctx.state):  # a CV field or a phone number: an answer
            return False
        return self._language.ask(ctx, text, self._limits.max_chars)

    def _switch_at_once(self, ctx: Ctx, text: str) -> None:
        if self._language is not None:
            self._language.switch_at_once(ctx, text)

    async def _rerun(self, ctx: Ctx, text: str) -> None:
        """Handle the earlier message now; one that asked for nothing in particular gets the menu instead."""
        ctx.rerun = None
        if parse_payload(text) is not None:  # resumes are typed text; a payload here is forged
            ctx.say("language.menu", "menu")
            return
        try:
            result = await self._nlu.parse(text)
        except NluUnavailable as exc:
            log.warning("NLU unavailable: %s", exc)
            ctx.say("language.menu", "menu")
            return
        if result.fallback or result.intent in RERUN_OFF:  # "I don't speak Danish": nothing to go on with
            ctx.say("language.menu", "menu")
            return
        await self._route(ctx, text)

    async def _ask_login(self, ctx: Ctx, flow: Flow) -> None:
        """A personal request from an anonymous citizen: a login button; after the callback the request is rerun."""
        assert self._login is not None
        nlu = ctx.nlu  # rerun as it came: a button's payload, or the (redacted) text through the NLU again
        resume = nlu.text if nlu.payload else redact(nlu.text)[: self._limits.max_chars]
        url = await self._login.login_url(ctx.convo.id, resume)
        ctx.event("login_asked", flow=flow.name)
        ctx.say("identity.login_needed", [Button(Text("identity.login_button"), "", url)])

    def _distress(self, ctx: Ctx, text: str, free_text: bool, signals: Signals) -> bool:
        """Distress without danger gets a warm reply and a person; in a free-text answer it is part of the answer."""
        if free_text or ctx.convo.mode == "human" or parse_payload(text) is not None or not signals.distress:
            return False
        ctx.event("distress_reply")
        self._switch_at_once(ctx, text)
        ctx.say("distress", "person")
        return True

    async def _crisis(self, ctx: Ctx) -> None:
        """The safety reply from any state and any mode; an open handoff goes to the top of the queue."""
        self._switch_at_once(ctx, ctx.nlu.text)
        crisis: Flow | None = self._router.for_intent(ctx, CRISIS)
        assert crisis is not None
        await crisis.start(ctx)
        await self._services.handoffs.raise_priority(ctx.convo.id)
        handoff = await self._services.handoffs.open_for(ctx.convo.id)
        if handoff is not None:  # a caseworker on it must see the crisis at once
            ctx.staff.append(StaffEvent("citizen_message", handoff.id, redact(ctx.nlu.text)))

    def _clarify(self, ctx: Ctx) -> None:
        """Unsure: the two most likely intents as buttons, plus 'something else' and a person."""
        labels = [name for name, _ in ctx.nlu.ranking if ctx.texts.has(f"intent_labels.{name}")
                  and name not in ("out_of_scope", CRISIS, "human_handoff")][:2]
        ctx.event("clarify_offered", options=labels)  # the next turn of the conversation is its outcome
        ctx.say("clarify.text", [*(button(f"intent_labels.{name}", make_payload(name)) for name in labels),
                                 button("clarify.something_else", make_payload("something_else")),
                                 button("clarify.person", make_payload("human_handoff"))])
