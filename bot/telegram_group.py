"""The caseworkers' Telegram group: new requests with "Jeg tager den" / "Afslut", live citizen messages, replies.

Only the allow-listed group chat is handled. Everything here follows the database, never leads it:

- A change (request, claim, reply, close) is committed first; `StaffEvents` then tells this module, which only
  queues it (a slow or unreachable Telegram must never hold up a citizen's turn or a caseworker's click). `run()`
  posts the queue in order and retries with backoff; a message Telegram refuses for good is dropped, logged.
- A request is marked notified (`handoffs.notified_at`) only after Telegram accepted its post. `run()` also
  posts every request still waiting unnotified (another worker's, or one from before a restart), so a request
  is never lost; the price is a rare double post when two workers race for the same one, which is harmless
  (both posts carry the same buttons, and the database decides who wins a claim).
- No table of our own: a post starts with "#<id>" and its buttons carry "cw:claim:<id>" / "cw:close:<id>", so a
  reply or a button press tells which request it is about. In a forum group each request gets its own topic
  ("#<id> ..."); the topic of a request is kept in the audit entry that records the post ("telegram_posted").
"""
import asyncio
import contextvars
import logging
import re
from collections import deque
from datetime import datetime, timedelta
from typing import Callable

from aiogram import Bot, Dispatcher, F, Router
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramRetryAfter
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, User
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.handoff import CRISIS_PRIORITY
from services.inbox import Inbox, Outcome, StaffEvent
from store.casework import CaseworkStore
from store.handoffs import CLAIMED, REQUESTED, HandoffStore, HandoffView
from store.models import AuditEntry, Handoff

log = logging.getLogger(__name__)
CLAIM, CLOSE = "cw:claim:", "cw:close:"
POSTED = "telegram_posted"  # the audit action that records a post of a request in the group
ACTOR = "telegram:group"
MAX_TEXT = 4096  # Telegram's limit for one message
MAX_SUMMARY = 3500
MAX_QUEUE = 1000
MAX_BACKOFF_S = 300
HANDOFF_ID = re.compile(r"^#(\d+)\b")
END_LABELS = {"løst": "løst", "videresendt": "videresendt", "borgeren_gik": "borgeren gik",
              "ring_op": "ring op", "ikke_relevant": "ikke relevant"}

# Set while a caseworker's action from the group runs, so its own reply is not echoed back into the group.
_from_group: contextvars.ContextVar[bool] = contextvars.ContextVar("from_group", default=False)


def buttons(handoff_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[
        InlineKeyboardButton(text="Jeg tager den", callback_data=f"{CLAIM}{handoff_id}"),
        InlineKeyboardButton(text="Afslut", callback_data=f"{CLOSE}{handoff_id}")]])


def request_text(h: HandoffView, update: bool = False) -> str:
    """The post of a request: '#<id> Ny henvendelse' (AKUT for a crisis), the summary, how to answer."""
    urgent = " – AKUT" if h.priority >= CRISIS_PRIORITY else ""
    header = f"#{h.id} {'Opdateret' if update else 'Ny'} henvendelse{urgent}"
    summary = h.summary if len(h.summary) <= MAX_SUMMARY else h.summary[:MAX_SUMMARY] + " …"
    return (f"{header}\n\n{summary}\n\n"
            "Svar på denne besked for at skrive til borgeren (tryk først “Jeg tager den”).")


def event_text(event: StaffEvent) -> str | None:
    """The short line for a change in the group, or None for one the group does not show."""
    n = f"#{event.handoff_id}"
    if event.kind == "citizen_message":
        return f"{n} Borger: {event.text}"
    if event.kind == "claimed":
        return f"{n} taget af {event.actor}"
    if event.kind == "replied":
        return f"{n} {event.actor} svarede: {event.text}"
    if event.kind == "forwarded":
        return f"{n} sendt videre til {event.actor}"
    if event.kind == "closed":
        return f"{n} afsluttet ({END_LABELS.get(event.text, event.text or 'løst')}) af {event.actor}"
    if event.kind == "cancelled":
        return f"{n} trukket tilbage af borgeren"
    return None


def handoff_id_in(text: str | None) -> int | None:
    match = HANDOFF_ID.match(text or "")
    return int(match.group(1)) if match else None


def who(user: User) -> tuple[str, str]:
    """(actor, name) of a Telegram user, as the inbox records them."""
    return f"telegram:{user.id}", user.full_name


