"""Tests for English wishes in services.dates: the English table, DST, Danish words mixed in, display, structure."""
from __future__ import annotations

import ast
import random
import re
import string
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
import yaml

from i18n import Catalog, format_datetime
from services.dates import TZ, TimeWish, local_datetime, parse_wish
from services.dates_format import fold, grammar
from services.dates_vocab import DATA_DIR, resolve, vocab
from services.outgoing import When, render_value

MON = datetime(2026, 11, 23, 9, tzinfo=TZ)  # a Monday
TABLE = Path(__file__).resolve().parents[1] / "data" / "date_expressions_en.yml"
DANISH_TABLE = TABLE.with_name("date_expressions.yml")
SERVICES = Path(__file__).resolve().parents[2] / "services"
MODULES = ["dates.py", "dates_format.py", "dates_clock.py", "dates_vocab.py"]


def _rows(path: Path) -> list[dict[str, Any]]:
    """The entries of a wish table."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]


def _expected(expect: dict[str, Any]) -> TimeWish:
    """The TimeWish a table row describes (ISO strings or null)."""
    def as_date(value: Any) -> date | None:
        return None if value is None else date.fromisoformat(str(value))

    def as_time(value: Any) -> time | None:
        return None if value is None else time.fromisoformat(str(value))

    return TimeWish(as_date(expect["date_from"]), as_date(expect["date_to"]),
                    as_time(expect["time_from"]), as_time(expect["time_to"]))


ENTRIES = _rows(TABLE)


def test_table_is_big_enough() -> None:
    assert len(ENTRIES) >= 40
    assert sum(1 for e in ENTRIES if e.get("mixed")) >= 5
    dst_days = {"2026-03-28", "2026-03-29", "2026-10-24", "2026-10-25"}
    assert sum(1 for e in ENTRIES if e["now"][:10] in dst_days) >= 6
    texts = [(e["text"], e["now"]) for e in ENTRIES]
    assert len(texts) == len(set(texts)), "duplicate table rows"


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{e['text']!r}@{e['now'][:16]}" for e in ENTRIES])
def test_table(entry: dict[str, Any]) -> None:
    now = datetime.fromisoformat(entry["now"])
    assert parse_wish(entry["text"], now, "en") == _expected(entry["expect"])


def test_danish_table_unchanged_by_default_and_with_da() -> None:
    """The Danish reading is the default, and an explicit 'da' is the same."""
    for row in _rows(DANISH_TABLE):
        now = datetime.fromisoformat(row["now"])
        assert parse_wish(row["text"], now) == parse_wish(row["text"], now, "da") == _expected(row["expect"])


@pytest.mark.parametrize(("locale", "resolved"), [
    ("en", "en"), ("EN", "en"), ("en-GB", "en"), ("en_US", "en"), ("da", "da"), ("da-DK", "da"),
    (None, "da"), ("", "da"), ("xx", "da"), ("../en", "da"),
])
def test_locale_resolution(locale: str | None, resolved: str) -> None:
    assert resolve(locale) == resolved
    assert grammar(locale) is grammar(resolved)  # built once per locale


def test_unknown_locale_reads_danish() -> None:
    assert parse_wish("i morgen kl 10", MON, "xx") == parse_wish("i morgen kl 10", MON)
    assert parse_wish("tomorrow at 10", MON, "en-GB") == parse_wish("tomorrow at 10", MON, "en")


def test_danish_locale_does_not_read_english() -> None:
    """English words are only known with the English locale: Danish conversations read as before."""
    assert parse_wish("tomorrow 10am", MON, "da").is_empty()
    assert parse_wish("half past ten", MON, "da").is_empty()


# --- Danish words in English: merged where they do not clash --------------------------------


def test_danish_words_are_merged_into_english() -> None:
    en = grammar("en")
    assert {"tirsdag", "morgen", "eftermiddag", "december"} <= set(en["wd"]) | set(en["pod"]) | set(en["mon"])
    assert en["num"]["ti"] == 10 and en["num"]["ten"] == 10


@pytest.mark.parametrize(("key", "word"), [("numbers", "to"), ("numbers", "fire"), ("before", "før")])
def test_clashing_danish_words_are_left_out(key: str, word: str) -> None:
    assert word in vocab("da")[key]
    words = vocab("en")[key]
    assert fold(word, "en") not in {fold(str(w), "en") for w in words}


def test_danish_table_read_as_english_differs_only_by_the_clashing_words() -> None:
    """Danish mixed into English reads as in Danish, except the words left out ('om to dage', 'før kl 12')."""
    excluded = {fold(w, "en") for words in vocab("en")["fallback"]["exclude"].values() for w in words}
    differ = [row["text"] for row in _rows(DANISH_TABLE)
              if parse_wish(row["text"], datetime.fromisoformat(row["now"]), "en") != _expected(row["expect"])]
    assert differ and all(excluded & set(fold(text, "en").split()) for text in differ), differ


def test_english_wins_over_danish_half() -> None:
    """'halv ti' (Danish) is 9:30; 'half ten' (British) is 10:30: both in one English grammar."""
    assert parse_wish("halv ti", MON, "en").time_from == time(9, 30)
    assert parse_wish("half ten", MON, "en").time_from == time(10, 30)


# --- DST: wall-clock wishes match the right UTC slots ----------------------------------------


@pytest.mark.parametrize(("text", "now", "slot_utc", "matches"), [
    ("tomorrow at 10", datetime(2026, 3, 28, 23, 30, tzinfo=TZ), datetime(2026, 3, 29, 8, 0), True),
    ("tomorrow at 10", datetime(2026, 3, 28, 23, 30, tzinfo=TZ), datetime(2026, 3, 29, 9, 0), False),
    ("Monday 10:00", datetime(2026, 3, 29, 3, 30, tzinfo=TZ), datetime(2026, 3, 30, 8, 0), True),
    ("Monday 10:00", datetime(2026, 3, 29, 3, 30, tzinfo=TZ), datetime(2026, 3, 30, 9, 0), False),
    ("tomorrow at 10", datetime(2026, 10, 24, 23, 30, tzinfo=TZ), datetime(2026, 10, 25, 9, 0), True),
    ("tomorrow at 10", datetime(2026, 10, 24, 23, 30, tzinfo=TZ), datetime(2026, 10, 25, 8, 0), False),
    ("Monday 10:00", datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=TZ), datetime(2026, 10, 26, 9, 0), True),
    ("Monday 10:00", datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=TZ), datetime(2026, 10, 26, 8, 0), False),
])
def test_matches_utc_slots_across_dst(text: str, now: datetime, slot_utc: datetime, matches: bool) -> None:
    assert parse_wish(text, now, "en").matches(slot_utc.replace(tzinfo=UTC)) is matches


@pytest.mark.parametrize(("text", "weekend"), [
    ("in the weekend", True), ("this weekend", True), ("next weekend", True), ("saturday", True),
    ("sunday at 10", True), ("friday", False), ("next week", False), ("friday to sunday", False),
    ("I want to book", False),
])
def test_weekend_only(text: str, weekend: bool) -> None:
    assert parse_wish(text, MON, "en").weekend_only() is weekend


# --- display: times shown to English readers ---------------------------------------------------


@pytest.mark.parametrize(("moment", "style", "locale", "expected"), [
    (local_datetime(date(2026, 12, 1), time(10)), "slot", "en", "Tue 1 Dec, 10:00"),
    (local_datetime(date(2026, 12, 1), time(10)), "long", "en", "Tuesday 1 December 2026 at 10:00"),
    (local_datetime(date(2026, 12, 7), time(12)), "date", "en", "Monday 7 December 2026"),
    (datetime(2026, 3, 29, 8, tzinfo=UTC), "slot", "en", "Sun 29 Mar, 10:00"),  # summer time
    (datetime(2026, 10, 25, 9, tzinfo=UTC), "slot", "en", "Sun 25 Oct, 10:00"),  # winter time again
    (local_datetime(date(2026, 12, 1), time(10)), "slot", "da", "tir. 1. dec. kl. 10:00"),
    (local_datetime(date(2026, 12, 1), time(10)), "long", "da", "tirsdag den 1. december 2026 kl. 10:00"),
])
def test_format_when_per_locale(moment: datetime, style: str, locale: str, expected: str) -> None:
    """The renderer's format_when (i18n.format_datetime) through render_value, as messages are delivered."""
    texts = Catalog.load().get(locale)
    assert render_value(When(moment, style), texts, format_datetime) == expected


