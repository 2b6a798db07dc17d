"""End-to-end fixtures: one real Rasa server (the trained model) for the session, the real app per test."""
import asyncio
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.nlu_process import RasaProcess
from bot.settings import ROOT, Settings
from bot.web import build_web_app
from bot.wiring import assemble
from nlu.client import RasaNlu

MODEL = ROOT / "models" / "nlu.tar.gz"


@pytest.fixture(scope="session")
def rasa_url():
    """Start Rasa once (it takes ~10 s to load); every e2e test parses with the real model."""
    if not MODEL.exists():
        pytest.fail("No trained model: run `make train` (make test does it first)")
    loop = asyncio.new_event_loop()
    rasa = RasaProcess(ROOT, MODEL)
    url = loop.run_until_complete(rasa.start())

    async def wait_ready() -> None:
        async with aiohttp.ClientSession() as http:
            nlu = RasaNlu(url, http, 5.0)
            for _ in range(240):
                if await nlu.ready():
                    return
                if not rasa.running():
                    raise RuntimeError("Rasa exited during start-up")
                await asyncio.sleep(0.5)
            raise TimeoutError("Rasa did not become ready in 120 s")

    loop.run_until_complete(wait_ready())
    yield url
    loop.run_until_complete(rasa.stop())
    loop.close()


@pytest.fixture
def settings(rasa_url: str, tmp_path: Path) -> Settings:
    return Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / 'e2e.db'}", nlu_url=rasa_url,
                    municipality="ballerup", telegram_bot_token=None, login_required=False)


@pytest.fixture
async def assistant(settings: Settings):
    async with assemble(settings) as a:
        yield a


@pytest.fixture
async def client(assistant):
    """The real web app (REST endpoint, health, files, the page's /auth/sender) in-process, mounted as bin/serve does."""
    services = assistant.services
    app = build_web_app(assistant.engine, assistant.outbox, services.files, assistant.renderer, services.catalog,
                        assistant.healthy, {"/auth/": assistant.auth.app()}, assistant.auth.may_use)
    async with TestClient(TestServer(app)) as c:
        yield c


async def chat(client: TestClient, message: str, sender: str = "e2e") -> list[dict]:
    """One REST turn; asserts the contract's reply shape."""
    resp = await client.post("/webhooks/rest/webhook", json={"sender": sender, "message": message})
    assert resp.status == 200, await resp.text()
    body = await resp.json()
    assert isinstance(body, list) and body
    for msg in body:
        assert msg["recipient_id"] == sender
        assert "text" in msg or "attachment" in msg
    return body


def text(body: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in body)


def buttons(body: list[dict]) -> list[dict]:
    return [b for m in body for b in m.get("buttons", [])]


