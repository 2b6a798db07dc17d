"""i18n.format_datetime gives, for Danish, exactly what services.dates_format gives (many datetimes, DST, year end)."""
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import yaml

from i18n import LOCALES_DIR, format_datetime
from i18n.formats import STYLES, load_formats, resolve, validate_formats
from services.dates_format import format_date, format_date_long, format_slot

CPH = ZoneInfo("Europe/Copenhagen")
OLD = {"slot": format_slot, "long": format_date_long, "date": format_date}

# Hand-picked edges: DST changes (last Sunday of March/October, at 01:00 UTC), year end in UTC vs. local,
# single-digit days, midnight, naive (= local) and other zones.
EDGES = [
    datetime(2026, 3, 29, 0, 59, tzinfo=UTC), datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
    datetime(2026, 3, 29, 1, 30, tzinfo=UTC), datetime(2026, 3, 28, 23, 30, tzinfo=UTC),
    datetime(2026, 10, 25, 0, 30, tzinfo=UTC), datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
    datetime(2026, 10, 24, 22, 0, tzinfo=UTC), datetime(2026, 10, 25, 2, 30, tzinfo=CPH),
    datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=CPH),
    datetime(2026, 12, 31, 22, 59, tzinfo=UTC), datetime(2026, 12, 31, 23, 0, tzinfo=UTC),
    datetime(2026, 12, 31, 23, 30, tzinfo=UTC), datetime(2027, 1, 1, 0, 0, tzinfo=CPH),
    datetime(2026, 12, 1, 9, 0, tzinfo=UTC), datetime(2026, 2, 1, 8, 5, tzinfo=UTC),
    datetime(2028, 2, 29, 12, 0, tzinfo=UTC), datetime(2026, 12, 7, 0, 0, tzinfo=CPH),
    datetime(2026, 12, 1, 10, 0), datetime(2026, 7, 4, 23, 59), datetime(2026, 1, 1, 0, 0),
    datetime(2026, 6, 15, 3, 0, tzinfo=timezone(timedelta(hours=-5))),
    datetime(2026, 6, 15, 3, 0, tzinfo=timezone(timedelta(hours=9, minutes=30))),
]
# A sweep: every 7 h 13 min for two years hits every weekday, month, day of month and many clock times.
SWEEP = [datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=433 * i) for i in range(2 * 365 * 24 * 60 // 433)]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("moment", EDGES, ids=lambda m: m.isoformat())
def test_danish_matches_services_dates_format_on_edges(moment, style):
    assert format_datetime(moment, style, "da") == OLD[style](moment)


@pytest.mark.parametrize("style", STYLES)
def test_danish_matches_services_dates_format_on_a_two_year_sweep(style):
    mismatches = [(m, format_datetime(m, style, "da"), OLD[style](m)) for m in SWEEP
                  if format_datetime(m, style, "da") != OLD[style](m)]
    assert len(SWEEP) > 2000 and not mismatches[:5]


@pytest.mark.parametrize(("moment", "style", "expected"), [
    (datetime(2026, 12, 1, 9, 0, tzinfo=UTC), "slot", "tir. 1. dec. kl. 10:00"),
    (datetime(2026, 12, 1, 9, 0, tzinfo=UTC), "long", "tirsdag den 1. december 2026 kl. 10:00"),
    (datetime(2026, 12, 7, 9, 0, tzinfo=UTC), "date", "mandag den 7. december 2026"),
    (datetime(2026, 3, 29, 1, 0, tzinfo=UTC), "slot", "søn. 29. mar. kl. 03:00"),  # summer time starts
    (datetime(2026, 10, 25, 1, 0, tzinfo=UTC), "slot", "søn. 25. okt. kl. 02:00"),  # the second 02:00
    (datetime(2026, 12, 31, 23, 30, tzinfo=UTC), "long", "fredag den 1. januar 2027 kl. 00:30"),
    (datetime(2026, 5, 2, 8, 0, tzinfo=UTC), "slot", "lør. 2. maj kl. 10:00"),
])
def test_known_danish_labels(moment, style, expected):
    assert format_datetime(moment, style, "da") == expected


@pytest.mark.parametrize("locale", ["xx", "", "da-DK", "da_dk", "../da", "DA"])
def test_unknown_or_regional_locale_falls_back_to_danish(locale):
    moment = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    assert format_datetime(moment, "long", locale) == format_datetime(moment, "long", "da")
    assert resolve(locale) == "da"


def test_unknown_style_raises():
    with pytest.raises(ValueError):
        format_datetime(datetime(2026, 12, 1, tzinfo=UTC), "short", "da")


@pytest.mark.parametrize("folder", sorted(p for p in LOCALES_DIR.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_every_locale_formats_file_is_complete(folder):
    data = load_formats(folder.name)
    assert len(data["weekdays"]) == 7 and len(data["months"]) == 12 and set(STYLES) <= set(data["styles"])


def test_incomplete_formats_file_is_rejected():
    data = yaml.safe_load((LOCALES_DIR / "da" / "formats.yml").read_text(encoding="utf-8"))
    data["months"] = data["months"][:11]
    with pytest.raises(ValueError):
        validate_formats(data, "test")


def test_no_danish_names_in_python():
    source = (LOCALES_DIR.parent / "formats.py").read_text(encoding="utf-8")
    assert not any(word in source.lower() for word in ("mandag", "januar", "december", "kl.", "æ", "ø", "å"))
