"""Answers from the knowledge base: local offers, terms, job-search tips, youth education — sourced and dated.

An entry whose scheme is changing says so first; every answer ends with its source and review date
and offers the next step and 👍/👎 (counted once per answer; 👎 offers a person). Several close entries →
buttons to choose; nothing good → said plainly, the question logged (redacted) for staff as an unanswered question.
In an English conversation an entry with an English text (written by people) answers in English; one without
says in one English sentence that the answer is only in Danish, then gives the Danish answer and a person.
"""
from dialogs.context import Ctx, button, label_button
from dialogs.flows.base import Flow
from knowledge import Entry, KnowledgeBase
from knowledge.english import citation as citation_en
from knowledge.schema import Translation
from nlu.client import make_payload
from services.outgoing import Button, Source, Verbatim
from services.redact import redact
from store.ratings import Rated

KIND_OF_INTENT = {"local_offers": "offer", "explain_term": "term", "job_search_tips": "tip",
                  "youth_education": "education"}
ENTITY_OF_INTENT = {"local_offer": "local_offer", "term": "term", "education": "education"}
LIST_SIZE = 8  # a menu button without a question lists this many entries of the kind
NEXT_STEP = {"book_meeting": ("knowledge.next_book", "book_meeting"),
             "human_handoff": ("knowledge.next_person", "human_handoff"),
             "youth_education_guide": ("knowledge.next_guide", "youth_guide")}
LIST_INTRO = {"offer": "knowledge.list_offer", "term": "knowledge.list_term", "tip": "knowledge.list_tip",
              "education": "knowledge.list_education"}
STATUS_LINE = {"gældende": "knowledge.status_current", "udfases": "knowledge.status_changing",
               "afskaffet": "knowledge.status_changing", "ændres": "knowledge.status_changing"}
EN_LINE = {"gældende": "knowledge.en_current", "udfases": "knowledge.en_changing",
           "afskaffet": "knowledge.en_changing", "ændres": "knowledge.en_changing"}
DANISH_ONLY_LINE = {"gældende": "knowledge.danish_only_current", "udfases": "knowledge.danish_only_changing",
                    "afskaffet": "knowledge.danish_only_changing", "ændres": "knowledge.danish_only_changing"}


def kb(ctx: Ctx) -> KnowledgeBase:
    return ctx.services.knowledge


def english(ctx: Ctx, entry: Entry) -> Translation | None:
    """The entry's English text when the conversation is in English (None: Danish conversation or no text)."""
    return kb(ctx).english().translation(entry) if ctx.convo.locale == "en" else None


def pick(ctx: Ctx, entry: Entry) -> Button:
    """A button that answers with the entry, titled in the conversation's language where there is a text."""
    text = english(ctx, entry)
    return label_button(Verbatim(text.title if text else entry.title), make_payload("kb_entry", id=entry.id))


def say_entry(ctx: Ctx, entry: Entry) -> None:
    """The answer: a status sentence first when the scheme changes, the answer, then source and date."""
    buttons: list[Button] = []
    step = NEXT_STEP.get(entry.next_step.action)
    if step:
        buttons.append(button(step[0], make_payload(step[1])))
    if entry.next_step.action == "read_more" or entry.details:
        buttons.append(button("knowledge.more", make_payload("kb_more", id=entry.id)))
    if not step or step[1] != "human_handoff":
        buttons.append(button("knowledge.next_person", make_payload("human_handoff")))
    turn = ctx.convo.version  # names this answer: the rating buttons say which answer they rate
    buttons += [button(key, make_payload("rate_answer", entry=entry.id, turn=turn, score=score))
                for key, score in (("knowledge.rate_up", 1), ("knowledge.rate_down", 0))]
    note = entry.status_note if entry.status != "gældende" and entry.status_note else ""
    reviewed = entry.reviewed.isoformat()
    text = english(ctx, entry)
    if text is not None:
        source = citation_en(entry)
        ctx.say(EN_LINE[entry.status], buttons, sources=(Source(source, reviewed),),
                note=Verbatim(text.status_note or ""), answer=Verbatim(text.answer), source=Verbatim(source),
                reviewed=reviewed,
                translator=Verbatim(text.translated_by), translated=text.reviewed.isoformat())
    elif ctx.convo.locale == "en":  # no English text: say so in English, answer in Danish, offer a person
        source = citation_en(entry)
        ctx.say(DANISH_ONLY_LINE[entry.status], buttons, sources=(Source(source, reviewed),), note=Verbatim(note),
                answer=Verbatim(entry.answer), source=Verbatim(source), reviewed=reviewed)
    else:
        ctx.say(STATUS_LINE[entry.status], buttons, sources=(Source(entry.citation(), reviewed),),
                note=Verbatim(note), answer=Verbatim(entry.answer), source=Verbatim(entry.citation()),
                reviewed=reviewed)
    ctx.event("answer_given", entry_id=entry.id, municipality=entry.municipality, status=entry.status, turn=turn,
              locale=ctx.convo.locale, in_danish=text is None)  # staff see which English answers lack a text


