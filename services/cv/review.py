"""'Kig på mit CV': concrete tips for this CV from written rules, in a fixed order of importance.

The rules (each a function below, in RULES order) follow the knowledge base's entry on the good CV
(knowledge/entries/national/tips.yml, id `cv`: 1-2 pages, results rather than tasks, explain gaps briefly;
source: Ballerup Kommune, Indsats- og aktiveringsstrategi, "De jobparate borgere (Det gode CV)") and Jobnet's
rules for a searchable CV:

1. jobnet      Jobnet shows a CV to employers only with uddannelse, arbejdserfaring, kontaktoplysninger,
               "jeg søger job som" and ansættelsesbetingelser filled in.
2. name        The CV needs the citizen's name.
3. contact     An employer must be able to call or write: a phone number or an e-mail.
4. gap         More than GAP_MONTHS between jobs and educations without explanation makes employers guess.
5. period      Every job and education needs its period (from–to).
6. tasks       A job without tasks says little: name the 2-4 most important.
7. results     Tasks without a result: what came of the work (more sales, fewer errors, trained new staff).
8. verbs       Tasks are read faster when they start with what you did ('betjente kunder', 'pakkede ordrer').
9. profile     A short profile at the top is what employers read first.
10. skills     Skills are what employers search for on Jobnet.
11. level      A language without a level ('engelsk: godt').
12. long       One or two pages: more than LONG_WORDS words will not fit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterator, Protocol

from services.cv.model import CV, SECTIONS, Period, YearMonth, jobnet_missing
from services.cv.present import JOBNET_KEYS, SECTION_KEYS, education_value, job_value, lines, ym_value
from services.cv.text import loose
from services.outgoing import Text, Value

GAP_MONTHS = 6
LONG_WORDS = 650
MAX_TIPS = 6
# Stems of verbs for what someone did at work (loose spelling: æ→e, ø→o, å→a); a task line that starts with
# or holds one of these, or a past tense in -ede, reads as an action.
ACTION_STEMS = (
    "afvikl", "ansvar", "besvar", "betjen", "bestil", "bygg", "byg", "fik ", "fulgt", "folg", "fyld", "gennemf",
    "gjorde", "hjalp", "hjelp", "handter", "indkob", "instru", "kontroller", "koordin", "korte", "kore ",
    "kommuni", "lavede", "lave ", "ledede", "ledte", "lede ", "lever", "modtog", "modtag", "opfyld", "oplert",
    "oplere", "opret", "optal", "ordn", "organis", "pak", "passede", "planl", "plej", "radgav", "radgiv",
    "registr", "rengjor", "rengor", "repar", "sikr", "solgte", "selg", "serv", "sorg", "sorter", "stod for",
    "styr", "tilbered", "tog mig af", "uddann", "underv", "udvikl", "vask", "vejled", "male", "malede", "tog ",
    "skrev", "svar", "sendte", "tjek", "kørte", "ryd", "sat ", "satte", "holdt", "fandt", "forbedr", "oget",
    "nedbrag", "reducer", "spar", "hjemtog", "ekspeder", "klargjor", "monter", "install", "produc", "svejs",
)


@dataclass(frozen=True)
class Tip:
    """One piece of advice: the rule that gave it and the text to show."""

    rule: str
    key: str
    values: dict[str, Value] = field(default_factory=dict)

    def text(self) -> Text:
        return Text(self.key, self.values)


def _interval(period: Period | None, today: date) -> tuple[int, int, Period] | None:
    if period is None or period.start is None:
        return None
    end = YearMonth.of(today).index() if period.ongoing else (period.end or period.start).index(end=True)
    return period.start.index(), end, period


def gaps(cv: CV, today: date) -> list[tuple[YearMonth, YearMonth]]:
    """Unexplained breaks of more than GAP_MONTHS between jobs and educations: (end of one, start of next)."""
    spans = sorted(filter(None, (_interval(x.period, today) for x in [*cv.jobs, *cv.education])),
                   key=lambda s: s[0])
    out: list[tuple[YearMonth, YearMonth]] = []
    if not spans:
        return out
    reach, last = spans[0][1], spans[0][2]
    for start, end, period in spans[1:]:
        if start - reach - 1 > GAP_MONTHS:
            assert period.start is not None
            out.append((last.end or last.start, period.start))  # type: ignore[arg-type]
        if end > reach:
            reach, last = end, period
    return out


def has_action(task: str) -> bool:
    text = f" {loose(task)} "
    return any(f" {stem}" in text for stem in ACTION_STEMS) or bool(re.search(r"\b[a-z]{3,}ede\b", text))


def _jobnet(cv: CV, today: date) -> Iterator[Tip]:
    missing = jobnet_missing(cv)
    if missing:
        yield Tip("jobnet", "cv.tip.jobnet", {"missing": lines([Text(JOBNET_KEYS[m]) for m in missing])})


def _name(cv: CV, today: date) -> Iterator[Tip]:
    if not cv.contact.name:
        yield Tip("name", "cv.tip.name")


def _contact(cv: CV, today: date) -> Iterator[Tip]:
    if not (cv.contact.phone or cv.contact.email):
        yield Tip("contact", "cv.tip.contact")


def _gap(cv: CV, today: date) -> Iterator[Tip]:
    for before, after in gaps(cv, today)[:2]:
        yield Tip("gap", "cv.tip.gap", {"before": ym_value(before), "after": ym_value(after)})


def _period(cv: CV, today: date) -> Iterator[Tip]:
    for entry in [*(job_value(j) for j in cv.jobs if not (j.period and j.period.start)),
                  *(education_value(e) for e in cv.education if not (e.period and e.period.start))][:2]:
        yield Tip("period", "cv.tip.period", {"entry": entry})


def _tasks(cv: CV, today: date) -> Iterator[Tip]:
    for job in [j for j in cv.jobs if not j.tasks][:2]:
        yield Tip("tasks", "cv.tip.tasks", {"entry": job_value(job)})


def _results(cv: CV, today: date) -> Iterator[Tip]:
    for job in [j for j in cv.jobs if j.tasks and not j.results][:2]:
        yield Tip("results", "cv.tip.results", {"entry": job_value(job)})


def _verbs(cv: CV, today: date) -> Iterator[Tip]:
    for job in [j for j in cv.jobs if j.tasks and not any(has_action(t) for t in j.tasks)][:2]:
        yield Tip("verbs", "cv.tip.verbs", {"entry": job_value(job)})


def _profile(cv: CV, today: date) -> Iterator[Tip]:
    if not cv.profile.text:
        yield Tip("profile", "cv.tip.profile")


def _skills(cv: CV, today: date) -> Iterator[Tip]:
    if not cv.skills:
        yield Tip("skills", "cv.tip.skills")


def _level(cv: CV, today: date) -> Iterator[Tip]:
    without = [lang.name for lang in cv.languages if not lang.level]
    if without:
        yield Tip("level", "cv.tip.level", {"languages": ", ".join(without)})


def word_count(cv: CV) -> int:
    texts = [cv.profile.text, *cv.skills, *cv.courses, *cv.wishes.titles]
    for job in cv.jobs:
        texts += [job.title, job.employer, *job.tasks, *job.results]
    texts += [f"{e.title} {e.school}" for e in cv.education]
    return sum(len(t.split()) for t in texts)


def _long(cv: CV, today: date) -> Iterator[Tip]:
    if word_count(cv) > LONG_WORDS:
        yield Tip("long", "cv.tip.long")


RULES: tuple[Callable[[CV, date], Iterator[Tip]], ...] = (
    _jobnet, _name, _contact, _gap, _period, _tasks, _results, _verbs, _profile, _skills, _level, _long)


def review(cv: CV, today: date) -> list[Tip]:
    """Every tip the rules give for this CV, most important first."""
    return [tip for rule in RULES for tip in rule(cv, today)]


class Labels(Protocol):
    def get(self, key: str, **values: Any) -> str: ...


def status_line(cv: CV | None, texts: Labels) -> str:
    """For a caseworker's handoff summary: which sections are filled and what Jobnet still lacks."""
    if cv is None or cv.is_empty():
        return texts.get("cv.status.none")
    filled = ", ".join(texts.get(SECTION_KEYS[s]).lower() for s in SECTIONS if cv.filled(s))
    missing = ", ".join(texts.get(JOBNET_KEYS[m]) for m in jobnet_missing(cv))
    return texts.get("cv.status.line", filled=filled or "-", missing=missing or "-")
