"""The interface to a municipality's case system (fagsystem or the common booking service).

The assistant asks it for the citizen's meetings (whoever booked them), the caseworker, the target group
and bookable times, and books, moves and cancels through it. `DbCaseSystem` implements it over our own
database; tests/unit/test_case_contract.py is the suite any implementation must pass.
"""
from datetime import date, datetime
from typing import Iterable, Protocol

from services.case.model import BookingView, CaseworkerContact, Place, SlotView
from services.dates import TimeWish
from services.municipality import Municipality


class BookingError(Exception):
    """Base for booking outcomes the dialog explains to the citizen."""


class SlotTaken(BookingError):
    """Someone else got the slot first."""


class SlotNotBookable(BookingError):
    """Unknown slot, wrong municipality, in the past or inside the notice period."""


class BookingNotFound(BookingError):
    """No such active meeting for this citizen."""


class CaseSystem(Protocol):
    """One municipality's case system. Citizens are our `citizens.id`; an adapter maps it to its own key."""

    municipality: Municipality
    place: Place | None  # the jobcentre: address, directions, phone (from the municipality's file)

    def earliest(self) -> datetime:
        """Nothing can be booked before this (now + the notice period)."""
        ...

    def deadline(self) -> datetime:
        """The selvbook deadline shown to the citizen ('Book senest ...')."""
        ...

    async def free_slots(self, meeting_type: str, wish: TimeWish | None = None, limit: int = 5,
                         after: datetime | None = None, exclude: Iterable[int] = ()) -> list[SlotView]:
        """The nearest bookable times of a type matching the wish, one per time, soonest first."""
        ...

    async def free_slot(self, slot_id: int) -> SlotView | None:
        """One time, if it can be booked now."""
        ...

    async def is_taken(self, slot_id: int) -> bool:
        """Whether a meeting holds the time (to tell 'taken' from 'too late')."""
        ...

    async def book(self, citizen_id: int, conversation_id: str, slot_id: int, mode: str) -> BookingView:
        """Book; raises SlotTaken or SlotNotBookable."""
        ...

    async def set_call_number(self, citizen_id: int, booking_id: int, number: str) -> None:
        """The number to call for a phone meeting; kept with the meeting only. Raises BookingNotFound."""
        ...

    async def move(self, citizen_id: int, booking_id: int, slot_id: int,
                   conversation_id: str | None = None) -> BookingView:
        """Move to another time: same UID, SEQUENCE+1. Raises SlotTaken, SlotNotBookable, BookingNotFound."""
        ...

    async def cancel(self, citizen_id: int, booking_id: int) -> BookingView:
        """Cancel: the time is free again, SEQUENCE+1. Raises BookingNotFound."""
        ...

    async def get(self, citizen_id: int, booking_id: int, active_only: bool = True) -> BookingView:
        """One of the citizen's meetings. Raises BookingNotFound."""
        ...

    async def upcoming(self, citizen_id: int) -> list[BookingView]:
        """The citizen's coming meetings, whoever booked them, soonest first."""
        ...

    async def on_day(self, day: date) -> list[BookingView]:
        """This municipality's meetings on a local calendar day (the caseworkers' 'today')."""
        ...

    async def on_login(self, citizen_id: int, subject: str, cpr: str | None) -> None:
        """At login: a CPR number, if the broker sent one, is for finding the case; never stored in clear."""
        ...

    async def caseworker(self, citizen_id: int) -> CaseworkerContact | None:
        """The citizen's own caseworker, if the case has one."""
        ...

    async def target_group(self, citizen_id: int) -> str | None:
        """The citizen's target group (jobparat, aktivitetsparat, sygedagpenge, ...), if known."""
        ...
