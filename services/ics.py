"""iCalendar invites (RFC 5545) for bookings: REQUEST when booked or moved, CANCEL when cancelled."""
from dataclasses import dataclass
from datetime import datetime, timedelta

from icalendar import Calendar, Event

from services.dates import TZ

PRODID = "-//Jobassistenten//DA"


@dataclass(frozen=True)
class Invite:
    """What goes into the invite; the copy is rendered by the caller from the texts file."""

    uid: str
    sequence: int
    starts_at: datetime
    minutes: int
    summary: str
    description: str
    location: str
    cancelled: bool = False


def build_ics(invite: Invite, stamp: datetime) -> bytes:
    """An invite in Europe/Copenhagen time with its VTIMEZONE; same UID across moves, higher SEQUENCE."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", "CANCEL" if invite.cancelled else "REQUEST")
    event = Event()
    start = invite.starts_at.astimezone(TZ)
    event.add("uid", invite.uid)
    event.add("sequence", invite.sequence)
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=invite.minutes))
    event.add("summary", invite.summary)
    event.add("description", invite.description)
    event.add("location", invite.location)
    event.add("status", "CANCELLED" if invite.cancelled else "CONFIRMED")
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
