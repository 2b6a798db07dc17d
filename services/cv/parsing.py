"""Understand CV answers typed in a chat: lists, languages with level, driving licences, hours, contact details.

Periods are in services.cv.periods (parse_period and follow_up are re-exported here). Matching is loose
(services.cv.text.loose): case, æ/ø/å written as ae/oe/aa or without, small typos.
"""
from __future__ import annotations

import re

from services.cv.model import Language
from services.cv.periods import follow_up, parse_period
from services.cv.text import capitalise, close_to, loose, tidy

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


LANGUAGES = {"dansk": "Dansk", "engelsk": "Engelsk", "tysk": "Tysk", "fransk": "Fransk", "spansk": "Spansk",
             "italiensk": "Italiensk", "portugisisk": "Portugisisk", "svensk": "Svensk", "norsk": "Norsk",
             "islandsk": "Islandsk", "finsk": "Finsk", "hollandsk": "Hollandsk", "polsk": "Polsk",
             "rumensk": "Rumænsk", "bulgarsk": "Bulgarsk", "ungarsk": "Ungarsk", "litauisk": "Litauisk",
             "lettisk": "Lettisk", "estisk": "Estisk", "russisk": "Russisk", "ukrainsk": "Ukrainsk",
             "tjekkisk": "Tjekkisk", "slovakisk": "Slovakisk", "serbisk": "Serbisk", "kroatisk": "Kroatisk",
             "bosnisk": "Bosnisk", "albansk": "Albansk", "gresk": "Græsk", "tyrkisk": "Tyrkisk",
             "arabisk": "Arabisk", "kurdisk": "Kurdisk", "persisk": "Persisk", "farsi": "Farsi", "dari": "Dari",
             "pashto": "Pashto", "urdu": "Urdu", "hindi": "Hindi", "punjabi": "Punjabi", "tamilsk": "Tamilsk",
             "somali": "Somali", "somalisk": "Somali", "tigrinya": "Tigrinya", "amharisk": "Amharisk",
             "vietnamesisk": "Vietnamesisk", "thai": "Thai", "kinesisk": "Kinesisk", "japansk": "Japansk",
             "filippinsk": "Filippinsk", "tagalog": "Tagalog", "gronlandsk": "Grønlandsk", "feros": "Færøsk",
             "feroisk": "Færøsk", "tegnsprog": "Tegnsprog", "english": "Engelsk", "danish": "Dansk",
             "german": "Tysk"}
LEVEL_PHRASES = [("ikke sa godt", "basic"), ("en smule", "basic"), ("rigtig godt", "fluent"),
                 ("meget godt", "fluent"), ("rigtig god", "fluent"), ("meget god", "fluent")]
LEVEL_WORDS = {"modersmal": "native", "modersmaal": "native", "native": "native", "flydende": "fluent",
               "perfekt": "fluent", "fluent": "fluent", "flytende": "fluent", "godt": "good", "god": "good",
               "fint": "good", "ok": "good", "okay": "good", "middel": "good", "nogenlunde": "basic",
               "lidt": "basic", "smule": "basic", "begynder": "basic", "grundlegende": "basic",
               "basis": "basic", "basal": "basic", "noget": "basic", "good": "good", "basic": "basic"}


def parse_languages(text: str) -> list[Language]:
    """'dansk flydende, engelsk godt og lidt tysk' → Dansk (fluent), Engelsk (good), Tysk (basic)."""
    found: dict[str, Language] = {}
    for chunk in re.split(r"\s*(?:[,;\n/]|\bog\b|\bsamt\b)\s*", loose(text)):
        level = next((lv for phrase, lv in LEVEL_PHRASES if phrase in chunk), None)
        name = None
        for word in re.findall(r"[a-z]+", chunk):
            level = level or LEVEL_WORDS.get(word)
            if name is None and word not in LEVEL_WORDS and word not in ("taler", "kan", "jeg", "snakker", "sprog"):
                name = close_to(word, LANGUAGES, cutoff=0.84)
        if name is not None:
            previous = found.get(name)
            found[name] = Language(name=name, level=level or (previous.level if previous else None))
    return list(found.values())


LICENCE_ORDER = ("AM", "A1", "A2", "A", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE")
LICENCE_WORDS = {"bil": "B", "personbil": "B", "almindeligt": "B", "almindelig": "B", "lastbil": "C",
                 "stort": "C", "bus": "D", "motorcykel": "A", "knallert": "AM", "trailer": "BE",
                 "anhenger": "BE", "sattelschlepper": "CE", "lastvogntog": "CE"}
_CASELESS = re.compile(r"\b(am|a1|a2|be|b|c1e|c1|ce|c|d1e|d1)\b", re.I)
_UPPER = re.compile(r"\b(A|D|DE)\b")
_NONE = re.compile(r"\b(?:nej|ingen|intet|ikke|nix|nope)\b")


def parse_licences(text: str) -> list[str] | None:
    """Driving licence categories ('B og C', 'almindeligt kørekort', 'lastbilkørekort'); [] for none ('nej',
    'har ikke kørekort'), None if not understood."""
    folded = loose(text)
    found = {m.upper() for m in _CASELESS.findall(text)} | set(_UPPER.findall(text))
    found |= {cat for word, cat in LICENCE_WORDS.items() if re.search(rf"\b{word}", folded)}
    if not found and _NONE.search(folded):
        return []
    if not found and re.match(r"^(?:ja|jo|jep|ja tak)\b", folded):
        found = {"B"}
    return [c for c in LICENCE_ORDER if c in found] or None


# Job wishes: hours and from when.

def parse_hours(text: str) -> str:
    """'full', 'part', 'both', or the answer as written ('weekend og aften')."""
    folded = loose(text)
    full = re.search(r"\bfuld ?tid|\bfuldtids|\b3[7-9] ?timer|\b40 ?timer", folded)
    part = re.search(r"\bdel ?tid|\bdeltids|\bflex|\b(?:[1-9]|[12]\d|3[0-6]) ?timer", folded)
    if re.search(r"\bbegge\b|\blige ?meget\b|\bligegyldig|\bbade\b|\balt\b", folded) or (full and part):
        return "both"
    if full:
        return "full"
    if part and not re.search(r"\d", folded):
        return "part"
    return tidy(text, 80)  # '25 timer', 'weekend og aften': the citizen's own words


def parse_start(text: str) -> str:
    """'now' for 'med det samme', 'straks', 'nu'; otherwise the answer as written ('1. marts')."""
    if re.search(r"\b(?:straks|med det samme|nu|hurtigst muligt|snarest|asap|i morgen|nu og her)\b", loose(text)):
        return "now"
    return tidy(text, 80)


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
_NONE_MORE = re.compile(r"^(?:nej|nix|ingen|intet|ikke (?:flere|mere|noget)|det er (?:alt|det)|fer?dig|videre|"
                        r"har (?:ikke|ingen|aldrig)|nope|spring over|0)\b")


def parse_yes_no(text: str) -> bool | None:
    folded = loose(text)
    if _NO.match(folded):
        return False
    return True if _YES.match(folded) else None


def says_none(text: str) -> bool:
    """'nej', 'ingen', 'ikke flere', 'det er alt', 'færdig': no (more) entries; only as a short answer."""
    folded = loose(text)
    return len(folded.split()) <= 6 and bool(_NONE_MORE.match(folded))
