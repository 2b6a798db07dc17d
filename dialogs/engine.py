"""The dialog engine: one turn in, replies out; global rules first, then the active flow, then the intent."""
import logging

from dialogs.context import Ctx, Services
from dialogs.router import Router
from dialogs.safety import SafetyNet
from dialogs.turn import Button, Reply, Turn
from nlu.client import Nlu, NluResult, NluUnavailable, parse_payload
from services.redact import redact

log = logging.getLogger(__name__)

# Intents that interrupt any active flow when the NLU is confident about them.
INTERRUPTS = frozenset({"crisis", "human_handoff", "capabilities", "delete_my_data", "goodbye", "complaint"})
# Side remarks are answered without ending the active flow.
SIDE_REMARKS = frozenset({"greet", "thanks", "bot_challenge", "privacy"})
START = "/start"


class Engine:
    """Channel-independent: every channel and every end-to-end test goes through handle()."""

    def __init__(self, nlu: Nlu, router: Router, safety: SafetyNet, services: Services, max_chars: int) -> None:
        self._nlu, self._router, self._safety = nlu, router, safety
        self._services, self._max_chars = services, max_chars

    async def handle(self, turn: Turn) -> list[Reply]:
        store = self._services.store
        convo = await store.load(turn.conversation_id, turn.channel)
        text = turn.text.strip()
        ctx = Ctx(turn, NluResult(text=text, intent="", confidence=0.0), convo, self._services)
        if not text:
            ctx.say("input.empty")
        elif len(text) > self._max_chars:
            ctx.say("input.too_long", limit=self._max_chars)
        else:
            await self._route(ctx, text)
        pending = [Reply(text=t) for t in await store.take_outbox(convo.id)]
        await store.save_turn(convo, redact(text[: self._max_chars]), ctx.nlu.intent or None,
                              ctx.nlu.confidence if ctx.nlu.intent else None,
                              [redact(r.text) for r in ctx.replies if r.text])
        return pending + ctx.replies

    async def _route(self, ctx: Ctx, text: str) -> None:
        if self._safety.is_crisis(text):
            ctx.nlu = NluResult(text=text, intent="crisis", confidence=1.0)
            await self._start(ctx, "crisis")
            return
        if text == START:
            ctx.nlu = NluResult(text=text, intent="greet", confidence=1.0, payload=True)
            ctx.leave()
            ctx.say("answers.start.text", "menu")
            return
        try:
            ctx.nlu = parse_payload(text) or await self._nlu.parse(text)
        except NluUnavailable as exc:
            log.warning("NLU unavailable: %s", exc)
            ctx.say("nlu_down", "menu")  # buttons work without the NLU; the menu includes a person
            return
        result = ctx.nlu
        if result.intent == "crisis":  # at any confidence: a missed crisis costs more than a false alarm
            await self._start(ctx, "crisis")
            return
        interrupting = result.intent in INTERRUPTS and (result.payload or not result.fallback)
        active = self._router.active(ctx.convo.flow)
        if active and not interrupting and await active.resume(ctx):
            return
        if result.fallback and not result.payload:
            self._clarify(ctx)
            return
        if not await self._start(ctx, result.intent):
            ctx.say("input.stale", "menu")

    async def _start(self, ctx: Ctx, intent: str) -> bool:
        flow = self._router.for_intent(ctx, intent)
        if flow is None:
            return False
        if intent not in SIDE_REMARKS:
            ctx.leave()
        await flow.start(ctx)
        return True

    def _clarify(self, ctx: Ctx) -> None:
        """Unsure: the two most likely intents as buttons, plus 'something else' and a person."""
        texts = ctx.texts
        top = [name for name, _ in ctx.nlu.ranking if texts.has(f"intent_labels.{name}")
               and name not in ("out_of_scope", "crisis", "human_handoff")][:2]
        buttons = [Button(texts.get(f"intent_labels.{name}"), f"/{name}") for name in top]
        buttons += [Button(texts.get("clarify.something_else"), "/something_else"),
                    Button(texts.get("clarify.person"), "/human_handoff")]
        ctx.say_text(texts.get("clarify.text"), buttons)
