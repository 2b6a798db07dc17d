"""Composition root: `python -m bot [serve|chat|migrate|slots]` builds settings, database, NLU and channels."""
import argparse
import asyncio
import logging
import signal
import sys
from functools import partial
from typing import Awaitable, Callable

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from bot import cli, staff_cli, stats_cli
from bot.inbox_web import build_inbox
from bot.logs import announce_ready, not_ready_message, setup_logging
from bot.settings import Settings
from bot.settings import ROOT
from bot.telegram import build_bot, build_dispatcher, push_outbox, run_polling
from bot.telegram_delivery import Delivery
from bot.telegram_group import attach_group
from bot.terminal import chat
from bot.web import build_web_app
from bot.stats_web import stats_routes
from bot.wiring import Assistant, assemble, build_stats, utc_clock
from services.outgoing import OutMessage, Text
from store.db import make_sessions, migrate


async def serve(settings: Settings) -> None:
    """Web chat + REST (+ Telegram when a token is set) until SIGTERM/SIGINT."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with assemble(settings) as assistant:
        services = assistant.services
        app = build_web_app(assistant.engine, assistant.outbox, services.files, assistant.renderer, services.catalog,
                            assistant.healthy, {"/inbox/": inbox_app(assistant), "/auth/": assistant.auth.app()},
                            assistant.auth.may_use)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, settings.host, settings.port).start()
        tasks: list[asyncio.Task[None]] = []
        # The address is shown only once /health would say ok: before that the page cannot answer yet.
        tasks.append(asyncio.create_task(announce_ready(
            assistant.healthy, f"http://{settings.host}:{settings.port}", settings.nlu_start_timeout_s)))
        on_queued: Callable[[list[str]], Awaitable[None]] | None = None
        if settings.telegram_bot_token:  # same engine and store; run_polling stops cleanly when cancelled
            bot = build_bot(settings.telegram_bot_token.get_secret_value(), settings.telegram_api_url)
            delivery = telegram_delivery(assistant, bot)
            dp = build_dispatcher(assistant.engine, delivery, assistant.auth.link_chat)
            username = await bot_username(bot, settings.telegram_bot_username)
            if username:  # a web login offers the t.me deep link that links a chat to the citizen
                assistant.auth.enable_telegram(username)
            if settings.telegram_caseworker_chat_id is not None:  # the caseworkers' group: requests, claims, relay
                group = attach_group(dp, bot, assistant.inbox, make_sessions(assistant.db), utc_clock,
                                     settings.telegram_caseworker_chat_id)
                tasks.append(asyncio.create_task(group.run(stop)))
            tasks.append(asyncio.create_task(run_polling(bot, dp, stop)))
            tasks.append(asyncio.create_task(delivery.run(stop)))  # retries, and messages other workers queued
            on_queued = partial(push_outbox, delivery)
            assistant.inbox.on_citizen_message(on_queued)  # caseworker replies reach Telegram at once
            assistant.auth.on_queued(on_queued)  # a login started from Telegram continues in the chat
        tasks.append(asyncio.create_task(reminder_loop(assistant, stop, on_queued)))
        tasks.append(asyncio.create_task(retention_loop(assistant, stop)))
        if assistant.rasa:  # our own Rasa child: restart it if it dies
            tasks.append(asyncio.create_task(assistant.rasa.supervise(stop)))
        try:
            await stop.wait()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await runner.cleanup()
    logging.info("stopped")


async def bot_username(bot: Bot, configured: str | None) -> str | None:
    """The bot's @name for t.me links: configured, or asked from the Bot API (None if it cannot be reached now)."""
    if configured:
        return configured
    try:
        return (await bot.me()).username
    except TelegramAPIError as exc:
        logging.warning("could not ask Telegram for the bot's name (%s): no Telegram link after login",
                        type(exc).__name__)
        return None


