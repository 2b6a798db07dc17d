"""What a citizen asks of their CV in words: 'kig på mit cv', 'ret min uddannelse', 'slet mit job hos Netto'.

parse_command() is deliberately narrow: the flow also uses it inside free-text answers, where only a message
that starts with an edit or delete verb and names a CV section (or a known entry) counts as a command.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from services.cv.model import CV
from services.cv.text import loose

Action = Literal["review", "pdf", "edit", "add", "delete", "delete_all", "show", "build"]

SECTION_PATTERNS = (
    ("contact", r"kontakt\w*|navn(?:et)?|telefon\w*|tlf|nummer|e-?mail\w*|mail\w*"),
    ("wishes", r"\w*onske\w*|soger job|arbejdstid\w*|ansettelsesbeting\w*|omrade\w*"),
    ("jobs", r"job(?:bet|s|bene)?|arbejde[t]?|\w*erfaring\w*|stilling\w*|ansettelse\w*|arbejdsplads\w*"),
    ("education", r"uddannelse\w*|udd|skole\w*"),
    ("courses", r"kurs\w*|certifikat\w*"),
    ("skills", r"kompetence\w*|evner|skills|ferdighed\w*"),
    ("languages", r"sprog\w*"),
    ("licence", r"korekort\w*"),
    ("profile", r"profil\w*|om mig"),
)
_EDIT = r"ret|rette|retter|endr\w*|rediger\w*|opdater\w*|skift\w*|lav om"
_ADD = r"tilfoj\w*|tilf|skriv (?:et|en|mit|min|nyt|ny)|add"
_DELETE = r"slet|slette|sletter|fjern\w*|delete"
_FILLER = r"\b(?:mit|min|mine|det|den|de|et|en|hele|jobbet|job|som|hos|fra|pa|i|ved|for|under|til|cv'?et|cv)\b"
_NOT_CV = re.compile(r"\b(?:data|oplysninger|alt om mig|mig|aftale\w*|samtale\w*|booking\w*|mode\w*)\b")


@dataclass(frozen=True)
class Command:
    action: Action
    section: str | None = None
    query: str = ""  # the rest, loose: 'netto' in 'slet mit job hos Netto'


def section_of(text: str) -> str | None:
    folded = loose(text)
    for section, pattern in SECTION_PATTERNS:
        if re.search(rf"\b(?:{pattern})\b", folded):
            return section
    return None


def _query(folded: str, verb: str) -> str:
    rest = re.sub(rf"^(?:{verb})\b", "", folded)
    for _, pattern in SECTION_PATTERNS:
        rest = re.sub(rf"\b(?:{pattern})\b", " ", rest)
    return re.sub(r"\s+", " ", re.sub(_FILLER, " ", rest)).strip(" .!?")


def parse_command(text: str, strict: bool = False) -> Command | None:
    """The command in a message, or None. strict (inside an answer): only edit/add/delete naming a section."""
    folded = loose(text).strip(" .!?")
    if not strict:  # 'jeg vil gerne rette mit job', 'kan du slette ...'
        folded = re.sub(r"^(?:(?:jeg|du) (?:vil|skal|kan|ma|gerne)|kan (?:jeg|du)|vil (?:du|jeg)|hvordan|hjelp mig med at|"
                        r"please)(?: (?:gerne|lige|have|godt))*(?: at)? ", "", folded)
    mentions_cv = bool(re.search(r"\bcv\w*", folded))
    section = section_of(folded)
    if re.match(rf"^(?:{_DELETE})\b", folded):
        if _NOT_CV.search(folded) and not mentions_cv:
            return None  # 'slet mine data', 'slet min aftale': not about the CV
        query = _query(folded, _DELETE)
        if mentions_cv and not section and not query:
            return Command("delete_all")
        if strict and not section:
            return None
        return Command("delete", section, query) if section or query else None
    if re.match(rf"^(?:{_ADD})\b", folded) and section:
        return Command("add", section)
    if re.match(rf"^(?:{_EDIT})\b", folded):
        if section:
            return Command("edit", section, _query(folded, _EDIT))
        return None if strict else Command("show")
    if strict:
        return None
    if re.search(r"\b(?:pdf|hent|download\w*|print\w*|udskriv\w*|send (?:mig )?mit cv|fil)\b", folded):
        return Command("pdf")
    if re.search(r"\b(?:kig\w*|tjek\w*|check\w*|gennemga\w*|vurder\w*|feedback|tips?|rad|mangler|las|lese|"
                 r"godt nok|forbedr\w*|se pa)\b", folded):
        return Command("review")
    if re.search(r"\b(?:se|vis)\b", folded) and mentions_cv:
        return Command("show")
    if re.search(r"\b(?:lav\w*|skriv\w*|opret\w*|start\w*|begynd\w*|fortset\w*|hjelp\w*|ny\w*)\b", folded) \
            and mentions_cv:
        return Command("build")
    return None


def find_entries(cv: CV, section: str | None, query: str) -> list[tuple[str, int]]:
    """Entries whose words hold the query ('netto' finds the job at Netto), in sections order."""
    q = loose(query)
    found: list[tuple[str, int]] = []

    def hit(*fields: str) -> bool:
        return bool(q) and any(q in loose(f) for f in fields if f)

    if section in (None, "jobs"):
        found += [("jobs", i) for i, j in enumerate(cv.jobs) if hit(j.title, j.employer) or (section and not q)]
    if section in (None, "education"):
        found += [("education", i) for i, e in enumerate(cv.education) if hit(e.title, e.school)
                  or (section and not q)]
    for name in ("courses", "skills"):
        if section in (None, name):
            found += [(name, i) for i, item in enumerate(getattr(cv, name)) if hit(item)]
    if section in (None, "languages"):
        found += [("languages", i) for i, lang in enumerate(cv.languages) if hit(lang.name)]
    return found
