"""Dates and times shown to citizens, per locale, from i18n/locales/<locale>/formats.yml."""
from __future__ import annotations

from datetime import datetime
from functools import cache, lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from i18n.catalog import DEFAULT_LOCALE, LOCALES_DIR

# The job centres are Danish: times are Copenhagen time in every language, so the zone is not per locale.
TZ = ZoneInfo("Europe/Copenhagen")
STYLES = ("slot", "long", "date")
FORMATS_FILE = "formats.yml"


def validate_formats(data: Any, source: str) -> dict[str, Any]:
    """The formats data if complete; ValueError naming the file otherwise (caught at first use and by tests)."""
    ok = (isinstance(data, dict) and len(data.get("weekdays") or []) == 7 and len(data.get("months") or []) == 12
          and all(isinstance(e, dict) and {"name", "short"} <= set(e) for e in data["weekdays"] + data["months"])
          and isinstance(data.get("styles"), dict) and set(STYLES) <= set(data["styles"]))
    if not ok:
        raise ValueError(f"{source}: needs 7 weekdays and 12 months with name and short, and styles {STYLES}")
    checked: dict[str, Any] = data
    return checked


@lru_cache(maxsize=1)
def _available() -> frozenset[str]:
    """Locale folders that have a formats file (listed once; user input never becomes a path)."""
    return frozenset(p.name for p in LOCALES_DIR.iterdir() if (p / FORMATS_FILE).is_file())


def resolve(locale: str | None) -> str:
    """The locale whose formats apply: exact, then the language part ('da-DK' -> 'da'), else the default."""
    if locale:
        wanted = locale.replace("_", "-").lower()
        for candidate in (wanted, wanted.split("-", 1)[0]):
            if candidate in _available():
                return candidate
    return DEFAULT_LOCALE


@cache  # bounded: only resolved locale names reach it
def load_formats(locale: str) -> dict[str, Any]:
    """The formats file of a locale (resolved first), read once and checked for completeness."""
    path = LOCALES_DIR / resolve(locale) / FORMATS_FILE
    with path.open(encoding="utf-8") as fh:
        return validate_formats(yaml.safe_load(fh), str(path))


def to_local(moment: datetime) -> datetime:
    """Copenhagen local time of an aware datetime; a naive one is taken as local already (as services.dates does)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=TZ)
    return moment.astimezone(TZ)


def format_datetime(moment: datetime, style: str, locale: str) -> str:
    """A moment as text in a style ('slot', 'long' or 'date'); an unknown locale is shown as the default locale."""
    if style not in STYLES:
        raise ValueError(f"unknown date style {style!r}; use one of {STYLES}")
    data = load_formats(resolve(locale))
    local = to_local(moment)
    weekday, month = data["weekdays"][local.weekday()], data["months"][local.month - 1]
    fields = {
        "weekday": weekday["name"], "weekday_short": weekday["short"],
        "day": local.day, "month": month["name"], "month_short": month["short"], "year": local.year,
        "hhmm": f"{local.hour:02d}:{local.minute:02d}", "hour": f"{local.hour:02d}", "minute": f"{local.minute:02d}",
    }
    return str(data["styles"][style]).format(**fields)
