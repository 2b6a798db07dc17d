"""Understand date/time wishes ('i morgen eftermiddag', '3/12 kl 10', 'next tuesday at 2pm') for booking meetings.

All words live in data/<locale>_dates.yml (da, en); the code holds only regex skeletons (dates_format.grammar).
English also knows the Danish words that do not clash with English ones (en_dates.yml, fallback), since people
writing English as a second language mix them in ('tomorrow kl 10', 'next tirsdag').
Conventions, chosen for a job centre's office hours:
- An exact clock time t is the window [t, t+30 min), so 'kl 10' matches slots at 10:00 and 10:15.
- An hour 1-6 ('kl 2', 'halv tre') means the afternoon (14:00, 14:30): no meetings before 07:00.
  With an afternoon/evening part of day every hour < 12 is afternoon ('aften kl 7' = 19:00).
- A weekday name is the next such day strictly after today; an explicit date wins over a
  weekday name beside it ('tirsdag den 1/12'); several days widen to the span between them.
- A date without year that has passed this year means next year; invalid dates are ignored.
- '3/12' is 3 December in every locale (day/month, the Danish and British order); English also reads
  'December 3rd', and a date impossible as day/month but possible as month/day ('12/25') as American.
- '3.12' and '3-12' are dates when valid day.month, else '13.30' is a clock time; several clock
  times widen to their span ('kl 10 eller kl 14' = [10:00, 14:30)).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .dates_clock import HM, clock_window, number, parse_hm
from .dates_format import (DEFAULT, TZ, fold, format_date, format_date_long, format_slot, grammar, local_datetime,
                           to_local)

__all__ = ["TZ", "TimeWish", "format_date_long", "format_slot", "local_datetime", "parse_wish"]

MAX_CHARS = 2000  # wishes are one chat line; cutting pasted essays keeps the work bounded
FILLER = "\x1f"  # stands in for text a pass has consumed


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

    def __init__(self, today: date, locale: str | None) -> None:
        """Start empty, relative to the local date today, with the words of a locale."""
        self.today = today
        self.g = grammar(locale)
        self.days: list[tuple[date, date]] = []
        self.dates: list[tuple[date, date]] = []  # explicit calendar dates beat weekday names
        self.weekdays: list[tuple[date, date]] = []
        self.exact: list[HM] = []
        self.bounds: list[tuple[HM | None, HM | None]] = []
        self.pods: list[tuple[time, time]] = []
        self.today_hint = False

    # --- clock and calendar helpers -------------------------------------------------------
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
        count = number(m[1], self.g) or 0
        day = self.today + timedelta(days=count * (7 if m[2] in self.g["week_units"] else 1))
        self.days.append((day, day))
        return True

    def on_rel(self, m: re.Match[str]) -> bool:
        day = self.today + timedelta(days=self.g["rel"][m[1]])
        self.days.append((day, day))
        return True

    def on_range(self, m: re.Match[str]) -> bool:
        self.bounds.append((parse_hm(m[1], self.g), parse_hm(m[2], self.g)))
        return True

    def on_after(self, m: re.Match[str]) -> bool:
        self.bounds.append((parse_hm(m[1], self.g), None))
        return True

    def on_before(self, m: re.Match[str]) -> bool:
        self.bounds.append((None, parse_hm(m[1], self.g)))
        return True

    def on_exact(self, m: re.Match[str]) -> bool:
        hm = parse_hm(m[1], self.g)
        if hm is not None:
            self.exact.append(hm)
        return True

    def on_num_date(self, m: re.Match[str]) -> bool:
        first, second = int(m[1]), int(m[3])
        if self.g["month_day_if_impossible"] and second > 12 >= first:  # '12/25' can only be American
            first, second = second, first
        day = self._calendar(first, second, m[4])
        if day is not None:
            self.dates.append((day, day))
        # An invalid '13.30' is left for the clock passes; an invalid '31/11' is just dropped.
        return day is not None or m[2] != "."

    def on_txt_date(self, m: re.Match[str]) -> bool:
        day = self._calendar(int(m[1]), self.g["mon"][m[2]], m[3])
        if day is not None:
            self.dates.append((day, day))
        return True

    def on_md_date(self, m: re.Match[str]) -> bool:
        day = self._calendar(int(m[2]) if m[2] else self.g["ord"][m[3]], self.g["mon"][m[1]], m[4])
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
        return clock_window(self.exact, self.bounds, self.pods)


def _scan(text: str, rx: re.Pattern[str], handle: Callable[[re.Match[str]], bool]) -> str:
    """Run handle on each match; blank out the handled ones so later passes do not see them."""
    # The filler is no space and no word character: a phrase cannot span a consumed part.
    parts, last = [], 0
    for m in rx.finditer(text):
        if handle(m):
            parts += [text[last:m.start()], FILLER * (m.end() - m.start())]
            last = m.end()
    return "".join(parts) + text[last:]


def parse_wish(text: str, now: datetime, locale: str | None = DEFAULT) -> TimeWish:
    """Parse a free-text wish ('i morgen eftermiddag', 'naeste uge', 'tomorrow 10am') relative to now.

    locale is the conversation's language; an unknown one is read as Danish.
    """
    if not isinstance(text, str) or not text.strip():
        return TimeWish()
    found = _Found(to_local(now).date(), locale)
    folded = fold(text[:MAX_CHARS], locale)
    for rx, replacement in found.g["aliases"]:  # 'noon' -> '12:00', 'tonight' -> 'this evening'
        folded = rx.sub(replacement, folded)
    for name, rx in found.g["passes"]:
        folded = _scan(folded, rx, getattr(found, f"on_{name}"))
    date_from, date_to = found.day_span()
    time_from, time_to = found.window()
    return TimeWish(date_from, date_to, time_from, time_to)