# --- robustness and project rules --------------------------------------------------------------


ODD_INPUTS = ["half past", "quarter to", "12/99", "dec 99", "the 99th", "at 99pm", "13pm", "0am", "12:75 pm",
              "december 32nd", "feb 30", "99-99am", "am pm am", "at at at 10", "a.m." * 500, "10am " * 2000,
              "the the the 3rd", "noon noon", "tonight tonight", "31st of february", "o'clock", "ish"]


@pytest.mark.parametrize("text", ODD_INPUTS, ids=range(len(ODD_INPUTS)))
def test_odd_english_input(text: str) -> None:
    wish = parse_wish(text, MON, "en")
    assert wish.date_from is None or wish.date_to is None or wish.date_from <= wish.date_to
    assert wish.time_from is None or wish.time_to is None or wish.time_from < wish.time_to


def test_never_raises_on_random_token_soup() -> None:
    rng = random.Random(20261204)
    tokens = sorted({t for e in ENTRIES for t in re.split(r"\s+", e["text"]) if t})
    tokens += ["0", "7", "12", "24", "31", "/", ".", ":", "-", "am", "pm", "at", "the", "of", "half", "past"]
    nows = sorted({e["now"] for e in ENTRIES})
    for _ in range(2000):
        text = rng.choice(["", " "]).join(rng.choice(tokens) for _ in range(rng.randint(1, 8)))
        wish = parse_wish(text, datetime.fromisoformat(rng.choice(nows)), "en")
        assert wish.date_from is None or wish.date_to is None or wish.date_from <= wish.date_to
        assert wish.time_from is None or wish.time_to is None or wish.time_from < wish.time_to


