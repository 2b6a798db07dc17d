"""Pure figure helpers: periods in Copenhagen time, small-cell suppression, rates and percentiles."""
import math
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Sequence

from services.opening_hours import TZ

MIN_CELL = 5  # no figure built from fewer conversations than this is shown
MASKED = "<5"


@dataclass(frozen=True)
class Period:
    """Local days [first, last], cut into buckets by day or ISO week; edges are the buckets' UTC bounds."""

    first: date
    last: date
    by: str  # "day" | "week"
    edges: tuple[datetime, ...]
    labels: tuple[str, ...]

    @property
    def since(self) -> datetime:
        return self.edges[0]

    @property
    def until(self) -> datetime:
        return self.edges[-1]


def local_midnight(day: date) -> datetime:
    """The start of a Copenhagen day, in UTC (so differences count real hours across DST)."""
    return datetime.combine(day, time(0), TZ).astimezone(timezone.utc)


def period(first: date, last: date, by: str) -> Period:
    """Buckets from local midnight to local midnight (23 or 25 hours on DST days); a week starts on Monday."""
    if last < first:
        first, last = last, first
    starts: list[date] = []
    day = first
    while day <= last:
        starts.append(day)
        day = day + timedelta(days=1) if by == "day" else day - timedelta(days=day.weekday()) + timedelta(days=7)
    edges = [local_midnight(d) for d in starts] + [local_midnight(last + timedelta(days=1))]
    if by == "day":
        labels = [d.isoformat() for d in starts]
    else:
        labels = [f"{d.isocalendar().year}-U{d.isocalendar().week:02d}" for d in starts]
    return Period(first, last, by, tuple(edges), tuple(labels))


@dataclass(frozen=True)
class Cell:
    """A shown number and the number of conversations it comes from (masked when 1-4)."""

    value: float | int | str | None
    conversations: int = MIN_CELL
    percent: bool = False

    def text(self) -> str:
        if self.value is None:
            return "–"
        if 0 < self.conversations < MIN_CELL and not self.percent:
            return MASKED
        if self.percent:
            return f"{self.value:.1f}".replace(".", ",") + " %"
        if isinstance(self.value, str):
            return self.value
        if isinstance(self.value, float):
            return f"{self.value:.1f}".replace(".", ",")
        return str(self.value)

    def shown(self) -> float | None:
        """The value for a chart (None where the table hides it)."""
        if self.value is None or isinstance(self.value, str):
            return None
        if 0 < self.conversations < MIN_CELL and not self.percent:
            return None
        return float(self.value)


@dataclass
class Row:
    """A table row: a label, its counts (events and conversations, per column) and the conversations under it."""

    label: str
    counts: list[int]
    conversations: list[int]
    base: int  # conversations the row is built from
    folded: int = 0  # how many rows were folded into this one ("andet")
    extra: dict[str, str] = field(default_factory=dict)


def fold_small(rows: Sequence[Row], other_label: str, minimum: int = MIN_CELL) -> list[Row]:
    """Rows from fewer than `minimum` conversations go into one 'andet' row; if that is still too small, the
    smallest shown rows join it until it is large enough (so no subtraction reveals a small row), and if even
    all rows together are too small, the 'andet' row's numbers are hidden (base 0)."""
    kept = [r for r in rows if r.base >= minimum]
    small = [r for r in rows if r.base < minimum and r.base > 0]
    if not small:
        return list(kept)
    kept.sort(key=lambda r: r.base, reverse=True)
    while sum(r.base for r in small) < minimum and kept:
        small.append(kept.pop())
    order = {id(r): i for i, r in enumerate(rows)}
    kept.sort(key=lambda r: order[id(r)])
    width = len(small[0].counts)
    other = Row(other_label, [sum(r.counts[i] for r in small) for i in range(width)],
                [sum(r.conversations[i] for r in small) for i in range(width)],
                sum(r.base for r in small), folded=len(small))
    if other.base < minimum:
        other.counts, other.conversations, other.base = [0] * width, [0] * width, 0
    return [*kept, other]


def share(part: int, whole: int) -> float | None:
    return 100.0 * part / whole if whole else None


def quantile(values: Sequence[float], q: float) -> float | None:
    """Linear interpolation between the closest ranks (the same as numpy's default); None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    low, high = math.floor(pos), math.ceil(pos)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)