def backoff(failures: int) -> timedelta:
    return timedelta(seconds=min(2 ** max(failures, 1), MAX_BACKOFF_S))


class CaseworkerGroup:
    """Posts requests and changes to the group (queued, in order, retried); the group's actions become Inbox calls."""

    def __init__(self, bot: Bot, inbox: Inbox, sessions: async_sessionmaker[AsyncSession],
                 clock: Callable[[], datetime], chat_id: int, topics: bool | None = None) -> None:
        self._bot, self._inbox, self._sessions, self._clock, self.chat_id = bot, inbox, sessions, clock, chat_id
        self._handoffs, self._casework = HandoffStore(sessions), CaseworkStore(sessions)
        self._queue: deque[StaffEvent] = deque()
        self._wake = asyncio.Event()
        self._failures = 0
        self._ready_at: datetime | None = None  # backing off until then
        self._seen: set[int] = set()  # unnotified requests seen in the previous round
        self._forum = topics  # None: ask Telegram once whether the group uses topics
        self._threads: dict[int, int] = {}  # handoff id → its forum topic (a cache of the audit entries)

    @property
    def failures(self) -> int:
        """Failed rounds in a row (0 once the group took a post again)."""
        return self._failures

    # --- from the application: StaffEvents ----------------------------------------------------------------------

    async def on_event(self, event: StaffEvent) -> None:
        """StaffEvents listener: queue only (called inside a citizen's turn or a caseworker's request)."""
        if event.kind == "replied" and _from_group.get():
            return  # the caseworker wrote it in the group: everyone there saw it already
        if len(self._queue) >= MAX_QUEUE:
            dropped = self._queue.popleft()
            log.warning("caseworker group queue full: dropped a %s event", dropped.kind)
        self._queue.append(event)
        self._wake.set()

    async def run(self, stop: asyncio.Event, every_s: float = 5.0) -> None:
        """Post queued events, then any request still unnotified; back off while the group cannot be reached."""
        while not stop.is_set():
            self._wake.clear()
            await self.round()
            waits = {asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self._wake.wait())}
            try:
                await asyncio.wait(waits, timeout=every_s, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for w in waits:
                    w.cancel()

    async def round(self) -> None:
        """One round: the queue in order, then the unnotified requests; a failure backs off the next round."""
        now = self._clock()
        if self._ready_at is not None and now < self._ready_at:
            return
        try:
            await self._drain()
            await self._catch_up()
        except TelegramRetryAfter as exc:  # flood control: Telegram says when
            self._failures += 1
            self._ready_at = now + timedelta(seconds=exc.retry_after)
        except TelegramAPIError as exc:  # unreachable, blocked, removed from the group: the inbox still shows all
            self._failures += 1
            self._ready_at = now + backoff(self._failures)
            log.warning("caseworker group unreachable (%s); retrying in %s", type(exc).__name__,
                        self._ready_at - now)
        except (SQLAlchemyError, OSError):
            log.exception("caseworker group round failed; retrying next round")
        except Exception:  # noqa: BLE001 - e.g. an answer aiogram cannot read: the loop must go on, slower
            self._failures += 1
            self._ready_at = now + backoff(self._failures)
            log.exception("caseworker group round failed; retrying in %s", self._ready_at - now)
        else:
            self._failures, self._ready_at = 0, None

    async def _drain(self) -> None:
        while self._queue:
            event = self._queue[0]
            try:
                await self._post_event(event)
            except TelegramBadRequest as exc:  # this one can never go (too long, topic gone): not the ones after it
                log.warning("caseworker group refused a %s post: %s", event.kind, exc.message)
            self._queue.popleft()

    async def _catch_up(self) -> None:
        """Requests nobody posted (another worker's, before a restart, or a failed post): after two sightings."""
        waiting = await self._unnotified()
        due = [i for i in waiting if i in self._seen]  # a round's grace: another worker may be posting it now
        self._seen = set(waiting)
        for handoff_id in due:
            await self._post_request(handoff_id)
            self._seen.discard(handoff_id)

    async def _post_event(self, event: StaffEvent) -> None:
        if event.kind == "requested":
            await self._post_request(event.handoff_id, from_event=True)
            return
        text = event_text(event)
        if text:
            await self._send(text, await self._thread(event.handoff_id))

    async def _post_request(self, handoff_id: int, from_event: bool = False) -> None:
        """The summary with its buttons; marked notified only once Telegram accepted it."""
        h = await self._handoffs.get(handoff_id)
        if h is None:
            return
        if handoff_id not in await self._unnotified(handoff_id):
            # Posted already (or taken before we could). A crisis raised on an open request is shown again.
            if from_event and h.priority >= CRISIS_PRIORITY and h.status in (REQUESTED, CLAIMED):
                await self._send(request_text(h, update=True), await self._thread(h.id), buttons(h.id))
            return
        thread = await self._thread(h.id, create=True)
        sent = await self._send(request_text(h), thread, buttons(h.id))
        if not await self._casework.mark_notified(h.id, self._clock()):
            log.info("request %d was also posted by another worker", h.id)
        await self._casework.audit(ACTOR, POSTED, h.id, h.conversation_id,
                                   detail=f"chat={self.chat_id};thread={sent.message_thread_id or ''};"
                                          f"message={sent.message_id}")

    async def _send(self, text: str, thread: int | None, markup: InlineKeyboardMarkup | None = None) -> Message:
        try:
            return await self._bot.send_message(self.chat_id, text[:MAX_TEXT], message_thread_id=thread,
                                                reply_markup=markup)
        except TelegramBadRequest:
            if thread is None:
                raise
            log.info("a request's topic is gone; posting in the group's general topic")
            return await self._bot.send_message(self.chat_id, text[:MAX_TEXT], reply_markup=markup)

    # --- forum topics -----------------------------------------------------------------------------------------

    async def _is_forum(self) -> bool:
        if self._forum is None:
            chat = await self._bot.get_chat(self.chat_id)
            self._forum = bool(chat.is_forum)
        return self._forum

    async def _thread(self, handoff_id: int, create: bool = False) -> int | None:
        """The request's topic in a forum group (made when first posted); None in a plain group."""
        if not await self._is_forum():
            return None
        if handoff_id not in self._threads:
            found = await self._posts(handoff_id=handoff_id)
            if found is not None:
                self._threads[handoff_id] = found
            elif create:
                try:
                    topic = await self._bot.create_forum_topic(self.chat_id, f"#{handoff_id} Ny henvendelse")
                except TelegramBadRequest as exc:  # the bot may not manage topics: the general topic then
                    log.warning("could not create a topic for a request: %s", exc.message)
                    return None
                self._threads[handoff_id] = topic.message_thread_id
        return self._threads.get(handoff_id)

    async def _handoff_of_thread(self, thread_id: int) -> int | None:
        for handoff_id, thread in self._threads.items():
            if thread == thread_id:
                return handoff_id
        found = await self._posts(thread_id=thread_id)
        if found is not None:
            self._threads[found] = thread_id
        return found

    # --- the only SQL here: what the stores do not ask -------------------------------------------------------

    async def _unnotified(self, handoff_id: int | None = None) -> list[int]:
        """Waiting requests not yet posted to the group (most urgent first), or just this one if so."""
        query = select(Handoff.id).where(Handoff.status == REQUESTED, Handoff.notified_at.is_(None))
        if handoff_id is not None:
            query = query.where(Handoff.id == handoff_id)
        async with self._sessions() as s:
            return list((await s.scalars(query.order_by(Handoff.priority.desc(), Handoff.created_at))).all())

    async def _posts(self, handoff_id: int | None = None, thread_id: int | None = None) -> int | None:
        """From the audit entry of a post in a forum group: a request's topic, or the request of a topic."""
        prefix = f"chat={self.chat_id};thread="
        query = select(AuditEntry.handoff_id, AuditEntry.detail).where(AuditEntry.action == POSTED)
        if handoff_id is not None:
            query = query.where(AuditEntry.handoff_id == handoff_id, AuditEntry.detail.startswith(prefix))
        else:
            query = query.where(AuditEntry.detail.startswith(f"{prefix}{thread_id};"))
        async with self._sessions() as s:
            row = (await s.execute(query.order_by(AuditEntry.id.desc()).limit(1))).first()
        if row is None or row.handoff_id is None:
            return None
        if thread_id is not None:
            return int(row.handoff_id)
        thread = row.detail.removeprefix(prefix).split(";", 1)[0]
        return int(thread) if thread.isdigit() else None

    # --- from the group: buttons and replies ---------------------------------------------------------------

    async def on_button(self, callback: CallbackQuery) -> None:
        data = callback.data or ""
        handoff_id = handoff_id_in("#" + data.removeprefix(CLAIM).removeprefix(CLOSE))
        if handoff_id is None:
            await self._answer(callback, None)
            return
        actor, name = who(callback.from_user)
        token = _from_group.set(True)
        try:
            if data.startswith(CLAIM):
                outcome = await self._inbox.claim(handoff_id, actor, name)
                ok = f"Du har taget #{handoff_id}"
            else:
                outcome = await self._inbox.close(handoff_id, actor, name, "løst")
                ok = f"#{handoff_id} er afsluttet"
        finally:
            _from_group.reset(token)
        await self._answer(callback, ok if outcome is Outcome.OK else await self._refusal(handoff_id, name, outcome))

    async def on_message(self, message: Message) -> None:
        """A caseworker's reply to a request's post (or a message in its topic) goes to the citizen."""
        if message.from_user is None or message.from_user.is_bot:
            return
        handoff_id = await self._handoff_of(message)
        if handoff_id is None:
            return  # colleagues talking among themselves
        if not message.text:
            await self._reply(message, "Kun tekst kan sendes videre til borgeren.")
            return
        actor, name = who(message.from_user)
        token = _from_group.set(True)
        try:
            outcome = await self._inbox.reply(handoff_id, actor, name, message.text)
        finally:
            _from_group.reset(token)
        if outcome is not Outcome.OK:
            await self._reply(message, await self._refusal(handoff_id, name, outcome))

    async def _handoff_of(self, message: Message) -> int | None:
        replied = message.reply_to_message
        if replied is not None:
            if replied.from_user is not None and replied.from_user.id == self._bot.id:
                found = handoff_id_in(replied.text or replied.caption)
                if found is not None:
                    return found
            if replied.forum_topic_created is not None:
                found = handoff_id_in(replied.forum_topic_created.name)
                if found is not None:
                    return found
        if message.is_topic_message and message.message_thread_id:
            return await self._handoff_of_thread(message.message_thread_id)
        return None

    async def _refusal(self, handoff_id: int, name: str, outcome: Outcome) -> str:
        if outcome is Outcome.NOT_FOUND:
            return f"#{handoff_id} findes ikke."
        h = await self._handoffs.get(handoff_id)
        if h is None:
            return f"#{handoff_id} findes ikke."
        if h.status == REQUESTED:
            return "Tryk 'Jeg tager den' først."
        if h.status == CLAIMED:
            return f"Du har allerede #{handoff_id}." if h.claimed_by == name else "En kollega har allerede taget den."
        return f"#{handoff_id} er afsluttet."

    @staticmethod
    async def _answer(callback: CallbackQuery, text: str | None) -> None:
        try:
            await callback.answer(text)
        except TelegramAPIError as exc:  # e.g. the query is too old; what it did still counts
            log.info("could not answer a group button: %s", type(exc).__name__)

    @staticmethod
    async def _reply(message: Message, text: str) -> None:
        try:
            await message.reply(text)
        except TelegramAPIError as exc:
            log.warning("could not answer in the caseworker group: %s", type(exc).__name__)


def build_group_router(group: CaseworkerGroup, chat_id: int) -> Router:
    """Handlers for the allow-listed caseworker group only; other groups and private chats are not ours."""
    router = Router(name="telegram_caseworker_group")
    router.message.filter(F.chat.id == chat_id)
    router.callback_query.filter(F.message.chat.id == chat_id, F.data.startswith("cw:"))

    @router.message()
    async def on_message(message: Message) -> None:
        await group.on_message(message)

    @router.callback_query()
    async def on_button(callback: CallbackQuery) -> None:
        await group.on_button(callback)

    return router


def attach_group(dp: Dispatcher, bot: Bot, inbox: Inbox, sessions: async_sessionmaker[AsyncSession],
                 clock: Callable[[], datetime], chat_id: int) -> CaseworkerGroup:
    """Wire the group into a dispatcher and the inbox's staff events; the caller runs `group.run(stop)`.

    The group's router goes first: the private chats' router answers (and drops) every button press
    from a non-private chat, so it must not see the group's presses before us.
    """
    group = CaseworkerGroup(bot, inbox, sessions, clock, chat_id)
    inbox.events.subscribe(group.on_event)
    router = build_group_router(group, chat_id)
    dp.include_router(router)
    dp.sub_routers.remove(router)
    dp.sub_routers.insert(0, router)
    return group
