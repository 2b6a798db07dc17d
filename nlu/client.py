"""The app's NLU client: Rasa's /model/parse over HTTP, and button payloads parsed locally."""
from __future__ import annotations

import json
import re
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import aiohttp

FALLBACK = "nlu_fallback"
MAX_DB_INT = 2**63 - 1
_PAYLOAD = re.compile(r"^/(?P<intent>[a-z_]+)(?P<json>\{.*\})?$", re.S)


@dataclass(frozen=True)
class NluResult:
    """The interpretation of one message."""

    text: str
    intent: str
    confidence: float
    fallback: bool = False
    ranking: list[tuple[str, float]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    payload: bool = False  # came from a button, not from free text

    def entity(self, name: str) -> Any:
        """The first value of an entity, or None."""
        return next((e.get("value") for e in self.entities if e.get("entity") == name), None)


class NluUnavailable(RuntimeError):
    """The NLU service did not answer in time or answered with an error."""


class Nlu(Protocol):
    """What the engine needs from an NLU."""

    async def parse(self, text: str) -> NluResult: ...


def _plausible(key: str, value: Any) -> bool:
    """Whether a payload value can be one we made: a forged one is dropped, so the flow calls the button stale.

    Row ids (keys ending in '_id') are positive 64-bit integers, never booleans (True is an int in Python);
    no number we make leaves the 64-bit range the databases take.
    """
    if key.endswith("_id"):
        return type(value) is int and 0 < value <= MAX_DB_INT
    return not isinstance(value, int) or isinstance(value, bool) or abs(value) <= MAX_DB_INT


def parse_payload(text: str) -> NluResult | None:
    """A Rasa-style button payload '/intent{"key": value}', or None for free text."""
    match = _PAYLOAD.match(text.strip())
    if not match:
        return None
    entities: list[dict[str, Any]] = []
    if match["json"]:
        try:
            values = json.loads(match["json"])
        except json.JSONDecodeError:
            return None
        if not isinstance(values, dict):
            return None
        entities = [{"entity": k, "value": v} for k, v in values.items() if _plausible(k, v)]
    return NluResult(text=text, intent=match["intent"], confidence=1.0, entities=entities, payload=True)


def from_rasa(data: dict[str, Any]) -> NluResult:
    """Map Rasa's parse result; its fallback pseudo-intent becomes a flag on the best real intent."""
    ranking = [(r["name"], float(r["confidence"])) for r in data.get("intent_ranking") or []
               if r.get("name") != FALLBACK]
    top = data.get("intent") or {}
    is_fallback = top.get("name") == FALLBACK or not ranking
    best, conf = ranking[0] if ranking else ("out_of_scope", 0.0)
    entities = [{k: e[k] for k in ("entity", "value", "start", "end") if k in e}
                for e in data.get("entities") or []]
    return NluResult(text=data.get("text", ""), intent=best, confidence=conf, fallback=is_fallback,
                     ranking=ranking, entities=entities)


class RasaNlu:
    """Calls a running Rasa server (`rasa run --enable-api`)."""

    def __init__(self, base_url: str, session: aiohttp.ClientSession, timeout_s: float) -> None:
        self._url = base_url.rstrip("/")
        self._session = session
        self._timeout = aiohttp.ClientTimeout(total=timeout_s)

    async def parse(self, text: str) -> NluResult:
        try:
            async with self._session.post(f"{self._url}/model/parse", json={"text": text},
                                          timeout=self._timeout) as resp:
                if resp.status != 200:
                    raise NluUnavailable(f"Rasa answered {resp.status}")
                data = await resp.json()
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:  # ValueError: the body was not JSON
            raise NluUnavailable(str(exc) or type(exc).__name__) from exc
        try:
            return from_rasa(data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:  # JSON, but not Rasa's parse result
            raise NluUnavailable(f"not a parse result: {type(exc).__name__}") from exc

    async def ready(self) -> bool:
        """True once the server answers parses, i.e. the model is loaded."""
        try:
            await self.parse("hej")
        except NluUnavailable:
            return False
        return True


class CachedNlu:
    """A small LRU cache of parses for frequent short messages ("hej", "ja tak", "farvel") in front of an NLU.

    Only short texts without entities (an entity's offsets belong to its text), and never a result whose top
    intent is crisis: a crisis-like message always goes to the model and the safety decision afresh. The model
    is deterministic, so a hit is the parse the model would give; errors (NLU down) are never cached.
    """

    def __init__(self, inner: Nlu, size: int = 2000, max_chars: int = 40,
                 never: frozenset[str] = frozenset({"crisis"})) -> None:
        self._inner, self._size, self._max_chars, self._never = inner, size, max_chars, never
        self._parses: OrderedDict[str, NluResult] = OrderedDict()
        self.hits = self.misses = 0  # for the bench's report

    async def parse(self, text: str) -> NluResult:
        key = text.strip().lower()  # the pipeline is case-insensitive (config.yml), so case is no part of the key
        cached = self._parses.get(key) if len(key) <= self._max_chars else None
        if cached is not None:
            self._parses.move_to_end(key)
            self.hits += 1
            return replace(cached, text=text)
        self.misses += 1
        result = await self._inner.parse(text)
        if self._size and len(key) <= self._max_chars and not result.entities and result.intent not in self._never:
            self._parses[key] = result
            if len(self._parses) > self._size:
                self._parses.popitem(last=False)
        return result


def make_payload(intent: str, **entities: Any) -> str:
    """A button payload in Rasa's form, '/intent{"key": value}', built with json.dumps (parse_payload reads it)."""
    if not re.fullmatch(r"[a-z_]+", intent):
        raise ValueError(f"not an intent name: {intent!r}")
    return f"/{intent}{json.dumps(entities, ensure_ascii=False)}" if entities else f"/{intent}"
