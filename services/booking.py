"""Self-booking of samtaler: free slots, book, move, cancel, list. The database guards double booking."""
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Callable, Iterable

from sqlalchemy import and_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import joinedload

from services.case.jobcentre import video_link
from services.case.model import CITIZEN, BookingView, CaseworkerContact, Place, SlotView
from services.case.port import BookingError, BookingNotFound, SlotNotBookable, SlotTaken
from services.dates import TimeWish
from services.dates_format import local_datetime
from services.municipality import Municipality
from store.models import Booking, Slot

__all__ = ["BookingError", "BookingNotFound", "BookingRules", "BookingService", "BookingView", "SlotNotBookable",
           "SlotTaken", "SlotView", "booking_view"]

ACTIVE = "active"


@dataclass(frozen=True)
class BookingRules:
    notice: timedelta = timedelta(hours=24)
    horizon: timedelta = timedelta(days=28)
    reminder_before: timedelta = timedelta(hours=24)


def _slot_view(slot: Slot) -> SlotView:
    return SlotView(slot.id, slot.starts_at, slot.minutes, slot.meeting_type, slot.caseworker.name,
                    slot.caseworker.location)


def booking_view(b: Booking, place: Place | None = None) -> BookingView:
    """A booking row (slot and caseworker loaded) as the case model; place: the jobcentre, for fremmøde."""
    worker = b.slot.caseworker
    return BookingView(b.id, b.uid, b.sequence, b.status, b.mode, b.conversation_id, _slot_view(b.slot),
                       b.booked_by, b.call_number, b.video_url, CaseworkerContact(worker.name, worker.phone,
                                                                                 worker.email), place)


