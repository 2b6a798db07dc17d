"""What a case system tells the assistant: bookable times, meetings with their practical details, caseworkers."""
from dataclasses import dataclass
from datetime import datetime
from typing import Mapping

CITIZEN, CASEWORKER = "citizen", "caseworker"  # who booked a meeting


@dataclass(frozen=True)
class CaseworkerContact:
    """A caseworker and how a citizen reaches them (work phone and e-mail; empty when the system has none)."""

    name: str
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Place:
    """The jobcentre: where a fremmøde meeting is, how to find it, and its phone number.

    directions: one text per language ({"da": ..., "en": ...}); Danish is the fallback for a language not given.
    """

    name: str
    address: str
    directions: Mapping[str, str]
    phone: str
    email: str

    def directions_in(self, locale: str | None) -> str:
        """The directions in the reader's language, else Danish ('' when none are configured)."""
        return self.directions.get(locale or "da") or self.directions.get("da") or ""


@dataclass(frozen=True)
class SlotView:
    """A bookable time (or the time of a meeting): when, how long, which type, with whom."""

    id: int
    starts_at: datetime
    minutes: int
    meeting_type: str
    caseworker: str  # the name; contact details are in BookingView.caseworker_contact
    location: str


@dataclass(frozen=True)
class BookingView:
    """A citizen's meeting, whoever booked it, with what the citizen needs to attend it."""

    id: int
    uid: str  # the iCalendar UID, the same across moves
    sequence: int
    status: str  # active | cancelled
    mode: str  # fremmøde | telefon | video
    conversation_id: str | None  # None: booked by the caseworker, not in a chat
    slot: SlotView
    booked_by: str = CITIZEN
    call_number: str | None = None  # telefon: the number the caseworker calls; only the booking holds it
    video_url: str | None = None
    caseworker_contact: CaseworkerContact | None = None
    place: Place | None = None
