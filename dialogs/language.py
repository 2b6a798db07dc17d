"""Noticing an English message in a Danish conversation: ask once, or answer a crisis in English at once."""
from collections.abc import Callable
from dataclasses import dataclass

from dialogs.context import Ctx
from dialogs.flows.language import choices
from services.language import LanguageGuess
from services.redact import redact


@dataclass(frozen=True)
class LanguageCheck:
    """detect(text) from services.language, and the confidence at which a message counts as English."""

    detect: Callable[[str], LanguageGuess]
    ask_at: float

    def _undecided(self, ctx: Ctx) -> bool:
        """Danish by default and never asked: the only conversations where a language question makes sense."""
        return not ctx.convo.language_asked and ctx.convo.locale == "da" and ctx.convo.mode != "human"

    def _english(self, text: str) -> bool:
        guess = self.detect(text)
        return guess.lang == "en" and guess.confidence >= self.ask_at

    def ask(self, ctx: Ctx, text: str, max_chars: int) -> bool:
        """'Continue in English?' with the message kept in the buttons, so it is answered after the choice."""
        if not self._undecided(ctx) or not self._english(text):
            return False
        ctx.convo.language_asked = True
        ctx.event("language_asked")
        ctx.say("language.ask", choices(redact(text)[:max_chars]))
        return True

    def switch_at_once(self, ctx: Ctx, text: str) -> None:
        """A crisis or distress message in English is answered in English now, with no question first."""
        if self._undecided(ctx) and self._english(text):
            ctx.convo.locale, ctx.convo.language_asked = "en", True
            ctx.event("language_set", locale="en", by="detection")
