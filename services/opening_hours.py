"""Opening hours of the job centre and the expected wait for a person: pure functions, table-tested."""
import math
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Mapping
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Europe/Copenhagen")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class OpeningHours:
    """Per weekday (0 = Monday) an opening and closing time in Copenhagen time; a missing day is closed."""

    days: Mapping[int, tuple[time, time]]

    @classmethod
    def parse(cls, raw: Mapping[str, str]) -> "OpeningHours":
        """From {'mon': '09:00-15:00', ...}."""
        days = {}
        for key, span in raw.items():
            start, end = (time.fromisoformat(x.strip()) for x in span.split("-"))
            if end <= start:
                raise ValueError(f"opening hours for {key}: {span} closes before it opens")
            days[DAYS.index(key)] = (start, end)
        return cls(days)

    def is_open(self, moment: datetime) -> bool:
        local = moment.astimezone(TZ)
        span = self.days.get(local.weekday())
        return span is not None and span[0] <= local.time() < span[1]

    def next_open(self, moment: datetime) -> datetime | None:
        """When the job centre next opens (moment itself if open); None if it never opens."""
        local = moment.astimezone(TZ)
        for ahead in range(8):
            day = (local + timedelta(days=ahead)).date()
            span = self.days.get(day.weekday())
            if span is None:
                continue
            opens, closes = (datetime.combine(day, t, TZ) for t in span)
            if ahead == 0 and opens <= local < closes:
                return moment
            if opens > local:
                return opens
        return None


@dataclass(frozen=True)
class Wait:
    """What to tell the citizen: open now with a wait in minutes, or closed until `opens`."""

    open_now: bool
    minutes: int
    opens: datetime | None


def expected_wait(hours: OpeningHours, now: datetime, ahead_in_queue: int, minutes_per_request: float) -> Wait:
    """Requests before this one times the recent time to claim one (at least 5 minutes, rounded up to 5)."""
    minutes = max(5, math.ceil((ahead_in_queue + 1) * minutes_per_request / 5.0) * 5)
    if hours.is_open(now):
        return Wait(True, minutes, None)
    return Wait(False, minutes, hours.next_open(now))


@dataclass(frozen=True)
class Span:
    """Consecutive weekdays (0 = Monday) with the same hours: 'man.-ons. 09:00-15:00'."""

    first: int
    last: int
    opens: time
    closes: time


def spans(hours: OpeningHours) -> list[Span]:
    """The week's hours as few lines as possible, Monday first; closed days are left out."""
    out: list[Span] = []
    for day in sorted(hours.days):
        opens, closes = hours.days[day]
        prev = out[-1] if out else None
        if prev and prev.last == day - 1 and (prev.opens, prev.closes) == (opens, closes):
            out[-1] = Span(prev.first, day, opens, closes)
        else:
            out.append(Span(day, day, opens, closes))
    return out


def closes_today(hours: OpeningHours, moment: datetime) -> time | None:
    """When today's opening ends, if it is open at `moment`."""
    return hours.days[moment.astimezone(TZ).weekday()][1] if hours.is_open(moment) else None
