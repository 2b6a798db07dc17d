"""Understand Danish date/time wishes ('i morgen eftermiddag', '3/12 kl 10') for booking meetings.

All Danish words live in data/da_dates.yml; this module holds only regex skeletons.
Conventions, chosen for a job centre's office hours:
- An exact clock time t is the window [t, t+30 min), so 'kl 10' matches slots at 10:00 and 10:15.
- An hour 1-6 ('kl 2', 'halv tre') means the afternoon (14:00, 14:30): no meetings before 07:00.
  With an afternoon/evening part of day every hour < 12 is afternoon ('aften kl 7' = 19:00).
- A weekday name is the next such day strictly after today; an explicit date wins over a
  weekday name beside it ('tirsdag den 1/12'); several days widen to the span between them.
- A date without year that has passed this year means next year; invalid dates are ignored.
- '3.12' and '3-12' are dates when valid day.month, else '13.30' is a clock time; several clock
  times widen to their span ('kl 10 eller kl 14' = [10:00, 14:30)).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .dates_format import TZ, fold, format_date, format_date_long, format_slot, grammar, local_datetime, to_local

__all__ = ["TZ", "TimeWish", "format_date_long", "format_slot", "local_datetime", "parse_wish"]

MAX_CHARS = 2000  # wishes are one chat line; cutting pasted essays keeps the work bounded
EXACT_WINDOW = timedelta(minutes=30)
FILLER = "\x1f"  # stands in for text a pass has consumed
PM_BELOW_HOUR = 7  # 'kl 2' is 14:00: nobody books a job-centre meeting at 02:00
HM = tuple[int, int]  # (hour, minute) as written, before the afternoon rules are applied


@dataclass(frozen=True)
class TimeWish:
    """What the citizen asked for: a day range and/or a time window (all optional)."""

    date_from: date | None = None  # inclusive
    date_to: date | None = None  # inclusive
    time_from: time | None = None  # inclusive
    time_to: time | None = None  # exclusive

    def is_empty(self) -> bool:
        """True when the text held no date or time at all."""
        return self == TimeWish()

    def weekend_only(self) -> bool:
        """True when every day asked for is a Saturday or Sunday (the job centre holds no meetings then)."""
        if self.date_from is None or self.date_to is None or (self.date_to - self.date_from).days > 1:
            return False
        return self.date_from.weekday() >= 5 and self.date_to.weekday() >= 5

    def from_day(self) -> "TimeWish":
        """The same start day with no end and no clock window: 'the nearest times from that day on'."""
        return TimeWish(date_from=self.date_from)

    def matches(self, start: datetime) -> bool:
        """Whether a slot starting at start (aware; compared in Copenhagen local time) fits the wish."""
        local = to_local(start)
        day, clock = local.date(), local.time()
        return (
            (self.date_from is None or day >= self.date_from)
            and (self.date_to is None or day <= self.date_to)
            and (self.time_from is None or clock >= self.time_from)
            and (self.time_to is None or clock < self.time_to)
        )


def _safe_date(year: int, month: int, day: int) -> date | None:
    """date(year, month, day), or None for impossible dates such as 31/11."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


