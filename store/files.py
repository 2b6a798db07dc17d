"""Repository for files given to citizens (calendar invites, data exports), served by unguessable token."""
import secrets

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.models import StoredFile


class FileStore:
    """Add and fetch stored files."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def add(self, conversation_id: str, name: str, content_type: str, content: bytes) -> str:
        """Store a file for the conversation; returns its token."""
        token = secrets.token_urlsafe(24)
        async with self._sessions.begin() as s:
            s.add(StoredFile(token=token, conversation_id=conversation_id, name=name,
                             content_type=content_type, content=content))
        return token

    async def get(self, token: str) -> StoredFile | None:
        async with self._sessions() as s:
            return await s.get(StoredFile, token)
