"""👍/👎 on the assistant's knowledge answers: once per answer, enforced by the answer_ratings primary key."""
from enum import Enum

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.models import AnswerRating, Event
from store.types import utcnow


class Rated(Enum):
    COUNTED = "counted"
    AGAIN = "again"  # this answer was rated before: the first rating stands
    UNKNOWN = "unknown"  # no such answer in this conversation (a forged or mistyped button)


class AnswerRatingStore:
    """Records a rating of one answer (the conversation's turn that gave it) and its 'rating' event together."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def rate(self, conversation_id: str | None, anon_id: str, turn: int, entry_id: str, score: int) -> Rated:
        """The rating counts only for an answer this conversation was given, and only the first time.

        The insert does nothing on a conflict (a second press, or two at once): then no event is written either,
        so the figures count each answer's rating once.
        """
        async with self._sessions.begin() as s:
            given = (await s.scalars(select(Event.data).where(Event.anon_id == anon_id,
                                                              Event.kind == "answer_given"))).all()
            if not any(d.get("turn") == turn and d.get("entry_id") == entry_id for d in given):
                return Rated.UNKNOWN
            insert = (postgresql.insert if s.bind.dialect.name == "postgresql" else sqlite.insert)(AnswerRating)
            added = await s.execute(insert.values(anon_id=anon_id, turn=turn, entry_id=entry_id, score=score,
                                                  created_at=utcnow()).on_conflict_do_nothing())
            if added.rowcount != 1:  # type: ignore[attr-defined]
                return Rated.AGAIN
            s.add(Event(conversation_id=conversation_id, anon_id=anon_id, kind="rating",
                        data={"of": "bot", "score": score, "entry_id": entry_id}))
        return Rated.COUNTED
