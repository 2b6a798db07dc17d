"""Linking Telegram to a MitID login end to end: bin/serve with the local OIDC provider, polling the Bot API double.

A citizen logs in on the web page, gets the one-time t.me link, sends `/start <code>` in Telegram, and then sees
the meetings the caseworker booked for them there. A used or expired code links nothing.
"""
import asyncio
import os
import subprocess
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from sqlalchemy import create_engine, update

from bot.nlu_process import free_port
from bot.settings import ROOT
from services.identity import digest
from store.models import TelegramLinkCode
from tests.e2e.procs import Served, stop_serve, wait_healthy
from tests.telegram_double import BOT_USER, TOKEN, BotApiDouble

ANNA = "demo-anna-4f1c"
CHAT, OTHER_CHAT, LATE_CHAT = 5101, 5102, 5103
WAIT_S = 30.0  # a turn goes through the real NLU
LOGIN_NEEDED = ("Det handler om din egen sag, så du skal logge ind med MitID først. Tryk på knappen. "
                "Bagefter fortsætter vi, hvor vi slap.")
LINKED = "Nu er din Telegram koblet til dig. Du kan se, flytte og aflyse dine samtaler her."
ALREADY = "Din Telegram er allerede koblet til dig. Du kan se, flytte og aflyse dine samtaler her."
INVALID = ("Linket virker ikke. Det kan kun bruges én gang og kun i 10 minutter. "
           "Log ind på jobcentrets chat på nettet og hent et nyt link.")
GREETING = ("Hej! Jeg er Jobassistenten, en chatbot fra jobcentret. Skriv ikke dit CPR-nummer her. "
            "Hvad kan jeg hjælpe med?\nYou can also write to me in English.")


@pytest.fixture
async def api():
    double = BotApiDouble()
    await double.start()
    yield double
    await double.stop()


@pytest.fixture
async def served(tmp_path, rasa_url, api):
    """bin/serve with login required, the local OIDC provider (no OIDC_ISSUER) and Telegram pointed at the double."""
    port = free_port()
    env = {**os.environ, "PORT": str(port), "DATABASE_URL": f"sqlite:///{tmp_path / 'link.db'}",
           "MUNICIPALITY": "ballerup", "LOGIN_REQUIRED": "true", "NLU_URL": rasa_url,
           "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": api.url}
    for name in ("OIDC_ISSUER", "TELEGRAM_BOT_USERNAME", "TELEGRAM_CASEWORKER_CHAT_ID", "PUBLIC_URL"):
        env.pop(name, None)
    log = tmp_path / "link.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([str(ROOT / "bin" / "serve")], env=env, cwd=tmp_path, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    running = Served("link", proc, port, log)
    try:
        await asyncio.to_thread(wait_healthy, running)  # the double answers the app's getMe meanwhile
        yield running
    finally:
        assert await asyncio.to_thread(stop_serve, running) == 0, running.log_tail()


async def chat(page: httpx.AsyncClient, sender: str, message: str) -> list[dict]:
    resp = await page.post("/webhooks/rest/webhook", json={"sender": sender, "message": message})
    assert resp.status_code == 200, resp.text
    return resp.json()


async def log_in_on_the_web(page: httpx.AsyncClient, subject: str) -> str:
    """The web page's way in: a sender from the server, the login button, the provider's form; returns the sender."""
    sender = (await page.post("/auth/sender", json={})).json()["sender"]
    asked = await chat(page, sender, "/list_meetings")
    assert asked[0]["text"] == LOGIN_NEEDED
    login = await page.get(asked[0]["buttons"][0]["url"])  # in the page's browser: its session cookie goes along
    assert login.status_code == 302, login.text
    provider = login.headers["location"]
    form = await page.get(provider)
    assert form.status_code == 200 and 'name="sub"' in form.text
    code = await page.post(provider, data={"sub": subject})
    assert code.status_code == 302 and "/auth/callback?" in code.headers["location"]
    back = await page.get(code.headers["location"])
    assert back.status_code == 302 and back.headers["location"] == "/"  # back to the chat
    state = (await page.post("/auth/sender", json={"sender": sender})).json()
    assert state == {"sender": sender, "logged_in": True, "telegram": True, "locale": "da"}
    return sender


