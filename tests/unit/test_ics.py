"""Calendar invites: Copenhagen time across daylight-saving changes, UID/SEQUENCE, CANCEL, LOCATION/ORGANIZER."""
from datetime import date, datetime, time, timezone

import icalendar
import pytest

from i18n import Catalog
from services.case.model import BookingView, CaseworkerContact, Place, SlotView
from services.dates import local_datetime
from services.ics import Invite, build_ics, invite_for

STAMP = datetime(2026, 3, 1, tzinfo=timezone.utc)


def _invite(start: datetime, **kw) -> Invite:
    return Invite(uid="u1@jobassistenten", sequence=kw.pop("sequence", 0), starts_at=start, minutes=45,
                  summary="Jobsamtale", description="d", location="Jobcenter", **kw)


def test_summer_time_start_is_right_in_utc():
    start = local_datetime(date(2026, 3, 29), time(10))  # first day of summer time
    cal = icalendar.Calendar.from_ical(build_ics(_invite(start), STAMP))
    event = cal.walk("VEVENT")[0]
    assert "TZID=Europe/Copenhagen:20260329T100000" in build_ics(_invite(start), STAMP).decode()
    assert event.decoded("DTSTART").astimezone(timezone.utc) == datetime(2026, 3, 29, 8, tzinfo=timezone.utc)
    assert cal.walk("VTIMEZONE")


def test_winter_time_start_is_right_in_utc():
    start = local_datetime(date(2026, 10, 25), time(10))  # first day of winter time
    event = icalendar.Calendar.from_ical(build_ics(_invite(start), STAMP)).walk("VEVENT")[0]
    assert event.decoded("DTSTART").astimezone(timezone.utc) == datetime(2026, 10, 25, 9, tzinfo=timezone.utc)
    assert (event.decoded("DTEND") - event.decoded("DTSTART")).seconds == 45 * 60


def test_update_and_cancel():
    start = local_datetime(date(2026, 12, 1), time(10))
    moved = icalendar.Calendar.from_ical(build_ics(_invite(start, sequence=1), STAMP))
    cancel = icalendar.Calendar.from_ical(build_ics(_invite(start, sequence=2, cancelled=True), STAMP))
    assert moved["METHOD"] == "REQUEST" and moved.walk("VEVENT")[0]["SEQUENCE"] == 1
    assert cancel["METHOD"] == "CANCEL" and cancel.walk("VEVENT")[0]["STATUS"] == "CANCELLED"
    assert cancel.walk("VEVENT")[0]["UID"] == "u1@jobassistenten"


# Every invite has an ORGANIZER and a LOCATION that fits the mode; a cancelled one says so.

DA = Catalog.load().get("da")
PLACE = Place("Jobcenter Ballerup", "Hold-an Vej 7, 2750 Ballerup", {"da": "Indgang B.", "en": "Entrance B."},
              "44 77 00 00", "jc@ballerup.example")
VALUES = {"type": "Jobsamtale", "when": "tirsdag den 1. december 2026 kl. 10:00", "mode": "Video"}
URL = "https://video.ballerup.example/jobcenter/abc"


def _meeting(mode: str, worker: CaseworkerContact | None) -> BookingView:
    slot = SlotView(1, local_datetime(date(2026, 12, 1), time(10)), 45, "jobsamtale", "Anne Holm", "Jobcenter Ballerup")
    return BookingView(7, "u7@jobassistenten", 2, "active", mode, "web:x", slot, video_url=URL if mode == "video" else None,
                       caseworker_contact=worker, place=PLACE)


ANNE = CaseworkerContact("Anne Holm", "44 77 12 01", "anne@ballerup.example")


@pytest.mark.parametrize(("mode", "worker", "cancelled", "location", "organizer", "cn", "url", "in_description"), [
    ("fremmøde", ANNE, False, "Jobcenter Ballerup, Hold-an Vej 7, 2750 Ballerup", "mailto:anne@ballerup.example",
     "Anne Holm, Jobcenter Ballerup", None, "Adresse: Hold-an Vej 7, 2750 Ballerup. Indgang B."),
    ("telefon", ANNE, False, "Telefon – vi ringer til dig", "mailto:anne@ballerup.example",
     "Anne Holm, Jobcenter Ballerup", None, "Vi ringer til dig."),
    ("video", ANNE, False, URL, "mailto:anne@ballerup.example", "Anne Holm, Jobcenter Ballerup", URL,
     f"Link til videomødet: {URL}"),
    ("fremmøde", None, False, "Jobcenter Ballerup, Hold-an Vej 7, 2750 Ballerup", "mailto:jc@ballerup.example",
     "Jobcenter Ballerup", None, "Jobcentrets telefon: 44 77 00 00"),
    ("video", ANNE, True, URL, "mailto:anne@ballerup.example", "Anne Holm, Jobcenter Ballerup", None,
     "Samtalen tirsdag den 1. december 2026 kl. 10:00 er aflyst og bliver ikke holdt."),
])
def test_location_organizer_and_description_by_mode(mode, worker, cancelled, location, organizer, cn, url,
                                                   in_description):
    cal = icalendar.Calendar.from_ical(build_ics(invite_for(_meeting(mode, worker), DA, VALUES, cancelled), STAMP))
    event = cal.walk("VEVENT")[0]
    assert str(event["LOCATION"]) == location
    assert str(event["ORGANIZER"]) == organizer and event["ORGANIZER"].params["CN"] == cn
    assert (str(event["URL"]) if "URL" in event else None) == url
    assert in_description in str(event["DESCRIPTION"])
    assert ("flyt eller aflys" in str(event["DESCRIPTION"])) is not cancelled
    assert cal["METHOD"] == ("CANCEL" if cancelled else "REQUEST")


def test_an_english_invite_has_the_english_directions():
    en = Catalog.load().get("en")
    values = {"type": "Jobsamtale (job meeting)", "when": "Tue 1 Dec, 10:00", "mode": "At the job centre (fremmøde)"}
    event = icalendar.Calendar.from_ical(build_ics(invite_for(_meeting("fremmøde", ANNE), en, values), STAMP)) \
        .walk("VEVENT")[0]
    assert "Address: Hold-an Vej 7, 2750 Ballerup. Entrance B." in str(event["DESCRIPTION"])
    assert "Indgang" not in str(event["DESCRIPTION"])
