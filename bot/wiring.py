"""Builds the running assistant from settings: database, NLU, engine. Used by every entry point."""
import asyncio
import logging
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import AsyncIterator, Callable

import aiohttp
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.auth import Auth, AuthConfig
from bot.nlu_process import RasaProcess
from bot.oidc_process import LocalProvider
from bot.settings import ROOT, Settings
from dialogs.buttons import ButtonSets
from dialogs.context import Services
from dialogs.engine import Engine, Limits
from dialogs.language import LanguageCheck
from dialogs.router import build_router
from dialogs.safety import SafetyNet
from i18n import Catalog, format_datetime
from knowledge import KnowledgeBase
from nlu.client import CachedNlu, Nlu, RasaNlu
from services.booking import BookingRules
from services.case.db import DbCaseSystem
from services.case.demo import seed_demo_cases
from services.handoff import HandoffService
from services.identity import LoginGate, load_demo_citizens
from services.inbox import Inbox, StaffEvents
from services.staff import StaffRules, StaffService
from services.language import ASK_THRESHOLD, detect as detect_language
from services.municipality import Municipality, load_all
from services.dates_format import to_local
from services.oidc import OidcConfig, RelyingParty
from services.outgoing import Renderer
from services.reminders import Reminders
from services.retention import RetentionPolicy
from services.slots import SlotAdmin
from services.stats.report import StatsReport
from store.casework import CaseworkStore
from store.citizens import CitizenStore
from store.conversations import ConversationStore
from store.cv import CVStore
from store.db import make_engine, make_sessions, migrate, startup_lock
from store.files import FileStore
from store.handoffs import HandoffStore
from store.identity import IdentityStore
from store.outbox import OutboxStore
from store.payloads import PayloadStore
from store.ratings import AnswerRatingStore
from store.stats import StatsStore
from store.retention import RetentionStore
from store.turns import TurnGate

log = logging.getLogger(__name__)


@dataclass
class Assistant:
    """The assembled application, shared by the channels."""

    settings: Settings
    engine: Engine
    services: Services
    outbox: OutboxStore
    payloads: PayloadStore
    renderer: Renderer
    nlu: RasaNlu
    db: AsyncEngine
    reminders: Reminders
    rasa: RasaProcess | None
    staff: StaffService
    inbox: Inbox
    retention: RetentionStore
    auth: Auth

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


@dataclass
class Core:
    """The channel-independent part: engine, the services flows use, the outbox and its renderer."""

    engine: Engine
    services: Services
    outbox: OutboxStore
    renderer: Renderer
    inbox: Inbox
    identity: IdentityStore


def build_core(sessions: async_sessionmaker[AsyncSession], nlu: Nlu, municipalities: dict[str, Municipality],
               rules: BookingRules, clock: Callable[[], datetime], municipality: str, max_chars: int,
               knowledge: KnowledgeBase | None = None, retention: RetentionPolicy | None = None,
               login_base_url: str | None = None) -> Core:
    """Engine and services over one database (also what the flow tests run, with a fake NLU and clock).

    login_base_url: personal actions need a login, with links to <login_base_url>/auth/login; None: no login gate.
    """
    catalog, buttons = Catalog.load(), ButtonSets.load()
    handoff_store = HandoffStore(sessions)
    handoffs = HandoffService(handoff_store, catalog.get(None), clock)
    staff_events = StaffEvents()
    services = Services(
        conversations=ConversationStore(sessions), files=FileStore(sessions), citizens=CitizenStore(sessions),
        cvs=CVStore(sessions), knowledge=knowledge or KnowledgeBase.load().warm(),
        handoffs=handoffs, staff_events=staff_events, catalog=catalog,
        buttons=buttons, clock=clock, default_municipality=municipality,
        answer_ratings=AnswerRatingStore(sessions), retention=retention or RetentionPolicy(),
        bookings={k: DbCaseSystem.for_municipality(sessions, m, rules, clock) for k, m in municipalities.items()})
    outbox, renderer = OutboxStore(sessions), Renderer(catalog, format_datetime)
    identity = IdentityStore(sessions)
    login = LoginGate(identity, login_base_url, clock) if login_base_url else None
    engine = Engine(nlu, build_router(buttons.answers), SafetyNet.load(), services, TurnGate(sessions),
                    renderer, Limits(max_chars), login, LanguageCheck(detect_language, ASK_THRESHOLD))
    inbox = Inbox(handoffs, handoff_store, CaseworkStore(sessions), outbox, clock, staff_events)
    return Core(engine, services, outbox, renderer, inbox, identity)


