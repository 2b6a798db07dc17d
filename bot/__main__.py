"""Composition root: `python -m bot [serve|chat|migrate|slots]` builds settings, database, NLU and channels."""
import argparse
import asyncio
import logging
import signal
import sys
from functools import partial
from typing import Awaitable, Callable

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from bot import cli
from bot.settings import Settings
from bot.telegram import build_bot, build_dispatcher, push_outbox, run_polling
from bot.terminal import chat
from bot.web import build_web_app
from bot.wiring import Assistant, assemble, utc_clock
from store.db import migrate


async def serve(settings: Settings) -> None:
    """Web chat + REST (+ Telegram when a token is set) until SIGTERM/SIGINT."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with assemble(settings) as assistant:
        app = build_web_app(assistant.engine, assistant.store, assistant.healthy, assistant.services.texts)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, settings.host, settings.port).start()
        logging.info("Jobassistenten on http://%s:%s", settings.host, settings.port)
        tasks: list[asyncio.Task[None]] = []
        on_queued: Callable[[list[str]], Awaitable[None]] | None = None
        if settings.telegram_bot_token:  # same engine and store; run_polling stops cleanly when cancelled
            bot = build_bot(settings.telegram_bot_token.get_secret_value(), settings.telegram_api_url)
            dp = build_dispatcher(assistant.engine, assistant.store, assistant.services.texts)
            tasks.append(asyncio.create_task(run_polling(bot, dp, stop)))
            on_queued = partial(push_outbox, bot, assistant.store)
        tasks.append(asyncio.create_task(reminder_loop(assistant, stop, on_queued)))
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


async def terminal(settings: Settings) -> None:
    async with assemble(settings) as assistant:
        print("Starter ... (sprogmodellen indlæses)", file=sys.stderr)
        await assistant.wait_until_ready(settings.nlu_start_timeout_s)
        await chat(assistant.engine)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("serve", help="web chat + REST (+ Telegram), the default")
    sub.add_parser("chat", help="chat in the terminal")
    sub.add_parser("migrate", help="create or migrate the database schema")
    cli.add_arguments(sub.add_parser("slots", help="publish or list bookable times"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = Settings()
    if args.command in (None, "serve"):
        asyncio.run(serve(settings))
    elif args.command == "slots":
        return asyncio.run(cli.run(settings, args))
    elif args.command == "chat":
        asyncio.run(terminal(settings))
    else:
        asyncio.run(migrate(settings.database_url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
