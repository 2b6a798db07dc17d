"""Repository for CVs: one per citizen, the services.cv.model.CV as JSON plus its JSON Resume form.

The row references citizens.id with ON DELETE CASCADE, so the data export and "slet mine data"
(store/citizens.py) include it without a line of their own.
"""
from typing import Any

from pydantic import ValidationError
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.cv.model import CV
from store.models import CV as CVRow


class CVStore:
    """Load and save a citizen's CV; each method is one transaction."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def get(self, citizen_id: int) -> CV | None:
        async with self._sessions() as s:
            data = await s.scalar(select(CVRow.data).where(CVRow.citizen_id == citizen_id))
        if data is None:
            return None
        try:
            return CV.model_validate(data)
        except ValidationError:  # never expected (fields are only added, with defaults): keep the row, start empty
            return CV()

    async def save(self, citizen_id: int, cv: CV, resume: dict[str, Any]) -> None:
        """Insert or replace the citizen's CV (two first saves at once: the second one updates)."""
        data = cv.model_dump(mode="json")
        for attempt in (1, 2):
            try:
                async with self._sessions.begin() as s:
                    row = await s.scalar(select(CVRow).where(CVRow.citizen_id == citizen_id))
                    if row is None:
                        s.add(CVRow(citizen_id=citizen_id, data=data, resume=resume))
                    else:
                        row.data, row.resume = data, resume
                return
            except IntegrityError:
                if attempt == 2:
                    raise

    async def delete(self, citizen_id: int) -> bool:
        async with self._sessions.begin() as s:
            result = await s.execute(delete(CVRow).where(CVRow.citizen_id == citizen_id))
        return bool(result.rowcount)  # type: ignore[attr-defined]
