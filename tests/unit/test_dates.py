"""Tests for services.dates: the Danish wish table, DST handling, display labels and robustness."""
from __future__ import annotations

import ast
import random
import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from services.dates import (
    TZ,
    TimeWish,
    format_date_long,
    format_slot,
    local_datetime,
    parse_wish,
)
from services.dates_format import fold
from services.dates_format import vocab as _vocab

MON = datetime(2026, 11, 23, 9, tzinfo=TZ)  # a Monday
TABLE = Path(__file__).resolve().parents[1] / "data" / "date_expressions.yml"
DANISH_LETTERS = re.compile("[\u00e6\u00f8\u00e5\u00c6\u00d8\u00c5]")  # æøå ÆØÅ, written as escapes


def _entries() -> list[dict[str, Any]]:
    """The table rows from tests/data/date_expressions.yml."""
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))["entries"]


def _expected(expect: dict[str, Any]) -> TimeWish:
    """The TimeWish a table row describes (ISO strings or null)."""
    def as_date(value: Any) -> date | None:
        return None if value is None else date.fromisoformat(str(value))

    def as_time(value: Any) -> time | None:
        return None if value is None else time.fromisoformat(str(value))

    return TimeWish(
        as_date(expect["date_from"]),
        as_date(expect["date_to"]),
        as_time(expect["time_from"]),
        as_time(expect["time_to"]),
    )


ENTRIES = _entries()


def test_table_is_big_enough() -> None:
    assert len(ENTRIES) >= 60
    texts = [(e["text"], e["now"]) for e in ENTRIES]
    assert len(texts) == len(set(texts)), "duplicate table rows"


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{e['text']!r}@{e['now'][:10]}" for e in ENTRIES])
def test_table(entry: dict[str, Any]) -> None:
    now = datetime.fromisoformat(entry["now"])
    assert parse_wish(entry["text"], now) == _expected(entry["expect"])


def test_empty_wish() -> None:
    assert TimeWish().is_empty()
    assert parse_wish("hej", datetime(2026, 11, 23, 9, tzinfo=TZ)).is_empty()
    assert not parse_wish("kl 10", datetime(2026, 11, 23, 9, tzinfo=TZ)).is_empty()


# --- DST ---------------------------------------------------------------------------------


def test_local_datetime_offsets_across_dst() -> None:
    spring = local_datetime(date(2026, 3, 29), time(10))
    autumn = local_datetime(date(2026, 10, 25), time(10))
    assert spring.utcoffset() == timedelta(hours=2)
    assert autumn.utcoffset() == timedelta(hours=1)
    assert spring.astimezone(UTC) == datetime(2026, 3, 29, 8, tzinfo=UTC)
    assert autumn.astimezone(UTC) == datetime(2026, 10, 25, 9, tzinfo=UTC)
    assert local_datetime(date(2026, 3, 28), time(10)).utcoffset() == timedelta(hours=1)
    assert local_datetime(date(2026, 10, 24), time(10)).utcoffset() == timedelta(hours=2)


def test_local_datetime_in_spring_gap_moves_forward() -> None:
    # 02:30 does not exist on 29 March 2026; the real instant is 03:30 summer time.
    moved = local_datetime(date(2026, 3, 29), time(2, 30))
    assert (moved.hour, moved.minute, moved.utcoffset()) == (3, 30, timedelta(hours=2))


def test_local_datetime_ambiguous_autumn_takes_first() -> None:
    first = local_datetime(date(2026, 10, 25), time(2, 30))
    assert first.utcoffset() == timedelta(hours=2)


def test_format_slot_across_dst() -> None:
    assert format_slot(local_datetime(date(2026, 3, 29), time(10))).endswith("29. mar. kl. 10:00")
    assert format_slot(local_datetime(date(2026, 10, 25), time(10))).endswith("25. okt. kl. 10:00")
    # Given in UTC, still shown in Copenhagen time.
    assert format_slot(datetime(2026, 3, 29, 8, tzinfo=UTC)).endswith("kl. 10:00")
    assert format_slot(datetime(2026, 10, 25, 9, tzinfo=UTC)).endswith("kl. 10:00")


