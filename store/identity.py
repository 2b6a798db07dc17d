"""Repository for identity: citizens by OIDC subject, web sessions and senders, login requests, Telegram link codes.

Every one-time thing (a login's state, a Telegram link code) is claimed by a conditional UPDATE, so two
workers, or two tabs, never both use it.
"""
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.identity import digest, new_token
from store.citizens import citizen_links
from store.models import (Citizen, Conversation, LoginRequest, TelegramLinkCode, WebConversation, WebSession)


@dataclass(frozen=True)
class SessionView:
    """A live web session: whose it is, and whether that citizen has logged in."""

    citizen_id: int
    subject: str | None


@dataclass(frozen=True)
class LoginClaim:
    """A login whose callback arrived: the conversation to log in and what the citizen asked for."""

    conversation_id: str
    resume: str
    nonce: str
    code_verifier: str


class OtherCitizen(RuntimeError):
    """The conversation already belongs to another logged-in citizen; it is never handed to a second one."""


class IdentityStore:
    """Citizens by subject, sessions, issued senders, logins and link codes; each method one transaction."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    # --- web sessions and the senders issued to them

    async def new_session(self, now: datetime, ttl: timedelta, citizen_id: int | None = None) -> tuple[str, int]:
        """A session for a citizen (a new anonymous one when None); returns the cookie token and the citizen."""
        token = new_token()
        async with self._sessions.begin() as s:
            if citizen_id is None:
                citizen = Citizen()
                s.add(citizen)
                await s.flush()
                citizen_id = citizen.id
            s.add(WebSession(token_hash=digest(token), citizen_id=citizen_id, created_at=now, expires_at=now + ttl))
        return token, citizen_id

    async def session(self, token: str, now: datetime) -> SessionView | None:
        async with self._sessions() as s:
            row = (await s.execute(select(WebSession.citizen_id, Citizen.subject)
                                   .join(Citizen, Citizen.id == WebSession.citizen_id)
                                   .where(WebSession.token_hash == digest(token), WebSession.expires_at > now))).first()
        return SessionView(row[0], row[1]) if row else None

    async def end_session(self, token: str) -> None:
        async with self._sessions.begin() as s:
            await s.execute(delete(WebSession).where(WebSession.token_hash == digest(token)))

    async def issue_conversation(self, citizen_id: int, channel: str, municipality: str,
                                 locale: str | None = None) -> str:
        """A new conversation of the citizen under a random sender id, marked as the web page's; returns the sender.

        locale: the language the citizen chose on the page (no question about it then); None: Danish, may be asked.
        """
        sender = new_token()
        conversation_id = f"{channel}:{sender}"
        async with self._sessions.begin() as s:
            s.add(Conversation(id=conversation_id, citizen_id=citizen_id, channel=channel, state={},
                               municipality=municipality, anon_id=str(uuid.uuid4()), locale=locale or "da",
                               language_asked=locale is not None and locale != "da"))
            await s.flush()
            s.add(WebConversation(conversation_id=conversation_id))
        return sender

    async def may_use(self, conversation_id: str, citizen_id: int | None) -> bool:
        """A sender the server issued to the web page may be used only by its citizen's session; others are open."""
        async with self._sessions() as s:
            row = (await s.execute(select(Conversation.citizen_id).join(
                WebConversation, WebConversation.conversation_id == Conversation.id)
                .where(Conversation.id == conversation_id))).first()
        return row is None or row[0] == citizen_id

    async def locale_of(self, conversation_id: str) -> str | None:
        """The conversation's language, or None if there is no such conversation."""
        async with self._sessions() as s:
            return await s.scalar(select(Conversation.locale).where(Conversation.id == conversation_id))

    async def owner(self, conversation_id: str) -> tuple[int, bool] | None:
        """The conversation's citizen and whether its sender was issued to the web page; None if unknown."""
        async with self._sessions() as s:
            row = (await s.execute(select(Conversation.citizen_id, WebConversation.conversation_id)
                                   .outerjoin(WebConversation, WebConversation.conversation_id == Conversation.id)
                                   .where(Conversation.id == conversation_id))).first()
        return (row[0], row[1] is not None) if row else None

    async def subject_of(self, citizen_id: int) -> str | None:
        async with self._sessions() as s:
            return await s.scalar(select(Citizen.subject).where(Citizen.id == citizen_id))

    # --- OIDC logins

    async def new_login(self, conversation_id: str, resume: str, now: datetime, ttl: timedelta) -> str:
        """A login for the conversation, continuing with `resume`; returns the token for the login URL."""
        token = new_token()
        async with self._sessions.begin() as s:
            s.add(LoginRequest(token_hash=digest(token), conversation_id=conversation_id, resume=resume,
                               created_at=now, expires_at=now + ttl))
        return token

    async def login_conversation(self, token: str, now: datetime) -> str | None:
        """The conversation of an open (unused, unexpired) login, or None."""
        async with self._sessions() as s:
            return await s.scalar(select(LoginRequest.conversation_id).where(
                LoginRequest.token_hash == digest(token), LoginRequest.used_at.is_(None),
                LoginRequest.expires_at > now))

    async def start_login(self, token: str, state: str, nonce: str, code_verifier: str, now: datetime) -> bool:
        """Record the state, nonce and verifier sent to the provider (a reopened link replaces the earlier ones)."""
        async with self._sessions.begin() as s:
            result = await s.execute(update(LoginRequest).where(
                LoginRequest.token_hash == digest(token), LoginRequest.used_at.is_(None),
                LoginRequest.expires_at > now).values(state_hash=digest(state), nonce=nonce,
                                                      code_verifier=code_verifier))
            return result.rowcount == 1  # type: ignore[attr-defined]

    async def claim_login(self, state: str, now: datetime) -> LoginClaim | None:
        """The login the callback's state belongs to, claimed once; None when unknown, used or expired."""
        async with self._sessions.begin() as s:
            result = await s.execute(update(LoginRequest).where(
                LoginRequest.state_hash == digest(state), LoginRequest.used_at.is_(None),
                LoginRequest.expires_at > now).values(used_at=now))
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return None
            row = (await s.scalars(select(LoginRequest).where(LoginRequest.state_hash == digest(state)))).one()
            return LoginClaim(row.conversation_id, row.resume, row.nonce or "", row.code_verifier or "")

    async def log_in(self, conversation_id: str, subject: str) -> int:
        """The conversation now belongs to the citizen of `subject` (created at the first login); returns its id.

        An anonymous citizen becomes that citizen, or, when one with the subject exists, is merged into it:
        its conversations, sessions and other rows move over and the empty anonymous citizen is deleted.
        """
        try:
            return await self._log_in(conversation_id, subject)
        except IntegrityError:  # a parallel first login of the same subject created the citizen: merge into it
            return await self._log_in(conversation_id, subject)

    async def _log_in(self, conversation_id: str, subject: str) -> int:
        async with self._sessions.begin() as s:
            convo = await s.get(Conversation, conversation_id)
            if convo is None:
                raise LookupError(conversation_id)
            old = await s.get(Citizen, convo.citizen_id)
            assert old is not None
            if old.subject == subject:
                return old.id
            if old.subject is not None:
                raise OtherCitizen(conversation_id)
            target = await s.scalar(select(Citizen.id).where(Citizen.subject == subject))
            if target is None:
                old.subject = subject
                await s.flush()
                return old.id
            await _merge(s, old.id, target)
            return target

    async def move_conversation(self, conversation_id: str, citizen_id: int) -> None:
        """Hand a conversation (a Telegram chat being linked) to a citizen; an emptied anonymous citizen goes."""
        async with self._sessions.begin() as s:
            convo = await s.get(Conversation, conversation_id)
            if convo is None or convo.citizen_id == citizen_id:
                return
            old = await s.get(Citizen, convo.citizen_id)
            assert old is not None
            if old.subject is not None:  # a chat linked to someone else before: only this chat moves
                convo.citizen_id = citizen_id
                return
            await _merge(s, old.id, citizen_id)

    # --- Telegram link codes

    async def new_link_code(self, citizen_id: int, now: datetime, ttl: timedelta) -> str:
        code = new_token()
        async with self._sessions.begin() as s:
            s.add(TelegramLinkCode(code_hash=digest(code), citizen_id=citizen_id, created_at=now,
                                   expires_at=now + ttl))
        return code

    async def claim_link_code(self, code: str, now: datetime) -> int | None:
        """The citizen of a link code, once: the conditional UPDATE lets exactly one claim win."""
        async with self._sessions.begin() as s:
            result = await s.execute(update(TelegramLinkCode).where(
                TelegramLinkCode.code_hash == digest(code), TelegramLinkCode.used_at.is_(None),
                TelegramLinkCode.expires_at > now).values(used_at=now))
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return None
            return await s.scalar(select(TelegramLinkCode.citizen_id).where(
                TelegramLinkCode.code_hash == digest(code)))

    async def link_code_citizen(self, code: str) -> int | None:
        """Whose code this is, used or not (to tell a second tap on the same link from a wrong link)."""
        async with self._sessions() as s:
            return await s.scalar(select(TelegramLinkCode.citizen_id).where(
                TelegramLinkCode.code_hash == digest(code)))


async def _merge(s: AsyncSession, source: int, target: int) -> None:
    """Move every row of an anonymous citizen to `target` (found through the schema), then delete it.

    A row the target may have only one of (a CV) stays with the source when the target has one, and goes with it.
    """
    for link in citizen_links():
        if link.via != "citizens":
            continue
        try:
            async with s.begin_nested():
                await s.execute(update(link.table).where(link.column == source).values({link.column.name: target}))
        except IntegrityError:
            pass  # the target already has its own (unique per citizen): the anonymous one is deleted below
    await s.execute(delete(Citizen).where(Citizen.id == source))
