"""The caseworker inbox (/inbox/) in Debian's Chromium, next to a citizen in the web chat, on the real model.

A citizen asks for a person in the chat; the caseworker sees the request arrive without reloading, reads the
summary, takes it, answers, and closes it; the citizen sees the answer and the close. A colleague who tries to
take it afterwards is told so. A crisis from another citizen then arrives first, marked "AKUT" in words.
axe-core checks the login page and the inbox with a request open (no serious or critical findings); screenshots
go to reports/ (inbox_login.png, inbox.png, inbox_crisis.png, inbox_narrow.png at 390 px).
"""
import json
import subprocess
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from bot.__main__ import inbox_app
from bot.settings import ROOT
from bot.web import build_web_app
from tests.e2e.test_browser import ARGS, CHROMIUM

pytestmark = pytest.mark.browser

PASSWORD = "en lang adgangsfrase"
REPLY = "Hej, jeg kan se, at din ydelse er forsinket. Den bliver udbetalt i morgen."
REPORTS = ROOT / "reports"
NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"


@pytest.fixture(scope="session")
def axe_js() -> Path:
    """axe-core from npm, installed once into var/npm by tools/axe.sh (never committed)."""
    done = subprocess.run([str(ROOT / "tools" / "axe.sh")], capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0:
        pytest.fail(f"tools/axe.sh could not install axe-core: {done.stderr.strip()}")
    path = Path(done.stdout.strip().splitlines()[-1])
    assert path.is_file(), path
    return path


@pytest.fixture
async def server(assistant):
    """The whole app as `python -m bot` serves it: the citizen chat and the inbox under /inbox/."""
    services = assistant.services
    app = build_web_app(assistant.engine, assistant.outbox, services.files, assistant.renderer, services.catalog,
                        assistant.healthy, {"/inbox/": inbox_app(assistant), "/auth/": assistant.auth.app()},
                        assistant.auth.may_use)
    async with TestServer(app) as srv:
        yield srv


async def check_accessibility(page, axe_js: Path, name: str) -> None:
    """Run axe-core; fail on serious or critical violations, print the rest."""
    await page.add_script_tag(path=str(axe_js))
    result = await page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
    }""")
    bad = [v for v in result if v["impact"] in ("serious", "critical")]
    print(f"axe on {name}: {len(result)} violation(s)" + "".join(f"\n  {json.dumps(v, ensure_ascii=False)}"
                                                                for v in result))
    assert not bad, f"axe found serious/critical violations on {name}: {json.dumps(bad, ensure_ascii=False)}"


async def login(page, email: str, password: str) -> None:
    await page.fill("#email", email)
    await page.fill("#password", password)
    await page.click("#login-button")


async def citizen_says(page, text: str) -> None:
    await page.fill("#message", text)
    await page.press("#message", "Enter")


async def test_caseworker_takes_a_request_from_the_web_chat(assistant, server, axe_js):
    from playwright.async_api import async_playwright, expect

    await assistant.staff.add("anne@kommune.dk", "Anne Holm", PASSWORD)
    await assistant.staff.add("bo@kommune.dk", "Bo Berg", PASSWORD)
    REPORTS.mkdir(exist_ok=True)
    inbox_url, chat_url = str(server.make_url("/inbox/")), str(server.make_url("/"))

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            size = {"width": 1400, "height": 1000}
            anne = await (await browser.new_context(locale="da-DK", viewport=size)).new_page()
            citizen = await (await browser.new_context(locale="da-DK")).new_page()
            bo = await (await browser.new_context(locale="da-DK", viewport=size)).new_page()

            # No meeting can be booked for today (24 h notice), so the bookings panel gets today's list from here.
            today = [{"at": "2026-11-23T09:00:00+00:00", "time": "mandag den 23. november kl. 10:00",
                      "type": "Jobsamtale", "mode": "Telefon", "caseworker": "Anne Holm"}]
            await anne.route("**/inbox/api/bookings-today", lambda route: route.fulfill(json=today))

            # --- A: the login page, a wrong password, then the right one
            await anne.goto(inbox_url)
            await expect(anne.locator("#login-view")).to_be_visible()
            await expect(anne.locator("html")).to_have_attribute("lang", "da")
            await check_accessibility(anne, axe_js, "the login page")
            await login(anne, "anne@kommune.dk", "forkert adgangskode")
            await expect(anne.get_by_role("alert").filter(has_text="Forkert e-mail eller adgangskode")).to_be_visible()
            await anne.screenshot(path=str(REPORTS / "inbox_login.png"), full_page=True)
            await login(anne, "anne@kommune.dk", PASSWORD)
            await expect(anne.locator("#me-name")).to_have_text("Anne Holm")
            await expect(anne.locator("#count-open")).to_have_text("0")
            await expect(anne.get_by_role("complementary", name="Dagens bookinger")).to_contain_text("Jobsamtale")
            # A reload keeps the session (GET /inbox/api/me).
            await anne.reload()
            await expect(anne.locator("#me-name")).to_have_text("Anne Holm")
            await anne.locator("#tab-open").click()  # an interaction: the sound cue may play from now on

            # Bo, a colleague, logs in too; his page's timers are under the test's control (see below).
            await bo.clock.install()
            await bo.goto(inbox_url)
            await login(bo, "bo@kommune.dk", PASSWORD)
            await expect(bo.locator("#me-name")).to_have_text("Bo Berg")

            # --- B: the citizen asks for a person, by typing and clicking
            await citizen.goto(chat_url)
            said = citizen.locator("#log .msg.bot")
            await expect(said.first).to_contain_text("chatbot", timeout=15_000)
            await citizen_says(citizen, "jeg vil tale med et menneske")
            await expect(said.last).to_contain_text("Hvad drejer det sig om", timeout=15_000)
            await citizen_says(citizen, "Jeg har ikke fået min ydelse")
            await expect(said.last).to_contain_text("Må medarbejderen læse", timeout=15_000)
            await citizen.locator(".msg.bot .choice", has_text="Ja, det må de gerne").last.click()
            await expect(said.last).to_contain_text("Hvordan vil du kontaktes", timeout=15_000)
            await citizen.locator(".msg.bot .choice", has_text="Her i chatten").last.click()
            await expect(said.last).to_contain_text("Din henvendelse er sendt", timeout=15_000)

            # --- A: the request appears without a reload: live region, badge, count
            await expect(anne.locator("#announce")).to_contain_text("Ny henvendelse: Vil tale med en medarbejder",
                                                                    timeout=12_000)
            await expect(anne.locator("#announce")).to_have_attribute("aria-live", "polite")
            await expect(anne.locator("#badge-open")).to_be_visible()
            await expect(anne.locator("#count-open")).to_have_text("1")
            item = anne.locator("#list-open .request-button").first
            await expect(item).to_contain_text("Webchat")
            await expect(item).to_contain_text("venter")
            await item.click()
            await expect(anne.locator("#detail-summary")).to_contain_text(
                "Borgerens besked: Jeg har ikke fået min ydelse")
            await expect(anne.locator("#reply-form")).to_be_hidden()  # not hers yet: no reply box

            # Bo opens it too, then his page's timers stop, so it still offers "Tag den" after Anne took it.
            await expect(bo.locator("#count-open")).to_have_text("1", timeout=12_000)
            await bo.locator("#list-open .request-button").first.click()
            await expect(bo.locator("#claim")).to_be_visible()
            await bo.clock.pause_at(await bo.evaluate("Date.now()") + 1000)

            # --- A: take it, answer with a canned reply edited, and a private note
            await anne.get_by_role("button", name="Tag den").click()
            await expect(anne.locator("#announce")).to_contain_text("Du har taget henvendelsen")
            await expect(anne.locator("#claim")).to_be_hidden()
            await expect(anne.locator("#count-mine")).to_have_text("1")
            await anne.select_option("#canned", label="Hilsen")
            await expect(anne.locator("#reply-text")).to_have_value(
                "Hej, jeg er medarbejder i jobcentret og har læst din henvendelse. Jeg hjælper dig gerne.")
            await anne.get_by_label("Dit svar til borgeren").fill(REPLY)
            await anne.get_by_role("button", name="Send svar").click()
            await expect(anne.locator("#announce")).to_contain_text("Dit svar er sendt")
            await expect(anne.locator("#detail-messages .message.caseworker").last).to_contain_text(REPLY)
            await anne.get_by_label("Ny note (kun for medarbejdere").fill("Tjek udbetalingen med ydelsesteamet.")
            await anne.get_by_role("button", name="Gem note").click()
            await expect(anne.locator("#detail-notes")).to_contain_text("Tjek udbetalingen med ydelsesteamet.")

            # Bo's stale "Tag den" now gets 409: he is told clearly.
            await bo.locator("#claim").click()
            await bo.clock.resume()
            await expect(bo.get_by_role("alert")).to_contain_text("En kollega har allerede taget den")
            await expect(bo.locator("#claim")).to_be_hidden()

            # Tabs by keyboard: → moves to "Mine", which lists it.
            await anne.locator("#tab-open").focus()
            await anne.keyboard.press("ArrowRight")
            await expect(anne.locator("#tab-mine")).to_have_attribute("aria-selected", "true")
            await expect(anne.locator("#tab-mine")).to_be_focused()
            await expect(anne.locator("#list-mine .request-button")).to_have_count(1)

            # --- B: the citizen sees the reply with the next message; the message reaches Anne
            await citizen_says(citizen, "hej")
            await expect(citizen.locator("#log")).to_contain_text(f"Anne Holm (medarbejder): {REPLY}",
                                                                  timeout=15_000)
            await expect(anne.locator("#detail-messages .message.citizen").last).to_contain_text("hej",
                                                                                             timeout=10_000)

            # Accessibility and a look, with a request open and all its actions shown.
            await check_accessibility(anne, axe_js, "the inbox with a request open")
            await anne.screenshot(path=str(REPORTS / "inbox.png"), full_page=True)
            assert await anne.evaluate(NO_SIDEWAYS_SCROLL), "the inbox scrolls sideways"

            # --- A: close it as "løst"
            await anne.select_option("#end-status", "løst")
            await anne.get_by_role("button", name="Afslut").click()
            await expect(anne.locator("#announce")).to_contain_text("Henvendelsen er afsluttet")
            await expect(anne.locator("#count-mine")).to_have_text("0")
            await expect(anne.locator("#count-closed")).to_have_text("1")
            await expect(anne.locator("#reply-form")).to_be_hidden()

            # --- B: the next message shows that the caseworker has finished
            await citizen_says(citizen, "tak")
            await expect(citizen.locator("#log")).to_contain_text("Medarbejderen har afsluttet samtalen",
                                                                  timeout=15_000)

            # --- A crisis from another citizen (over REST) goes first, marked in words, not by colour alone
            async with aiohttp.ClientSession() as http:
                for message in ("jeg vil ikke leve mere", '/human_handoff{"reason": "crisis"}'):  # + its button
                    resp = await http.post(str(server.make_url("/webhooks/rest/webhook")),
                                           json={"sender": "krise", "message": message})
                    assert resp.status == 200, await resp.text()
            await anne.locator("#tab-open").click()
            await expect(anne.locator("#announce")).to_contain_text(
                "Ny henvendelse: AKUT – Fare for liv eller sikkerhed", timeout=12_000)
            crisis = anne.locator("#list-open .request-button").first
            await expect(crisis).to_contain_text("AKUT")
            await crisis.click()
            await expect(anne.locator("#detail-priority")).to_contain_text("AKUT")
            await anne.screenshot(path=str(REPORTS / "inbox_crisis.png"), full_page=True)
            await anne.set_viewport_size({"width": 390, "height": 844})
            await anne.screenshot(path=str(REPORTS / "inbox_narrow.png"), full_page=True)
            assert await anne.evaluate(NO_SIDEWAYS_SCROLL), "the inbox scrolls sideways at 390 px"

            # --- A: log out
            await anne.get_by_role("button", name="Log ud").click()
            await expect(anne.locator("#login-view")).to_be_visible()
            await anne.reload()
            await expect(anne.locator("#login-view")).to_be_visible()
        finally:
            await browser.close()
