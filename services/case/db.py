"""The case system over the project's own database: bookings and slots (services.booking) plus case profiles."""
from datetime import datetime
from typing import Callable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import joinedload

from services.booking import BookingRules, BookingService
from services.case.jobcentre import load_place, load_video_template
from services.case.model import CaseworkerContact
from services.municipality import Municipality
from store.models import CaseProfile


class DbCaseSystem(BookingService):
    """`CaseSystem` for a municipality whose calendar and cases live in our database (the demo, and selvbook)."""

    @classmethod
    def for_municipality(cls, sessions: async_sessionmaker[AsyncSession], municipality: Municipality,
                         rules: BookingRules, clock: Callable[[], datetime]) -> "DbCaseSystem":
        """With the jobcentre's address and video template from the municipality's file."""
        return cls(sessions, municipality, rules, clock, load_place(municipality.key, municipality.location),
                   load_video_template(municipality.key))

    async def on_login(self, citizen_id: int, subject: str, cpr: str | None) -> None:
        """Our database knows the citizen by id already; a fagsystem adapter looks the case up by CPR here."""
        return None

    async def _profile(self, citizen_id: int) -> CaseProfile | None:
        async with self._sessions() as s:
            return await s.scalar(select(CaseProfile).options(joinedload(CaseProfile.caseworker))
                                  .where(CaseProfile.citizen_id == citizen_id))

    async def caseworker(self, citizen_id: int) -> CaseworkerContact | None:
        profile = await self._profile(citizen_id)
        if profile is None or profile.caseworker is None:
            return None
        worker = profile.caseworker
        return CaseworkerContact(worker.name, worker.phone, worker.email)

    async def target_group(self, citizen_id: int) -> str | None:
        profile = await self._profile(citizen_id)
        return profile.target_group if profile else None
