"""Understand CV answers typed in a chat: lists, languages with level, driving licences, hours, contact details.

Periods are in services.cv.periods (parse_period and follow_up are re-exported here). Matching is loose
(services.cv.text.loose): case, æ/ø/å written as ae/oe/aa or without, small typos.
"""
from __future__ import annotations

import re

from services.cv.model import Language
from services.cv.periods import follow_up, parse_period
from services.cv.text import capitalise, close_to, loose, tidy
from services.cv.words import Words, words

__all__ = ["follow_up", "parse_email", "parse_hours", "parse_languages", "parse_licences", "parse_list", "parse_name",
           "parse_period", "parse_phone", "parse_start", "parse_yes_no", "says_none"]


# Lists ("truck, kasse og kundeservice"), languages with level, driving licences.

_LIST_SPLIT = re.compile(r"\s*(?:[,;\n+&•·]|\s/\s|/|\bog\b|\bsamt\b|\bplus\b|\band\b)\s*", re.I)
_LEAD_INS = re.compile(r"^(?:jeg (?:er god til|kan|har|taler|snakker|har taget|har et|har en)|fx|f\.eks\.?|"
                       r"bl\.a\.?|blandt andet|det er|mine (?:kompetencer|evner) er)\s+", re.I)
_TAIL = re.compile(r"\s*(?:osv\.?|m\.?m\.?|etc\.?|og (?:meget )?mere|med mere)\s*$", re.I)
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+", re.M)


def parse_list(text: str, limit: int = 20) -> list[str]:
    """Several items in one answer: 'truck, kasse og kundeservice' → ['Truck', 'Kasse', 'Kundeservice'].

    Split at commas, semicolons, lines, bullets, '/', '+', 'og', 'samt'; 'lager- og logistikarbejde' stays one.
    """
    text = _BULLET.sub("", text.strip())
    text = re.sub(r"(\w)- og ", lambda m: m.group(1) + "-\x00", text)  # 'lager- og logistik...' is one item
    items: list[str] = []
    seen: set[str] = set()
    for part in _LIST_SPLIT.split(text):
        item = tidy(_TAIL.sub("", _LEAD_INS.sub("", part.replace("\x00", " og ").strip())).strip(" .-"), 80)
        key = loose(item)
        if item and key not in seen and re.search(r"\w", item):
            seen.add(key)
            items.append(capitalise(item))
    return items[:limit]


