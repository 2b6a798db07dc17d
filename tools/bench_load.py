"""Load bench (issue 11): simulated citizens (asyncio) through a REST endpoint, closed loop and open arrivals.

The same scripts drive three targets so their costs compare in one run: our assistant's REST endpoint, the Rasa
server's /model/parse alone, and a plain Rasa bot's REST endpoint (tools/bench_plainrasa.py). Only our assistant
books, so a button press is a real press there and Rasa's own button form (`/affirm`) for the Rasa targets.
"""
import asyncio
import random
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp

SAY, PRESS, CONFIRM = "say", "press", "confirm"
RASA_PRESS = "/affirm"  # what a button press is for the Rasa targets: a payload, which skips Rasa's pipeline
TIMEOUT = aiohttp.ClientTimeout(total=30)


@dataclass(frozen=True)
class Step:
    """One citizen turn: say a text, press a button whose payload starts with `arg`, or confirm a slot."""

    kind: str
    arg: str


def say(text: str) -> Step:
    return Step(SAY, text)


# Questions, and a booking that is listed, moved and cancelled: what a citizen does in the chat.
SCRIPTS: dict[str, list[Step]] = {
    "questions": [say("hej"), say("hvad er virksomhedspraktik"), say("hvad betyder aktivitetsparat"),
                  say("hvornår får jeg mine penge"), say("hvordan skriver jeg en god ansøgning"),
                  say("kan jeg komme på kursus"), say("mange tak for hjælpen"), say("farvel")],
    "book_move_cancel": [say("hej"), say("jeg vil booke en jobsamtale på telefon"), Step(PRESS, "/pick_slot"),
                         Step(CONFIRM, "ja"), say("22 33 44 55"), say("hvornår er min næste samtale"),
                         say("kan jeg flytte min samtale"), Step(PRESS, "/pick_slot"), Step(CONFIRM, "ja"),
                         say("jeg vil aflyse min samtale"), say("ja"), say("tak")],
}
TURNS_PER_SCRIPT = {name: len(steps) for name, steps in SCRIPTS.items()}


@dataclass
class Record:
    """What one level measured: per-turn latencies and what went wrong."""

    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)
    misses: int = 0  # a press found no such button: the script was abandoned (not a server error)
    scripts: int = 0
    elapsed_s: float = 0.0  # from the level's start until its last turn came back

    def error(self, kind: str) -> None:
        self.errors += 1
        self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1


class Target:
    """An endpoint the citizens talk to."""

    name = ""
    rasa = True  # a Rasa target: presses become RASA_PRESS

    def __init__(self, url: str, apology: str | None = None) -> None:
        self.url, self._apology = url.rstrip("/"), apology

    async def send(self, http: aiohttp.ClientSession, sender: str, message: str) -> list[dict[str, Any]]:
        async with http.post(f"{self.url}/webhooks/rest/webhook", json={"sender": sender, "message": message},
                             timeout=TIMEOUT) as resp:
            if resp.status != 200:
                raise TurnError(f"http {resp.status}")
            replies = await resp.json()
        if self._apology and any(r.get("text") == self._apology for r in replies):
            raise TurnError("apology")  # the app's "noget gik galt" reply: a failed turn behind a 200
        return replies


class Assistant(Target):
    name, rasa = "assistant", False


class PlainRasa(Target):
    name = "plain_rasa"


class NluOnly(Target):
    name = "nlu_only"

    async def send(self, http: aiohttp.ClientSession, sender: str, message: str) -> list[dict[str, Any]]:
        async with http.post(f"{self.url}/model/parse", json={"text": message}, timeout=TIMEOUT) as resp:
            if resp.status != 200:
                raise TurnError(f"http {resp.status}")
            await resp.read()
        return []


class TurnError(RuntimeError):
    """A turn that failed: not 200, or the app's apology."""


def _buttons(replies: list[dict[str, Any]], prefix: str) -> list[str]:
    return [b["payload"] for r in replies for b in r.get("buttons", []) if b.get("payload", "").startswith(prefix)]


