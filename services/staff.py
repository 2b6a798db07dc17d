"""Caseworker accounts, inbox sessions and the login rate limit (argon2 hashes; tokens stored only as hashes)."""
import asyncio
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.models import LoginAttempt, StaffAccount, StaffSession

MIN_PASSWORD = 12


class WeakPassword(ValueError):
    """Shorter than MIN_PASSWORD characters."""


@dataclass(frozen=True)
class Staff:
    """A logged-in (or listed) caseworker."""

    id: int
    email: str
    name: str


@dataclass(frozen=True)
class StaffLogin:
    staff: Staff
    token: str  # for the cookie; only its hash is stored
    csrf: str


@dataclass(frozen=True)
class StaffRules:
    session_hours: float = 8.0
    max_failures: int = 5  # per e-mail or per client address ...
    failure_window: timedelta = timedelta(minutes=15)  # ... within this window, then 429


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


class StaffService:
    """Accounts (bin/caseworker), login with rate limit, sessions with CSRF tokens."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Callable[[], datetime],
                 rules: StaffRules = StaffRules(), hasher: PasswordHasher | None = None) -> None:
        self._sessions, self._clock, self._rules = sessions, clock, rules
        self._hasher = hasher or PasswordHasher()

    async def add(self, email: str, name: str, password: str) -> Staff:
        """Create the account, or set a new password (and name) for an existing e-mail."""
        if len(password) < MIN_PASSWORD:
            raise WeakPassword(f"the password must have at least {MIN_PASSWORD} characters")
        hashed = await asyncio.to_thread(self._hasher.hash, password)
        email = email.strip().lower()
        async with self._sessions.begin() as s:
            row = await s.scalar(select(StaffAccount).where(StaffAccount.email == email))
            if row is None:
                row = StaffAccount(email=email, name=name, password_hash=hashed)
                s.add(row)
            else:
                row.password_hash, row.name = hashed, name or row.name
            await s.flush()
            return Staff(row.id, row.email, row.name)

    async def list(self) -> list[Staff]:
        async with self._sessions() as s:
            rows = (await s.scalars(select(StaffAccount).order_by(StaffAccount.email))).all()
        return [Staff(r.id, r.email, r.name) for r in rows]

    async def by_email(self, email: str) -> Staff | None:
        async with self._sessions() as s:
            row = await s.scalar(select(StaffAccount).where(StaffAccount.email == email.strip().lower()))
        return Staff(row.id, row.email, row.name) if row else None

    async def limited(self, email: str, client: str) -> bool:
        """Too many failed logins for this e-mail or from this address lately."""
        since = self._clock() - self._rules.failure_window
        keys = [_digest("email:" + email.strip().lower()), _digest("client:" + client)]
        async with self._sessions() as s:
            counts = [await s.scalar(select(func.count()).select_from(LoginAttempt)
                                     .where(LoginAttempt.key == k, LoginAttempt.at >= since)) for k in keys]
        return max(counts) >= self._rules.max_failures

    async def login(self, email: str, password: str, client: str) -> StaffLogin | None:
        """A new session for the right password; None (and a counted failure) otherwise."""
        email = email.strip().lower()
        async with self._sessions() as s:
            row = await s.scalar(select(StaffAccount).where(StaffAccount.email == email))
        # Without an account, verify against a dummy hash anyway, so timing does not tell which e-mails exist.
        stored = row.password_hash if row else await asyncio.to_thread(self._hasher.hash, secrets.token_hex(8))
        try:
            ok = await asyncio.to_thread(self._hasher.verify, stored, password) and row is not None
        except (VerificationError, InvalidHashError):
            ok = False
        now = self._clock()
        if not ok or row is None:
            async with self._sessions.begin() as s:
                s.add_all([LoginAttempt(key=_digest("email:" + email), at=now),
                           LoginAttempt(key=_digest("client:" + client), at=now)])
            return None
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
        async with self._sessions.begin() as s:
            s.add(StaffSession(token_hash=_digest(token), account_id=row.id, csrf=csrf, created_at=now,
                               expires_at=now + timedelta(hours=self._rules.session_hours)))
            await s.execute(delete(LoginAttempt).where(LoginAttempt.key == _digest("email:" + email)))
            await s.execute(delete(StaffSession).where(StaffSession.expires_at < now))
        return StaffLogin(Staff(row.id, row.email, row.name), token, csrf)

    async def session(self, token: str) -> tuple[Staff, str] | None:
        """The caseworker and CSRF token of a live session."""
        async with self._sessions() as s:
            row = (await s.execute(select(StaffSession, StaffAccount).join(
                StaffAccount, StaffAccount.id == StaffSession.account_id).where(
                StaffSession.token_hash == _digest(token), StaffSession.expires_at > self._clock()))).first()
        if row is None:
            return None
        sess, acc = row
        return Staff(acc.id, acc.email, acc.name), sess.csrf

    async def logout(self, token: str) -> None:
        async with self._sessions.begin() as s:
            await s.execute(delete(StaffSession).where(StaffSession.token_hash == _digest(token)))

    async def forget_failures_before(self, when: datetime) -> None:
        async with self._sessions.begin() as s:
            await s.execute(delete(LoginAttempt).where(or_(LoginAttempt.at < when)))
