"""The database schema (SQLAlchemy 2 typed models)."""
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint, false, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from store.types import UTCDateTime, utcnow


class Base(DeclarativeBase):
    """Declarative base: `datetime` columns are UTCDateTime (stored in UTC, read back aware), dicts are JSON.

    There is no naming convention: unnamed constraints and indexes get the database's default names;
    those referred to by name (uq_booking_active_slot, ...) are named where they are declared.
    """

    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON()}


class Citizen(Base):
    """A person using the assistant, identified only through their channel conversations."""

    __tablename__ = "citizens"
    __table_args__ = (UniqueConstraint("subject", name="uq_citizens_subject"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    # The identity provider's pseudonymous subject once the citizen has logged in (MitID via an OIDC broker);
    # None for an anonymous citizen. Never a CPR number.
    subject: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    conversations: Mapped[list["Conversation"]] = relationship(back_populates="citizen", cascade="all, delete-orphan")


class Conversation(Base):
    """One chat (web sender id, Telegram chat); holds the dialog state so a restart loses nothing."""

    __tablename__ = "conversations"
    id: Mapped[str] = mapped_column(String(160), primary_key=True)  # "<channel>:<external id>"
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    flow: Mapped[str | None] = mapped_column(String(40))
    state: Mapped[dict[str, Any]] = mapped_column(default=dict)
    locale: Mapped[str] = mapped_column(String(8), default="da")
    # Asked once whether to go on in English (the choice itself is locale): never asked again in this chat.
    language_asked: Mapped[bool] = mapped_column(default=False, server_default=false())
    municipality: Mapped[str] = mapped_column(String(40), default="")
    mode: Mapped[str] = mapped_column(String(8), default="bot")  # bot | human (a caseworker has it)
    # Bumped by every saved turn; a save that finds another version lost a race and is refused.
    version: Mapped[int] = mapped_column(default=0)
    # Random, not derived from the id: events keep it after the conversation is deleted (anonymous counts).
    anon_id: Mapped[str] = mapped_column(String(36), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow, index=True)  # retention
    citizen: Mapped[Citizen] = relationship(back_populates="conversations")


class Message(Base):
    """A message in or out; text is stored with CPR, phone and e-mail masked."""

    __tablename__ = "messages"
    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    direction: Mapped[str] = mapped_column(String(3))  # "in" | "out"
    text: Mapped[str] = mapped_column(Text)
    intent: Mapped[str | None] = mapped_column(String(60))
    confidence: Mapped[float | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)  # retention deletes by age


OPEN_HANDOFF = "status IN ('requested', 'claimed')"


class Handoff(Base):
    """A request to reach a person: requested → claimed → closed, or cancelled by the citizen."""

    __tablename__ = "handoffs"
    __table_args__ = (
        Index("uq_handoff_open_per_conversation", "conversation_id", unique=True,
              sqlite_where=text(OPEN_HANDOFF), postgresql_where=text(OPEN_HANDOFF)),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(String(60))
    summary: Mapped[str] = mapped_column(Text)  # built from redacted text only
    status: Mapped[str] = mapped_column(String(20), default="requested")
    priority: Mapped[int] = mapped_column(default=0)  # 1: crisis, first in the queue
    claimed_by: Mapped[str | None] = mapped_column(String(120))
    claimed_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    end_status: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # How the citizen wants to be contacted: chat | phone | callback. The phone number lives only here
    # (never in messages or events) and goes with the citizen.
    contact: Mapped[str] = mapped_column(String(10), default="chat")
    phone: Mapped[str | None] = mapped_column(String(40))
    callback_at: Mapped[datetime | None]
    consent: Mapped[bool] = mapped_column(default=True)  # may the caseworker see the conversation summary
    forwarded_to: Mapped[str | None] = mapped_column(String(200))
    notified_at: Mapped[datetime | None]  # posted to the caseworkers' Telegram group


class Caseworker(Base):
    """A job-centre employee who publishes bookable times."""

    __tablename__ = "caseworkers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    municipality: Mapped[str] = mapped_column(String(40), index=True)
    location: Mapped[str] = mapped_column(String(200), default="")
    # How a citizen reaches their caseworker (work phone and e-mail; staff data, not citizen data).
    phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    email: Mapped[str] = mapped_column(String(200), default="", server_default="")


class Slot(Base):
    """A time a caseworker published for one meeting type; taken while an active booking points at it."""

    __tablename__ = "slots"
    __table_args__ = (UniqueConstraint("caseworker_id", "starts_at", name="uq_slot_caseworker_start"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    caseworker_id: Mapped[int] = mapped_column(ForeignKey("caseworkers.id", ondelete="CASCADE"))
    municipality: Mapped[str] = mapped_column(String(40))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    minutes: Mapped[int] = mapped_column(default=45)
    meeting_type: Mapped[str] = mapped_column(String(40))
    caseworker: Mapped[Caseworker] = relationship()


class Booking(Base):
    """A citizen's booking; the partial unique index makes a slot bookable by one active booking only."""

    __tablename__ = "bookings"
    __table_args__ = (
        Index("uq_booking_active_slot", "slot_id", unique=True,
              sqlite_where=text("status = 'active'"), postgresql_where=text("status = 'active'")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(80), unique=True)  # iCalendar UID, kept when moved
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    # The chat it was booked or last moved in; None for a meeting the caseworker booked (no chat yet).
    conversation_id: Mapped[str | None] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    slot_id: Mapped[int] = mapped_column(ForeignKey("slots.id"))
    mode: Mapped[str] = mapped_column(String(20))  # fremmøde | telefon | video
    booked_by: Mapped[str] = mapped_column(String(20), default="citizen", server_default="citizen")  # | caseworker
    # The number the caseworker calls for a phone meeting: lives only here, goes with the citizen.
    call_number: Mapped[str | None] = mapped_column(String(40))
    video_url: Mapped[str | None] = mapped_column(String(300))  # the meeting's own link (municipality template)
    status: Mapped[str] = mapped_column(String(20), default="active")
    sequence: Mapped[int] = mapped_column(default=0)
    reminder_due_at: Mapped[datetime | None] = mapped_column(index=True)
    reminder_sent_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    slot: Mapped[Slot] = relationship()


class CaseProfile(Base):
    """What the demo case system knows about a citizen beyond meetings: target group and own caseworker."""

    __tablename__ = "case_profiles"
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), unique=True)
    target_group: Mapped[str | None] = mapped_column(String(40))  # jobparat | aktivitetsparat | ...
    caseworker_id: Mapped[int | None] = mapped_column(ForeignKey("caseworkers.id", ondelete="SET NULL"))
    caseworker: Mapped[Caseworker | None] = relationship()


class StoredFile(Base):
    """A file given to the citizen (calendar invites), served at /files/<token>."""

    __tablename__ = "files"
    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    content_type: Mapped[str] = mapped_column(String(80))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Outbox(Base):
    """Every message to a citizen (turn replies, reminders, caseworker replies) until its channel delivered it."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_pending", "conversation_id", "delivered_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="reply")  # reply | reminder | caseworker
    body: Mapped[dict[str, Any]] = mapped_column()  # services.outgoing.to_json: keys and values, not rendered
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)  # retention deletes by age
    delivered_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    # A push channel claims a row before sending, so two workers never send it twice.
    claimed_until: Mapped[datetime | None]


class TurnTicket(Base):
    """A turn waiting or running; the lowest id per conversation runs, so turns go one at a time in order."""

    __tablename__ = "turn_tickets"
    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Event(Base):
    """What happened in a turn (intent, outcome), for analytics; nothing personal in `data`.

    Deleting the citizen sets conversation_id to NULL; anon_id then links the events to nobody.
    """

    __tablename__ = "events"
    # For the statistics (store/stats.py): one kind over a period, and a conversation's events of one kind.
    __table_args__ = (Index("ix_events_kind_created", "kind", "created_at"),
                      Index("ix_events_anon_kind", "anon_id", "kind", "id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[str | None] = mapped_column(ForeignKey("conversations.id", ondelete="SET NULL"),
                                                        index=True)
    anon_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class HandledQuestions(Base):
    """A group of unanswered questions a caseworker marked handled; matched to groups by similarity, no citizen."""

    __tablename__ = "stats_handled_questions"
    id: Mapped[int] = mapped_column(primary_key=True)
    terms: Mapped[str] = mapped_column(Text)  # the group's stemmed words, space-separated
    label: Mapped[str] = mapped_column(String(300))  # the group's example question (redacted)
    handled_by: Mapped[str] = mapped_column(String(120))
    handled_at: Mapped[datetime] = mapped_column(default=utcnow)


# The statistics' summaries: written only by database triggers on each inserted event (migration 0010), in the
# event's own transaction, so the figures read a few rows per conversation instead of parsing every event's JSON.
# Keyed by anon_id (no citizen): a citizen's deletion leaves them as they were.
class StatsConversation(Base):
    """One row per conversation: where and when it started, and its first handoff request (for containment)."""

    __tablename__ = "stats_conversations"
    anon_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(index=True)
    municipality: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(40))
    handoff_at: Mapped[datetime | None]


class StatsHourly(Base):
    """Events per conversation, UTC hour, kind and key (entry id, 'of|score', handoff reason): their count."""

    __tablename__ = "stats_hourly"
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    hour: Mapped[datetime] = mapped_column(primary_key=True)
    anon_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    n: Mapped[int]


class StatsClarify(Base):
    """A 'did you mean ...?' and the citizen's next turn ('<intent>|<1 if a button>'), None until there is one."""

    __tablename__ = "stats_clarify"
    __table_args__ = (Index("ix_stats_clarify_waiting", "anon_id", sqlite_where=text("next_key IS NULL"),
                            postgresql_where=text("next_key IS NULL")),)
    event_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    anon_id: Mapped[str] = mapped_column(String(36))
    at: Mapped[datetime] = mapped_column(index=True)
    next_key: Mapped[str | None] = mapped_column(String(200))


class AnswerRating(Base):
    """A 👍/👎 on one knowledge answer (the conversation's turn that gave it): once per answer, by the key."""

    __tablename__ = "answer_ratings"
    anon_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    turn: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    entry_id: Mapped[str] = mapped_column(String(80))
    score: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ButtonPayload(Base):
    """Button payloads too long for a Telegram callback (64 bytes), by a short key; survives a restart."""

    __tablename__ = "button_payloads"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class StaffAccount(Base):
    """A caseworker's login for the inbox (bin/caseworker add); only a slow salted hash of the password."""

    __tablename__ = "staff_accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class StaffSession(Base):
    """A logged-in inbox session; the cookie holds the token, the table only its hash."""

    __tablename__ = "staff_sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("staff_accounts.id", ondelete="CASCADE"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(index=True)


class LoginAttempt(Base):
    """A failed login, by a hash of the e-mail and of the client address; counted for the rate limit."""

    __tablename__ = "login_attempts"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class HandoffNote(Base):
    """A caseworker's private note on a handoff (never shown to the citizen)."""

    __tablename__ = "handoff_notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    handoff_id: Mapped[int] = mapped_column(ForeignKey("handoffs.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(120))
    text: Mapped[str] = mapped_column(Text)  # redacted
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """Who did what to a citizen's case, when. Kept when the citizen is deleted (then linked to no one)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    handoff_id: Mapped[int | None] = mapped_column(ForeignKey("handoffs.id", ondelete="SET NULL"))
    conversation_id: Mapped[str | None] = mapped_column(ForeignKey("conversations.id", ondelete="SET NULL"),
                                                        index=True)
    detail: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class CV(Base):
    """A citizen's CV (services.cv.model.CV as JSON), one per citizen; contact details live only here.

    `resume` is the same CV in the JSON Resume schema, kept with every save so the data export has it.
    """

    __tablename__ = "cvs"
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), unique=True)
    data: Mapped[dict[str, Any]] = mapped_column()
    resume: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class WebSession(Base):
    """A web chat session, bound to one citizen (anonymous until login); the cookie holds the token, this its hash."""

    __tablename__ = "web_sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True, info={"secret": True})
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(index=True)


class WebConversation(Base):
    """A conversation whose sender the server issued to the web page: only its citizen's session may use it."""

    __tablename__ = "web_conversations"
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"),
                                                 primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LoginRequest(Base):
    """One OIDC login in progress for a conversation: state, nonce, PKCE verifier and the action to continue."""

    __tablename__ = "login_requests"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True, info={"secret": True})  # of the login button's URL token
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    resume: Mapped[str] = mapped_column(String(1000), default="")  # the payload the citizen asked for
    state_hash: Mapped[str | None] = mapped_column(String(64), unique=True, info={"secret": True})
    nonce: Mapped[str | None] = mapped_column(String(64), info={"secret": True})
    code_verifier: Mapped[str | None] = mapped_column(String(128), info={"secret": True})
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(index=True)
    used_at: Mapped[datetime | None]


class TelegramLinkCode(Base):
    """A one-time code of a deep link t.me/<bot>?start=<code>; claimed once by a conditional UPDATE."""

    __tablename__ = "telegram_link_codes"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True, info={"secret": True})
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(index=True)
    used_at: Mapped[datetime | None]