async def rate(ctx: Ctx) -> None:
    """👍 thanks; 👎 thanks and offers a person. A second press counts nothing more; a forged one is stale."""
    entry, turn, score = ctx.nlu.entity("entry"), ctx.nlu.entity("turn"), ctx.nlu.entity("score")
    if not isinstance(entry, str) or type(turn) is not int or type(score) is not int or score not in (0, 1):
        ctx.say("input.stale", "menu")
        return
    rated = await ctx.services.answer_ratings.rate(ctx.convo.id, ctx.convo.anon_id, turn, entry, score)
    if rated is Rated.UNKNOWN:
        ctx.say("input.stale", "menu")
    elif score == 1:
        ctx.say("knowledge.rated_up", "menu")
    else:
        ctx.say("knowledge.rated_down", "person")


class KnowledgeFlow(Flow):
    """The four knowledge intents; /kb_entry, /kb_more and /rate_answer are its buttons."""

    name = "knowledge"
    intents = ("local_offers", "explain_term", "job_search_tips", "youth_education", "kb_entry", "kb_more",
               "rate_answer")

    async def start(self, ctx: Ctx) -> None:
        nlu, muni = ctx.nlu, ctx.convo.municipality or ctx.services.default_municipality
        if nlu.intent == "rate_answer":
            await rate(ctx)
            return
        if nlu.intent in ("kb_entry", "kb_more"):
            entry = kb(ctx).get(str(nlu.entity("id")), muni)
            if entry is None:
                ctx.say("input.stale", "menu")
            elif nlu.intent == "kb_more":
                text = english(ctx, entry) or entry
                ctx.say("knowledge.details", [button("knowledge.next_person", make_payload("human_handoff"))],
                        title=Verbatim(text.title), details=Verbatim(text.details), for_whom=Verbatim(text.for_whom))
            else:
                say_entry(ctx, entry)
            return
        kind = KIND_OF_INTENT.get(nlu.intent)
        if nlu.payload:  # the menu button: what there is of this kind
            entries = [e for e in kb(ctx).entries(muni) if e.kind == kind][:LIST_SIZE]
            ctx.say(LIST_INTRO[kind or "offer"], [pick(ctx, e) for e in entries])
            return
        entities = {e["entity"]: str(e["value"]) for e in nlu.entities if e.get("entity") in ENTITY_OF_INTENT}
        hits = kb(ctx).search(nlu.text, muni, kind, entities or None, locale=ctx.convo.locale)
        decision = kb(ctx).english().decide(hits) if ctx.convo.locale == "en" else kb(ctx).decide(hits)
        if decision.action == "answer" and decision.entry is not None:
            say_entry(ctx, decision.entry)
        elif decision.action == "choose":
            ctx.say("knowledge.choose", [*(pick(ctx, e) for e in decision.entries),
                                         button("knowledge.next_person", make_payload("human_handoff"))])
        else:
            ctx.event("no_answer", intent=nlu.intent, text=redact(nlu.text[:300]))
            ctx.say("knowledge.none", "person")
