"""Telegram's flood control (429 with retry_after) is honoured: nothing is resent early, nothing lost or doubled."""
from datetime import timedelta

import pytest
from aiohttp import web
from sqlalchemy import select

from bot.telegram import build_bot
from bot.telegram_delivery import Delivery
from services.outgoing import OutMessage, Verbatim, to_json
from store.models import Outbox
from store.payloads import PayloadStore
from tests.telegram_double import TOKEN, BotApiDouble

CHAT = 4243
RETRY_AFTER_S = 30  # far beyond the first backoff (2 s), so honouring it shows


class FloodedApi(BotApiDouble):
    """The Bot API double, answering the next `flood` sends with 429 Too Many Requests and a retry_after."""

    def __init__(self) -> None:
        super().__init__()
        self.flood = 0

    async def _dispatch(self, request: web.Request) -> web.Response:
        if request.match_info["method"].lower() == "sendmessage" and self.flood > 0:
            self.flood -= 1
            self.calls.append(request.match_info["method"])
            return web.json_response({"ok": False, "error_code": 429, "parameters": {"retry_after": RETRY_AFTER_S},
                                      "description": f"Too Many Requests: retry after {RETRY_AFTER_S}"}, status=429)
        return await super()._dispatch(request)


@pytest.fixture
async def api():
    double = FloodedApi()
    await double.start()
    yield double
    await double.stop()


async def _waiting(sessions) -> list[int]:
    async with sessions() as s:
        return list((await s.scalars(select(Outbox.attempts).where(Outbox.delivered_at.is_(None)))).all())


async def test_retry_after_is_honoured_and_the_message_sent_once(api, core, sessions, clock):
    conversation = f"telegram:{CHAT}"
    await core.services.conversations.ensure(conversation, "telegram", "ballerup")
    async with sessions.begin() as s:
        s.add(Outbox(conversation_id=conversation, kind="reminder",
                     body=to_json(OutMessage(Verbatim("husk i morgen")))))
    api.flood = 1
    bot = build_bot(TOKEN, api.url)
    apology = core.renderer.render(OutMessage(Verbatim("undskyld")), None)
    delivery = Delivery(bot, core.outbox, core.services.files, PayloadStore(sessions), core.renderer, clock, apology)
    try:
        assert not await delivery.push(conversation)  # 429: kept for later, not dropped
        assert api.sent_to(CHAT) == [] and len(await _waiting(sessions)) == 1
        clock.now += timedelta(seconds=3)  # past the ordinary backoff, but Telegram said 30 s
        await delivery.push_all()
        assert api.sent_to(CHAT) == []
        clock.now += timedelta(seconds=RETRY_AFTER_S)
        await delivery.push_all()
        await delivery.push_all()  # a second round finds nothing more to send
    finally:
        await bot.session.close()
    assert [m.text for m in api.sent_to(CHAT)] == ["husk i morgen"]
    assert await _waiting(sessions) == []
    assert [c for c in api.calls if c.lower() == "sendmessage"] == ["sendMessage", "sendMessage"]  # refused + sent
