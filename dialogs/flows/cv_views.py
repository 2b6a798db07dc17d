"""The CV builder's overviews and actions: the overview (hub), sections, entries, deleting, review, PDF.

Shared by dialogs/flows/cv.py; every reply names its text key here, the copy is in i18n/locales/*/cv.ftl.
Nothing personal goes into events, and contact details never into a reply (see cv.md).
"""
from __future__ import annotations

import logging
from datetime import date
from typing import Any

from dialogs.context import Ctx, button
from dialogs.flows.cv_steps import CONTACT_STEPS, ENTRY_STEPS, FIRST, STEPS, Mark, entries
from nlu.client import make_payload
from services.cv.jsonresume import errors, to_json_resume
from services.cv.model import CV, SECTIONS, Period, jobnet_missing
from services.cv.pdf import render_pdf
from services.cv.present import (JOBNET_KEYS, SECTION_KEYS, education_value, hours_value, job_value, language_value,
                                 lines, period_value, start_value)
from services.cv.review import review
from services.dates_format import to_local
from services.outgoing import Button, FileRef, Source, Text, Value, Verbatim
from store.cv import CVStore

MAX_TIPS = 6
log = logging.getLogger(__name__)


def cv_button(key: str, do: str, title: dict[str, Any] | None = None, **entities: Any) -> Button:
    """A CV button: payload '/cv{"do": ...}' (the flow's own intent), title from the texts (with title values)."""
    return button(key, make_payload("cv", do=do, **entities), **(title or {}))


def store(ctx: Ctx) -> CVStore:
    return ctx.services.cvs  # type: ignore[attr-defined, no-any-return]  # Services.cvs (bot/wiring.py)


def today(ctx: Ctx) -> date:
    return to_local(ctx.services.clock()).date()


async def load(ctx: Ctx) -> CV:
    return await store(ctx).get(ctx.convo.citizen_id) or CV()


async def save(ctx: Ctx, cv: CV) -> None:
    """The CV and its JSON Resume form, in their own transaction (an answer is kept even if the turn fails)."""
    resume = to_json_resume(cv, ctx.texts, ctx.services.clock())
    problems = errors(resume)
    if problems:  # never expected (the parsers only give valid dates and e-mails); say where, never what
        log.warning("a CV does not validate as JSON Resume at %s", [p.split(":")[0] for p in problems])
    await store(ctx).save(ctx.convo.citizen_id, cv, resume)


def hub_buttons(cv: CV) -> list[Button]:
    out = [cv_button("cv.button.continue", "continue")] if cv.progress else []
    return out + [cv_button("cv.button.edit", "sections"), cv_button("cv.button.review", "review"),
                  cv_button("cv.button.pdf", "pdf"), cv_button("cv.button.pause", "pause")]


def status_lines(cv: CV) -> list[Text]:
    out = []
    for section in SECTIONS:
        name = Text(SECTION_KEYS[section])
        count = len(entries(cv, section)) if section in ENTRY_STEPS else 0
        if count:
            out.append(Text("cv.hub.count", {"section": name, "count": count}))
        else:
            out.append(Text("cv.hub.done" if cv.filled(section) else "cv.hub.todo", {"section": name}))
    return out


def jobnet_value(cv: CV) -> Text:
    missing = jobnet_missing(cv)
    if not missing:
        return Text("cv.jobnet.complete")
    return Text("cv.jobnet.missing", {"missing": lines([Text(JOBNET_KEYS[m]) for m in missing])})


def hub(ctx: Ctx, state: Any, cv: CV, note: Text | None = None) -> None:
    """The overview: what is filled, what Jobnet still needs, and what can be done."""
    state.step, state.section, state.target, state.partial = "hub", None, None, None
    ctx.say("cv.hub.text", hub_buttons(cv), note=note or Text("cv.hub.title"), sections=status_lines(cv),
            jobnet=jobnet_value(cv))


def sections(ctx: Ctx, state: Any) -> None:
    state.step = "hub"
    ctx.say("cv.which_section", [*(cv_button(SECTION_KEYS[s], "edit", s=s) for s in SECTIONS),
                                 cv_button("cv.button.hub", "hub")])