async def citizen(target: Target, http: aiohttp.ClientSession, steps: list[Step], sender: str, rng: random.Random,
                  rec: Record, deadline: float, think_s: float = 0.0) -> None:
    """One citizen runs one script; each turn's latency is recorded. Stops at the deadline, between turns."""
    last: list[dict[str, Any]] = []

    async def turn(message: str) -> list[dict[str, Any]] | None:
        started = time.perf_counter()
        try:
            replies = await target.send(http, sender, message)
        except TurnError as exc:
            rec.error(str(exc))
            return None
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:  # ValueError: the body was not JSON
            rec.error(type(exc).__name__)
            return None
        rec.latencies_ms.append((time.perf_counter() - started) * 1000)
        return replies

    for step in steps:
        if time.monotonic() >= deadline:
            return
        if think_s:
            await asyncio.sleep(rng.expovariate(1 / think_s))
        if step.kind == PRESS and not target.rasa:
            choices = _buttons(last, step.arg)
            if not choices:
                rec.misses += 1
                return
            message = rng.choice(choices)
        else:
            message = RASA_PRESS if step.kind == PRESS else step.arg
        replies = await turn(message)
        # Someone else took the time meanwhile: the reply offers fresh times; pick one and confirm again.
        for _ in range(3):
            if replies is None or step.kind != CONFIRM or target.rasa or not _buttons(replies, "/pick_slot"):
                break
            if await turn(rng.choice(_buttons(replies, "/pick_slot"))) is None:
                return
            replies = await turn(step.arg)
        if replies is None:
            return
        last = replies
    rec.scripts += 1


def pick_script(rng: random.Random) -> list[Step]:
    return SCRIPTS[rng.choice(sorted(SCRIPTS))]


async def closed_loop(target: Target, clients: int, duration_s: float, seed: int = 1) -> Record:
    """`clients` citizens, each starting a new conversation as soon as the last one ends, for duration_s."""
    rec = Record()
    deadline = time.monotonic() + duration_s
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as http:
        async def worker(w: int) -> None:
            rng, i = random.Random(seed * 1000 + w), 0
            while time.monotonic() < deadline:
                await citizen(target, http, pick_script(rng), f"bench-{target.name}-{seed}-{w}-{i}", rng, rec,
                              deadline)
                i += 1
        started = time.monotonic()
        await asyncio.gather(*(worker(w) for w in range(clients)))
    rec.elapsed_s = time.monotonic() - started
    return rec


async def open_arrivals(target: Target, rate_per_s: float, duration_s: float, think_s: float,
                        seed: int = 1) -> Record:
    """Citizens arrive at rate_per_s (Poisson), each runs one script with think time; new turns stop at the end."""
    rec, rng = Record(), random.Random(seed)
    deadline = time.monotonic() + duration_s
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as http:
        tasks, started, i = [], time.monotonic(), 0
        while time.monotonic() < deadline:
            tasks.append(asyncio.create_task(citizen(target, http, pick_script(rng), f"bench-{target.name}-o{seed}-{i}",
                                                     random.Random(seed * 7919 + i), rec, deadline, think_s)))
            i += 1
            await asyncio.sleep(rng.expovariate(rate_per_s))
        await asyncio.gather(*tasks)
    rec.elapsed_s = time.monotonic() - started
    return rec


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..1); 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(q * len(ordered) + 0.5)) - 1))]


def summary(rec: Record, label: str) -> dict[str, Any]:
    elapsed = rec.elapsed_s or 1.0
    lat = rec.latencies_ms
    return {"level": label, "turns": len(lat), "replies_per_s": round(len(lat) / elapsed, 1),
            "p50_ms": round(pct(lat, .5), 1), "p95_ms": round(pct(lat, .95), 1), "p99_ms": round(pct(lat, .99), 1),
            "max_ms": round(max(lat, default=0.0), 1), "errors": rec.errors, "error_kinds": rec.error_kinds,
            "script_misses": rec.misses, "scripts_done": rec.scripts, "elapsed_s": round(elapsed, 1)}


@dataclass(frozen=True)
class Plan:
    """The levels every target runs: closed loop at each N, then open arrivals."""

    clients: tuple[int, ...] = (1, 10, 50)
    duration_s: float = 20.0
    rate_per_s: float = 2.0  # citizens arriving per second in the open level
    think_s: float = 1.0  # mean pause before each turn in the open level


async def run_levels(target: Target, plan: Plan, log: Any = print) -> list[dict[str, Any]]:
    """Every level of the plan against one target, after a short warm-up (not counted)."""
    await closed_loop(target, 2, 3.0, seed=99)
    out = []
    for n in plan.clients:
        out.append(summary(await closed_loop(target, n, plan.duration_s, seed=n), f"closed N={n}"))
        log(f"  {target.name:<11} {out[-1]['level']:<14} {out[-1]['replies_per_s']:>7}/s  p50 {out[-1]['p50_ms']:>7} "
            f"p95 {out[-1]['p95_ms']:>7} p99 {out[-1]['p99_ms']:>7} ms  errors {out[-1]['errors']}")
    rec = await open_arrivals(target, plan.rate_per_s, plan.duration_s, plan.think_s)
    out.append(summary(rec, f"open {plan.rate_per_s:g}/s"))
    log(f"  {target.name:<11} {out[-1]['level']:<14} {out[-1]['replies_per_s']:>7}/s  p50 {out[-1]['p50_ms']:>7} "
        f"p95 {out[-1]['p95_ms']:>7} p99 {out[-1]['p99_ms']:>7} ms  errors {out[-1]['errors']}")
    return out
