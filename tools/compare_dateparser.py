"""Measure services.dates.parse_wish against the dateparser library on the Danish wish table.

Usage: python tools/compare_dateparser.py [--table PATH] [-v]

dateparser returns one datetime, so an entry counts as right for it when that moment falls
inside the expected day range (when a day is expected) and inside the expected time window
(when a time is expected); for an entry without any date/time it must return None.
parse_wish is scored twice: strictly (the whole TimeWish equals the table) and with the same
single-moment rule, taking the start of its wish as the moment.
"""
from __future__ import annotations

import argparse
import sys
import time as clock
from datetime import date, datetime, time, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: make `services` importable

from services.dates import TZ, TimeWish, parse_wish

DEFAULT_TABLE = ROOT / "tests" / "data" / "date_expressions.yml"
Moment = tuple[date, time | None]


def load_table(path: Path) -> list[dict[str, Any]]:
    """The table rows (text, now, expect)."""
    rows: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]
    return rows


def expected_wish(expect: dict[str, Any]) -> TimeWish:
    """The TimeWish a row describes."""
    def opt(value: Any, kind: type[date | time]) -> Any:
        return None if value is None else kind.fromisoformat(str(value))

    return TimeWish(opt(expect["date_from"], date), opt(expect["date_to"], date),
                    opt(expect["time_from"], time), opt(expect["time_to"], time))


def moment_agrees(moment: Moment | None, want: TimeWish) -> bool:
    """Whether one parsed moment fits the expected wish (day and, when expected, time)."""
    if want.is_empty() or moment is None:
        return want.is_empty() and moment is None
    day, at = moment
    if want.date_from is not None and not (want.date_from <= day <= (want.date_to or want.date_from)):
        return False
    if want.time_from is None and want.time_to is None:
        return True
    return at is not None and (want.time_from is None or at >= want.time_from) and (
        want.time_to is None or at < want.time_to)


def wish_moment(wish: TimeWish, now: datetime) -> Moment | None:
    """The first moment a wish allows, for the single-moment comparison."""
    if wish.is_empty():
        return None
    day = wish.date_from or now.astimezone(TZ).date()
    if wish.time_from is not None:
        return day, wish.time_from
    if wish.time_to is not None:  # only an upper bound: take a moment just inside it
        return day, (datetime.combine(day, wish.time_to) - timedelta(minutes=1)).time()
    return day, None


def dateparser_moment(dp: ModuleType, text: str, now: datetime) -> Moment | None:
    """dateparser's single result as a local (date, time)."""
    local_now = now.astimezone(TZ).replace(tzinfo=None)
    settings = {"RELATIVE_BASE": local_now, "PREFER_DATES_FROM": "future", "TIMEZONE": "Europe/Copenhagen"}
    try:
        found = dp.parse(text, languages=["da"], settings=settings)
    except Exception:  # noqa: BLE001 - a third-party parser failing on odd text counts as a miss
        return None
    if found is None:
        return None
    if found.tzinfo is not None:
        found = found.astimezone(TZ).replace(tzinfo=None)
    return found.date(), found.time()


def import_dateparser() -> ModuleType | None:
    """dateparser if installed (imported lazily: it is only needed for this measurement)."""
    try:
        import dateparser  # lazy: only this measurement needs it
    except ImportError:
        return None
    module: ModuleType = dateparser
    return module


def main(argv: list[str] | None = None) -> int:
    """Print the accuracy of parse_wish and of dateparser on the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", type=Path, default=DEFAULT_TABLE)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the entries each one gets wrong")
    args = parser.parse_args(argv)
    rows = load_table(args.table)
    dp = import_dateparser()
    strict = lenient = dp_right = 0
    dp_seconds = 0.0
    for row in rows:
        now = datetime.fromisoformat(str(row["now"]))
        want = expected_wish(row["expect"])
        ours = parse_wish(row["text"], now)
        strict += ours == want
        lenient += moment_agrees(wish_moment(ours, now), want)
        if args.verbose and ours != want:
            print(f"  parse_wish  miss {row['text']!r} @ {row['now']}: {ours} != {want}")
        if dp is None:
            continue
        started = clock.perf_counter()
        theirs = dateparser_moment(dp, row["text"], now)
        dp_seconds += clock.perf_counter() - started
        ok = moment_agrees(theirs, want)
        dp_right += ok
        if args.verbose and not ok:
            print(f"  dateparser  miss {row['text']!r} @ {row['now']}: {theirs}")
    total = len(rows)
    print(f"entries: {total}")
    print(f"parse_wish  strict (whole wish equal): {strict}/{total} = {strict / total:.1%}")
    print(f"parse_wish  single moment:             {lenient}/{total} = {lenient / total:.1%}")
    if dp is None:
        print("dateparser is not installed, so there is nothing to compare with: pip install dateparser")
        return 1
    print(f"dateparser  single moment:             {dp_right}/{total} = {dp_right / total:.1%}"
          f"  ({dp_seconds / total * 1000:.1f} ms/entry, version {getattr(dp, '__version__', '?')})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
