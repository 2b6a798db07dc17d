"""Publishing free times: the caseworkers' CLI and demo seed data for an empty database."""
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.dates import local_datetime
from services.municipality import Municipality
from store.models import Caseworker, Slot


class SlotAdmin:
    """Caseworkers and their published slots for one municipality."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], municipality: Municipality) -> None:
        self._sessions, self._m = sessions, municipality

    async def _caseworker(self, s: AsyncSession, name: str, phone: str = "", email: str = "") -> Caseworker:
        worker = await s.scalar(select(Caseworker).where(Caseworker.name == name,
                                                         Caseworker.municipality == self._m.key))
        if worker is None:
            worker = Caseworker(name=name, municipality=self._m.key, location=self._m.location, phone=phone,
                                email=email)
            s.add(worker)
            await s.flush()
        return worker

    async def add(self, caseworker: str, days: list[date], times: list[time], meeting_type: str,
                  phone: str = "", email: str = "") -> int:
        """Publish slots; ones that already exist for that caseworker and time are skipped."""
        if meeting_type not in self._m.meeting_types:
            raise ValueError(f"unknown meeting type '{meeting_type}' (known: {', '.join(self._m.meeting_types)})")
        minutes = self._m.meeting_types[meeting_type].minutes
        added = 0
        async with self._sessions.begin() as s:
            worker = await self._caseworker(s, caseworker, phone, email)
            existing = set((await s.scalars(select(Slot.starts_at).where(Slot.caseworker_id == worker.id))).all())
            for day in days:
                for t in times:
                    start = local_datetime(day, t)
                    if start in existing:
                        continue
                    s.add(Slot(caseworker_id=worker.id, municipality=self._m.key, starts_at=start,
                               minutes=minutes, meeting_type=meeting_type))
                    existing.add(start)
                    added += 1
        return added

    async def _demo_contacts(self) -> None:
        """The demo caseworkers' phone and e-mail from the file, where a database from before has none."""
        async with self._sessions.begin() as s:
            for worker in self._m.demo.get("caseworkers", []):
                for field in ("phone", "email"):
                    column = getattr(Caseworker, field)
                    await s.execute(update(Caseworker).where(
                        Caseworker.name == worker["name"], Caseworker.municipality == self._m.key, column == "")
                        .values({field: worker.get(field, "")}))

    async def seed_demo_if_empty(self, now: datetime) -> int:
        """Demo caseworkers with weekday slots for the coming weeks, only when there are no slots at all."""
        await self._demo_contacts()
        async with self._sessions() as s:
            if await s.scalar(select(func.count()).select_from(Slot)):
                return 0
        demo = self._m.demo
        today = now.date()
        days = [today + timedelta(days=i) for i in range(1, int(demo.get("days_ahead", 21)) + 1)]
        weekdays = [d for d in days if d.weekday() < 5]
        times = [time.fromisoformat(t) for t in demo.get("times", [])]
        added = 0
        for i, worker in enumerate(demo.get("caseworkers", [])):
            # A caseworker's types take turns across the day's times, shifted by day and person,
            # so every type has several times every weekday.
            types = worker["types"]
            for j, day in enumerate(weekdays):
                for k, t in enumerate(times):
                    added += await self.add(worker["name"], [day], [t], types[(i + j + k) % len(types)],
                                            worker.get("phone", ""), worker.get("email", ""))
        return added

    async def listing(self, since: datetime) -> list[Slot]:
        async with self._sessions() as s:
            return list((await s.scalars(select(Slot).where(Slot.starts_at >= since).order_by(Slot.starts_at))).all())
