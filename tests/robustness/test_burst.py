"""A burst of 50 messages in one conversation, sent at once through the REST endpoint: all answered, in order."""
import asyncio

from sqlalchemy import func, select

from store.models import Message, TurnTicket
from tests.robustness.conftest import texts

BURST = 50
ANSWERS = {"hej": "Hej! Jeg er Jobassistenten", "tak": "Så lidt!", "farvel": "Tak for nu.",
           "menu": "Jeg er en chatbot. Jeg kan", "er du en robot": "Jeg er en chatbot, ikke"}


async def test_fifty_messages_at_once_are_all_answered_one_turn_at_a_time(http, sessions):
    said = [f"{list(ANSWERS)[i % len(ANSWERS)]}" for i in range(BURST)]

    async def send(text: str) -> tuple[int, list[dict]]:
        resp = await http.post("/webhooks/rest/webhook", json={"sender": "burst", "message": text})
        return resp.status, await resp.json()

    results = await asyncio.gather(*(send(t) for t in said))
    assert [status for status, _ in results] == [200] * BURST
    for text, (_, replies) in zip(said, results):  # every HTTP answer is the answer to its own message
        assert len(texts(replies)) == 1 and texts(replies)[0].startswith(ANSWERS[text]), (text, replies)
    async with sessions() as s:
        rows = (await s.execute(select(Message.direction, Message.text)
                                .where(Message.conversation_id == "web:burst").order_by(Message.id))).all()
        assert await s.scalar(select(func.count()).select_from(TurnTicket)) == 0  # every ticket was given back
    # The transcript never interleaves turns: each message is followed by its own answer, 50 times.
    assert [d for d, _ in rows] == ["in", "out"] * BURST
    assert sorted(t for d, t in rows if d == "in") == sorted(said)
    for (_, inbound), (_, outbound) in zip(rows[::2], rows[1::2]):
        assert outbound.startswith(ANSWERS[inbound])
    assert await (await http.get("/webhooks/rest/outbox/burst")).json() == []  # nothing left undelivered
