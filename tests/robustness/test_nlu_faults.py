"""The NLU service down, slow or answering rubbish: a polite reply with the menu and a person; by itself well again."""
import time

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.settings import Settings
from bot.web import build_web_app
from bot.wiring import build_core
from nlu.client import RasaNlu
from services.booking import BookingRules
from services.municipality import load_all
from tests.robustness.conftest import chat, payloads, texts
from tests.robustness.fake_rasa import FakeRasa

NLU_DOWN = ("Jeg har lige nu problemer med at forstå tekst. Brug knapperne, eller tal med en medarbejder. "
            "Prøv igen om lidt.")
GREETING = "Hej! Jeg er Jobassistenten"
MENU = ["/book_meeting", "/list_meetings", "/reschedule_meeting", "/cancel_meeting", "/cv_help", "/job_search_tips",
        "/youth_guide", "/local_offers", "/human_handoff"]
ASK_REASON = "Jeg sender dig videre til en medarbejder. Hvad drejer det sig om? Skriv det kort, eller vælg:"
ASK_CONSENT = ("Må medarbejderen læse et kort resumé af vores samtale? Så behøver du ikke forklare det hele igen. "
               "Siger du nej, ser medarbejderen kun, hvad det drejer sig om.")
TIMEOUT_S = 0.5  # bot/settings.py: nlu_timeout_s (NLU_TIMEOUT_S); short here, so the slow case is quick


@pytest.fixture
async def rasa():
    server = FakeRasa()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def web(rasa, sessions, clock, knowledge):
    async with aiohttp.ClientSession() as http:
        nlu = RasaNlu(rasa.url, http, Settings(_env_file=None, nlu_timeout_s=TIMEOUT_S).nlu_timeout_s)
        core = build_core(sessions, nlu, load_all(), BookingRules(), clock, "ballerup", 1000, knowledge)
        app = build_web_app(core.engine, core.outbox, core.services.files, core.renderer, core.services.catalog,
                            nlu.ready)  # /health follows the NLU, as Assistant.healthy does
        async with TestClient(TestServer(app)) as client:
            yield client


async def _polite(client: TestClient, text: str, sender: str) -> None:
    replies = await chat(client, text, sender)
    assert texts(replies) == [NLU_DOWN] and payloads(replies) == MENU, replies  # the menu ends with a person


async def _health(client: TestClient) -> int:
    return (await client.get("/health")).status


async def test_nlu_down_gives_the_menu_and_a_person_and_recovers_by_itself(web, rasa):
    assert texts(await chat(web, "hej"))[0].startswith(GREETING)
    await rasa.stop()  # connection refused
    await _polite(web, "hej", "cit")
    assert await _health(web) == 503
    booking = await chat(web, "/book_meeting")  # buttons need no NLU: the citizen can still get on
    assert texts(booking)[0] == "Hvilken slags samtale skal du have?"
    person = await chat(web, "/human_handoff", "other")
    assert texts(person)[0] == ASK_REASON
    reason = await chat(web, "jeg har ikke fået min ydelse", "other")  # a free-text answer needs no NLU either
    assert texts(reason)[0] == ASK_CONSENT, reason
    await rasa.start()  # back on the same port: no restart of the app, nothing to reset
    assert await _health(web) == 200
    assert texts(await chat(web, "hej", "third"))[0].startswith(GREETING)


@pytest.mark.parametrize("mode", ["slow", "error", "garbage"])
async def test_a_slow_or_broken_nlu_gives_the_same_polite_reply(web, rasa, mode):
    rasa.mode = mode
    started = time.monotonic()
    await _polite(web, "hvad kan du", "cit")
    assert time.monotonic() - started < TIMEOUT_S + 2.0  # the timeout holds: the citizen is not left waiting
    rasa.mode = "ok"
    assert texts(await chat(web, "hej", "cit"))[0].startswith(GREETING)


def test_the_nlu_timeout_is_a_setting(monkeypatch):
    monkeypatch.setenv("NLU_TIMEOUT_S", "2.5")
    assert Settings(_env_file=None).nlu_timeout_s == 2.5
