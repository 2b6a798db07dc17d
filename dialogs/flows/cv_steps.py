"""The CV builder's questions: one short question per step, in Jobnet's sections, and what an answer does.

Pure functions over services.cv.model.CV: no database, no messages (dialogs/flows/cv.py does those).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pydantic import BaseModel, ConfigDict

from i18n import Texts
from services.cv.model import CV, Education, Job, Period
from services.cv.parsing import (follow_up, parse_email, parse_hours, parse_languages, parse_licences, parse_list,
                                 parse_name, parse_period, parse_phone, parse_start, says_none)
from services.cv.present import hours_value, language_value, lines, period_value, start_value
from services.cv.text import capitalise, loose, tidy
from services.cv.words import words
from services.outgoing import Text


class Mark(BaseModel):
    """A place in the flow: a step (or a section, for a delete target) and the entry it is about."""

    model_config = ConfigDict(extra="forbid")
    step: str
    entry: int | None = None


@dataclass(frozen=True)
class Step:
    """A question: its section, its text, and the choices offered as buttons (value, title key)."""

    id: str
    section: str
    ask: str
    choices: tuple[tuple[str, str], ...] = ()


_STEPS = (
    Step("name", "contact", "cv.ask.name"),
    Step("phone", "contact", "cv.ask.phone"),
    Step("email", "contact", "cv.ask.email"),
    Step("titles", "wishes", "cv.ask.titles"),
    Step("area", "wishes", "cv.ask.area"),
    Step("hours", "wishes", "cv.ask.hours", (("full", "cv.hours.full"), ("part", "cv.hours.part"),
                                             ("both", "cv.hours.both"))),
    Step("start", "wishes", "cv.ask.start", (("now", "cv.start.now"),)),
    Step("job_title", "jobs", "cv.ask.job_title_edit"),
    Step("job_employer", "jobs", "cv.ask.employer", (("hide", "cv.hide_employer"),)),
    Step("job_period", "jobs", "cv.ask.job_period"),
    Step("job_period_more", "jobs", "cv.ask.period_end"),
    Step("job_tasks", "jobs", "cv.ask.tasks"),
    Step("job_results", "jobs", "cv.ask.results"),
    Step("edu_title", "education", "cv.ask.edu_title_edit"),
    Step("edu_school", "education", "cv.ask.school"),
    Step("edu_period", "education", "cv.ask.edu_period"),
    Step("edu_period_more", "education", "cv.ask.period_end"),
    Step("courses", "courses", "cv.ask.courses", (("none", "cv.none"),)),
    Step("skills", "skills", "cv.ask.skills"),
    Step("languages", "languages", "cv.ask.languages"),
    Step("licence", "licence", "cv.ask.licence", (("B", "cv.licence.b"), ("C", "cv.licence.c"),
                                                  ("none", "cv.licence.none"))),
    Step("strengths", "profile", "cv.ask.strengths"),
    Step("described", "profile", "cv.ask.described"),
    Step("next", "profile", "cv.ask.next"),
    Step("profile_ok", "profile", "cv.ask.profile_ok", (("ok", "cv.profile.use"), ("own", "cv.profile.own"))),
    Step("profile_own", "profile", "cv.ask.profile_own"),
)
STEPS = {s.id: s for s in _STEPS}
# The guided walk; follow-ups (period_more, profile_own) are only reached from their question.
GUIDED = ("name", "phone", "email", "titles", "area", "hours", "start", "job_title", "job_employer", "job_period",
          "job_tasks", "job_results", "edu_title", "edu_school", "edu_period", "courses", "skills", "languages",
          "licence", "strengths", "described", "next", "profile_ok")
SECTION_STEPS = {section: [s for s in GUIDED if STEPS[s].section == section]
                 for section in dict.fromkeys(STEPS[s].section for s in GUIDED)}
ENTRY_STEPS = {"jobs": "job", "education": "edu"}  # step prefix of the repeatable sections
CONTACT_STEPS = ("name", "phone", "email")
FIRST = {"jobs": "job_title", "education": "edu_title"}
LAST = {"jobs": "job_results", "education": "edu_period"}


@dataclass
class Answer:
    """What an answer did: understood (a note to show), not understood (retry key), or more to ask."""

    retry: str | None = None  # text key: ask again
    note: Text | None = None  # what was understood, shown before the next question
    entry: int | None = None  # the entry the answer created or changed
    no_more: bool = False  # 'ingen' / 'ikke flere' to a job or education title
    partial: Period | None = None  # a period waiting for its other end
    follow: str | None = None  # a follow-up step to ask next ('job_period_more', 'profile_own')
    extra: dict[str, str] = field(default_factory=dict)


def section_of_step(step: str) -> str:
    return STEPS[step].section


def entries(cv: CV, section: str) -> list[Job] | list[Education]:
    return cv.jobs if section == "jobs" else cv.education


def valid_entry(cv: CV, step: str, entry: int | None) -> int | None:
    """The entry index if it still exists (it may have been deleted meanwhile)."""
    section = section_of_step(step)
    if entry is None or section not in ENTRY_STEPS:
        return None
    return entry if 0 <= entry < len(entries(cv, section)) else None


def _list_note(items: list[str]) -> Text:
    return Text("cv.noted.list", {"items": ", ".join(items)})


def apply(step: str, cv: CV, entry: int | None, text: str, pick: str | None, today: date, texts: Texts,
          partial: Period | None = None) -> Answer:
    """Put an answer (typed text, or a pressed choice) into the CV; texts: the conversation's language, whose
    words the answer is read with and written in ('no more', 'Arabic mother tongue', 'calm and helpful')."""
    if step in CONTACT_STEPS:
        return _contact(step, cv, text)
    if step in ("titles", "area", "hours", "start"):
        return _wishes(step, cv, text, pick, texts.locale)
    if step in ("job_title", "edu_title"):
        return _title(step, cv, entry, text, pick, texts.locale)
    if step.endswith("_period") or step.endswith("_period_more"):
        return _period(step, cv, entry, text, today, partial)
    if step in ("job_employer", "job_tasks", "job_results", "edu_school"):
        return _entry_field(step, cv, entry, text, pick)
    if step in ("courses", "skills", "languages", "licence"):
        return _lists(step, cv, text, pick, texts.locale)
    return _profile(step, cv, text, pick, texts)


def _contact(step: str, cv: CV, text: str) -> Answer:
    """Never a note: a phone number or an e-mail must not be echoed into the chat (see cv.md)."""
    if step == "name":
        name = parse_name(text)
        if name is None:
            return Answer(retry="cv.retry.name")
        cv.contact.name = name
    elif step == "phone":
        phone = parse_phone(text)
        if phone is None:
            return Answer(retry="cv.retry.phone")
        cv.contact.phone = phone
    else:
        email = parse_email(text)
        if email is None:
            return Answer(retry="cv.retry.email")
        cv.contact.email = email
    return Answer()


def _wishes(step: str, cv: CV, text: str, pick: str | None, locale: str) -> Answer:
    w = cv.wishes
    if step == "titles":
        items = parse_list(text, limit=6)
        if not items:
            return Answer(retry="cv.retry.list")
        w.titles = items
        return Answer(note=_list_note(items))
    if step == "area":
        w.area = capitalise(tidy(text, 120))
        return Answer()
    if step == "hours":
        w.hours = pick if pick in ("full", "part", "both") else parse_hours(text, locale)
        return Answer(note=Text("cv.noted.value", {"value": hours_value(w.hours)}))
    w.start = pick if pick == "now" else parse_start(text, locale)
    return Answer(note=Text("cv.noted.value", {"value": start_value(w.start)}))


def _title(step: str, cv: CV, entry: int | None, text: str, pick: str | None, locale: str) -> Answer:
    section = section_of_step(step)
    if entry is None and (pick == "none" or says_none(text, locale)):
        return Answer(no_more=True)
    title = capitalise(tidy(text, 120))
    if not title:
        return Answer(retry="cv.retry.text")
    items = entries(cv, section)
    if entry is None:
        items.append(Job(title=title) if section == "jobs" else Education(title=title))  # type: ignore[arg-type]
        entry = len(items) - 1
    else:
        items[entry].title = title
    return Answer(entry=entry)


_HIDE = re.compile(r"\(?\b(?:skjul\w*|hemmelig|vil ikke (?:oplyse|skrive|sige)(?: \w+)?|ikke vis\w*|anonym\w*)\b\)?",
                   re.I)


def _entry_field(step: str, cv: CV, entry: int | None, text: str, pick: str | None) -> Answer:
    if entry is None:
        return Answer()
    if step == "edu_school":
        cv.education[entry].school = capitalise(tidy(text, 120))
        return Answer(entry=entry)
    job = cv.jobs[entry]
    if step == "job_employer":
        hide = pick == "hide" or bool(_HIDE.search(text))
        name = "" if pick == "hide" else tidy(_HIDE.sub("", text), 120).strip("()-–, ")
        if name:
            job.employer = capitalise(name)
        job.hide_employer = hide
        return Answer(entry=entry, note=Text("cv.noted.hidden") if hide else None)
    items = parse_list(text, limit=8)
    if not items:
        return Answer(retry="cv.retry.list")
    if step == "job_tasks":
        job.tasks = items
    else:
        job.results = items
    return Answer(entry=entry, note=_list_note(items) if len(items) > 1 else None)


def _period(step: str, cv: CV, entry: int | None, text: str, today: date, partial: Period | None) -> Answer:
    base = step.removesuffix("_more")
    if step.endswith("_more") and partial is not None:
        period = follow_up(partial, text, today)
        if period is None:
            return Answer(retry="cv.retry.period_more")
    else:
        period = parse_period(text, today)
        if period is None:
            return Answer(retry="cv.retry.period")
        if not period.complete:
            ask = "cv.ask.period_start" if period.end is not None and period.start is None else "cv.ask.period_end"
            return Answer(partial=period, follow=f"{base}_more", extra={"ask": ask})
    if entry is not None:
        entries(cv, section_of_step(step))[entry].period = period
    return Answer(entry=entry, note=Text("cv.noted.period", {"period": period_value(period) or ""}))


def _lists(step: str, cv: CV, text: str, pick: str | None, locale: str) -> Answer:
    if step == "courses":
        if pick == "none" or says_none(text, locale):
            cv.courses = []
            return Answer()
        items = parse_list(text, limit=12)
        if not items:
            return Answer(retry="cv.retry.list")
        cv.courses = items
        return Answer(note=_list_note(items))
    if step == "skills":
        items = parse_list(text, limit=15)
        if not items:
            return Answer(retry="cv.retry.list")
        cv.skills = items
        return Answer(note=_list_note(items))
    if step == "languages":
        found = parse_languages(text, locale)
        if not found:
            return Answer(retry="cv.retry.languages")
        cv.languages = found
        return Answer(note=Text("cv.noted.languages", {"languages": lines([language_value(x) for x in found])}))
    licences = [] if pick == "none" else [pick] if pick else parse_licences(text, locale)
    if licences is None:
        return Answer(retry="cv.retry.licence")
    cv.licences = licences
    return Answer(note=Text("cv.noted.licence", {"categories": ", ".join(licences)}) if licences else None)


def _fragment(text: str, lead: re.Pattern[str], marker: str) -> str:
    """The answer as the end of a sentence: lead-in off (services/cv/data/<locale>.yml), first letter small, no
    final full stop; a lead-in before a verb leaves its infinitive marker ('jeg kan lave mad' → 'at lave mad',
    'I want to work' → 'to work')."""
    text = tidy(text.replace("\u2019", "'"), 200)  # 'I’m good at' as typed on a phone
    match = lead.match(text)
    fragment = tidy(text[match.end():] if match else text, 200).rstrip(".!")
    if match and match.lastindex and match.group(1) and not fragment.lower().startswith(f"{marker} "):
        fragment = f"{marker} {fragment}"
    return fragment[:1].lower() + fragment[1:] if fragment[1:2].islower() else fragment


def _profile(step: str, cv: CV, text: str, pick: str | None, texts: Texts) -> Answer:
    p, w = cv.profile, words(texts.locale)
    if step in ("strengths", "next"):
        setattr(p, step, _fragment(text, w.leads[step], w.marker))
    elif step == "described":
        found = [x.lower() if x[1:2].islower() else x for x in parse_list(_fragment(text, w.leads[step], w.marker), 5)]
        p.described = texts.get("cv.list.and", first=", ".join(found[:-1]), last=found[-1]) if len(found) > 1 \
            else "".join(found)
    elif step == "profile_own":
        own = tidy(text, 900)
        if len(own.split()) < 3:
            return Answer(retry="cv.retry.profile")
        p.text = capitalise(own)
    elif pick == "own":
        return Answer(follow="profile_own")
    elif pick == "ok" or (len(text.split()) <= 4 and w.profile_yes.match(loose(text))):
        pass  # 'Brug den', 'ja det er fint', 'yes please': the proposed text stays
    elif len(text.split()) >= 4:  # typed their own text instead of pressing a button
        p.text = capitalise(tidy(text, 900))
    else:
        return Answer(retry="cv.retry.profile_ok")
    return Answer()


def profile_parts(cv: CV) -> list[Text]:
    """The sentences of a composed profile text, from the three answers that were given."""
    p = cv.profile
    parts = [Text("cv.profile.described", {"words": p.described}) if p.described else None,
             Text("cv.profile.strengths", {"what": p.strengths}) if p.strengths else None,
             Text("cv.profile.next", {"what": p.next}) if p.next else None]
    return [t for t in parts if t is not None]


def next_step(step: str, mode: str, section: str | None) -> str | None:
    """The question after this one (guided: the whole CV; edit: within the section), None at the end."""
    base = step.removesuffix("_more")
    if mode == "edit":
        steps = SECTION_STEPS[section or section_of_step(base)]
        i = steps.index(base) if base in steps else len(steps)
        return steps[i + 1] if i + 1 < len(steps) else None
    if base in LAST.values():  # another job / education?
        return FIRST["jobs" if base.startswith("job") else "education"]
    i = GUIDED.index(base) if base in GUIDED else len(GUIDED)
    return GUIDED[i + 1] if i + 1 < len(GUIDED) else None


def after_section(section: str) -> str | None:
    """The guided question after a repeatable section the citizen has no (more) entries for."""
    last = SECTION_STEPS[section][-1]
    i = GUIDED.index(last)
    return GUIDED[i + 1] if i + 1 < len(GUIDED) else None