def _tokens(chunk: str) -> list[tuple[str, str]]:
    """The words of a chunk as written and folded ('Modersmål' → ('Modersmål', 'modersmal'))."""
    return [(t, loose(t)) for t in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", chunk)]


def _language(chunk: str, w: Words) -> tuple[str | None, str | None, bool]:
    """(name, level, known) of one chunk: a known name in the locale's words, else the other words as written."""
    tokens = _tokens(chunk)
    folded = [f for _, f in tokens]
    used: set[int] = set()
    level = None
    for phrase, lv in w.level_phrases:  # 'ikke så godt' before 'godt', 'a little' before 'little'
        parts = phrase.split()
        at = next((i for i in range(len(folded) - len(parts) + 1) if folded[i:i + len(parts)] == parts), None)
        if at is not None:
            level = level or lv
            used |= set(range(at, at + len(parts)))
    for i, word in enumerate(folded):
        if i not in used and word in w.level_words:
            level = level or w.level_words[word]
            used.add(i)
    # 'Sign language' is a name although 'language' alone is a filler word
    name = w.names.get(" ".join(folded[i] for i in range(len(tokens)) if i not in used))
    used |= {i for i, word in enumerate(folded) if word in w.fillers}
    rest = [tokens[i] for i in range(len(tokens)) if i not in used]
    if not rest:
        return name, level, name is not None
    name = name or w.names.get(" ".join(f for _, f in rest))
    for _, word in rest:
        name = name or close_to(word, w.names, cutoff=0.84)
    if name is not None:
        return name, level, True
    written = " ".join(t for t, _ in rest)
    return (capitalise(tidy(written, 40)) if len(rest) <= 3 else None), level, False


def parse_languages(text: str, locale: str = "da") -> list[Language]:
    """'dansk flydende, engelsk godt og lidt tysk' → Dansk (fluent), Engelsk (good), Tysk (basic); names in the
    locale's words ('Arabic mother tongue' → Arabic (native) in English).

    A name not in services/cv/data/languages.yml is kept as written when it has a level or stands beside a known
    language ('Wolof fluent'); an answer with neither ('ved ikke') gives nothing, so the question is asked again.
    """
    w = words(locale)
    joins = "|".join(rf"\b{re.escape(c)}\b" for c in w.conjunctions)
    chunks = [_language(c, w) for c in re.split(rf"\s*(?:[,;\n/]|{joins})\s*", text, flags=re.I) if c.strip()]
    any_known = any(known for _, _, known in chunks)
    found: dict[str, Language] = {}
    for name, level, known in chunks:
        if name is None or not (known or level or any_known):
            continue
        previous = found.get(loose(name))
        found[loose(name)] = Language(name=previous.name if previous else name,
                                      level=level or (previous.level if previous else None))
    return list(found.values())


LICENCE_ORDER = ("AM", "A1", "A2", "A", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE")


def _categories(codes: set[str] | list[str], flags: int) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(sorted(codes, key=lambda c: (-len(c), c))) + r")\b", flags)


def parse_licences(text: str, locale: str = "da") -> list[str] | None:
    """Driving licence categories ('B og C', 'almindeligt kørekort', 'lastbilkørekort', 'truck licence'); [] for
    none ('nej', 'har ikke kørekort', 'no'), None if not understood. Words: services/cv/data/<locale>.yml."""
    w = words(locale)
    folded = loose(text)
    caseless = _categories([c for c in LICENCE_ORDER if c not in w.upper_only], re.I)
    found = {m.upper() for m in caseless.findall(text)} | set(_categories(w.upper_only, 0).findall(text))
    found |= {cat for word, cat in w.licence_words.items() if re.search(rf"\b{re.escape(word)}", folded)}
    if not found and w.licence_none.search(folded):
        return []
    if not found and w.licence_yes.match(folded):
        found = {"B"}
    return [c for c in LICENCE_ORDER if c in found] or None


# Job wishes: hours and from when.

def parse_hours(text: str, locale: str = "da") -> str:
    """'full', 'part', 'both', or the answer as written ('weekend og aften')."""
    hours = words(locale).hours
    folded = loose(text)
    full, part = hours["full"].search(folded), hours["part"].search(folded)
    if hours["both"].search(folded) or (full and part):
        return "both"
    if full:
        return "full"
    if part and not re.search(r"\d", folded):
        return "part"
    return tidy(text, 80)  # '25 timer', 'weekend og aften': the citizen's own words


def parse_start(text: str, locale: str = "da") -> str:
    """'now' for 'med det samme', 'straks', 'nu' ('right away'); otherwise the answer as written ('1. marts')."""
    return "now" if words(locale).start_now.search(loose(text)) else tidy(text, 80)


# Contact details.

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def parse_phone(text: str) -> str | None:
    """A phone number, spaced for reading: Danish '12 34 56 78' (optionally +45), or a foreign '+46 ...'."""
    digits = re.sub(r"[\s\-().]", "", text)
    dk = re.fullmatch(r"(?:\+45|0045)?(\d{8})", digits)
    if dk:
        n = dk.group(1)
        return " ".join(n[i:i + 2] for i in range(0, 8, 2))
    foreign = re.fullmatch(r"(?:\+|00)(\d{9,15})", digits)
    return f"+{foreign.group(1)}" if foreign else None


def parse_email(text: str) -> str | None:
    match = _EMAIL.search(text.strip())
    return match.group(0).lower().rstrip(".") if match else None


_NAME_LEAD = re.compile(r"^(?:jeg hedder|mit navn er|navn ?:|det er|jeg er)\s+", re.I)


def parse_name(text: str) -> str | None:
    """A name as it should stand on the CV ('mette hansen' → 'Mette Hansen'); None if it cannot be one."""
    name = tidy(_NAME_LEAD.sub("", text.strip()), 80).rstrip(".!")
    if not re.fullmatch(r"[^\W\d_]+(?:[ '\-.][^\W\d_]+)*", name) or len(name) < 2:
        return None
    return " ".join(capitalise(w) if w.islower() else w for w in name.split(" ")) if name.islower() else name


# Short answers.

_YES = re.compile(r"^(?:ja|jo|jep|jaa|ok|okay|gerne|yes|det er fint|fint|korrekt|rigtigt|slet)\b")
_NO = re.compile(r"^(?:nej|nope|nix|ikke|behold|fortryd|stop|annuller|no)\b")


def parse_yes_no(text: str) -> bool | None:
    folded = loose(text)
    if _NO.match(folded):
        return False
    return True if _YES.match(folded) else None


def says_none(text: str, locale: str = "da") -> bool:
    """'nej', 'ingen', 'ikke flere', 'det er alt', 'færdig' ('no more', 'none', "that's all" in English): no (more)
    entries; only as a short answer. The words are in services/cv/data/<locale>.yml."""
    folded = loose(text).replace("’", "'")
    return len(folded.split()) <= 6 and bool(words(locale).none_more.match(folded))
