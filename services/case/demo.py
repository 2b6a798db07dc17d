"""Demo cases for the demo citizens (services/data/demo_citizens.yml): target group, caseworker, booked meetings."""
import logging
from typing import Any, Iterable, Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.case.db import DbCaseSystem
from services.case.model import CASEWORKER
from services.case.port import BookingError
from store.models import Booking, CaseProfile, Caseworker, Citizen, Slot

log = logging.getLogger(__name__)


class DemoCitizen(Protocol):
    """A demo citizen of the local OIDC provider (services.identity.load_demo_citizens)."""

    @property
    def sub(self) -> str: ...

    @property
    def municipality(self) -> str: ...


async def _citizen(s: AsyncSession, sub: str) -> Citizen:
    """The citizen with this subject, created if the demo citizen has not logged in yet."""
    citizen = await s.scalar(select(Citizen).where(Citizen.subject == sub))
    if citizen is None:
        citizen = Citizen(subject=sub)
        s.add(citizen)
        await s.flush()
    return citizen


async def _nth_free_slot(s: AsyncSession, case: DbCaseSystem, caseworker: str, meeting_type: str, nth: int) -> int | None:
    """The caseworker's nth free time of a type after the notice period (deterministic for a given calendar)."""
    taken = select(Booking.id).where(Booking.slot_id == Slot.id, Booking.status == "active").exists()
    return await s.scalar(select(Slot.id).join(Slot.caseworker).where(
        Caseworker.name == caseworker, Caseworker.municipality == case.municipality.key,
        Slot.meeting_type == meeting_type, Slot.starts_at >= case.earliest(), ~taken)
        .order_by(Slot.starts_at).offset(nth).limit(1))


async def seed_demo_cases(sessions: async_sessionmaker[AsyncSession], case: DbCaseSystem,
                          citizens: Iterable[DemoCitizen]) -> int:
    """Give each demo citizen of this municipality without a case profile its demo case; returns meetings booked.

    The cases are `demo.citizens` in the municipality's file, by subject; a deployment without them seeds nothing.
    """
    cases: dict[str, Any] = case.municipality.demo.get("citizens") or {}
    booked = 0
    for demo in (c for c in citizens if c.municipality == case.municipality.key and c.sub in cases):
        spec = cases[demo.sub]
        async with sessions.begin() as s:
            citizen = await _citizen(s, demo.sub)
            if await s.scalar(select(CaseProfile.id).where(CaseProfile.citizen_id == citizen.id)):
                continue  # seeded before (or a real case): never twice
            worker = await s.scalar(select(Caseworker.id).where(Caseworker.name == spec.get("caseworker"),
                                                                Caseworker.municipality == case.municipality.key))
            s.add(CaseProfile(citizen_id=citizen.id, target_group=spec.get("target_group"), caseworker_id=worker))
            slots = [(m, await _nth_free_slot(s, case, m["caseworker"], m["type"], int(m.get("nth", 0))))
                     for m in spec.get("meetings", [])]
            citizen_id = citizen.id
        for meeting, slot_id in slots:
            if slot_id is None:
                log.warning("demo meeting for %s: no free %s time with %s", demo.sub, meeting["type"],
                            meeting["caseworker"])
                continue
            try:
                await case.book(citizen_id, None, slot_id, meeting["mode"], booked_by=CASEWORKER)
                booked += 1
            except BookingError:
                log.warning("demo meeting for %s: time %d could not be booked", demo.sub, slot_id)
    return booked
