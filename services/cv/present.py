"""CV parts as message values (texts by key, rendered in the reader's language): periods, entries, levels.

The chat and the PDF use the same values, so 'maj 2019 – aug. 2021' reads alike in both. Periods are written
with an en dash between spaces: '2019-2022' with a hyphen would look like a phone number to the redaction
of stored messages (services/redact.py) and be stored as '[telefon]'.
"""
from __future__ import annotations

from services.cv.model import Education, Job, Language, Period, YearMonth
from services.cv.words import language_name
from services.outgoing import Text

LEVEL_KEYS = {"native": "cv.level.native", "fluent": "cv.level.fluent", "good": "cv.level.good",
              "basic": "cv.level.basic"}
HOURS_KEYS = {"full": "cv.hours.full", "part": "cv.hours.part", "both": "cv.hours.both"}
SECTION_KEYS = {"contact": "cv.section.contact", "wishes": "cv.section.wishes", "jobs": "cv.section.jobs",
                "education": "cv.section.education", "courses": "cv.section.courses", "skills": "cv.section.skills",
                "languages": "cv.section.languages", "licence": "cv.section.licence",
                "profile": "cv.section.profile"}
JOBNET_KEYS = {"education": "cv.jobnet.education", "jobs": "cv.jobnet.jobs", "contact": "cv.jobnet.contact",
               "wishes": "cv.jobnet.wishes", "conditions": "cv.jobnet.conditions"}


def ym_value(ym: YearMonth) -> Text:
    """'maj 2019', or '2019' when only the year is known (the year as text: no '2.019')."""
    return Text("cv.ym", {"month": ym.month or 0, "year": str(ym.year)})


def period_value(period: Period | None) -> Text | None:
    """'maj 2019 – aug. 2021', '2020 – nu', '2019'; None without a start."""
    if period is None or period.start is None:
        return None
    if period.ongoing:
        return Text("cv.period.ongoing", {"start": ym_value(period.start)})
    if period.end is None or period.end == period.start:
        return ym_value(period.start)
    return Text("cv.period.range", {"start": ym_value(period.start), "end": ym_value(period.end)})


def entry_value(title: str, place: str, period: Period | None) -> Text:
    """'Kassemedarbejder, Netto (2019 – 2022)' with whatever parts are there."""
    when = period_value(period)
    if place and when:
        return Text("cv.entry.full", {"title": title, "place": place, "period": when})
    if when:
        return Text("cv.entry.period", {"title": title, "period": when})
    if place:
        return Text("cv.entry.place", {"title": title, "place": place})
    return Text("cv.entry.title", {"title": title})


def job_value(job: Job) -> Text:
    return entry_value(job.title, "" if job.hide_employer else job.employer, job.period)


def education_value(edu: Education) -> Text:
    return entry_value(edu.title, edu.school, edu.period)


def language_value(language: Language, locale: str | None = None) -> Text:
    """'Arabic – native language'; a known name in the locale's words (a CV begun in Danish, shown in English)."""
    name = language_name(language.name, locale) if locale else language.name
    if language.level in LEVEL_KEYS:
        return Text("cv.language.level", {"name": name, "level": Text(LEVEL_KEYS[language.level])})
    return Text("cv.language.name", {"name": name})


def hours_value(hours: str) -> Text | str:
    return Text(HOURS_KEYS[hours]) if hours in HOURS_KEYS else hours


def start_value(start: str) -> Text | str:
    return Text("cv.start.now") if start == "now" else start


def lines(values: list[Text]) -> list[Text]:
    """Values as bullet lines of one message (a list value is rendered one per line)."""
    return [Text("cv.line", {"text": v}) for v in values]
