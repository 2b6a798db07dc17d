"""The data-file side of services.dates: patterns per locale (built from the vocabulary) and Danish display formats."""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from .dates_vocab import DEFAULT, fold, resolve, vocab

__all__ = ["TZ", "fold", "format_date", "format_date_long", "format_slot", "grammar", "local_datetime", "to_local",
           "vocab"]

TZ = ZoneInfo("Europe/Copenhagen")


def _alt(words: Iterable[Any], locale: str | None = DEFAULT) -> str:
    """Regex alternation of folded words, longest first so 'eftermiddag' wins over 'middag'."""
    folded = sorted({fold(str(w), locale) for w in words} - {""}, key=len, reverse=True)
    if not folded:
        return "(?!)"
    return "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in folded) + ")"


def grammar(locale: str | None = DEFAULT) -> dict[str, Any]:
    """Compiled patterns and word lookups of a locale (resolved first; built once per locale, on first use)."""
    return _grammar(resolve(locale))


@lru_cache(maxsize=8)
def _grammar(locale: str) -> dict[str, Any]:
    """grammar() for a resolved locale."""
    v = vocab(locale)

    def alt(words: Iterable[Any]) -> str:
        return _alt(words, locale)

    def folded(words: Iterable[Any]) -> set[str]:
        return {fold(str(w), locale) for w in words}

    num = {fold(k, locale): int(n) for k, n in v["numbers"].items()}
    wds = v["weekdays"]
    months = v["months"]
    am, pm = alt(v["meridiem_am"]), alt(v["meridiem_pm"])
    g: dict[str, Any] = {
        "num": num,
        "wd": {fold(w, locale): i for i, e in enumerate(wds) for w in e["words"] + e.get("dotted", [])},
        "mon": {fold(w, locale): i + 1 for i, e in enumerate(months) for w in e["words"] + e["abbr"]},
        "rel": {fold(w, locale): e["offset"] for e in v["relative_days"] for w in e["words"]},
        "pod": {fold(w, locale): (time.fromisoformat(e["start"]), time.fromisoformat(e["end"]))
                for e in v["parts_of_day"] for w in e["words"]},
        "half": folded(v["half"]),
        "half_past": folded(v["half_past"]),
        "quarter": folded(v["quarter"]),
        "quarter_past": folded(v["quarter_past"]),
        "week_units": folded(v["week_units"]),
        "ord": {fold(w, locale): i + 1  # a merged locale lists [own word, fallback word] per day
                for i, e in enumerate(v["ordinals"]) for w in ([e] if isinstance(e, str) else e)},
        "month_day_if_impossible": bool(v["month_day_if_impossible"]),
        "aliases": [(re.compile(rf"(?<!\w){alt([src])}(?!\w)"), fold(dst, locale)) for src, dst in v["aliases"]],
        "meridiem": re.compile(rf"(?P<clock>.*?)\s*(?:(?P<ante>{am})|(?P<post>{pm}))", re.ASCII),
    }
    mer_req = rf"\s*(?:{am}|{pm})(?![a-z0-9])"  # 'am'/'pm' after a clock time (never matches in Danish)
    mer = rf"(?:{mer_req})?"
    kl = rf"\b{alt(v['clock'])}\.?\s*"
    word_hour = rf"{alt(num)}\b"
    hour = rf"(?:[0-9]{{1,2}}(?![0-9])|{word_hour})"
    phrase = (rf"(?:{alt(v['half'])}|{alt(v['half_past'])}|{alt(v['quarter'])}\s+"
              rf"(?:{alt(v['quarter_past'])}|{alt(v['quarter_to'])}))\s+{hour}")
    hhmm = r"[0-9]{1,2}[:.][0-9]{2}(?![0-9]|[:./][0-9])"
    digits = r"[0-9]{1,2}(?:[:.][0-9]{2})?(?![0-9]|[:./][0-9])"
    units = alt(v["day_units"] + v["week_units"] + v["other_units"])
    guard = rf"(?!\s*{units}\b)"  # 'efter 2 dage' is no clock time
    clock = rf"(?:(?:\b{phrase}|{digits}|\b{word_hour}){mer})"
    bare = rf"(?:(?:\b{phrase}|{digits}){mer})"  # without 'kl' a lone number word is too ambiguous
    after, before, between, and_ = (alt(v[k]) for k in ("after", "before", "between", "and"))
    sep = rf"\s*(?:-|\b{and_}\b)\s*"
    wd = rf"(?:{alt(w for e in wds for w in e['words'])}\b|{alt(w for e in wds for w in e.get('dotted', []))}\.)"
    on, next_week, this_week = alt(v["on_day"]), alt(v["next_week"]), alt(v["this_week"])
    after_next = alt(v["week_after_next"])
    no_num_before = r"(?<![0-9.:/\-])"
    prefix = rf"(?:\b{alt(v['date_prefix'])}\.?\s*)?"
    suffix, mon, of = alt(v["ordinal_suffix"]), alt(g["mon"]), rf"(?:{alt(v['of_month'])}\s+)?"
    not_a_date = rf"(?!{suffix}\b|\.?\s*{of}{mon}\b)"  # 'at 3rd', 'at 3 December' are dates
    month_first = [
        # 'December 3rd', 'dec 3, 2026', 'December first' (English order; 'December 10:30' stays a clock time)
        ("md_date", rf"\b({mon})\.?\s+(?:([0-9]{{1,2}})(?:{suffix})?|({alt(g['ord'])}))\b(?![:.][0-9]|{mer_req})"
                    r"(?:,?\s*([0-9]{4})\b)?"),
    ] if v["month_first"] else []
    g["passes"] = [(name, re.compile(rx, re.ASCII)) for name, rx in [
        ("ignore", rf"\b{alt(v['ignore'])}\b"),
        ("in_n", rf"\b{alt(v['in'])}\s+([0-9]{{1,3}}|{word_hour})\s*({alt(v['day_units'] + v['week_units'])})\b"),
        ("rel", rf"\b({alt(g['rel'])})\b"),
        ("range", rf"(?:\b{between}\s+)?{kl}({clock}){sep}(?:{kl})?({clock})"),
        ("after", rf"\b{after}\s+{kl}({clock})"),
        ("before", rf"\b{before}\s+{kl}({clock})"),
        ("exact", rf"{kl}({clock}){not_a_date}{guard}"),
        ("exact", rf"{no_num_before}([0-9]{{1,2}})\s*-?\s*{alt(v['about_suffix'])}\b"),
        ("num_date", (rf"{prefix}{no_num_before}([0-9]{{1,2}})([/.\-])([0-9]{{1,2}})"
                     rf"(?:[/.\-]([0-9]{{4}}|[0-9]{{2}}))?(?![0-9]|[/.\-][0-9]|{mer_req})")),
        ("txt_date", (rf"{prefix}{no_num_before}([0-9]{{1,2}})(?:{suffix})?\.?\s*{of}({mon})\b\.?"
                      rf"(?:\s*([0-9]{{4}})\b)?")),
        *month_first,
        ("dom", rf"\b{alt(v['day_of_month_prefix'])}\s+([0-9]{{1,2}})(?:{suffix})?\b\.?(?!\s*[0-9])"),
        ("dom", rf"{no_num_before}\b([0-9]{{1,2}})(?:{suffix})\b"),  # '3rd' alone
        ("ord_date", rf"{prefix}\b({alt(g['ord'])})\s+{of}({mon})\b\.?(?:\s*([0-9]{{4}})\b)?"),
        ("week_no", rf"\b{alt(v['week_number'])}\s+([0-9]{{1,2}})\b(?![:.][0-9]|{mer_req})"),
        ("month", rf"\b({alt(w for e in months for w in e['words'])})\b"),
        ("range", rf"\b{between}\s+({clock}){sep}({clock}){guard}"),
        ("range", rf"{no_num_before}({hhmm})\s*-\s*({hhmm})"),
        ("range", rf"{no_num_before}\b({digits}{mer}){sep}({digits}{mer_req})"),  # '9-11am', '2 to 4 pm'
        ("after", rf"\b{after}\s+({bare}){guard}"),
        ("before", rf"\b{before}\s+({bare}){guard}"),
        ("exact", rf"{no_num_before}(\b{phrase}{mer}|{hhmm}{mer}|\b[0-9]{{1,2}}{mer_req})"),
        ("wd_after_next", rf"\b(?:{on}\s+)?({wd})\s+{after_next}\b|\b{after_next}\s+(?:{on}\s+)?({wd})"),
        ("after_next", rf"\b{after_next}\b"),
        ("next_weekend", rf"\b{alt(v['next_weekend'])}\b"),
        ("coming_weekend", rf"\b{alt(v['coming_weekend'])}\b"),
        ("wd_next", rf"\b{alt(v['next'])}\s+({wd})"),
        ("wd_next", rf"\b(?:{on}\s+)?({wd})\s+{next_week}\b|\b{next_week}\s+(?:{on}\s+)?({wd})"),
        ("wd_this", rf"\b(?:{on}\s+)?({wd})\s+{this_week}\b|\b{this_week}\s+(?:{on}\s+)?({wd})"),
        ("wd_this", rf"\b{alt(v['this_coming'])}\s+({wd})"),
        ("wd", rf"\b({wd})"),
        ("next_week", rf"\b{next_week}\b"),
        ("this_week", rf"\b{this_week}\b"),
        ("pod", rf"(?:\b({alt(v['today_prefix'])})\s+)?\b({alt(g['pod'])})\b"),
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
