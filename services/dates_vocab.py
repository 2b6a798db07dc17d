"""Date vocabulary per locale: data/<locale>_dates.yml, read once, merged with a fallback locale's words."""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).with_name("data")
SUFFIX = "_dates.yml"
DEFAULT = "da"
ZIPPED = ("weekdays", "months")  # entry i of one locale is entry i of the other (Monday, January first)
INDEXED = ("ordinals",)  # word i is day i + 1 in both locales: merged into [own word, other word]
OWN_ONLY = ("format", "fallback")  # display templates and the merge rule itself are never inherited


@lru_cache(maxsize=1)
def locales() -> frozenset[str]:
    """Locales that have a vocabulary file (listed once; user input never becomes a path)."""
    return frozenset(p.name[: -len(SUFFIX)] for p in DATA_DIR.glob(f"*{SUFFIX}"))


def resolve(locale: str | None) -> str:
    """The vocabulary's locale: exact, then the language part ('en-GB' -> 'en'), else Danish."""
    wanted = (locale or "").replace("_", "-").lower()
    for candidate in (wanted, wanted.split("-", 1)[0]):
        if candidate in locales():
            return candidate
    return DEFAULT


def _load(locale: str) -> dict[str, Any]:
    """One vocabulary file as written."""
    with (DATA_DIR / f"{locale}{SUFFIX}").open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def vocab(locale: str | None = DEFAULT) -> dict[str, Any]:
    """The vocabulary of a locale (resolved first), with its fallback locale's words merged in where allowed."""
    return _vocab(resolve(locale))


@lru_cache(maxsize=8)  # bounded: only resolved locale names reach it
def _vocab(locale: str) -> dict[str, Any]:
    """vocab() of a resolved locale, read once."""
    own = _load(locale)
    rule = own.get("fallback")
    if not rule:
        return own
    other = _vocab(resolve(rule["locale"]))
    pairs = other["fold"] + own["fold"]
    excluded = {key: {_fold_with(pairs, w) for w in words} for key, words in (rule.get("exclude") or {}).items()}
    merged = {key: value for key, value in other.items() if key not in OWN_ONLY}
    for key, value in own.items():
        merged[key] = value if key in OWN_ONLY or key not in other else _merge(
            key, value, other[key], excluded.get(key, set()), pairs)
    merged["fold"] = pairs
    return merged


def _merge(key: str, own: Any, other: Any, excluded: set[str], pairs: list[list[str]]) -> Any:
    """own's words plus other's words that are not excluded (compared folded); own wins on a clash."""
    def keep(word: Any) -> bool:
        return _fold_with(pairs, str(word)) not in excluded

    if key in ZIPPED:
        return [{**mine, **{field: mine.get(field, []) + [w for w in theirs.get(field, []) if keep(w)]
                            for field in ("words", "dotted", "abbr") if field in mine or field in theirs}}
                for mine, theirs in zip(own, other, strict=True)]
    if key in INDEXED:
        return [[mine, *([theirs] if keep(theirs) else [])] for mine, theirs in zip(own, other, strict=True)]
    if isinstance(own, dict) and isinstance(other, dict):
        return {**{k: v for k, v in other.items() if keep(k)}, **own}
    if isinstance(own, list) and isinstance(other, list):
        if key == "fold":
            return other + own
        return own + [w for w in other if isinstance(w, dict) or keep(w)]
    return own  # a flag or scalar: the locale's own setting


def _fold_with(pairs: list[list[str]], text: str) -> str:
    """Lower-case, apply the fold pairs in order, collapse whitespace."""
    folded = unicodedata.normalize("NFC", text).casefold()
    for src, dst in pairs:
        folded = folded.replace(src, dst)
    # Unicode spaces (no-break space etc.) become plain spaces so ASCII regexes see them.
    return " ".join(folded.split())


def fold(text: str, locale: str | None = DEFAULT) -> str:
    """Lower-case, fold Danish letters and their two-letter spellings (data file), collapse whitespace."""
    return _fold_with(vocab(locale)["fold"], text)
