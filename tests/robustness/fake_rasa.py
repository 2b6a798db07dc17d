"""A small stand-in for Rasa's HTTP server (/model/parse) that tests can stop, slow down or make answer rubbish."""
import asyncio
from typing import Literal

from aiohttp import web

from nlu.client import FALLBACK
from tests.fakes import FakeNlu

Mode = Literal["ok", "slow", "error", "garbage"]


class FakeRasa:
    """Parses with the FakeNlu's keyword rules and answers in Rasa's shape; stop() then start() keeps the port."""

    def __init__(self) -> None:
        self.mode: Mode = "ok"
        self.delay_s = 5.0  # in "slow" mode
        self.port = 0
        self.parses = 0
        self._rules = FakeNlu()
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/model/parse", self._parse)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.port, reuse_address=True)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        """Down: the port refuses connections until start()."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _parse(self, request: web.Request) -> web.Response:
        self.parses += 1
        text = (await request.json())["text"]
        if self.mode == "slow":
            await asyncio.sleep(self.delay_s)
        if self.mode == "error":
            return web.json_response({"error": "model not loaded"}, status=500)
        if self.mode == "garbage":
            return web.json_response({"intent": {"name": "greet"}, "intent_ranking": [{"name": "greet"}]})
        result = await self._rules.parse(text)
        ranking = [{"name": n, "confidence": c} for n, c in result.ranking]
        top = {"name": FALLBACK, "confidence": 0.3} if result.fallback else ranking[0]
        return web.json_response({"text": text, "intent": top, "intent_ranking": ranking,
                                  "entities": result.entities})
