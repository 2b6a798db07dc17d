"""Builds the running assistant from settings: database, NLU, engine. Used by every entry point."""
import asyncio
import logging
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import AsyncIterator

import aiohttp
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.nlu_process import RasaProcess
from bot.settings import ROOT, Settings
from dialogs.context import Services
from dialogs.engine import Engine
from dialogs.flows.slot_picker import describe_booking
from dialogs.router import build_router
from dialogs.safety import SafetyNet
from dialogs.texts import Texts
from nlu.client import RasaNlu
from services.booking import BookingRules, BookingService
from services.municipality import Municipality
from services.reminders import Reminders
from services.slots import SlotAdmin
from store.conversations import ConversationStore
from store.db import make_engine, make_sessions, migrate

log = logging.getLogger(__name__)


@dataclass
class Assistant:
    """The assembled application, shared by the channels."""

    settings: Settings
    engine: Engine
    store: ConversationStore
    services: Services
    nlu: RasaNlu
    db: AsyncEngine
    reminders: Reminders
    rasa: RasaProcess | None

    async def db_ok(self) -> bool:
        try:
            async with self.db.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception:  # noqa: BLE001 - any driver error means "not reachable"; health reports it
            log.warning("database not reachable", exc_info=True)
            return False
        return True

    async def healthy(self) -> bool:
        return await self.nlu.ready() and await self.db_ok()

    async def wait_until_ready(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while not await self.nlu.ready():
            if time.monotonic() > deadline:
                raise TimeoutError("the NLU service did not become ready")
            await asyncio.sleep(1.0)


def utc_clock() -> datetime:
    return datetime.now(timezone.utc)


def booking_rules(settings: Settings) -> BookingRules:
    return BookingRules(notice=timedelta(hours=settings.booking_notice_hours),
                        horizon=timedelta(days=settings.booking_horizon_days),
                        reminder_before=timedelta(hours=settings.reminder_hours_before))


@asynccontextmanager
async def assemble(settings: Settings) -> AsyncIterator[Assistant]:
    """Create everything in order and tear it down in reverse."""
    municipality = Municipality.load(settings.municipality)
    await migrate(settings.database_url)
    db = make_engine(settings.database_url)
    sessions = make_sessions(db)
    seeded = await SlotAdmin(sessions, municipality).seed_demo_if_empty(utc_clock())
    if seeded:
        log.info("empty database: seeded %d demo slots for %s", seeded, municipality.name)
    rasa = None if settings.nlu_url else RasaProcess(ROOT, settings.nlu_model, settings.rasa_port)
    nlu_url = settings.nlu_url or await rasa.start()  # type: ignore[union-attr]
    http = aiohttp.ClientSession()
    try:
        store = ConversationStore(sessions)
        texts = Texts.load()
        booking = BookingService(sessions, municipality, booking_rules(settings), utc_clock)
        services = Services(store=store, texts=texts, clock=utc_clock, booking=booking)
        nlu = RasaNlu(nlu_url, http, settings.nlu_timeout_s)
        engine = Engine(nlu, build_router(), SafetyNet.load(), services, settings.max_message_chars)
        reminders = Reminders(sessions, lambda b: texts.get("booking.reminder", **describe_booking(municipality, b)))
        yield Assistant(settings, engine, store, services, nlu, db, reminders, rasa)
    finally:
        await http.close()
        if rasa:
            await rasa.stop()
        await db.dispose()
