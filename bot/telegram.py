"""Telegram channel: a thin aiogram 3 adapter from updates to engine turns and from replies to Bot API calls."""
import asyncio
import hashlib
import logging
from collections import OrderedDict
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from typing import AsyncIterator, Iterable
from weakref import WeakValueDictionary

from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramAPIError
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from dialogs.engine import START, Engine
from dialogs.texts import Texts
from dialogs.turn import Attachment, Button, Reply, Turn
from store.conversations import ConversationStore

log = logging.getLogger(__name__)
CHANNEL = "telegram"
MAX_CALLBACK_BYTES = 64  # Telegram rejects the whole message when a button's callback_data is longer
MAX_CAPTION = 1024  # Telegram's limit for a document caption
LONG_PAYLOAD_PREFIX = "#"
ONLY_BUTTONS = "\u2026"  # sendMessage needs text; used only when a reply has buttons and nothing to attach them to
SHUTDOWN_GRACE_S = 5.0


def chat_tag(chat_id: int | str) -> str:
    """A short hash of a chat id, so logs can correlate a chat without identifying it."""
    return hashlib.sha256(str(chat_id).encode()).hexdigest()[:10]


class Chats:
    """Per-dispatcher state: a lock per chat (its turns run in order), running turns, long payloads by key."""

    def __init__(self, max_long_payloads: int = 1024) -> None:
        self._locks: WeakValueDictionary[int, asyncio.Lock] = WeakValueDictionary()
        self._long: OrderedDict[str, str] = OrderedDict()
        self._max_long = max_long_payloads
        self.running: set[asyncio.Task[object]] = set()

    @asynccontextmanager
    async def turn(self, chat_id: int) -> AsyncIterator[None]:
        """Serialise turns per chat: a double-tapped button must not race the state of the first tap."""
        task = asyncio.current_task()
        if task:
            self.running.add(task)
        lock = self._locks.setdefault(chat_id, asyncio.Lock())
        try:
            async with lock:
                yield
        finally:
            if task:
                self.running.discard(task)

    def callback_data(self, payload: str) -> str:
        """The payload itself when it fits in 64 bytes, else a short key remembered in memory."""
        if len(payload.encode("utf-8")) <= MAX_CALLBACK_BYTES and not payload.startswith(LONG_PAYLOAD_PREFIX):
            return payload
        key = LONG_PAYLOAD_PREFIX + hashlib.sha256(payload.encode()).hexdigest()[:32]
        log.warning("button payload over %d bytes; sent as a key", MAX_CALLBACK_BYTES)
        self._long[key] = payload
        self._long.move_to_end(key)
        while len(self._long) > self._max_long:
            self._long.popitem(last=False)
        return key

    def payload(self, data: str) -> str:
        """Back from callback_data to the payload; an unknown key (e.g. after a restart) goes on as text."""
        return self._long.get(data, data)


@dataclass
class Outgoing:
    """One Telegram message to send: text and/or a file, with inline buttons."""

    text: str
    buttons: list[Button] = field(default_factory=list)
    attachment: Attachment | None = None


def plan(replies: Iterable[Reply]) -> list[Outgoing]:
    """Engine replies as Telegram messages; buttons without text go on the message before them."""
    out: list[Outgoing] = []
    for r in replies:
        if not (r.text or r.buttons or r.attachment):
            continue
        if not r.text and not r.attachment and out:
            out[-1].buttons.extend(r.buttons)
            continue
        out.append(Outgoing(r.text or "", list(r.buttons), r.attachment))
    return out


def keyboard(buttons: list[Button], chats: Chats) -> InlineKeyboardMarkup | None:
    """One button per row: titles are sentences, and a narrow phone screen cuts side-by-side ones."""
    if not buttons:
        return None
    return InlineKeyboardMarkup(inline_keyboard=[
        [InlineKeyboardButton(text=b.title, callback_data=chats.callback_data(b.payload))] for b in buttons])


async def send(bot: Bot, store: ConversationStore, chats: Chats, chat_id: int, replies: list[Reply]) -> None:
    """Render replies to one chat; a failed call is logged and the rest still go out."""
    for msg in plan(replies):
        markup = keyboard(msg.buttons, chats)
        try:
            stored = None
            if msg.attachment:
                stored = await store.get_file(msg.attachment.url.rstrip("/").rsplit("/", 1)[-1])
                if stored is None:
                    log.warning("attachment missing from the store (chat %s)", chat_tag(chat_id))
            if stored is not None and len(msg.text) <= MAX_CAPTION:
                await bot.send_document(chat_id, BufferedInputFile(stored.content, filename=stored.name),
                                        caption=msg.text or None, reply_markup=markup)
                continue
            if msg.text or markup:
                await bot.send_message(chat_id, msg.text or ONLY_BUTTONS, reply_markup=markup)
            if stored is not None:
                await bot.send_document(chat_id, BufferedInputFile(stored.content, filename=stored.name))
        except TelegramAPIError as exc:  # e.g. the citizen blocked the bot; never log the text itself
            log.warning("Telegram send failed (chat %s): %s", chat_tag(chat_id), type(exc).__name__)


