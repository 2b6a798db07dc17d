"""Reminders before a booked samtale: claimed exactly once by a conditional update, queued in the outbox."""
from datetime import datetime
from typing import Mapping

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import joinedload

from services.booking import booking_view
from services.meeting_values import describe_booking
from services.municipality import Municipality
from services.outgoing import OutMessage, Text, to_json
from store.models import Booking, Outbox, Slot


class Reminders:
    """Finds due reminders; each is marked sent and queued in the same transaction, so it goes out once."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], municipalities: Mapping[str, Municipality]) -> None:
        self._sessions, self._municipalities = sessions, municipalities

    async def queue_due(self, now: datetime) -> list[str]:
        """Queue every due reminder; returns the conversation ids that got one (for push channels)."""
        queued: list[str] = []
        async with self._sessions.begin() as s:
            due = (await s.scalars(
                select(Booking).options(joinedload(Booking.slot).joinedload(Slot.caseworker))
                .where(Booking.status == "active", Booking.reminder_sent_at.is_(None),
                       Booking.reminder_due_at.is_not(None), Booking.reminder_due_at <= now))).all()
            for booking in due:
                muni = self._municipalities.get(booking.slot.municipality)
                if muni is None:  # a calendar of a municipality this deployment does not serve
                    continue
                # The WHERE on reminder_sent_at makes a second worker's claim a no-op.
                claimed = await s.execute(update(Booking).where(Booking.id == booking.id,
                                                                Booking.reminder_sent_at.is_(None))
                                          .values(reminder_sent_at=now))
                if claimed.rowcount == 1:  # type: ignore[attr-defined]
                    message = OutMessage(Text("booking.reminder", describe_booking(muni, booking_view(booking))))
                    s.add(Outbox(conversation_id=booking.conversation_id, kind="reminder", body=to_json(message)))
                    queued.append(booking.conversation_id)
        return queued
