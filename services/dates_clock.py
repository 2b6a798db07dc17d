"""Clock times in a wish: 'halv elleve', 'half past ten', '2:30 pm', '10' -> an hour and minute, then a window."""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

EXACT_WINDOW = timedelta(minutes=30)
PM_BELOW_HOUR = 7  # 'kl 2' is 14:00: nobody books a job-centre meeting at 02:00
Window = tuple[time | None, time | None]


class HM(NamedTuple):
    """An hour and minute as written, before the afternoon rules; fixed when am/pm said which half of the day."""

    hour: int
    minute: int
    fixed: bool = False


def number(token: str, g: dict[str, Any]) -> int | None:
    """A digit string or a number word from the data file."""
    return int(token) if token.isdigit() and token.isascii() else g["num"].get(token)


def parse_hm(raw: str, g: dict[str, Any]) -> HM | None:
    """HM of 'halv elleve', 'kvart over 9', 'half past ten', '10.30', '10', 'ti' or '2:30 pm', as written."""
    meridiem = g["meridiem"].fullmatch(raw)
    if meridiem:
        hm = parse_hm(meridiem["clock"], g)
        if hm is None or not 1 <= hm.hour <= 12:
            return None  # '14 pm', '0 am'
        return HM(hm.hour % 12 + (12 if meridiem["post"] else 0), hm.minute, fixed=True)
    words = raw.split()
    hour = number(words[-1], g)
    if len(words) > 1:  # halv / half past / kvart over / kvart i + hour
        if hour is None or not 1 <= hour <= 24:
            return None
        if " ".join(words[:-1]) in g["half_past"]:  # English: 'half past ten' (and British 'half ten') = 10:30
            return HM(hour, 30)
        if words[0] in g["half"]:  # Danish: 'halv elleve' = 10:30
            return HM((hour - 1) or 12, 30)
        if set(words[1:-1]) & g["quarter_past"]:  # 'kvart over ni', '(a) quarter past nine' = 9:15
            return HM(hour, 15)
        return HM((hour - 1) or 12, 45)
    match = re.fullmatch(r"([0-9]{1,2})(?:[:.]([0-9]{2}))?", raw)
    if match:
        return HM(int(match[1]), int(match[2] or 0))
    return None if hour is None else HM(hour, 0)


def to_time(hm: HM | None, pm: bool) -> time | None:
    """The wall-clock time meant: hours 1-6 (and, with an afternoon part of day, all below 12) are afternoon."""
    if hm is None:
        return None
    hour, minute = hm.hour, hm.minute
    if not hm.fixed and ((pm and hour < 12) or 1 <= hour < PM_BELOW_HOUR):
        hour += 12
    return time(hour, minute) if 0 <= hour < 24 and 0 <= minute < 60 else None


def intersect(windows: list[Window]) -> Window | None:
    """Intersection of [from, to) windows (None = open), or None when it is empty."""
    lows = [f for f, _ in windows if f is not None]
    highs = [t for _, t in windows if t is not None]
    low, high = (max(lows) if lows else None), (min(highs) if highs else None)
    if low is not None and high is not None and low >= high:
        return None
    return low, high


def clock_window(exact: list[HM], bounds: list[tuple[HM | None, HM | None]], pods: list[tuple[time, time]]) -> Window:
    """Clock window: explicit times intersected, then narrowed by any part of day."""
    pod = (min(f for f, _ in pods), max(t for _, t in pods)) if pods else None
    pm = pod is not None and pod[0] >= time(12)
    windows: list[Window] = []
    for low, high in ((to_time(f, pm), to_time(t, pm)) for f, t in bounds):
        if low is not None and high is not None and low >= high:
            low, high = high, low  # 'mellem 12 og 10' still means 10-12
        if (low, high) != (None, None) and low != high:
            windows.append((low, high))
    times = sorted(t for t in (to_time(hm, pm) for hm in exact) if t is not None)
    if times:
        end = datetime.combine(date.min, times[-1]) + EXACT_WINDOW
        windows.append((times[0], end.time() if end.date() == date.min else time.max))
    explicit = intersect(windows) or (windows[0] if windows else None)
    if explicit is None:
        return pod if pod else (None, None)
    return (intersect([explicit, pod]) if pod else None) or explicit
