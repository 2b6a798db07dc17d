"""The data-file side of services.dates: vocabulary, folding, patterns and Danish display formats."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

TZ = ZoneInfo("Europe/Copenhagen")
DATA_FILE = Path(__file__).with_name("data") / "da_dates.yml"


@lru_cache(maxsize=1)
def vocab() -> dict[str, Any]:
    """The Danish vocabulary from data/da_dates.yml, read once on first use (not at import)."""
    with DATA_FILE.open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def fold(text: str) -> str:
    """Lower-case, fold Danish letters and their two-letter spellings (data file), collapse whitespace."""
    folded = unicodedata.normalize("NFC", text).casefold()
    for src, dst in vocab()["fold"]:
        folded = folded.replace(src, dst)
    # Unicode spaces (no-break space etc.) become plain spaces so ASCII regexes see them.
    return " ".join(folded.split())


def _alt(words: Iterable[Any]) -> str:
    """Regex alternation of folded words, longest first so 'eftermiddag' wins over 'middag'."""
    folded = sorted({fold(str(w)) for w in words} - {""}, key=len, reverse=True)
    if not folded:
        return "(?!)"
    return "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in folded) + ")"


@lru_cache(maxsize=1)
def grammar() -> dict[str, Any]:
    """Compiled patterns and word lookups built from the data file (once, on first use)."""
    v = vocab()
    num = {fold(k): int(n) for k, n in v["numbers"].items()}
    wds = v["weekdays"]
    months = v["months"]
    g: dict[str, Any] = {
        "num": num,
        "wd": {fold(w): i for i, e in enumerate(wds) for w in e["words"] + e.get("dotted", [])},
        "mon": {fold(w): i + 1 for i, e in enumerate(months) for w in e["words"] + e["abbr"]},
        "rel": {fold(w): e["offset"] for e in v["relative_days"] for w in e["words"]},
        "pod": {fold(w): (time.fromisoformat(e["start"]), time.fromisoformat(e["end"]))
                for e in v["parts_of_day"] for w in e["words"]},
        "half": {fold(w) for w in v["half"]},
        "quarter": {fold(w) for w in v["quarter"]},
        "quarter_past": {fold(w) for w in v["quarter_past"]},
        "week_units": {fold(w) for w in v["week_units"]},
        "ord": {fold(w): i + 1 for i, w in enumerate(v["ordinals"])},
    }
    kl = rf"\b{_alt(v['clock'])}\.?\s*"
    word_hour = rf"{_alt(num)}\b"
    hour = rf"(?:[0-9]{{1,2}}(?![0-9])|{word_hour})"
    phrase = (rf"(?:{_alt(v['half'])}|{_alt(v['quarter'])}\s+(?:{_alt(v['quarter_past'])}|{_alt(v['quarter_to'])}))"
              rf"\s+{hour}")
    hhmm = r"[0-9]{1,2}[:.][0-9]{2}(?![0-9]|[:./][0-9])"
    digits = r"[0-9]{1,2}(?:[:.][0-9]{2})?(?![0-9]|[:./][0-9])"
    units = _alt(v["day_units"] + v["week_units"] + v["other_units"])
    guard = rf"(?!\s*{units}\b)"  # 'efter 2 dage' is no clock time
    clock = rf"(?:\b{phrase}|{digits}|\b{word_hour})"
    bare = rf"(?:\b{phrase}|{digits})"  # without 'kl' a lone number word is too ambiguous
    after, before, between, and_ = (_alt(v[k]) for k in ("after", "before", "between", "and"))
    sep = rf"\s*(?:-|\b{and_}\b)\s*"
    wd = rf"(?:{_alt(w for e in wds for w in e['words'])}\b|{_alt(w for e in wds for w in e.get('dotted', []))}\.)"
    on, next_week, this_week = _alt(v["on_day"]), _alt(v["next_week"]), _alt(v["this_week"])
    after_next = _alt(v["week_after_next"])
    no_num_before = r"(?<![0-9.:/\-])"
    prefix = rf"(?:\b{_alt(v['date_prefix'])}\.?\s*)?"
    g["passes"] = [(name, re.compile(rx, re.ASCII)) for name, rx in [
        ("ignore", rf"\b{_alt(v['ignore'])}\b"),
        ("in_n", rf"\b{_alt(v['in'])}\s+([0-9]{{1,3}}|{word_hour})\s*({_alt(v['day_units'] + v['week_units'])})\b"),
        ("rel", rf"\b({_alt(g['rel'])})\b"),
        ("range", rf"(?:\b{between}\s+)?{kl}({clock}){sep}(?:{kl})?({clock})"),
        ("after", rf"\b{after}\s+{kl}({clock})"),
        ("before", rf"\b{before}\s+{kl}({clock})"),
        ("exact", rf"{kl}({clock})"),
        ("exact", rf"{no_num_before}([0-9]{{1,2}})\s*-?\s*{_alt(v['about_suffix'])}\b"),
        ("num_date", (rf"{prefix}{no_num_before}([0-9]{{1,2}})([/.\-])([0-9]{{1,2}})"
                     r"(?:[/.\-]([0-9]{4}|[0-9]{2}))?(?![0-9]|[/.\-][0-9])")),
        ("txt_date", rf"{prefix}{no_num_before}([0-9]{{1,2}})\.?\s*({_alt(g['mon'])})\b\.?(?:\s*([0-9]{{4}})\b)?"),
        ("dom", rf"\b{_alt(v['day_of_month_prefix'])}\s+([0-9]{{1,2}})\b\.?(?!\s*[0-9])"),
        ("ord_date", rf"{prefix}\b({_alt(g['ord'])})\s+({_alt(g['mon'])})\b\.?(?:\s*([0-9]{{4}})\b)?"),
        ("week_no", rf"\b{_alt(v['week_number'])}\s+([0-9]{{1,2}})\b"),
        ("month", rf"\b({_alt(w for e in months for w in e['words'])})\b"),
        ("range", rf"\b{between}\s+({clock}){sep}({clock}){guard}"),
        ("range", rf"{no_num_before}({hhmm})\s*-\s*({hhmm})"),
        ("after", rf"\b{after}\s+({bare}){guard}"),
        ("before", rf"\b{before}\s+({bare}){guard}"),
        ("exact", rf"{no_num_before}(\b{phrase}|{hhmm})"),
        ("wd_after_next", rf"\b(?:{on}\s+)?({wd})\s+{after_next}\b|\b{after_next}\s+(?:{on}\s+)?({wd})"),
        ("after_next", rf"\b{after_next}\b"),
        ("next_weekend", rf"\b{_alt(v['next_weekend'])}\b"),
        ("coming_weekend", rf"\b{_alt(v['coming_weekend'])}\b"),
        ("wd_next", rf"\b{_alt(v['next'])}\s+({wd})"),
        ("wd_next", rf"\b(?:{on}\s+)?({wd})\s+{next_week}\b|\b{next_week}\s+(?:{on}\s+)?({wd})"),
        ("wd_this", rf"\b(?:{on}\s+)?({wd})\s+{this_week}\b|\b{this_week}\s+(?:{on}\s+)?({wd})"),
        ("wd", rf"\b({wd})"),
        ("next_week", rf"\b{next_week}\b"),
        ("this_week", rf"\b{this_week}\b"),
        ("pod", rf"(?:\b({_alt(v['today_prefix'])})\s+)?\b({_alt(g['pod'])})\b"),
    ]]
    return g


def to_local(moment: datetime) -> datetime:
    """Europe/Copenhagen local time of an aware datetime; a naive one is taken as local already."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=TZ)
    return moment.astimezone(TZ)