def entry_value(cv: CV, section: str, index: int, locale: str | None = None) -> Text | str:
    if section == "jobs":
        return job_value(cv.jobs[index])
    if section == "education":
        return education_value(cv.education[index])
    if section == "languages":
        return language_value(cv.languages[index], locale)
    return str(getattr(cv, section)[index])


def show_entries(ctx: Ctx, state: Any, cv: CV, section: str, note: Text | None = None) -> None:
    """A repeatable section's entries, each with 'Ret' and 'Slet', and 'Tilføj'."""
    state.step, state.section, state.mode, state.target = "entries", section, "edit", None
    items = entries(cv, section)
    buttons = [b for i in range(len(items))
               for b in (cv_button("cv.button.edit_entry", "open", {"n": i + 1}, s=section, i=i),
                         cv_button("cv.button.delete_entry", "del", {"n": i + 1}, s=section, i=i))]
    buttons += [cv_button("cv.button.add_job" if section == "jobs" else "cv.button.add_education", "add", s=section),
                cv_button("cv.button.hub", "hub")]
    numbered = [Text("cv.numbered", {"n": i + 1, "text": entry_value(cv, section, i, ctx.convo.locale)})
                for i in range(len(items))]
    ctx.say("cv.entries.text" if items else "cv.entries.empty", buttons, note=note or Text("cv.entries.title"),
            section=Text(SECTION_KEYS[section]), entries=numbered)


def choose_delete(ctx: Ctx, state: Any, cv: CV, found: list[tuple[str, int]]) -> None:
    """More than one entry matched 'slet ...': a button per entry."""
    state.step = "hub"
    buttons = [cv_button("cv.button.delete_this", "del", {"entry": entry_value(cv, s, i, ctx.convo.locale)}, s=s, i=i)
               for s, i in found[:8]]
    ctx.say("cv.delete.which", [*buttons, cv_button("cv.button.hub", "hub")])


def confirm(ctx: Ctx, state: Any, cv: CV, section: str, index: int | None) -> None:
    """Ask before deleting an entry (index) or, with section 'all', the whole CV."""
    state.step, state.target = "confirm", Mark(step=section, entry=index)
    yes_no = [cv_button("cv.button.yes_delete", "yes"), cv_button("cv.button.no_keep", "no")]
    if section == "all":
        ctx.say("cv.delete.confirm_all", yes_no)
    else:
        ctx.say("cv.delete.confirm", yes_no, entry=entry_value(cv, section, index or 0, ctx.convo.locale))


async def confirmed(ctx: Ctx, state: Any, cv: CV, yes: bool) -> None:
    target = state.target
    state.target = None
    if not yes or target is None:
        hub(ctx, state, cv, Text("cv.delete.kept"))
        return
    if target.step == "all":
        await store(ctx).delete(ctx.convo.citizen_id)
        ctx.event("cv_deleted")
        ctx.leave()
        ctx.say("cv.delete.done_all", "menu")
        return
    items = getattr(cv, target.step)
    if target.entry is not None and 0 <= target.entry < len(items):
        del items[target.entry]
        await save(ctx, cv)
        ctx.event("cv_entry_deleted", section=target.step)
    if target.step in ENTRY_STEPS:
        show_entries(ctx, state, cv, target.step, Text("cv.delete.done"))
    else:
        hub(ctx, state, cv, Text("cv.delete.done"))


def show_review(ctx: Ctx, state: Any, cv: CV) -> None:
    tips = review(cv, today(ctx))
    ctx.event("cv_review", tips=len(tips), rules=sorted({t.rule for t in tips}))
    state.step = "hub"
    if not tips:
        ctx.say("cv.review.good", hub_buttons(cv))
        return
    shown = [Text("cv.numbered", {"n": i + 1, "text": t.text()}) for i, t in enumerate(tips[:MAX_TIPS])]
    ctx.say("cv.review.tips", hub_buttons(cv), tips=shown, more=max(0, len(tips) - MAX_TIPS))
    entry = ctx.services.knowledge.get("cv", ctx.convo.municipality or ctx.services.default_municipality)
    if entry is not None:  # the rules follow the knowledge base's entry on the good CV: say where from
        ctx.say("cv.review.source", sources=(Source(entry.citation(), entry.reviewed.isoformat()),),
                source=Verbatim(entry.citation()), reviewed=entry.reviewed.isoformat())


