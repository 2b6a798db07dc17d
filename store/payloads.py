"""Repository for button payloads too long for a Telegram callback: a short key in the database survives restarts."""
import hashlib

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.models import ButtonPayload

PREFIX = "#"


class PayloadStore:
    """key = '#' + a hash of the payload, so the same payload always gets the same key."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    @staticmethod
    def key_for(payload: str) -> str:
        return PREFIX + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]

    async def keep(self, payload: str) -> str:
        key = self.key_for(payload)
        try:
            async with self._sessions.begin() as s:
                if await s.get(ButtonPayload, key) is None:
                    s.add(ButtonPayload(key=key, payload=payload))
        except IntegrityError:  # another worker stored the same payload at the same moment
            pass
        return key

    async def resolve(self, data: str) -> str | None:
        """The payload behind a key, or None if data is no key we know."""
        if not data.startswith(PREFIX):
            return None
        async with self._sessions() as s:
            return await s.scalar(select(ButtonPayload.payload).where(ButtonPayload.key == data))