def local_datetime(d: date, t: time) -> datetime:
    """The aware Europe/Copenhagen datetime for a local date and wall-clock time (correct across DST)."""
    wall = datetime.combine(d, t.replace(tzinfo=None), tzinfo=TZ)
    # The UTC round trip moves a wall time in the spring-forward gap (02:30 on the last Sunday
    # of March does not exist) to the real instant 03:30; an ambiguous autumn time keeps
    # fold=0, i.e. the first (summer-time) reading.
    return wall.astimezone(UTC).astimezone(TZ)


def _fields(start: datetime) -> dict[str, Any]:
    """Template fields for one moment, in local time, with names from the data file."""
    local = to_local(start)
    data = vocab()
    weekday = data["weekdays"][local.weekday()]
    month = data["months"][local.month - 1]
    return {
        "weekday": weekday["name"],
        "weekday_short": weekday["short"],
        "day": local.day,
        "month": month["name"],
        "month_short": month["short"],
        "year": local.year,
        "hhmm": local.strftime("%H:%M"),
    }


def format_slot(start: datetime) -> str:
    """Plain Danish short label: 'tir. 1. dec. kl. 10:00' (local time)."""
    return str(vocab()["format"]["slot"]).format(**_fields(start))


def format_date_long(start: datetime) -> str:
    """Long Danish label for confirmations: 'tirsdag den 1. december 2026 kl. 10:00'."""
    return str(vocab()["format"]["long"]).format(**_fields(start))


def format_date(start: datetime) -> str:
    """Long Danish date without the time, for deadlines: 'mandag den 7. december 2026'."""
    return str(vocab()["format"]["date"]).format(**_fields(start))
