"""Calendar invites: Copenhagen time across daylight-saving changes, UID/SEQUENCE, CANCEL."""
from datetime import date, datetime, time, timezone

import icalendar

from services.dates import local_datetime
from services.ics import Invite, build_ics

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