def test_same_structure_as_danish() -> None:
    """en_dates.yml has every key da_dates.yml has, except the Danish display templates."""
    own = yaml.safe_load((DATA_DIR / "en_dates.yml").read_text(encoding="utf-8"))
    danish = yaml.safe_load((DATA_DIR / "da_dates.yml").read_text(encoding="utf-8"))
    assert set(danish) - {"format"} <= set(own) <= set(danish) | {"fallback"}
    assert len(own["weekdays"]) == 7 and len(own["months"]) == 12


def _phrases(value: Any) -> set[str]:
    """Every word or phrase listed in (part of) the English data file, folded."""
    if isinstance(value, dict):
        return set().union(set(), *map(_phrases, value.values()))
    if isinstance(value, list):
        return set().union(set(), *map(_phrases, value))
    return {fold(value, "en")} if isinstance(value, str) else set()


def _names() -> set[str]:
    """Names code may use although they are English words: data keys, grammar keys, pass names, template fields."""
    data = {**vocab("da"), **vocab("en")}
    fields = {f for t in vocab("da")["format"].values() for _, f, _, _ in string.Formatter().parse(t) if f}
    g = grammar("en")
    return set(data) | set(g) | {name for name, _ in g["passes"]} | fields


@pytest.mark.parametrize("module", MODULES)
def test_no_english_words_in_code(module: str) -> None:
    """English words live in en_dates.yml; code names only keys, passes and template fields."""
    data = yaml.safe_load((DATA_DIR / "en_dates.yml").read_text(encoding="utf-8"))
    words = _phrases({k: v for k, v in data.items() if k not in ("fold", "fallback")}) | set(data["numbers"])
    tree = ast.parse((SERVICES / module).read_text(encoding="utf-8"))
    literals = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    assert not [s for s in literals if fold(s, "en") in words and s not in _names()]
