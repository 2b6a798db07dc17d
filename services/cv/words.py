"""CV words per locale: data/<locale>.yml (levels, 'no more', lead-ins) and data/languages.yml, read once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from services.cv.text import loose

DATA_DIR = Path(__file__).with_name("data")
DEFAULT = "da"
LEAD_STEPS = ("strengths", "described", "next")


@dataclass(frozen=True)
class Words:
    """One locale's words, folded (services.cv.text.loose) where they are matched loosely."""

    locale: str
    conjunctions: tuple[str, ...]
    level_phrases: tuple[tuple[str, str], ...]  # (phrase, level), several-word phrases first, longest first
    level_words: dict[str, str]
    fillers: frozenset[str]
    none_more: re.Pattern[str]
    profile_yes: re.Pattern[str]
    marker: str  # the infinitive marker: 'at', 'to'
    leads: dict[str, re.Pattern[str]]  # step → lead-in; group 1 is set when it needs the marker
    names: dict[str, str]  # any spelling (loose) → the name in this locale
    hours: dict[str, re.Pattern[str]]  # full, part, both
    start_now: re.Pattern[str]
    licence_words: dict[str, str]  # word (loose) → category
    licence_none: re.Pattern[str]
    licence_yes: re.Pattern[str]
    upper_only: frozenset[str]  # categories understood only in capitals


def _load(name: str) -> Any:
    with (DATA_DIR / f"{name}.yml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _strings(key: str, values: list[Any]) -> list[str]:
    """A word list as written; an unquoted yes/no (read by YAML as true/false) is an error, not a lost word."""
    bad = [v for v in values if not isinstance(v, str | int) or isinstance(v, bool)]
    if bad:
        raise ValueError(f"CV words {key!r}: quote {bad!r} (YAML reads yes/no/on/off as true/false)")
    return [str(v) for v in values]


@lru_cache(maxsize=1)
def locales() -> frozenset[str]:
    """Locales with a word file (user input never becomes a path)."""
    return frozenset(p.stem for p in DATA_DIR.glob("*.yml") if p.stem != "languages")


def _phrases(words: list[str]) -> re.Pattern[str]:
    """A short answer that starts with one of the phrases (folded, longest first)."""
    folded = sorted({loose(str(w)) for w in words}, key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in folded) + r")(?![\w'])")


def _words_re(words: list[str], start: str = r"\b", end: str = r"(?![\w'])") -> re.Pattern[str]:
    """Any of the (folded) words or phrases, as whole words."""
    folded = sorted({loose(w) for w in words}, key=len, reverse=True)
    return re.compile(start + "(?:" + "|".join(re.escape(w) for w in folded) + ")" + end)


def _hours(kind: str, alternatives: list[str]) -> re.Pattern[str]:
    """Folded like the answer ('doesn't' is 'dosn't'; the patterns use lower-case escapes only); 'both' as words."""
    return re.compile(r"\b(?:" + "|".join(loose(a) for a in alternatives) + ")" + (r"\b" if kind == "both" else ""))


def _lead(spec: dict[str, list[str]] | None) -> re.Pattern[str]:
    infinitive, plain = (spec or {}).get("infinitive", []), (spec or {}).get("plain", [])
    groups = [f"({'|'.join(infinitive)})"] if infinitive else []
    groups += plain
    return re.compile(r"^(?:" + "|".join(groups) + r")\s+" if groups else r"^(?!x)x", re.I)


def words(locale: str | None = DEFAULT) -> Words:
    """The words of a locale ('en-GB' → 'en'; unknown → Danish), with its fallback locale's words merged in."""
    wanted = (locale or DEFAULT).replace("_", "-").lower().split("-", 1)[0]
    return _words(wanted if wanted in locales() else DEFAULT)


@lru_cache(maxsize=4)
def _words(locale: str) -> Words:
    own: dict[str, Any] = _load(locale)
    other: dict[str, Any] = _load(own["fallback"]) if own.get("fallback") else {}

    def merged(key: str) -> list[str]:
        return _strings(key, own.get(key, [])) + _strings(key, other.get(key, []))

    levels: dict[str, str] = {}
    for source in (own, other):  # own wins on a word in both
        for level, phrases in source.get("levels", {}).items():
            for phrase in _strings(level, phrases):
                levels.setdefault(loose(phrase), level)
    several = sorted(((p, lv) for p, lv in levels.items() if " " in p), key=lambda x: len(x[0]), reverse=True)
    names: dict[str, str] = {}
    for entry in _load("languages"):
        shown = entry.get(locale) or entry[DEFAULT]
        for spelling in [entry[k] for k in sorted(locales()) if k in entry] + entry.get("also", []):
            names.setdefault(loose(spelling), shown)
    hours = {kind: _strings(kind, (own.get("hours") or {}).get(kind, []) + (other.get("hours") or {}).get(kind, []))
             for kind in ("full", "part", "both")}
    own_licence, other_licence = own.get("licence") or {}, other.get("licence") or {}

    def licence(key: str) -> list[str]:
        return _strings(key, own_licence.get(key, []) + other_licence.get(key, []))

    licence_words = {loose(w): c for w, c in {**other_licence.get("words", {}), **own_licence.get("words", {})}.items()}
    return Words(locale=locale, conjunctions=tuple(loose(w) for w in merged("conjunctions")),
                 level_phrases=tuple(several), level_words={p: lv for p, lv in levels.items() if " " not in p},
                 fillers=frozenset(loose(w) for w in merged("language_fillers")),
                 none_more=_phrases(merged("none_more")), profile_yes=_phrases(merged("profile_yes")),
                 marker=own["infinitive_marker"], leads={s: _lead(own["leads"].get(s)) for s in LEAD_STEPS},
                 names=names,
                 hours={kind: _hours(kind, alts) for kind, alts in hours.items()},
                 start_now=_words_re(merged("start_now")), licence_words=licence_words,
                 licence_none=_words_re(licence("none")), licence_yes=_words_re(licence("yes"), start="^"),
                 upper_only=frozenset(licence("upper_only")))


def language_name(name: str, locale: str | None) -> str:
    """A stored language name in a locale's words ('Engelsk' on an English CV is 'English'); unknown as written."""
    return words(locale).names.get(loose(name), name)