@pytest.mark.parametrize(
    ("text", "now", "slot_utc", "matches"),
    [
        ("på søndag kl 10", datetime(2026, 3, 27, 12, tzinfo=TZ), datetime(2026, 3, 29, 8, 0), True),
        ("på søndag kl 10", datetime(2026, 3, 27, 12, tzinfo=TZ), datetime(2026, 3, 29, 8, 15), True),
        ("på søndag kl 10", datetime(2026, 3, 27, 12, tzinfo=TZ), datetime(2026, 3, 29, 9, 0), False),
        ("på søndag kl 10", datetime(2026, 3, 27, 12, tzinfo=TZ), datetime(2026, 3, 29, 7, 45), False),
        ("søndag kl. 10", datetime(2026, 10, 23, 12, tzinfo=TZ), datetime(2026, 10, 25, 9, 0), True),
        ("søndag kl. 10", datetime(2026, 10, 23, 12, tzinfo=TZ), datetime(2026, 10, 25, 8, 0), False),
        ("i overmorgen kl 2", datetime(2026, 10, 23, 12, tzinfo=TZ), datetime(2026, 10, 25, 13, 0), True),
        ("i overmorgen kl 2", datetime(2026, 10, 23, 12, tzinfo=TZ), datetime(2026, 10, 25, 12, 0), False),
        ("mandag kl 9", datetime(2026, 3, 27, 12, tzinfo=TZ), datetime(2026, 3, 30, 7, 0), True),
        ("mandag kl 9", datetime(2026, 3, 27, 12, tzinfo=TZ), datetime(2026, 3, 30, 8, 0), False),
    ],
)
def test_matches_utc_slots_across_dst(text: str, now: datetime, slot_utc: datetime, matches: bool) -> None:
    wish = parse_wish(text, now)
    assert wish.matches(slot_utc.replace(tzinfo=UTC)) is matches


def test_matches_bounds() -> None:
    wish = TimeWish(date(2026, 12, 1), date(2026, 12, 3), time(12), time(17))
    assert wish.matches(local_datetime(date(2026, 12, 1), time(12)))
    assert wish.matches(local_datetime(date(2026, 12, 3), time(16, 59)))
    assert not wish.matches(local_datetime(date(2026, 12, 3), time(17)))  # time_to is exclusive
    assert not wish.matches(local_datetime(date(2026, 12, 4), time(13)))
    assert not wish.matches(local_datetime(date(2026, 11, 30), time(13)))
    assert TimeWish().matches(datetime(2026, 1, 1, tzinfo=UTC))


def test_exact_time_near_midnight_stays_valid() -> None:
    wish = parse_wish("kl 23:45", datetime(2026, 11, 23, 9, tzinfo=TZ))
    assert wish.time_from == time(23, 45) and wish.time_to == time.max


# --- display -------------------------------------------------------------------------------


def test_format_slot() -> None:
    assert format_slot(local_datetime(date(2026, 12, 1), time(10))) == "tir. 1. dec. kl. 10:00"


def test_format_slot_other_days() -> None:
    assert format_slot(local_datetime(date(2026, 5, 4), time(9, 5))) == "man. 4. maj kl. 09:05"
    assert format_slot(local_datetime(date(2026, 11, 28), time(13, 30))).startswith("lør. 28. nov.")


def test_format_date_long() -> None:
    start = local_datetime(date(2026, 12, 1), time(10))
    assert format_date_long(start) == "tirsdag den 1. december 2026 kl. 10:00"
    sunday = datetime(2026, 3, 29, 8, tzinfo=UTC)
    assert format_date_long(sunday) == "søndag den 29. marts 2026 kl. 10:00"


# --- robustness ----------------------------------------------------------------------------

ODD_INPUTS = [
    "", " ", "\n\t", "🙂👍🎉", "a" * 10_000, "kl " * 5_000, "3/12 " * 2_000, "\x00\x01\x02",
    "\ud800", "kl", "kl.", "kl 99", "kl 24", "kl 10:99", "halv", "halv nul", "kvart over",
    "kvart i 1", "mellem og", "mellem 12 og 10", "efter", "00/00", "99/99-9999", "0.0.0",
    "29/2", "31.12.99", "den 0.", "den 32.", "uge 0", "uge 54", "uge 99", "om 999 uger",
    "om 0 dage", "\u00e6\u00f8\u00e5\u00c6\u00d8\u00c5", "ﬁ ß İ ǅ", "٣/١٢", "３/１２", "1٢:00",
    "man.man.man.", "næste næste næste", "i i i i morgen", "d.", "den", "--", "//", "::",
    "kl 10-", "-12", "fra kl til kl", "kl. halv 25", "kvart i 0", "i december december",
]