def inbox_app(assistant: Assistant) -> web.Application:
    """The caseworker inbox for this deployment's municipality."""
    settings, services = assistant.settings, assistant.services
    stats = build_stats(make_sessions(assistant.db), services.catalog, services.knowledge)
    return build_inbox(assistant.staff, assistant.inbox, services.bookings[settings.municipality],
                       settings.cookie_secure, utc_clock,
                       stats_routes(stats, assistant.staff, sorted(services.bookings), utc_clock))


def telegram_delivery(assistant: Assistant, bot: Bot) -> Delivery:
    """The Telegram channel's delivery, with the apology it sends when a turn fails."""
    services = assistant.services
    apology = assistant.renderer.render(OutMessage(Text("error"), assistant.engine.buttons("person")), None)
    return Delivery(bot, assistant.outbox, services.files, assistant.payloads, assistant.renderer, utc_clock, apology)


async def reminder_loop(assistant: Assistant, stop: asyncio.Event,
                        on_queued: Callable[[list[str]], Awaitable[None]] | None = None) -> None:
    """Queue due reminders; push channels get them via on_queued, the web on the citizen's next message."""
    while not stop.is_set():
        try:
            queued = await assistant.reminders.queue_due(utc_clock())
            if queued:
                logging.info("queued %d reminders", len(queued))
                if on_queued:
                    await on_queued(queued)
        except (SQLAlchemyError, OSError):  # a database hiccup must not end reminders for the process
            logging.exception("reminder round failed; retrying next round")
        try:
            await asyncio.wait_for(stop.wait(), assistant.settings.reminder_poll_s)
        except TimeoutError:
            pass


async def retention_loop(assistant: Assistant, stop: asyncio.Event) -> None:
    """Delete what the retention periods say, at start and then every retention_poll_s (idempotent)."""
    policy = assistant.services.retention
    while not stop.is_set():
        try:
            purged = await assistant.retention.purge(policy.cutoffs(utc_clock()))
            if purged is not None and purged.total:
                logging.info("retention: deleted %s", purged)
        except (SQLAlchemyError, OSError):  # a database hiccup must not end retention for the process
            logging.exception("retention round failed; retrying next round")
        try:
            await asyncio.wait_for(stop.wait(), assistant.settings.retention_poll_s)
        except TimeoutError:
            pass


async def terminal(settings: Settings) -> None:
    async with assemble(settings) as assistant:
        print("Starter ... (sprogmodellen indlæses, typisk 10-20 sekunder)", file=sys.stderr)
        try:
            await assistant.wait_until_ready(settings.nlu_start_timeout_s)
        except TimeoutError:
            raise SystemExit(not_ready_message(settings.nlu_start_timeout_s)) from None
        await chat(assistant.engine, assistant.services.files, assistant.services.catalog.get(None),
                   ROOT / "var" / "downloads")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("serve", help="web chat + REST (+ Telegram), the default")
    sub.add_parser("chat", help="chat in the terminal")
    sub.add_parser("migrate", help="create or migrate the database schema")
    cli.add_arguments(sub.add_parser("slots", help="publish or list bookable times"))
    staff_cli.add_arguments(sub.add_parser("caseworker", help="inbox accounts (bin/caseworker)"))
    stats_cli.add_arguments(sub.add_parser("stats", help="the staff statistics as CSV tables"))
    args = parser.parse_args(argv)
    setup_logging(args.command or "serve")  # chat: var/log/chat.log only; otherwise our INFO on screen + app.log
    settings = Settings()
    if args.command in (None, "serve"):
        asyncio.run(serve(settings))
    elif args.command == "slots":
        return asyncio.run(cli.run(settings, args))
    elif args.command == "caseworker":
        return asyncio.run(staff_cli.run(settings, args))
    elif args.command == "stats":
        return asyncio.run(stats_cli.run(settings, args))
    elif args.command == "chat":
        asyncio.run(terminal(settings))
    else:
        asyncio.run(migrate(settings.database_url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
