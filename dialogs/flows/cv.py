"""The CV builder: a guided walk through Jobnet's CV sections, one short question at a time; edit, delete,
review and download as PDF later. See cv.md for the diagram and the mapping to Jobnet and JSON Resume.

The CV itself is in the `cvs` table (store/cv.py), saved after every answer; the flow state holds only where
the citizen is. Every step takes free text ("menu" in a job title is a job title), so typed words reach
resume() first; the hub and the confirmation pass on what is not about the CV.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Literal

from pydantic import Field

from dialogs.context import Ctx, button
from dialogs.flows import cv_views as views
from dialogs.flows.base import Flow, FlowState
from dialogs.flows.cv_steps import (CONTACT_STEPS, ENTRY_STEPS, FIRST, SECTION_STEPS, STEPS, Answer, Mark, after_section, apply,
                                    next_step, profile_parts, section_of_step, valid_entry)
from nlu.client import make_payload
from services.cv.commands import Command, find_entries, parse_command
from services.cv.model import CV, Period, Progress, jobnet_missing
from services.cv.parsing import parse_yes_no
from services.outgoing import Text
from services.redact import redact

STALE = timedelta(hours=6)  # an answer this late is more likely a new request than the answer
WELCOME_BACK = frozenset({"", "cv_help", "greet", "affirm", "deny", "thanks"})
MAX_HISTORY = 30
LISTED = ("jobs", "education", "courses", "skills", "languages")  # sections whose entries can be deleted one by one


class CvState(FlowState):
    step: str = "hub"  # a question (cv_steps.STEPS), or hub | entries | confirm
    entry: int | None = None  # the job or education the question is about (None: a new one)
    mode: Literal["guided", "edit"] = "guided"
    section: str | None = None  # the section being edited
    history: list[Mark] = Field(default_factory=list)  # for "Tilbage"
    partial: Period | None = None  # '3 år': waiting for when it ended
    target: Mark | None = None  # what "Ja, slet" deletes
    asked_at: datetime | None = None


class CvFlow(Flow):
    """'Jeg skal lave et CV', 'kig på mit CV', 'ret min uddannelse', 'slet mit job hos Netto', and /cv buttons."""

    name = "cv"
    intents = ("cv_help", "cv")
    personal = True
    State = CvState

    def expects_free_text(self, state: CvState) -> bool:
        return True

    async def start(self, ctx: Ctx) -> None:
        cv = await views.load(ctx)
        state = CvState()
        ctx.enter(self.name, state)
        if ctx.nlu.payload and ctx.nlu.intent == "cv":
            await self._button(ctx, state, cv)
            return
        command = None if ctx.nlu.payload else parse_command(ctx.nlu.text)
        await self._command(ctx, state, cv, command or Command("build"))

    async def resume(self, ctx: Ctx) -> bool:
        state: CvState = ctx.state
        nlu = ctx.nlu
        if nlu.payload:
            if nlu.intent != "cv":
                return False  # the menu, a person, another feature's button
            await self._button(ctx, state, await views.load(ctx))
            return True
        cv = await views.load(ctx)
        if state.step in STEPS:
            if state.asked_at and ctx.services.clock() - state.asked_at > STALE:
                if nlu.intent not in WELCOME_BACK and not nlu.fallback:
                    return False
                await self._ask(ctx, state, cv, state.step, state.entry, Text("cv.welcome_back"))
                return True
            command = parse_command(nlu.text, strict=True)
            if command is not None:
                await self._command(ctx, state, cv, command)
            else:
                private = state.step in CONTACT_STEPS
                if private:  # the name, phone and e-mail live in the CV record only
                    ctx.private_answer = True
                # Any other answer is masked like the transcript: a CPR number in a job wish is no CV content.
                await self._answer(ctx, state, cv, nlu.text if private else redact(nlu.text), None)
            return True
        if state.step == "confirm":
            yes = parse_yes_no(nlu.text)
            if yes is None:  # never keep a delete question hanging: the message goes to the global rules
                state.step, state.target = "hub", None
                return False
            await views.confirmed(ctx, state, cv, yes)
            return True
        command = parse_command(nlu.text, strict=True) or self._entry_number(state, nlu.text)
        loose_command = parse_command(nlu.text)
        if command is None and loose_command and loose_command.action == "delete" and \
                find_entries(cv, loose_command.section, loose_command.query):
            command = loose_command  # 'slet truckcertifikat': it is in the CV, whatever the NLU says
        if command is None and (nlu.intent in ("", "cv_help") or nlu.fallback):
            command = loose_command or (Command("show") if nlu.intent == "cv_help" else None)
        if command is None:
            return False
        await self._command(ctx, state, cv, command)
        return True

    @staticmethod
    def _entry_number(state: CvState, text: str) -> Command | None:
        """'slet 2' / 'ret 1' in the list of jobs or educations."""
        match = re.match(r"^\s*(slet|fjern|ret)\s+(?:nr\.?\s*|nummer\s*)?(\d+)\s*$", text.lower())
        if state.step != "entries" or not match or state.section is None:
            return None
        return Command("delete" if match[1] != "ret" else "edit", state.section, f"#{int(match[2]) - 1}")

    # Commands (typed or pressed) ------------------------------------------------------------------------------

    async def _command(self, ctx: Ctx, state: CvState, cv: CV, command: Command) -> None:
        state.history, state.partial = [], None
        action, section = command.action, command.section
        if cv.is_empty() and action in ("review", "pdf", "show", "delete", "delete_all"):
            action = "build"  # nothing here yet to look at: 'kan du kigge på mit cv' starts one
        if action == "build":
            await self._build(ctx, state, cv)
        elif action == "review":
            views.show_review(ctx, state, cv)
        elif action == "pdf":
            await views.send_pdf(ctx, state, cv)
        elif action in ("edit", "add") and section:
            if command.query.startswith("#") and section in ENTRY_STEPS:
                await self._open(ctx, state, cv, section, int(command.query[1:]))
            elif section in ENTRY_STEPS and action == "edit":
                views.show_entries(ctx, state, cv, section)
            else:
                state.mode, state.section = "edit", section
                first = FIRST.get(section) or SECTION_STEPS[section][0]
                await self._ask(ctx, state, cv, first, None)
        elif action == "delete":
            await self._delete(ctx, state, cv, command)
        elif action == "delete_all":
            views.confirm(ctx, state, cv, "all", None)
        else:
            views.hub(ctx, state, cv)

    async def _build(self, ctx: Ctx, state: CvState, cv: CV) -> None:
        state.mode, state.section = "guided", None
        if cv.progress is not None and cv.progress.step in STEPS:
            step = cv.progress.step
            await self._ask(ctx, state, cv, step, valid_entry(cv, step, cv.progress.entry), Text("cv.continue"))
        elif cv.is_empty():
            ctx.event("cv_started")
            await self._ask(ctx, state, cv, "name", None, Text("cv.intro"))
        else:
            views.hub(ctx, state, cv)

    async def _open(self, ctx: Ctx, state: CvState, cv: CV, section: str, index: int) -> None:
        if valid_entry(cv, FIRST[section], index) is None:
            views.show_entries(ctx, state, cv, section)
            return
        state.mode, state.section = "edit", section
        await self._ask(ctx, state, cv, FIRST[section], index)

    async def _delete(self, ctx: Ctx, state: CvState, cv: CV, command: Command) -> None:
        section, query = command.section, command.query
        if query.startswith("#") and section:
            index = int(query[1:])
            if 0 <= index < len(getattr(cv, section)):
                views.confirm(ctx, state, cv, section, index)
            else:
                views.show_entries(ctx, state, cv, section)
            return
        if section in ENTRY_STEPS and not query:
            views.show_entries(ctx, state, cv, section)
            return
        found = find_entries(cv, section, query)
        if len(found) == 1:
            views.confirm(ctx, state, cv, *found[0])
        elif found:
            views.choose_delete(ctx, state, cv, found)
        else:
            views.hub(ctx, state, cv, Text("cv.delete.not_found"))

    async def _button(self, ctx: Ctx, state: CvState, cv: CV) -> None:
        nlu = ctx.nlu
        do, section, index = nlu.entity("do"), nlu.entity("s"), nlu.entity("i")
        if do in ("skip", "back", "pick") and (state.step not in STEPS or nlu.entity("at") != state.step):
            do = "again" if state.step in STEPS else "continue"  # a button of an earlier question
        if do == "again":
            await self._ask(ctx, state, cv, state.step, state.entry)
        elif do == "skip":
            await self._skip(ctx, state, cv)
        elif do == "back":
            await self._back(ctx, state, cv)
        elif do == "pick":
            await self._answer(ctx, state, cv, "", str(nlu.entity("v")))
        elif do == "pause":
            ctx.leave()
            ctx.say("cv.paused", [views.cv_button("cv.button.continue", "continue"),
                                  button("buttons.show_menu", make_payload("capabilities"))])
        elif do == "sections":
            views.sections(ctx, state)
        elif do in ("open", "del") and section in LISTED and isinstance(index, int):
            if do == "open" and section in ENTRY_STEPS:
                await self._open(ctx, state, cv, section, index)
            else:
                await self._delete(ctx, state, cv, Command("delete", section, f"#{index}"))
        elif do in ("yes", "no") and state.step == "confirm":
            await views.confirmed(ctx, state, cv, do == "yes")
        elif do in ("edit", "add") and section in SECTION_STEPS:
            await self._command(ctx, state, cv, Command(do, section))
        elif do in ("review", "pdf", "continue"):
            await self._command(ctx, state, cv, Command("build" if do == "continue" else do))
        else:
            views.hub(ctx, state, cv)

    # Questions and answers ------------------------------------------------------------------------------------

    async def _answer(self, ctx: Ctx, state: CvState, cv: CV, text: str, pick: str | None) -> None:
        step = state.step
        entry = valid_entry(cv, step, state.entry)
        result = apply(step, cv, entry, text, pick, views.today(ctx), ctx.texts, state.partial)
        if result.retry:
            await self._ask(ctx, state, cv, step, entry, key=result.retry)
            return
        await self._advance(ctx, state, cv, step, entry, result)

    async def _advance(self, ctx: Ctx, state: CvState, cv: CV, step: str, entry: int | None, result: Answer) -> None:
        """After an answer (or a skip): the follow-up, the next question, or the end of the walk or section."""
        entry = result.entry if result.entry is not None else entry
        state.history = [*state.history, Mark(step=step, entry=entry)][-MAX_HISTORY:]
        if result.follow:
            state.partial = result.partial
            await self._ask(ctx, state, cv, result.follow, entry, result.note, key=result.extra.get("ask"))
            return
        state.partial = None
        section = section_of_step(step)
        if result.no_more:
            following = None if state.mode == "edit" else after_section(section)
        else:
            following = next_step(step, state.mode, state.section)
        same_entry = following is not None and section_of_step(following) == section and following != FIRST.get(section)
        await self._go(ctx, state, cv, following, entry if same_entry else None, result.note)

    async def _go(self, ctx: Ctx, state: CvState, cv: CV, step: str | None, entry: int | None,
                  note: Text | None) -> None:
        if step is not None:
            await self._ask(ctx, state, cv, step, entry, note)
        elif state.mode == "guided":
            cv.progress = None
            await views.save(ctx, cv)
            ctx.event("cv_completed", jobnet_missing=len(jobnet_missing(cv)))
            views.hub(ctx, state, cv, Text("cv.done"))
        else:
            await views.save(ctx, cv)
            if state.section in ENTRY_STEPS:
                views.show_entries(ctx, state, cv, state.section, Text("cv.saved"))
            else:
                views.hub(ctx, state, cv, Text("cv.saved"))

    async def _skip(self, ctx: Ctx, state: CvState, cv: CV) -> None:
        entry = valid_entry(cv, state.step, state.entry)
        new_title = state.step in FIRST.values() and entry is None
        await self._advance(ctx, state, cv, state.step, entry, Answer(no_more=new_title, entry=entry))

    async def _back(self, ctx: Ctx, state: CvState, cv: CV) -> None:
        if not state.history:
            await self._ask(ctx, state, cv, state.step, state.entry, Text("cv.back_first"))
            return
        mark = state.history[-1]
        state.history = state.history[:-1]
        step = mark.step.removesuffix("_more")
        await self._ask(ctx, state, cv, step, valid_entry(cv, step, mark.entry))

    async def _ask(self, ctx: Ctx, state: CvState, cv: CV, step: str, entry: int | None, note: Text | None = None,
                   key: str | None = None) -> None:
        """Ask a question (or ask it again with key), with its choices, Spring over, Tilbage and Gem og stop."""
        if step == "profile_ok" and not key:
            parts = profile_parts(cv)
            if not parts:  # none of the three questions answered: no text to propose
                await self._go(ctx, state, cv, next_step(step, state.mode, state.section), None, note)
                return
            cv.profile.text = " ".join(ctx.texts.get(p.key, **p.args) for p in parts)  # type: ignore[arg-type]
        state.step, state.entry, state.asked_at = step, entry, ctx.services.clock()
        if state.mode == "guided":
            cv.progress = Progress(step=step.removesuffix("_more"), entry=entry)
        await views.save(ctx, cv)
        question = Text(key or views.ask_key(cv, state.partial, step, entry), views.ask_values(cv, step, entry))
        current = None if key else views.current_value(cv, step, entry, ctx.convo.locale)
        if current is not None:
            question = Text("cv.with_current", {"question": question, "current": current})
        if note is not None:
            question = Text("cv.note_then", {"note": note, "question": question})
        ctx.say(question.key, views.question_buttons(cv, bool(state.history), step, entry), **question.args)
