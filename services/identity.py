"""Identity, the pure parts: tokens and their hashes, the login gate the engine asks, demo citizens, the CPR hook."""
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable, Protocol
from urllib.parse import urlencode

import yaml

DEMO_CITIZENS = Path(__file__).resolve().parent / "data" / "demo_citizens.yml"
LOGIN_PATH = "/auth/login"


def new_token() -> str:
    """An unguessable token (256 bits) for a cookie, a login URL, a sender id or a link code."""
    return secrets.token_urlsafe(32)


def digest(token: str) -> str:
    """What the database keeps of a token: a leaked table gives no usable session or code."""
    return hashlib.sha256(token.encode()).hexdigest()


class LoginStore(Protocol):
    """What the gate needs from store.identity.IdentityStore."""

    async def subject_of(self, citizen_id: int) -> str | None: ...

    async def new_login(self, conversation_id: str, resume: str, now: datetime, ttl: timedelta) -> str: ...


class LoginGate:
    """Asked by the engine before a personal flow starts: is the citizen logged in, and where do they log in."""

    def __init__(self, store: LoginStore, base_url: str, clock: Callable[[], datetime],
                 ttl: timedelta = timedelta(minutes=10)) -> None:
        self._store, self._base, self._clock, self._ttl = store, base_url.rstrip("/"), clock, ttl

    async def logged_in(self, citizen_id: int) -> bool:
        return await self._store.subject_of(citizen_id) is not None

    async def login_url(self, conversation_id: str, resume: str) -> str:
        """An absolute, single-use, short-lived URL that logs this conversation in and then continues with resume."""
        token = await self._store.new_login(conversation_id, resume, self._clock(), self._ttl)
        return f"{self._base}{LOGIN_PATH}?{urlencode({'t': token})}"


class CaseHook(Protocol):
    """The case adapter's hook at login: a CPR number, if the broker sent one, goes here and is never stored."""

    async def on_login(self, citizen_id: int, subject: str, cpr: str | None) -> None: ...


@dataclass(frozen=True)
class DemoCitizen:
    """A demo citizen the local OIDC provider knows (services/data/demo_citizens.yml)."""

    sub: str
    name: str
    municipality: str


def load_demo_citizens(path: Path = DEMO_CITIZENS) -> tuple[DemoCitizen, ...]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(DemoCitizen(str(c["sub"]), str(c["name"]), str(c.get("municipality", ""))) for c in raw)