async def converse(bot: Bot, engine: Engine, store: ConversationStore, texts: Texts, chats: Chats,
                   chat_id: int, text: str) -> None:
    """One turn through the engine and back; an engine failure gets an apology and a person, like the web."""
    try:
        replies = await engine.handle(Turn(CHANNEL, str(chat_id), text))
    except Exception:  # noqa: BLE001 - logged; the citizen must never be left without an answer
        log.exception("turn failed (chat %s)", chat_tag(chat_id))
        replies = [Reply(texts.get("error"), texts.buttons("person"))]
    await send(bot, store, chats, chat_id, replies)


def as_turn_text(message: Message) -> str:
    """The text for the engine; '/start <deep link>' is still the greeting, a photo's caption counts as text."""
    text = message.text or message.caption or ""
    if text == START or text.startswith(START + " ") or text.startswith(START + "@"):
        return START
    return text


def build_router() -> Router:
    """Handlers for private chats only: a group would share one conversation, and its data, among members."""
    router = Router(name=CHANNEL)
    router.message.filter(F.chat.type == ChatType.PRIVATE)

    @router.message()
    async def on_message(message: Message, bot: Bot, engine: Engine, store: ConversationStore, texts: Texts,
                         chats: Chats) -> None:
        async with chats.turn(message.chat.id):
            await converse(bot, engine, store, texts, chats, message.chat.id, as_turn_text(message))

    @router.callback_query()
    async def on_button(callback: CallbackQuery, bot: Bot, engine: Engine, store: ConversationStore,
                        texts: Texts, chats: Chats) -> None:
        chat = callback.message.chat if callback.message else None
        chat_id = chat.id if chat else callback.from_user.id
        if chat is not None and chat.type != ChatType.PRIVATE:
            with suppress(TelegramAPIError):
                await callback.answer()
            return
        async with chats.turn(chat_id):
            try:
                await callback.answer()  # stops the spinner on the button
            except TelegramAPIError as exc:  # e.g. the query is too old; the turn still counts
                log.info("could not answer callback query (chat %s): %s", chat_tag(chat_id), type(exc).__name__)
            await converse(bot, engine, store, texts, chats, chat_id, chats.payload(callback.data or ""))

    return router


def build_dispatcher(engine: Engine, store: ConversationStore, texts: Texts) -> Dispatcher:
    """A dispatcher with the router; services reach the handlers through aiogram's workflow data."""
    dp = Dispatcher(engine=engine, store=store, texts=texts, chats=Chats())
    dp.include_router(build_router())
    return dp


def build_bot(token: str, api_url: str | None = None) -> Bot:
    """A Bot for Telegram's servers, or for api_url (a self-hosted telegram-bot-api or a test double)."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(api_url)) if api_url else AiohttpSession()
    return Bot(token, session=session)


async def run_polling(bot: Bot, dp: Dispatcher, stop: asyncio.Event) -> None:
    """Poll until stop is set or the task is cancelled; running turns get a moment to finish; closes the bot."""
    polling: asyncio.Task[None] | None = None
    try:
        try:
            await bot.delete_webhook()  # getUpdates is refused while a webhook is set
        except TelegramAPIError as exc:  # polling itself will report a bad token or retry the network
            log.warning("could not delete the Telegram webhook: %s", type(exc).__name__)
        polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False, close_bot_session=False))
        stopped = asyncio.create_task(stop.wait())
        try:
            done, _ = await asyncio.wait({polling, stopped}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopped.cancel()
        if polling in done:
            polling.result()  # polling ended by itself: surface why
    except Exception:  # noqa: BLE001 - logged; a bad token or an unreachable API must not stop the web channel
        log.exception("Telegram polling stopped")
    finally:
        shutdown = asyncio.ensure_future(_shutdown(bot, dp, polling))
        try:
            await asyncio.shield(shutdown)
        except asyncio.CancelledError:  # serve() also cancels on stop: the bot's session must still be closed
            await shutdown
            raise


async def _shutdown(bot: Bot, dp: Dispatcher, polling: asyncio.Task[None] | None) -> None:
    if polling is not None and not polling.done():
        try:
            await dp.stop_polling()
        except RuntimeError:  # not started yet: nothing ran, so cancelling is clean
            polling.cancel()
        with suppress(asyncio.CancelledError):
            await polling
    running = set(dp["chats"].running)
    if running:
        await asyncio.wait(running, timeout=SHUTDOWN_GRACE_S)
    await bot.session.close()


async def push_outbox(bot: Bot, store: ConversationStore, conversation_ids: Iterable[str]) -> None:
    """Deliver queued assistant-initiated messages (reminders) to Telegram chats now, not on their next turn."""
    prefix = CHANNEL + ":"
    for conversation_id in dict.fromkeys(c for c in conversation_ids if c.startswith(prefix)):
        chat = conversation_id.removeprefix(prefix)
        try:
            chat_id = int(chat)
        except ValueError:
            log.warning("not a Telegram chat id: %s", chat_tag(chat))
            continue
        # Marked delivered only after Telegram accepted it; a failed push waits for the citizen's next message.
        for outbox_id, text in await store.pending_outbox(conversation_id):
            try:
                await bot.send_message(chat_id, text)
            except TelegramAPIError as exc:
                log.warning("Telegram push failed (chat %s): %s", chat_tag(chat_id), type(exc).__name__)
                break
            await store.mark_delivered(outbox_id)
