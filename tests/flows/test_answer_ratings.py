"""👍/👎 under a knowledge answer: thanks (👎 offers a person), once per answer, forged buttons stale."""
import asyncio

from sqlalchemy import func, select

from store.db import make_engine, make_sessions
from store.models import AnswerRating, Event
from store.ratings import AnswerRatingStore, Rated
from tests.flows.helpers import payloads, say, texts_of, titles

MENU = ["/book_meeting", "/list_meetings", "/reschedule_meeting", "/cancel_meeting", "/cv_help", "/job_search_tips",
        "/youth_guide", "/local_offers", "/human_handoff"]
STALE = "Den knap er ikke aktiv længere. Her er menuen:"


def up(replies) -> str:
    return next(p for p in payloads(replies) if p.startswith("/rate_answer") and '"score": 1' in p)


async def ratings(sessions) -> tuple[int, list[dict]]:
    async with sessions() as s:
        rows = await s.scalar(select(func.count()).select_from(AnswerRating))
        events = (await s.scalars(select(Event.data).where(Event.kind == "rating"))).all()
    return rows, list(events)


async def test_an_answer_offers_thumbs_that_name_it(engine):
    replies = await say(engine, '/kb_entry{"id": "loentilskud"}')
    assert titles(replies)[-3:] == ["Tal med en medarbejder", "👍 Godt svar", "👎 Ikke godt svar"]
    assert payloads(replies)[-2:] == ['/rate_answer{"entry": "loentilskud", "turn": 0, "score": 1}',
                                      '/rate_answer{"entry": "loentilskud", "turn": 0, "score": 0}']


async def test_thumbs_up_thanks_and_counts_once(engine, sessions):
    await say(engine, "hej")
    answer = await say(engine, '/kb_entry{"id": "fgu"}')
    for _ in range(2):  # pressed twice: the same thanks, one rating
        replies = await say(engine, up(answer))
        assert texts_of(replies) == "Tak for din vurdering. Er der andet, jeg kan hjælpe med?"
        assert payloads(replies) == MENU
    assert await ratings(sessions) == (1, [{"of": "bot", "score": 1, "entry_id": "fgu"}])


async def test_thumbs_down_thanks_and_offers_a_person(engine, sessions):
    answer = await say(engine, '/kb_entry{"id": "fgu"}')
    replies = await say(engine, payloads(answer)[-1])
    assert texts_of(replies) == ("Tak, det hjælper os med at gøre svarene bedre. "
                                 "Vil du hellere tale med en medarbejder?")
    assert payloads(replies) == ["/human_handoff", "/capabilities"]
    assert titles(replies) == ["Tal med en medarbejder", "Menu"]
    assert await ratings(sessions) == (1, [{"of": "bot", "score": 0, "entry_id": "fgu"}])


async def test_forged_or_foreign_ratings_are_stale_and_count_nothing(engine, sessions):
    answer = await say(engine, '/kb_entry{"id": "fgu"}')
    forged = [up(answer).replace("fgu", "kui"),  # an entry this answer was not
              up(answer).replace('"turn": 0', '"turn": 7'),  # an answer never given
              up(answer).replace('"score": 1', '"score": 5'), up(answer).replace('"turn": 0', '"turn": "0"'),
              up(answer).replace('"turn": 0', '"turn": true'), '/rate_answer', '/rate_answer{"entry": ["fgu"]}']
    for payload in forged:
        assert texts_of(await say(engine, payload)) == STALE, payload
    assert texts_of(await say(engine, up(answer), "someone_else")) == STALE  # not their answer
    assert await ratings(sessions) == (0, [])


async def test_thirty_presses_at_once_count_once(any_db_url):
    db = make_engine(any_db_url)
    try:
        sessions = make_sessions(db)
        async with sessions.begin() as s:
            s.add(Event(anon_id="a1", kind="answer_given", data={"entry_id": "fgu", "turn": 3}))
        store = AnswerRatingStore(sessions)
        results = await asyncio.gather(*(store.rate(None, "a1", 3, "fgu", i % 2) for i in range(30)))
        assert results.count(Rated.COUNTED) == 1 and results.count(Rated.AGAIN) == 29
        rows, events = await ratings(sessions)
        assert rows == 1 and len(events) == 1
    finally:
        await db.dispose()
