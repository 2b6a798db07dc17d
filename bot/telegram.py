"""Telegram channel: a thin aiogram 3 adapter; updates become engine turns, the outbox is pushed to chats."""
import asyncio
import hashlib
import logging
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Awaitable, Callable, Iterable

from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramAPIError
from aiogram.types import CallbackQuery, Message

from bot.telegram_delivery import Delivery
from dialogs.engine import START, Engine
from dialogs.flows.language import ASK as LANGUAGE_INTENT
from dialogs.turn import Turn

LANGUAGE = "/" + LANGUAGE_INTENT  # the command that asks for the language

log = logging.getLogger(__name__)
CHANNEL = "telegram"
LinkChat = Callable[[str, str, str], Awaitable[bool]]
SHUTDOWN_GRACE_S = 5.0


def chat_tag(chat_id: int | str) -> str:
    """A short hash of a chat id, so logs can correlate a chat without identifying it."""
    return hashlib.sha256(str(chat_id).encode()).hexdigest()[:10]


@dataclass
class Running:
    """Turns in progress, so shutdown can give them a moment to finish."""

    tasks: set[asyncio.Task[object]] = field(default_factory=set)

    def add(self) -> None:
        task = asyncio.current_task()
        if task:
            self.tasks.add(task)

    def done(self) -> None:
        task = asyncio.current_task()
        if task:
            self.tasks.discard(task)


async def converse(engine: Engine, delivery: Delivery, running: Running, chat_id: int, text: str) -> None:
    """One turn through the engine (which orders a chat's turns), then push what is waiting for the chat."""
    running.add()
    try:
        try:
            direct = await engine.handle(Turn(CHANNEL, str(chat_id), text), take=False)
        except Exception:  # noqa: BLE001 - logged; the citizen must never be left without an answer
            log.exception("turn failed (chat %s)", chat_tag(chat_id))
            await delivery.apologise(chat_id)
            return
        if direct:  # the conversation was deleted in this turn: nothing stored to push
            await delivery.send_now(chat_id, direct)
        await delivery.push(f"{CHANNEL}:{chat_id}")
    finally:
        running.done()


def as_turn_text(message: Message) -> str:
    """The text for the engine; '/start <deep link>' is still the greeting, a photo's caption counts as text."""
    text = message.text or message.caption or ""
    if text == START or text.startswith(START + " ") or text.startswith(START + "@"):
        return START
    if text.startswith(LANGUAGE + "@"):  # '/language@JobBot': the command as a group chat sends it
        return LANGUAGE
    return text


def link_code(message: Message) -> str | None:
    """The code of a deep link t.me/<bot>?start=<code>, which Telegram sends as '/start <code>'."""
    text = message.text or ""
    if text.startswith(START + " "):
        code = text.removeprefix(START + " ").strip()
        return code if 0 < len(code) <= 64 else None
    return None


def build_router() -> Router:
    """Handlers for private chats only: a group would share one conversation, and its data, among members."""
    router = Router(name=CHANNEL)
    router.message.filter(F.chat.type == ChatType.PRIVATE)

    @router.message()
    async def on_message(message: Message, engine: Engine, delivery: Delivery, running: Running,
                         link: LinkChat | None) -> None:
        code = link_code(message)
        if code and link is not None:  # links the chat to the citizen who logged in on the web (or says why not)
            await link(f"{CHANNEL}:{message.chat.id}", CHANNEL, code)
        await converse(engine, delivery, running, message.chat.id, as_turn_text(message))

    @router.callback_query()
    async def on_button(callback: CallbackQuery, engine: Engine, delivery: Delivery, running: Running) -> None:
        chat = callback.message.chat if callback.message else None
        chat_id = chat.id if chat else callback.from_user.id
        if chat is not None and chat.type != ChatType.PRIVATE:
            with suppress(TelegramAPIError):
                await callback.answer()
            return
        try:
            await callback.answer()  # stops the spinner on the button
        except TelegramAPIError as exc:  # e.g. the query is too old; the turn still counts
            log.info("could not answer callback query (chat %s): %s", chat_tag(chat_id), type(exc).__name__)
        await converse(engine, delivery, running, chat_id, await delivery.payload(callback.data or ""))

    return router


def build_dispatcher(engine: Engine, delivery: Delivery, link: LinkChat | None = None) -> Dispatcher:
    """A dispatcher with the router; services reach the handlers through aiogram's workflow data.

    link(conversation_id, channel, code): '/start <code>' links the chat to a citizen (bot.auth.Auth.link_chat).
    """
    dp = Dispatcher(engine=engine, delivery=delivery, running=Running(), link=link)
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
    running = set(dp["running"].tasks)
    if running:
        await asyncio.wait(running, timeout=SHUTDOWN_GRACE_S)
    await bot.session.close()


async def push_outbox(delivery: Delivery, conversation_ids: Iterable[str]) -> None:
    """Deliver queued messages (reminders, caseworker replies) to the Telegram chats that got one, now."""
    for conversation_id in dict.fromkeys(c for c in conversation_ids if c.startswith(CHANNEL + ":")):
        await delivery.push(conversation_id)
