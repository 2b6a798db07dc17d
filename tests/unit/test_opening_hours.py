"""Opening hours and the expected wait: a table of moments around closing, weekends and DST."""
from datetime import datetime, time, timezone

import pytest

from services.opening_hours import TZ, OpeningHours, Span, closes_today, expected_wait, spans

HOURS = OpeningHours.parse({"mon": "09:00-15:00", "tue": "09:00-15:00", "wed": "09:00-15:00",
                            "thu": "09:00-17:00", "fri": "09:00-13:00"})


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=TZ)


@pytest.mark.parametrize(("moment", "is_open", "next_open"), [
    (local(2026, 11, 23, 9, 0), True, local(2026, 11, 23, 9, 0)),        # Monday, opening minute
    (local(2026, 11, 23, 8, 59), False, local(2026, 11, 23, 9, 0)),
    (local(2026, 11, 23, 15, 0), False, local(2026, 11, 24, 9, 0)),      # closing minute is closed
    (local(2026, 11, 26, 16, 30), True, local(2026, 11, 26, 16, 30)),    # Thursday's long day
    (local(2026, 11, 27, 13, 0), False, local(2026, 11, 30, 9, 0)),      # Friday afternoon → Monday
    (local(2026, 11, 28, 12, 0), False, local(2026, 11, 30, 9, 0)),      # Saturday
    (local(2026, 3, 27, 14, 0), False, local(2026, 3, 30, 9, 0)),        # over the spring DST weekend
    (local(2026, 10, 23, 14, 0), False, local(2026, 10, 26, 9, 0)),      # over the autumn DST weekend
    (datetime(2026, 11, 23, 8, 30, tzinfo=timezone.utc), True, datetime(2026, 11, 23, 8, 30, tzinfo=timezone.utc)),
])
def test_open_and_next_opening(moment, is_open, next_open):
    assert HOURS.is_open(moment) is is_open
    assert HOURS.next_open(moment) == next_open


@pytest.mark.parametrize(("ahead", "per_request", "minutes"), [(0, 10, 10), (2, 10, 30), (0, 0, 5), (0, 7, 10),
                                                                (1, 7, 15), (4, 2.5, 15)])
def test_expected_wait_is_queue_times_recent_claim_time_in_fives(ahead, per_request, minutes):
    assert expected_wait(HOURS, local(2026, 11, 23, 10, 0), ahead, per_request).minutes == minutes


def test_closed_wait_names_the_opening_and_bad_hours_are_refused():
    wait = expected_wait(HOURS, local(2026, 11, 27, 18, 0), 0, 10)
    assert not wait.open_now and wait.opens == local(2026, 11, 30, 9, 0)
    assert OpeningHours.parse({}).next_open(local(2026, 11, 23, 9, 0)) is None
    with pytest.raises(ValueError):
        OpeningHours.parse({"mon": "15:00-09:00"})


@pytest.mark.parametrize(("raw", "expected"), [
    ({"mon": "09:00-15:00", "tue": "09:00-15:00", "wed": "09:00-15:00", "thu": "09:00-17:00", "fri": "09:00-13:00"},
     [(0, 2, "09:00", "15:00"), (3, 3, "09:00", "17:00"), (4, 4, "09:00", "13:00")]),
    ({"mon": "08:00-16:00", "wed": "08:00-16:00"}, [(0, 0, "08:00", "16:00"), (2, 2, "08:00", "16:00")]),  # a gap
    ({"fri": "10:00-12:00", "mon": "10:00-12:00", "sat": "10:00-12:00"},
     [(0, 0, "10:00", "12:00"), (4, 5, "10:00", "12:00")]),                              # order of the file
    ({}, []),
])
def test_the_week_in_as_few_lines_as_possible(raw, expected):
    assert spans(OpeningHours.parse(raw)) == [Span(a, b, time.fromisoformat(o), time.fromisoformat(c))
                                              for a, b, o, c in expected]


def test_closes_today_only_while_open():
    assert closes_today(HOURS, local(2026, 11, 26, 16, 30)) == time(17, 0)
    assert closes_today(HOURS, local(2026, 11, 26, 17, 0)) is None
    assert closes_today(HOURS, local(2026, 11, 28, 12, 0)) is None
