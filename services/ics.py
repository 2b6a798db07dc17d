"""iCalendar invites (RFC 5545) for meetings: REQUEST when booked or moved, CANCEL when cancelled.

Pure: the caller passes the rendered copy (a text lookup and the meeting's values); nothing is stored here.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from icalendar import Calendar, Event, vCalAddress, vText

from services.case.model import BookingView
from services.dates import TZ

PRODID = "-//Jobassistenten//DA"
# Where the meeting is, per mode: the address, the promise of a call, or the link (texts by literal key).
LOCATION_KEYS = {"fremmøde": "booking.invite_location_attend", "telefon": "booking.invite_location_phone",
                 "video": "booking.invite_location_video"}
DETAIL_KEYS = {"fremmøde": "booking.invite_details_attend", "telefon": "booking.invite_details_phone",
               "video": "booking.invite_details_video"}


class Lookup(Protocol):
    locale: str  # the reader's language: the municipality's directions are picked in it

    def get(self, key: str, **values: Any) -> str: ...


@dataclass(frozen=True)
class Organizer:
    """Who the meeting is with: the caseworker (or the jobcentre), reachable at an e-mail address."""

    name: str
    email: str


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
    organizer: Organizer | None = None
    url: str | None = None  # a video meeting's link, also its LOCATION
    cancelled: bool = False


def invite_for(b: BookingView, texts: Lookup, values: dict[str, str], cancelled: bool = False) -> Invite:
    """The invite of a meeting: LOCATION and details by mode, ORGANIZER the caseworker at the jobcentre.

    values: the meeting's rendered values (type, when, mode) in the citizen's language.
    """
    place, worker = b.place, b.caseworker_contact
    where = {"place": place.name if place else b.slot.location, "address": place.address if place else "",
             "directions": place.directions_in(texts.locale) if place else "", "url": b.video_url or ""}
    location = texts.get(LOCATION_KEYS.get(b.mode, "booking.invite_location_attend"), **where)
    email = (worker.email if worker and worker.email else "") or (place.email if place else "")
    name = texts.get("booking.invite_organizer", caseworker=worker.name, place=where["place"]) if worker \
        else where["place"]
    organizer = Organizer(name, email) if email else None
    if cancelled:
        return Invite(b.uid, b.sequence, b.slot.starts_at, b.slot.minutes,
                      texts.get("booking.invite_cancel_summary", **values),
                      texts.get("booking.invite_cancel_description", **values), location, organizer, None, True)
    details = texts.get(DETAIL_KEYS.get(b.mode, "booking.invite_details_attend"), **where)
    description = texts.get("booking.invite_description", details=details,
                            caseworker=worker.name if worker else b.slot.caseworker,
                            phone=place.phone if place else "", **values)
    return Invite(b.uid, b.sequence, b.slot.starts_at, b.slot.minutes, texts.get("booking.invite_summary", **values),
                  description, location, organizer, b.video_url if b.mode == "video" else None)


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
    if invite.organizer:
        organizer = vCalAddress(f"mailto:{invite.organizer.email}")
        organizer.params["cn"] = vText(invite.organizer.name)
        event.add("organizer", organizer)
    if invite.url:
        event.add("url", invite.url)
    event.add("status", "CANCELLED" if invite.cancelled else "CONFIRMED")
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