def build_stats(sessions: async_sessionmaker[AsyncSession], catalog: Catalog,
                knowledge: KnowledgeBase) -> StatsReport:
    """The staff statistics (/inbox/stats, `python -m bot stats`): event-log queries, Danish staff texts."""
    titles = {e.id: e.title for e in knowledge.all_entries()}
    return StatsReport(StatsStore(sessions), catalog.get("da").get, titles,
                       lambda at: to_local(at).strftime("%Y-%m-%d %H:%M"))


def build_auth(settings: Settings, core: Core, issuer: str) -> Auth:
    """Login (OIDC relying party), web sessions and Telegram links; the demo citizens only with the local provider."""
    rp = RelyingParty(OidcConfig(issuer.rstrip("/"), settings.oidc_client_id,
                                 settings.oidc_client_secret.get_secret_value(), f"{settings.base_url}/auth/callback",
                                 cpr_claim=settings.oidc_cpr_claim))
    config = AuthConfig(timedelta(hours=settings.web_session_hours), settings.cookie_secure, settings.municipality,
                        core.services.catalog.locales)
    services = core.services
    # The deployment's case system hears of each login (with a CPR number, if the broker sends one).
    return Auth(core.identity, rp, core.engine, core.outbox, services.conversations,
                services.bookings[settings.municipality], services.catalog.get(None), utc_clock, config,
                None if settings.oidc_issuer else load_demo_citizens())


@asynccontextmanager
async def assemble(settings: Settings) -> AsyncIterator[Assistant]:
    """Create everything in order and tear it down in reverse."""
    municipalities = load_all()
    if settings.municipality not in municipalities:
        raise ValueError(f"unknown municipality '{settings.municipality}' (known: {', '.join(municipalities)})")
    db = make_engine(settings.database_url)
    sessions = make_sessions(db)
    async with startup_lock(settings.database_url):  # several workers may start at once on one database
        await migrate(settings.database_url)
        seeded = await SlotAdmin(sessions, municipalities[settings.municipality]).seed_demo_if_empty(utc_clock())
        case = DbCaseSystem.for_municipality(sessions, municipalities[settings.municipality],
                                             booking_rules(settings), utc_clock)
        # The demo citizens' cases only where they can log in: with the local OIDC provider.
        demo_meetings = await seed_demo_cases(sessions, case, () if settings.oidc_issuer else load_demo_citizens())
    if demo_meetings:
        log.info("seeded %d caseworker-booked demo meetings", demo_meetings)
    if seeded:
        log.info("empty database: seeded %d demo slots for %s", seeded, settings.municipality)
    # No OIDC_ISSUER: a local OpenID provider with the demo citizens stands in for the MitID broker.
    provider = None if settings.oidc_issuer else LocalProvider(load_demo_citizens())
    issuer = settings.oidc_issuer or await provider.start()  # type: ignore[union-attr]
    rasa = None if settings.nlu_url else RasaProcess(ROOT, settings.nlu_model, settings.rasa_port)
    http = aiohttp.ClientSession()
    try:
        nlu_url = settings.nlu_url or await rasa.start()  # type: ignore[union-attr]
        nlu = RasaNlu(nlu_url, http, settings.nlu_timeout_s)
        # Turns parse through a small cache of frequent short messages; /health asks Rasa itself (nlu.ready).
        core = build_core(sessions, CachedNlu(nlu, settings.nlu_cache_size), municipalities, booking_rules(settings),
                          utc_clock, settings.municipality, settings.max_message_chars,
                          retention=RetentionPolicy(settings.retention_days, settings.retention_anonymous_days),
                          login_base_url=settings.base_url if settings.login_required else None)
        staff = StaffService(sessions, utc_clock, StaffRules(session_hours=settings.inbox_session_hours))
        yield Assistant(settings, core.engine, core.services, core.outbox, PayloadStore(sessions), core.renderer,
                        nlu, db, Reminders(sessions, municipalities), rasa, staff, core.inbox,
                        RetentionStore(sessions, core.services.citizens), build_auth(settings, core, issuer))
    finally:
        await http.close()
        if rasa:
            await rasa.stop()
        if provider:
            await provider.stop()
        await db.dispose()
