"""The context a flow works with for one turn: what was said, the conversation, services, replies."""
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from dialogs.texts import Texts
from dialogs.turn import Attachment, Button, Reply, Turn
from nlu.client import NluResult
from services.booking import BookingService
from store.conversations import ConversationState, ConversationStore


@dataclass
class Services:
    """What flows may use; built once in the composition root and passed in."""

    store: ConversationStore
    texts: Texts
    clock: Callable[[], datetime]
    booking: BookingService


@dataclass
class Ctx:
    """One turn in progress."""

    turn: Turn
    nlu: NluResult
    convo: ConversationState
    services: Services
    replies: list[Reply] = field(default_factory=list)

    @property
    def texts(self) -> Texts:
        return self.services.texts

    def say(self, key: str, buttons: str | list[Button] | None = None, **values: Any) -> None:
        """Reply with the text at key, and optionally a named button set or explicit buttons."""
        self.say_text(self.texts.get(key, **values), buttons)

    def say_text(self, text: str | None, buttons: str | list[Button] | None = None,
                 attachment: Attachment | None = None) -> None:
        resolved = self.texts.buttons(buttons) if isinstance(buttons, str) else list(buttons or [])
        self.replies.append(Reply(text=text, buttons=resolved, attachment=attachment))

    @property
    def state(self) -> dict[str, Any]:
        """The active flow's own state (persisted with the conversation)."""
        return self.convo.state

    def enter(self, flow: str, **state: Any) -> None:
        """Make a flow active; the next turn goes to its resume() first."""
        self.convo.flow, self.convo.state = flow, dict(state)

    def leave(self) -> None:
        self.convo.flow, self.convo.state = None, {}