@pytest.mark.parametrize("text", ODD_INPUTS, ids=range(len(ODD_INPUTS)))
def test_never_raises_on_odd_input(text: str) -> None:
    wish = parse_wish(text, datetime(2026, 11, 23, 9, tzinfo=TZ))
    assert isinstance(wish, TimeWish)
    _assert_sane(wish)


def test_never_raises_on_random_token_soup() -> None:
    """Random mixes of table words, digits and punctuation never raise and stay sane."""
    rng = random.Random(20261123)
    tokens = sorted({t for e in ENTRIES for t in re.split(r"\s+", e["text"]) if t})
    tokens += ["0", "7", "12", "24", "31", "/", ".", ":", "-", "kl", "og", "den", "uge", "om"]
    nows = sorted({e["now"] for e in ENTRIES})
    for _ in range(3000):
        text = rng.choice(["", " "]).join(rng.choice(tokens) for _ in range(rng.randint(1, 8)))
        now = datetime.fromisoformat(rng.choice(nows))
        _assert_sane(parse_wish(text, now))


def test_non_string_and_naive_now() -> None:
    assert parse_wish(None, datetime(2026, 11, 23, 9, tzinfo=TZ)).is_empty()  # type: ignore[arg-type]
    naive = parse_wish("i morgen", datetime(2026, 11, 23, 9))
    assert naive.date_from == date(2026, 11, 24)


def _assert_sane(wish: TimeWish) -> None:
    """A wish's bounds are ordered."""
    if wish.date_from and wish.date_to:
        assert wish.date_from <= wish.date_to
    if wish.time_from and wish.time_to:
        assert wish.time_from < wish.time_to


# --- project rule: no Danish text in Python --------------------------------------------------


def _code_strings(source: str) -> list[str]:
    """String constants of a module, docstrings left out (those may quote examples)."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def _vocabulary_words() -> set[str]:
    """Every word listed in the data file, folded."""
    words: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item)
                if key != "format" and isinstance(key, str) and key in _vocab()["numbers"]:
                    words.add(fold(key))
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            words.update(fold(value).split())

    data = {k: v for k, v in _vocab().items() if k not in ("fold", "format")}
    walk(data)
    return {w.strip(".") for w in words} - {""}


@pytest.mark.parametrize("module", ["dates.py", "dates_format.py", "dates_clock.py", "dates_vocab.py"])
def test_no_danish_words_in_code(module: str) -> None:
    source = (Path(__file__).resolve().parents[2] / "services" / module).read_text(encoding="utf-8")
    vocabulary = _vocabulary_words()
    for literal in _code_strings(source):
        assert not DANISH_LETTERS.search(literal), literal
        assert fold(literal).strip(".") not in vocabulary, literal


def test_format_date_for_deadlines():
    from services.dates import format_date

    assert format_date(local_datetime(date(2026, 12, 7), time(12))) == "mandag den 7. december 2026"


@pytest.mark.parametrize(("text", "weekend"), [
    ("i weekenden", True), ("næste weekend", True), ("lørdag", True), ("søndag kl 10", True),
    ("fredag", False), ("næste uge", False), ("fredag til søndag", False), ("jeg vil booke", False),
])
def test_weekend_only(text: str, weekend: bool) -> None:
    """'I weekenden' is understood, and the booking flow can tell that no meetings are held then."""
    assert parse_wish(text, MON).weekend_only() is weekend


def test_from_day_keeps_only_the_start_day() -> None:
    """Nothing free at the time asked for: the nearest times are looked for from that day on."""
    wish = parse_wish("den 15. december kl 10", MON)
    assert wish.from_day() == TimeWish(date_from=date(2026, 12, 15))
    assert parse_wish("ingen dato", MON).from_day().is_empty()
