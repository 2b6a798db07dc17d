"""Periods typed in a chat: '2019-2022', 'jan 2020 til nu', 'fra marts 2018 og 3 år frem', '3 år', 'maj 19 - aug 21'.

A Period comes back complete, or partial when only part was given (a duration, or only a start or an end),
so the flow can ask for the rest (follow_up). Everything is matched loosely (services.cv.text.loose): case,
æ/ø/å as ae/oe/aa or a/o/e, small typos in month names. Words not understood are ignored; nothing
understood, or an impossible period (ends before it starts, starts more than a year ahead), gives None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from services.cv.model import Period, YearMonth
from services.cv.text import close_to, loose

MONTHS = {"januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7, "august": 8,
          "september": 9, "oktober": 10, "november": 11, "december": 12,
          "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10}
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
              "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12}
NUMBER_WORDS = {"en": 1, "et": 1, "1": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8,
                "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "halvandet": 1.5, "et halvt": 0.5, "halvt": 0.5,
                "et par": 2}
NOW = r"i ?dag|d\.? ?d\.?|nu|nuverende|stadig|fortsat|endnu|i gang|igang|present|now|today"
MAX_AHEAD_YEARS = 8  # an education may end some years from now
OLDEST_YEAR = 1940

_NUMBER = r"\d+(?:[.,]5)?(?: ?1/2)?|" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_TOKEN = re.compile(
    rf"(?P<ago>\bfor (?P<ago_n>{_NUMBER}) ?(?P<ago_u>ar|maneder|maned|mdr|mnd|md)\.? siden\b)"
    rf"|(?P<dur>\b(?P<dur_n>{_NUMBER}) ?(?P<dur_u>ar|arig|maneder|maned|mdr|mnd|md|uger|uge)\b\.?)"
    r"|(?P<my>\b(?P<my_m>0?[1-9]|1[0-2]) ?[/.] ?(?P<my_y>(?:19|20)?\d\d)\b)"
    r"|(?P<year>\b(?:19|20)\d\d\b)"
    r"|(?P<apos>['´`’](?P<apos_y>\d\d)\b)"
    r"|(?P<num2>\b\d\d\b)"
    rf"|(?P<now>\b(?:{NOW})\b)"
    r"|(?P<since>\b(?:siden|since)\b)"
    r"|(?P<start>\b(?:fra|from|startede|begyndte)\b)"
    r"|(?P<to>\b(?:til|till|indtil|to|until|sluttede|slut)\b)"
    r"|(?P<last>\b(?:sidste|seneste)\b)"
    r"|(?P<summer>\bsommer(?:en)?\b)"
    r"|(?P<dash>-)"
    r"|(?P<word>[a-z]+)"
)


def month_of(word: str) -> int | None:
    """A month from its name, abbreviation or a misspelling of it ('febuar', 'sept', 'Okt.')."""
    word = word.strip(".")
    if word in MONTH_ABBR or word in MONTHS:
        return MONTH_ABBR.get(word) or MONTHS[word]
    if len(word) >= 4 and word[:3] in MONTH_ABBR | {"maj": 5}:
        full = [n for n, m in MONTHS.items() if n.startswith(word)]
        if full:
            return MONTHS[full[0]]
    if len(word) < 5:
        return None
    near = {n: m for n, m in MONTHS.items() if abs(len(n) - len(word)) <= 1}
    return close_to(word, near, cutoff=0.75)


def _amount(raw: str) -> float:
    raw = raw.strip()
    if raw in NUMBER_WORDS:
        return float(NUMBER_WORDS[raw])
    half = 0.5 if raw.endswith("1/2") else 0.0
    return float(raw.removesuffix("1/2").strip().replace(",", ".")) + half


def _months(amount: str, unit: str) -> int:
    per = 12 if unit.startswith("ar") else (0.25 if unit.startswith("uge") else 1)
    return max(1, round(_amount(amount) * per))


def _two_digit_year(yy: int, today: date) -> int:
    return 2000 + yy if yy <= today.year % 100 + 1 else 1900 + yy


@dataclass
class _Point:
    year: int | None
    month: int | None
    summer: bool = False


@dataclass
class _Tok:
    kind: str  # P (a point), DUR (months), Y (a year), N2 (two digits), M (a month), NOW, SINCE, START, TO, ...
    value: int = 0
    point: _Point | None = None


def _tokens(text: str, today: date) -> list[_Tok]:
    """The period tokens of a loose text, with months joined to their years (see _points)."""
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or ""
        if kind == "ago":
            months = _months(m["ago_n"], m["ago_u"])
            point = YearMonth.of(today).plus(-months)
            out.append(_Tok("P", point=_Point(point.year, None if m["ago_u"].startswith("ar") else point.month)))
        elif kind == "dur":
            months = _months(m["dur_n"], m["dur_u"])
            if out and out[-1].kind == "DUR":  # '1 år og 3 måneder'
                months += out.pop().value
            out.append(_Tok("DUR", months))
        elif kind == "my":
            year = int(m["my_y"])
            out.append(_Tok("P", point=_Point(year if year > 99 else _two_digit_year(year, today), int(m["my_m"]))))
        elif kind in ("year", "apos"):
            year = int(m["year"]) if kind == "year" else _two_digit_year(int(m["apos_y"]), today)
            out.append(_Tok("Y", year))
        elif kind == "num2":
            out.append(_Tok("N2", int(m["num2"])))
        elif kind == "word":
            month = month_of(m["word"])
            if month is not None:
                out.append(_Tok("M", month))
        elif kind == "summer":
            out.append(_Tok("SUMMER", 6))
        elif kind:
            out.append(_Tok(kind.upper()))
    return _points(out, today)


def _points(raw: list[_Tok], today: date) -> list[_Tok]:
    """Join months with their years ('maj 19', 'jan. 2020') and read year ranges ('19-21', '2019-22') as points."""
    out: list[_Tok] = []
    i = 0
    while i < len(raw):
        tok = raw[i]
        nxt = raw[i + 1] if i + 1 < len(raw) else _Tok("")
        after = raw[i + 2] if i + 2 < len(raw) else _Tok("")
        if tok.kind in ("M", "SUMMER"):
            year = None
            if nxt.kind in ("Y", "N2"):
                year = nxt.value if nxt.kind == "Y" else _two_digit_year(nxt.value, today)
                i += 1
            out.append(_Tok("P", point=_Point(year, tok.value, tok.kind == "SUMMER")))
        elif tok.kind == "Y" and nxt.kind == "DASH" and after.kind == "N2":
            if after.value >= tok.value % 100:  # '2019-22'
                out += [_Tok("P", point=_Point(tok.value, None)), _Tok("DASH"),
                        _Tok("P", point=_Point(tok.value // 100 * 100 + after.value, None))]
            elif 1 <= after.value <= 12:  # '2019-05': May 2019
                out.append(_Tok("P", point=_Point(tok.value, after.value)))
            i += 2
        elif tok.kind == "Y":
            out.append(_Tok("P", point=_Point(tok.value, None)))
        elif tok.kind == "N2" and nxt.kind in ("DASH", "TO") and after.kind == "N2":  # '19-21'
            out += [_Tok("P", point=_Point(_two_digit_year(tok.value, today), None)), _Tok(nxt.kind),
                    _Tok("P", point=_Point(_two_digit_year(after.value, today), None))]
            i += 2
        elif tok.kind != "N2":  # a lone two-digit number is a day ('15. marts') or noise
            out.append(tok)
        i += 1
    return out


def _years_filled(points: list[_Point], today: date, ongoing: bool) -> bool:
    """Give a month without year the year of its neighbour ('jan-mar 2020'); False if none can be found."""
    for i, p in enumerate(points):
        if p.year is not None:
            continue
        later = next((q for q in points[i + 1:] if q.year is not None), None)
        earlier = next((q for q in reversed(points[:i]) if q.year is not None), None)
        if later is not None and later.year is not None:
            p.year = later.year - (1 if p.month and later.month and p.month > later.month else 0)
        elif earlier is not None and earlier.year is not None:
            p.year = earlier.year + (1 if p.month and earlier.month and p.month < earlier.month else 0)
        elif len(points) == 1 and ongoing and p.month:  # 'siden januar': the latest January
            p.year = today.year if p.month <= today.month else today.year - 1
        else:
            return False
    return True


def parse_period(text: str, today: date) -> Period | None:
    """A period from a chat answer, complete or partial (see Period); None when nothing is understood or it is
    impossible (ends before it starts, starts more than a year ahead, before 1940)."""
    tokens = _tokens(re.sub(r"[–—‒−]", "-", loose(text)), today)
    kinds = [t.kind for t in tokens]
    points = [t.point for t in tokens if t.point is not None]
    months = sum(t.value for t in tokens if t.kind == "DUR")
    now = "NOW" in kinds or "LAST" in kinds
    since = "SINCE" in kinds
    first = kinds.index("P") if points else len(kinds)
    trailing_dash = len(points) == 1 and kinds[-1] == "DASH" and first < len(kinds) - 1
    to_first, from_first = "TO" in kinds[:first], "START" in kinds[:first]
    if not _years_filled(points, today, now or since or trailing_dash):
        return None
    ym = [YearMonth(year=p.year or 0, month=p.month) for p in points]
    if len(ym) >= 2:
        end = YearMonth(year=ym[-1].year, month=8) if points[-1].summer else ym[-1]
        period = Period(start=ym[0], end=end)
    elif len(ym) == 1:
        p = ym[0]
        if points[0].summer and not (now or since or months):
            period = Period(start=p, end=YearMonth(year=p.year, month=8))
        elif now or since or trailing_dash:
            period = Period(start=p, ongoing=True)
        elif months:
            period = Period(start=p.plus(-months), end=p) if to_first else Period(start=p, end=p.plus(months))
        elif from_first:
            period = Period(start=p)
        elif to_first:
            period = Period(end=p)
        else:
            period = Period(start=p, end=p)
    elif months and now:  # 'de sidste 3 år', '2 år til nu'
        period = Period(start=YearMonth.of(today).plus(-months), ongoing=True)
    elif months:
        period = Period(months=months)
    elif now:
        period = Period(ongoing=True)
    else:
        return None
    return period if _plausible(period, today) else None


def _plausible(period: Period, today: date) -> bool:
    now = YearMonth.of(today).index()
    for point, is_end in ((period.start, False), (period.end, True)):
        if point is None:
            continue
        if point.year < OLDEST_YEAR or point.year > today.year + MAX_AHEAD_YEARS:
            return False
        if not is_end and point.index() > now + 12:
            return False
    return not (period.start and period.end and period.start.index() > period.end.index(end=True))


def follow_up(partial: Period, text: str, today: date) -> Period | None:
    """Complete a partial period with the answer to 'when did it end?' ('when did it start?' for an end only).

    '3 år' + 'marts 2021' → marts 2018 - marts 2021; 'fra 2019' + 'nu' → 2019 - nu. A whole period replaces it.
    """
    answer = parse_period(text, today)
    if answer is None:
        return None
    point = None
    if not answer.ongoing and answer.months is None:
        if answer.start is not None and answer.end in (None, answer.start):
            point = answer.start
        elif answer.start is None:
            point = answer.end
    if point is None and answer.complete:
        return answer
    now_only = answer.ongoing and answer.start is None
    if partial.months:
        if now_only:
            return Period(start=YearMonth.of(today).plus(-partial.months), ongoing=True)
        if point is not None:
            return Period(start=point.plus(-partial.months), end=point)
    elif partial.start is not None:
        if now_only:
            return Period(start=partial.start, ongoing=True)
        if point is not None and point.index(end=True) >= partial.start.index():
            return Period(start=partial.start, end=point)
    elif partial.end is not None and point is not None and point.index() <= partial.end.index(end=True):
        return Period(start=point, end=partial.end)
    return None


