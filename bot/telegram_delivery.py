"""Telegram delivery: the outbox pushed to chats in order, marked delivered only after Telegram accepts, retried."""
import asyncio
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable, Iterable

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramRetryAfter
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup
from sqlalchemy.exc import SQLAlchemyError

from services.outgoing import Choice, FileRef, Rendered, Renderer
from store.files import FileStore
from store.outbox import OutboxStore, Pending
from store.payloads import PREFIX, PayloadStore

log = logging.getLogger(__name__)
CHANNEL = "telegram"
MAX_CALLBACK_BYTES = 64  # Telegram rejects the whole message when a button's callback_data is longer
MAX_CAPTION = 1024  # Telegram's limit for a document caption
ONLY_BUTTONS = "\u2026"  # sendMessage needs text; used only when a message has buttons and nothing else
HOLD = timedelta(seconds=60)  # a claimed message is this worker's to send for this long
MAX_BACKOFF_S = 600


@dataclass
class Outgoing:
    """One Telegram message to send: text and/or a file, with inline buttons."""

    text: str
    buttons: list[Choice] = field(default_factory=list)
    file: FileRef | None = None


def plan(messages: Iterable[Rendered]) -> list[Outgoing]:
    """Messages as Telegram messages; buttons without text go on the message before them."""
    out: list[Outgoing] = []
    for m in messages:
        if not (m.text or m.buttons or m.file):
            continue
        if not m.text and not m.file and out:
            out[-1].buttons.extend(m.buttons)
            continue
        out.append(Outgoing(m.text or "", list(m.buttons), m.file))
    return out


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(2 ** max(attempts, 1), MAX_BACKOFF_S))


class Delivery:
    """The Telegram channel's one delivery function, for turn replies, reminders and caseworker replies."""

    def __init__(self, bot: Bot, outbox: OutboxStore, files: FileStore, payloads: PayloadStore, renderer: Renderer,
                 clock: Callable[[], datetime], apology: Rendered) -> None:
        self._bot, self._outbox, self._files, self._payloads = bot, outbox, files, payloads
        self._renderer, self._clock, self._apology = renderer, clock, apology

    async def payload(self, data: str) -> str:
        """Back from callback_data to the payload; an unknown key goes on as text (the engine calls it stale)."""
        return await self._payloads.resolve(data) or data

    async def _callback_data(self, payload: str) -> str:
        if len(payload.encode("utf-8")) <= MAX_CALLBACK_BYTES and not payload.startswith(PREFIX):
            return payload
        return await self._payloads.keep(payload)

    async def _keyboard(self, buttons: list[Choice]) -> InlineKeyboardMarkup | None:
        """One button per row: titles are sentences, and a narrow phone screen cuts side-by-side ones."""
        if not buttons:
            return None
        return InlineKeyboardMarkup(inline_keyboard=[
            [InlineKeyboardButton(text=b.title, url=b.url) if b.url  # a link (log in): Telegram opens the browser
             else InlineKeyboardButton(text=b.title, callback_data=await self._callback_data(b.payload))]
            for b in buttons])

    async def _send_one(self, chat_id: int, msg: Outgoing) -> None:
        """Send one message; raises TelegramAPIError so the caller decides about retrying."""
        markup = await self._keyboard(msg.buttons)
        stored = await self._files.get(msg.file.token) if msg.file else None
        if msg.file and stored is None:
            log.warning("a file to send is missing from the store")
        if stored is not None and len(msg.text) <= MAX_CAPTION:
            await self._bot.send_document(chat_id, BufferedInputFile(stored.content, filename=stored.name),
                                          caption=msg.text or None, reply_markup=markup)
            return
        if msg.text or markup:
            await self._bot.send_message(chat_id, msg.text or ONLY_BUTTONS, reply_markup=markup)
        if stored is not None:
            await self._bot.send_document(chat_id, BufferedInputFile(stored.content, filename=stored.name))

    async def send_now(self, chat_id: int, messages: list[Rendered]) -> None:
        """Messages that are not in the outbox (after a deletion); best effort, logged on failure."""
        for msg in plan(messages):
            try:
                await self._send_one(chat_id, msg)
            except TelegramAPIError as exc:
                log.warning("Telegram send failed: %s", type(exc).__name__)

    async def apologise(self, chat_id: int) -> None:
        await self.send_now(chat_id, [self._apology])

    async def push(self, conversation_id: str, rounds: int = 20) -> bool:
        """Send the conversation's waiting messages in order; stop at the first failure (retried later).

        Looks again after each batch: a turn that finished meanwhile may have queued more, and
        its own push found this worker's claim and left them to it.
        """
        chat = conversation_id.removeprefix(CHANNEL + ":")
        try:
            chat_id = int(chat)
        except ValueError:
            log.warning("not a Telegram chat id in the outbox")
            return False
        for _ in range(rounds):
            waiting = await self._outbox.pending(CHANNEL, self._clock(), conversation_id)
            if not waiting:
                return True
            for item in waiting:
                if not await self._send_item(chat_id, item):
                    return False
        return True

    async def _send_item(self, chat_id: int, item: Pending) -> bool:
        now = self._clock()
        if not await self._outbox.claim(item.id, now, HOLD):
            return False  # another worker is sending this conversation's messages: order stays theirs
        rendered = self._renderer.render_stored(item.body, item.locale)
        try:
            for msg in plan([rendered]):
                await self._send_one(chat_id, msg)
        except TelegramRetryAfter as exc:  # flood control: Telegram says when
            await self._outbox.retry_later(item.id, now + timedelta(seconds=exc.retry_after))
            return False
        except TelegramAPIError as exc:  # e.g. blocked by the citizen, network: retried with backoff
            log.warning("Telegram push failed: %s", type(exc).__name__)
            await self._outbox.retry_later(item.id, now + backoff(item.attempts + 1))
            return False
        await self._outbox.delivered(item.id, self._clock())
        return True

    async def push_all(self) -> None:
        """One round over every Telegram conversation with waiting messages (retries, other workers' leftovers)."""
        waiting = await self._outbox.pending(CHANNEL, self._clock())
        for conversation_id in dict.fromkeys(p.conversation_id for p in waiting):
            await self.push(conversation_id)

    async def run(self, stop: asyncio.Event, every_s: float = 5.0) -> None:
        """Retry loop until stop; a database hiccup skips a round, never ends the loop."""
        while not stop.is_set():
            try:
                await self.push_all()
            except (SQLAlchemyError, OSError):
                log.exception("Telegram delivery round failed; retrying next round")
            try:
                await asyncio.wait_for(stop.wait(), every_s)
            except TimeoutError:
                pass