async def link_code(page: httpx.AsyncClient) -> str:
    resp = await page.post("/auth/telegram-link")
    assert resp.status_code == 200 and resp.headers["cache-control"] == "no-store"
    url = urlparse(resp.json()["url"])
    assert (url.scheme, url.netloc, url.path) == ("https", "t.me", f"/{BOT_USER['username']}")
    return parse_qs(url.query)["start"][0]


async def says(api: BotApiDouble, chat_id: int, text: str, count: int, press: bool = False) -> list[str | None]:
    """What the bot sent to the chat in answer (at least count messages, then a moment for any more)."""
    before = len(api.sent_to(chat_id))
    if press:
        await api.user_presses(chat_id, text)
    else:
        await api.user_says(chat_id, text)
    await api.wait_for_sent(chat_id, before + count, WAIT_S)
    await asyncio.sleep(0.5)
    return [s.text for s in api.sent_to(chat_id)[before:]]


def expire(database: str, code: str) -> None:
    """Let ten minutes pass for one code (the app runs on the real clock)."""
    engine = create_engine(database)
    try:
        with engine.begin() as conn:
            conn.execute(update(TelegramLinkCode).where(TelegramLinkCode.code_hash == digest(code))
                         .values(expires_at=datetime.now(timezone.utc) - timedelta(seconds=1)))
    finally:
        engine.dispose()


async def test_a_web_login_links_telegram_once_and_telegram_then_shows_the_caseworkers_meetings(served, api, tmp_path):
    async with httpx.AsyncClient(base_url=served.url, timeout=30) as page:
        sender = await log_in_on_the_web(page, ANNA)
        waiting = (await page.get(f"/webhooks/rest/outbox/{sender}")).json()
        assert waiting[0]["text"] == "Du er nu logget ind med MitID."
        on_the_web = waiting[1]["text"]  # the list the citizen asked for before the login
        assert on_the_web.startswith("Dine samtaler:\n")
        assert on_the_web.count("med Anne Holm (booket af jobcentret).") == 2  # both demo meetings
        code = await link_code(page)

        assert (await says(api, CHAT, "hvornår er min samtale", 1))[0] == LOGIN_NEEDED  # not linked yet
        assert await says(api, CHAT, f"/start {code}", 2) == [LINKED, GREETING]
        assert await says(api, CHAT, "hvornår er min samtale", 1) == [on_the_web]
        assert await says(api, CHAT, "/list_meetings", 1, press=True) == [on_the_web]
        assert await says(api, CHAT, f"/start {code}", 2) == [ALREADY, GREETING]  # the link tapped twice

        assert await says(api, OTHER_CHAT, f"/start {code}", 2) == [INVALID, GREETING]  # single use
        assert await says(api, OTHER_CHAT, "/list_meetings", 1, press=True) == [LOGIN_NEEDED]

        late = await link_code(page)
        expire(f"sqlite:///{tmp_path / 'link.db'}", late)
        assert await says(api, LATE_CHAT, f"/start {late}", 2) == [INVALID, GREETING]
        assert await says(api, LATE_CHAT, "hvornår er min samtale", 1) == [LOGIN_NEEDED]

        # The web page's own conversation is untouched by the link.
        assert (await chat(page, sender, "/list_meetings"))[0]["text"] == on_the_web
    async with httpx.AsyncClient(base_url=served.url, timeout=30) as stranger:
        await stranger.post("/auth/sender", json={})  # an anonymous session gets no link
        assert (await stranger.post("/auth/telegram-link")).status_code == 403

