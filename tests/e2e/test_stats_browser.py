"""The statistics page (/inbox/stats) in Debian's Chromium: log in, see the charts and tables, export CSV, mark handled.

Runs the inbox with the statistics routes over a database with four weeks of generated events (the
engine's event kinds, as tools/bench_stats.py writes them); no NLU is needed. axe-core finds no serious or
critical violations; the screenshot goes to reports/stats.png (docs/stats.png is a copy).
"""
import random
from datetime import datetime, timedelta, timezone

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.inbox_web import build_inbox
from bot.settings import ROOT
from bot.stats_web import stats_routes
from bot.wiring import build_stats
from i18n import Catalog
from services.staff import StaffService
from store.models import Event
from tests.e2e.test_browser import ARGS, CHROMIUM
from tests.e2e.test_inbox_browser import axe_js, check_accessibility, login  # noqa: F401 - axe_js is a fixture
from tools.bench_stats import conversation

pytestmark = pytest.mark.browser

PASSWORD = "en lang adgangsfrase"
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
async def server(sessions, core, knowledge):
    rng = random.Random(7)
    async with sessions.begin() as s:
        for _ in range(900):
            start = NOW - timedelta(days=27) + timedelta(seconds=rng.random() * 27 * 86400)
            s.add_all(Event(anon_id=a, kind=k, data=d, created_at=at) for a, k, d, at in conversation(rng, start))
    staff = StaffService(sessions, lambda: NOW)
    await staff.add("anne@kommune.dk", "Anne Holm", PASSWORD)
    stats = build_stats(sessions, Catalog.load(), knowledge)
    routes = stats_routes(stats, staff, ["ballerup", "gentofte", "hvidovre"], lambda: NOW)
    inbox = build_inbox(staff, core.inbox, core.services.bookings["ballerup"], False, lambda: NOW, routes)
    app = web.Application()
    app.add_subapp("/inbox/", inbox)
    async with TestServer(app) as srv:
        yield srv


async def test_a_caseworker_reads_the_statistics_and_exports_a_table(server, axe_js):  # noqa: F811
    from playwright.async_api import async_playwright, expect

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = await (await browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900},
                                                    accept_downloads=True)).new_page()
            # Without a session: a plain 'log in first', nothing else.
            await page.goto(str(server.make_url("/inbox/stats")))
            await expect(page.get_by_text("Du skal være logget ind i indbakken")).to_be_visible()
            assert await page.locator("table").count() == 0

            await page.goto(str(server.make_url("/inbox/")))
            await login(page, "anne@kommune.dk", PASSWORD)
            await expect(page.locator("#me-name")).to_have_text("Anne Holm")
            await page.get_by_role("link", name="Statistik").click()
            await expect(page.get_by_role("heading", level=1, name="Statistik")).to_be_visible()
            assert await page.locator("svg.chart").count() >= 7
            assert await page.locator("section.figure table").count() == 11
            first = page.locator("#t-samtaler tbody tr").first
            await expect(first.locator("th")).to_have_text("2026-11-01")
            assert int(await first.locator("td").first.inner_text()) > 5
            await expect(page.locator("#t-ubesvarede")).to_contain_text("tilskud til briller")
            await check_accessibility(page, axe_js, "the statistics page")

            # By week, for one municipality: the form is a plain GET.
            await page.get_by_label("Opdel efter", exact=True).select_option("week")
            await page.get_by_label("Kommune", exact=True).select_option("ballerup")
            await page.get_by_role("button", name="Vis tal").click()
            csv_link = page.locator('a.csv[href^="/inbox/stats/csv/samtaler?"]')
            await expect(csv_link).to_have_accessible_name(
                "Hent tabellen som CSV (regneark): Samtaler, og hvor mange chatbotten klarede alene")
            await expect(page.locator("#t-samtaler tbody tr").first.locator("th")).to_have_text("2026-U44")

            async with page.expect_download() as info:
                await page.locator('a.csv[href^="/inbox/stats/csv/samtaler?"]').click()
            download = await info.value
            lines = (await download.path()).read_text(encoding="utf-8").splitlines()
            assert lines[0].startswith("Periode,Samtaler,Uden medarbejder,Andel uden medarbejder")
            assert lines[1].startswith("2026-U44,")

            # A group of unanswered questions is marked handled.
            await page.locator("#t-ubesvarede button").first.click()
            await expect(page.get_by_role("status")).to_have_text("Gruppen er markeret som håndteret.")
            await expect(page.locator("#t-ubesvarede tbody tr").first).to_contain_text("Håndteret 2026-11-28 13:00")

            await page.goto(str(server.make_url("/inbox/stats")))
            await page.screenshot(path=str(ROOT / "reports" / "stats.png"), full_page=True)
        finally:
            await browser.close()