class _Found:
    """What the passes over one text collected; resolved into a TimeWish at the end."""

    def __init__(self, today: date) -> None:
        """Start empty, relative to the local date today."""
        self.today = today
        self.g = grammar()
        self.days: list[tuple[date, date]] = []
        self.dates: list[tuple[date, date]] = []  # explicit calendar dates beat weekday names
        self.weekdays: list[tuple[date, date]] = []
        self.exact: list[HM] = []
        self.bounds: list[tuple[HM | None, HM | None]] = []
        self.pods: list[tuple[time, time]] = []
        self.today_hint = False

    # --- clock and calendar helpers -------------------------------------------------------
    def _hm(self, raw: str) -> HM | None:
        """(hour, minute) of 'halv elleve', 'kvart over 9', '10.30', '10' or 'ti', as written."""
        words = raw.split()
        hour = self._number(words[-1])
        if len(words) > 1:  # halv / kvart over / kvart i + hour
            if hour is None or not 1 <= hour <= 24:
                return None
            if words[0] in self.g["half"]:
                return ((hour - 1) or 12, 30)
            if words[1] in self.g["quarter_past"]:
                return (hour, 15)
            return ((hour - 1) or 12, 45)
        match = re.fullmatch(r"([0-9]{1,2})(?:[:.]([0-9]{2}))?", raw)
        if match:
            return (int(match[1]), int(match[2] or 0))
        return None if hour is None else (hour, 0)

    def _number(self, token: str) -> int | None:
        """A digit string or a number word from the data file."""
        return int(token) if token.isdigit() and token.isascii() else self.g["num"].get(token)

    def _calendar(self, day: int, month: int, year: str | None) -> date | None:
        """A day/month (optional 2- or 4-digit year); without year the next one not yet past."""
        if year is not None:
            return _safe_date(int(year) + (2000 if len(year) == 2 else 0), month, day)
        found = _safe_date(self.today.year, month, day)
        if found is None or found < self.today:
            found = _safe_date(self.today.year + 1, month, day)
        return found

    def _monday(self, weeks_ahead: int) -> date:
        """Monday of this week (0) or a later ISO week."""
        return self.today - timedelta(days=self.today.weekday() - 7 * weeks_ahead)

    # --- on_<name> handles the pass <name> of dates_format.grammar; True blanks out the match ---
    def on_ignore(self, m: re.Match[str]) -> bool:
        return True

    def on_in_n(self, m: re.Match[str]) -> bool:
        count = self._number(m[1]) or 0
        day = self.today + timedelta(days=count * (7 if m[2] in self.g["week_units"] else 1))
        self.days.append((day, day))
        return True

    def on_rel(self, m: re.Match[str]) -> bool:
        day = self.today + timedelta(days=self.g["rel"][m[1]])
        self.days.append((day, day))
        return True

    def on_range(self, m: re.Match[str]) -> bool:
        self.bounds.append((self._hm(m[1]), self._hm(m[2])))
        return True

    def on_after(self, m: re.Match[str]) -> bool:
        self.bounds.append((self._hm(m[1]), None))
        return True

    def on_before(self, m: re.Match[str]) -> bool:
        self.bounds.append((None, self._hm(m[1])))
        return True

    def on_exact(self, m: re.Match[str]) -> bool:
        hm = self._hm(m[1])
        if hm is not None:
            self.exact.append(hm)
        return True

    def on_num_date(self, m: re.Match[str]) -> bool:
        day = self._calendar(int(m[1]), int(m[3]), m[4])
        if day is not None:
            self.dates.append((day, day))
        # An invalid '13.30' is left for the clock passes; an invalid '31/11' is just dropped.
        return day is not None or m[2] != "."

    def on_txt_date(self, m: re.Match[str]) -> bool:
        day = self._calendar(int(m[1]), self.g["mon"][m[2]], m[3])
        if day is not None:
            self.dates.append((day, day))
        return True

    def on_dom(self, m: re.Match[str]) -> bool:
        year, month = self.today.year, self.today.month
        for _ in range(3):  # this month, else the next months that have that day
            found = _safe_date(year, month, int(m[1]))
            if found is not None and found >= self.today:
                self.dates.append((found, found))
                break
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return True

    def on_ord_date(self, m: re.Match[str]) -> bool:
        day = self._calendar(self.g["ord"][m[1]], self.g["mon"][m[2]], m[3])
        if day is not None:
            self.dates.append((day, day))
        return True

    def on_week_no(self, m: re.Match[str]) -> bool:
        for year in (self.today.year, self.today.year + 1):
            try:
                monday = date.fromisocalendar(year, int(m[1]), 1)
            except ValueError:
                continue
            if monday + timedelta(days=6) >= self.today:
                self.dates.append((max(monday, self.today), monday + timedelta(days=6)))
                break
        return True

    def on_month(self, m: re.Match[str]) -> bool:
        month = self.g["mon"][m[1]]
        year = self.today.year + (month < self.today.month)
        first = date(year, month, 1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        self.dates.append((max(first, self.today), last))
        return True

    def _weekday(self, m: re.Match[str]) -> int:
        """Weekday index (Monday 0) of whichever group of m matched."""
        return int(self.g["wd"][next(g for g in m.groups() if g).rstrip(".")])

    def on_wd_next(self, m: re.Match[str]) -> bool:
        day = self._monday(1) + timedelta(days=self._weekday(m))
        self.weekdays.append((day, day))
        return True

    def on_wd_this(self, m: re.Match[str]) -> bool:
        day = self._monday(0) + timedelta(days=self._weekday(m))
        if day < self.today:  # already past this week: the coming one is meant
            day += timedelta(days=7)
        self.weekdays.append((day, day))
        return True

    def on_wd(self, m: re.Match[str]) -> bool:
        ahead = (self._weekday(m) - self.today.weekday() - 1) % 7 + 1
        day = self.today + timedelta(days=ahead)
        self.weekdays.append((day, day))
        return True

    def on_wd_after_next(self, m: re.Match[str]) -> bool:
        day = self._monday(2) + timedelta(days=self._weekday(m))
        self.weekdays.append((day, day))
        return True

    def on_after_next(self, m: re.Match[str]) -> bool:
        self.days.append((self._monday(2), self._monday(2) + timedelta(days=6)))
        return True

    def _weekend(self, weeks_ahead: int) -> None:
        """Saturday and Sunday of this week (or, on a Sunday, today) plus weeks_ahead weeks."""
        saturday = self._monday(0) + timedelta(days=5 + 7 * weeks_ahead)
        self.days.append((max(saturday, self.today), saturday + timedelta(days=1)))

    def on_coming_weekend(self, m: re.Match[str]) -> bool:
        self._weekend(0)
        return True

    def on_next_weekend(self, m: re.Match[str]) -> bool:
        self._weekend(1)
        return True

    def on_next_week(self, m: re.Match[str]) -> bool:
        self.days.append((self._monday(1), self._monday(1) + timedelta(days=6)))
        return True

    def on_this_week(self, m: re.Match[str]) -> bool:
        self.days.append((self.today, self._monday(0) + timedelta(days=6)))
        return True

    def on_pod(self, m: re.Match[str]) -> bool:
        self.pods.append(self.g["pod"][m[2]])
        self.today_hint = self.today_hint or m[1] is not None
        return True

    # --- resolution -----------------------------------------------------------------------
    def day_span(self) -> tuple[date | None, date | None]:
        """The hull of all days mentioned (weekday names dropped next to an explicit date)."""
        days = self.days + (self.dates or self.weekdays)
        if not days and self.today_hint:
            days = [(self.today, self.today)]
        if not days:
            return None, None
        return min(d for d, _ in days), max(d for _, d in days)

    def window(self) -> tuple[time | None, time | None]:
        """Clock window: explicit times intersected, then narrowed by any part of day."""
        pod = (min(f for f, _ in self.pods), max(t for _, t in self.pods)) if self.pods else None
        pm = pod is not None and pod[0] >= time(12)

        def clock(hm: HM | None) -> time | None:
            if hm is None:
                return None
            hour, minute = hm
            if (pm and hour < 12) or 1 <= hour < PM_BELOW_HOUR:
                hour += 12
            return time(hour, minute) if 0 <= hour < 24 and 0 <= minute < 60 else None

        windows = []
        for low, high in ((clock(f), clock(t)) for f, t in self.bounds):
            if low is not None and high is not None and low >= high:
                low, high = high, low  # 'mellem 12 og 10' still means 10-12
            if (low, high) != (None, None) and low != high:
                windows.append((low, high))
        exact = sorted(t for t in map(clock, self.exact) if t is not None)
        if exact:
            end = datetime.combine(date.min, exact[-1]) + EXACT_WINDOW
            windows.append((exact[0], end.time() if end.date() == date.min else time.max))
        explicit = _intersect(windows) or (windows[0] if windows else None)
        if explicit is None:
            return pod if pod else (None, None)
        return (_intersect([explicit, pod]) if pod else None) or explicit


def _intersect(windows: list[tuple[time | None, time | None]]) -> tuple[time | None, time | None] | None:
    """Intersection of [from, to) windows (None = open), or None when it is empty."""
    lows = [f for f, _ in windows if f is not None]
    highs = [t for _, t in windows if t is not None]
    low, high = (max(lows) if lows else None), (min(highs) if highs else None)
    if low is not None and high is not None and low >= high:
        return None
    return low, high


def _scan(text: str, rx: re.Pattern[str], handle: Callable[[re.Match[str]], bool]) -> str:
    """Run handle on each match; blank out the handled ones so later passes do not see them."""
    # The filler is no space and no word character: a phrase cannot span a consumed part.
    parts, last = [], 0
    for m in rx.finditer(text):
        if handle(m):
            parts += [text[last:m.start()], FILLER * (m.end() - m.start())]
            last = m.end()
    return "".join(parts) + text[last:]


def parse_wish(text: str, now: datetime) -> TimeWish:
    """Parse a free-text Danish wish ('i morgen eftermiddag', 'naeste uge', '3/12 kl 10') relative to now."""
    if not isinstance(text, str) or not text.strip():
        return TimeWish()
    found = _Found(to_local(now).date())
    folded = fold(text[:MAX_CHARS])
    for name, rx in found.g["passes"]:
        folded = _scan(folded, rx, getattr(found, f"on_{name}"))
    date_from, date_to = found.day_span()
    time_from, time_to = found.window()
    return TimeWish(date_from, date_to, time_from, time_to)
