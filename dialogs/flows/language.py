"""The conversation's language: '/language' asks, a button sets it; the engine asks once when a message is English."""
from dialogs.context import Ctx, button
from dialogs.flows.base import Flow
from nlu.client import make_payload
from services.outgoing import Button, OutMessage, Text

LOCALES = ("da", "en")
ASK, SET = "language", "set_language"  # '/language' (Telegram's command, typed anywhere) and the choice buttons


def choices(resume: str | None = None) -> list[Button]:
    """'Continue in English' / 'Fortsæt på dansk'; resume: the message written before the choice, run after it."""
    extra = {"resume": resume} if resume else {}
    return [button("language.english", make_payload(SET, locale="en", **extra)),
            button("language.danish", make_payload(SET, locale="da", **extra))]


class LanguageFlow(Flow):
    """Asks for or sets the language; a side remark, so a booking in progress goes on in the new language."""

    name = "language"
    intents = (ASK, SET)
    side_remark = True

    async def start(self, ctx: Ctx) -> None:
        if ctx.nlu.intent == ASK:
            ctx.convo.language_asked = True
            ctx.say("language.choose", choices())
            return
        locale = ctx.nlu.entity("locale")
        if locale not in LOCALES:  # a forged or outdated button
            ctx.say("input.stale", "menu")
            return
        ctx.convo.locale, ctx.convo.language_asked = locale, True
        ctx.event("language_set", locale=locale)
        busy = ctx.convo.flow is not None  # mid-booking: its next question comes in the new language
        ctx.send(OutMessage(Text("language.set_in_flow" if busy else "language.set"), language_changed=True))
        resume = ctx.nlu.entity("resume")
        if isinstance(resume, str) and resume.strip():
            ctx.rerun = resume  # the engine runs it now, in the chosen language
        elif not busy:
            ctx.say("language.menu", "menu")