async def send_pdf(ctx: Ctx, state: Any, cv: CV) -> None:
    state.step = "hub"
    if cv.is_empty():
        ctx.say("cv.pdf.empty", hub_buttons(cv))
        return
    content = render_pdf(cv, ctx.texts, ctx.services.clock())
    name = ctx.texts.get("cv.pdf.file_name")
    token = await ctx.services.files.add(ctx.convo.id, name, "application/pdf", content)
    ctx.event("cv_pdf", jobnet_missing=len(jobnet_missing(cv)))
    ctx.say("cv.pdf.ready", hub_buttons(cv), file=FileRef(token, name), jobnet=jobnet_value(cv))


# Questions: text, values, the answer there is now, buttons -------------------------------------------------

def ask_key(cv: CV, partial: Period | None, step: str, entry: int | None) -> str:
    """The question's text key: first or another job/education, or the start of a period known by its end."""
    if step.endswith("_more") and partial is not None and partial.start is None and partial.end is not None:
        return "cv.ask.period_start"
    if step in FIRST.values() and entry is None:
        has = cv.jobs if step == "job_title" else cv.education
        return {("job_title", False): "cv.ask.job_title", ("job_title", True): "cv.ask.job_title_more",
                ("edu_title", False): "cv.ask.edu_title", ("edu_title", True): "cv.ask.edu_title_more"}[
            (step, bool(has))]
    return STEPS[step].ask


def mid_sentence(title: str) -> str:
    """'Kassemedarbejder' inside a question reads 'kassemedarbejder'; 'HF' and 'SOSU-hjælper' stay."""
    return title[:1].lower() + title[1:] if title[1:2].islower() else title


def ask_values(cv: CV, step: str, entry: int | None) -> dict[str, Value]:
    if step == "profile_ok":
        return {"text": cv.profile.text}
    if entry is not None and step in ("job_employer", "job_period", "job_tasks", "job_results"):
        return {"title": mid_sentence(cv.jobs[entry].title)}
    if entry is not None and step in ("edu_school", "edu_period"):
        return {"title": mid_sentence(cv.education[entry].title)}
    return {}


def current_value(cv: CV, step: str, entry: int | None, locale: str | None = None) -> Value | None:
    """What the answer is now, shown when a question is asked again (never a phone number or e-mail)."""
    if step in CONTACT_STEPS:
        has = {"name": cv.contact.name, "phone": cv.contact.phone, "email": cv.contact.email}[step]
        return Text("cv.current_hidden") if has else None
    w, p = cv.wishes, cv.profile
    job = cv.jobs[entry] if entry is not None and step.startswith("job") else None
    edu = cv.education[entry] if entry is not None and step.startswith("edu") else None
    values: dict[str, Value | None] = {
        "titles": ", ".join(w.titles), "area": w.area, "hours": hours_value(w.hours) if w.hours else None,
        "start": start_value(w.start) if w.start else None,
        "job_title": job.title if job else None, "job_employer": job.employer if job else None,
        "job_period": period_value(job.period) if job else None,
        "job_tasks": ", ".join(job.tasks) if job else None, "job_results": ", ".join(job.results) if job else None,
        "edu_title": edu.title if edu else None, "edu_school": edu.school if edu else None,
        "edu_period": period_value(edu.period) if edu else None,
        "courses": ", ".join(cv.courses), "skills": ", ".join(cv.skills),
        "languages": lines([language_value(x, locale) for x in cv.languages]) or None,
        "licence": (", ".join(cv.licences) or Text("cv.licence.none")) if cv.licences is not None else None,
        "strengths": p.strengths, "described": p.described, "next": p.next,
    }
    value = values.get(step)
    return value or None


def question_buttons(cv: CV, back: bool, step: str, entry: int | None) -> list[Button]:
    """The choices, then Spring over, Tilbage (when there is a question to go back to) and Gem og stop."""
    pick = [cv_button(title, "pick", v=value, at=step) for value, title in STEPS[step].choices]
    if step in FIRST.values() and entry is None:
        has = cv.jobs if step == "job_title" else cv.education
        pick.append(cv_button("cv.no_more" if has else "cv.none", "pick", v="none", at=step))
    nav = [cv_button("cv.button.skip", "skip", at=step)]
    if back:
        nav.append(cv_button("cv.button.back", "back", at=step))
    return [*pick, *nav, cv_button("cv.button.pause", "pause")]