class BookingService:
    """All booking rules; each change is one transaction."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], municipality: Municipality,
                 rules: BookingRules, clock: Callable[[], datetime], place: Place | None = None,
                 video_template: str = "") -> None:
        self._sessions, self.municipality, self.rules, self._clock = sessions, municipality, rules, clock
        self.place, self._video_template = place, video_template

    def _view(self, b: Booking) -> BookingView:
        return booking_view(b, self.place)

    def earliest(self) -> datetime:
        """Nothing can be booked before now + the notice period."""
        return self._clock() + self.rules.notice

    def deadline(self) -> datetime:
        """The selvbook deadline shown to the citizen ('book senest ...')."""
        return self._clock() + timedelta(days=self.municipality.selvbook_days)

    async def free_slots(self, meeting_type: str, wish: TimeWish | None = None, limit: int = 5,
                         after: datetime | None = None, exclude: Iterable[int] = ()) -> list[SlotView]:
        """The nearest free slots of a type matching the wish, after `after` (for 'Flere tider')."""
        start = max(self.earliest(), after + timedelta(seconds=1)) if after else self.earliest()
        taken = select(Booking.id).where(Booking.slot_id == Slot.id, Booking.status == ACTIVE).exists()
        query = (select(Slot).options(joinedload(Slot.caseworker))
                 .where(Slot.municipality == self.municipality.key, Slot.meeting_type == meeting_type,
                        Slot.starts_at >= start, Slot.starts_at < self._clock() + self.rules.horizon, ~taken)
                 .order_by(Slot.starts_at, Slot.id))
        excluded = set(exclude)
        async with self._sessions() as s:
            slots = (await s.scalars(query)).all()
        found: dict[datetime, SlotView] = {}  # one button per time: the citizen books a time, not a caseworker
        for x in slots:
            if x.id not in excluded and x.starts_at not in found and (wish is None or wish.matches(x.starts_at)):
                found[x.starts_at] = _slot_view(x)
                if len(found) == limit:
                    break
        return list(found.values())

    async def free_slot(self, slot_id: int) -> SlotView | None:
        """One slot, if it can be booked now (exists here, after the notice period, no active booking)."""
        taken = select(Booking.id).where(Booking.slot_id == Slot.id, Booking.status == ACTIVE).exists()
        async with self._sessions() as s:
            slot = await s.scalar(select(Slot).options(joinedload(Slot.caseworker)).where(
                Slot.id == slot_id, Slot.municipality == self.municipality.key,
                Slot.starts_at >= self.earliest(), ~taken))
        return _slot_view(slot) if slot else None

    async def is_taken(self, slot_id: int) -> bool:
        """Whether an active booking holds the slot (to tell 'taken' from 'too late')."""
        async with self._sessions() as s:
            return bool(await s.scalar(select(Booking.id).where(Booking.slot_id == slot_id, Booking.status == ACTIVE)))

    async def _bookable_slot(self, s: AsyncSession, slot_id: int) -> Slot:
        slot = await s.get(Slot, slot_id, options=[joinedload(Slot.caseworker)])
        if slot is None or slot.municipality != self.municipality.key or slot.starts_at < self.earliest():
            raise SlotNotBookable(slot_id)
        return slot

    def _reminder_due(self, starts_at: datetime) -> datetime | None:
        due = starts_at - self.rules.reminder_before
        return due if due > self._clock() else None

    async def book(self, citizen_id: int, conversation_id: str | None, slot_id: int, mode: str,
                   booked_by: str = CITIZEN) -> BookingView:
        """Book a slot; SlotTaken when another active booking holds it (enforced by the unique index)."""
        try:
            async with self._sessions.begin() as s:
                slot = await self._bookable_slot(s, slot_id)
                booking = Booking(uid=f"{uuid.uuid4()}@jobassistenten", citizen_id=citizen_id,
                                  conversation_id=conversation_id, slot_id=slot.id, mode=mode, status=ACTIVE,
                                  sequence=0, booked_by=booked_by,
                                  video_url=video_link(self._video_template) if mode == "video" else None,
                                  # no chat to remind in for a meeting booked outside one
                                  reminder_due_at=self._reminder_due(slot.starts_at) if conversation_id else None)
                s.add(booking)
                await s.flush()
                booking.slot = slot
                return self._view(booking)
        except IntegrityError as exc:
            raise SlotTaken(slot_id) from exc

    async def set_call_number(self, citizen_id: int, booking_id: int, number: str) -> None:
        """The number the caseworker calls for this phone meeting (stored on the booking only)."""
        async with self._sessions.begin() as s:
            result = await s.execute(update(Booking).where(Booking.id == booking_id, Booking.citizen_id == citizen_id,
                                                           Booking.status == ACTIVE).values(call_number=number))
            if result.rowcount != 1:  # type: ignore[attr-defined]
                raise BookingNotFound(booking_id)

    async def move(self, citizen_id: int, booking_id: int, slot_id: int,
                   conversation_id: str | None = None) -> BookingView:
        """Point the booking at a new slot; the old one is free in the same transaction. Same UID, SEQUENCE+1.

        Moved in a chat, the booking belongs to that chat from now on (its reminder goes there), also one the
        caseworker booked.
        """
        chat = {"conversation_id": conversation_id} if conversation_id else {}
        try:
            async with self._sessions.begin() as s:
                slot = await self._bookable_slot(s, slot_id)
                # A booking never loses its chat, so reading it before the guarded UPDATE is safe.
                has_chat = conversation_id or await s.scalar(select(Booking.conversation_id).where(
                    Booking.id == booking_id))
                result = await s.execute(
                    update(Booking)
                    .where(Booking.id == booking_id, Booking.citizen_id == citizen_id, Booking.status == ACTIVE)
                    .values(slot_id=slot.id, sequence=Booking.sequence + 1, updated_at=self._clock(), **chat,
                            reminder_due_at=self._reminder_due(slot.starts_at) if has_chat else None,
                            reminder_sent_at=None))
                if result.rowcount != 1:  # type: ignore[attr-defined]
                    raise BookingNotFound(booking_id)
        except IntegrityError as exc:
            raise SlotTaken(slot_id) from exc
        return await self.get(citizen_id, booking_id)

    async def cancel(self, citizen_id: int, booking_id: int) -> BookingView:
        """Cancel; the slot is free again at once. SEQUENCE+1 for the cancelling invite."""
        async with self._sessions.begin() as s:
            result = await s.execute(
                update(Booking)
                .where(Booking.id == booking_id, Booking.citizen_id == citizen_id, Booking.status == ACTIVE)
                .values(status="cancelled", sequence=Booking.sequence + 1, updated_at=self._clock()))
            if result.rowcount != 1:  # type: ignore[attr-defined]
                raise BookingNotFound(booking_id)
        return await self.get(citizen_id, booking_id, active_only=False)

    async def get(self, citizen_id: int, booking_id: int, active_only: bool = True) -> BookingView:
        async with self._sessions() as s:
            query = select(Booking).options(joinedload(Booking.slot).joinedload(Slot.caseworker)).where(
                Booking.id == booking_id, Booking.citizen_id == citizen_id)
            if active_only:
                query = query.where(Booking.status == ACTIVE)
            booking = await s.scalar(query)
        if booking is None:
            raise BookingNotFound(booking_id)
        return self._view(booking)

    async def upcoming(self, citizen_id: int) -> list[BookingView]:
        """The citizen's active bookings that have not started yet, soonest first."""
        async with self._sessions() as s:
            rows = (await s.scalars(
                select(Booking).join(Booking.slot).options(joinedload(Booking.slot).joinedload(Slot.caseworker))
                .where(and_(Booking.citizen_id == citizen_id, Booking.status == ACTIVE,
                            Slot.starts_at >= self._clock()))
                .order_by(Slot.starts_at))).all()
        return [self._view(b) for b in rows]

    async def on_day(self, day: date) -> list[BookingView]:
        """Active bookings of this municipality on a local calendar day (the inbox's 'today')."""
        start = local_datetime(day, time(0))
        async with self._sessions() as s:
            rows = (await s.scalars(
                select(Booking).join(Booking.slot).options(joinedload(Booking.slot).joinedload(Slot.caseworker))
                .where(Booking.status == ACTIVE, Slot.municipality == self.municipality.key,
                       Slot.starts_at >= start, Slot.starts_at < start + timedelta(days=1))
                .order_by(Slot.starts_at))).all()
        return [self._view(b) for b in rows]
