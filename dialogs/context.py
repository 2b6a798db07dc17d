"""The context a flow works with for one turn: what was said, the conversation, services, what to send."""
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Mapping

from pydantic import BaseModel

from dialogs.buttons import ButtonSets
from dialogs.turn import Turn
from i18n import Catalog, Texts
from knowledge import KnowledgeBase
from nlu.client import NluResult
from services.case.port import CaseSystem
from services.handoff import HandoffService
from services.inbox import StaffEvent, StaffEvents
from services.outgoing import Button, FileRef, OutMessage, Source, Text, Value
from services.retention import RetentionPolicy
from store.citizens import CitizenStore
from store.conversations import ConversationState, ConversationStore, NewEvent
from store.cv import CVStore
from store.files import FileStore
from store.ratings import AnswerRatingStore


@dataclass
class Services:
    """What flows may use; built once in the composition root and passed in."""

    conversations: ConversationStore
    files: FileStore
    citizens: CitizenStore
    cvs: CVStore
    knowledge: KnowledgeBase
    handoffs: HandoffService
    staff_events: StaffEvents  # caseworker channels hear of requests and live messages after the turn commits
    catalog: Catalog
    buttons: ButtonSets
    clock: Callable[[], datetime]
    bookings: Mapping[str, CaseSystem]  # the case system per municipality key (bookings, meetings, caseworker)
    default_municipality: str
    answer_ratings: AnswerRatingStore  # 👍/👎 on knowledge answers, once per answer
    retention: RetentionPolicy = field(default_factory=RetentionPolicy)  # the privacy notice names the periods


@dataclass
class Ctx:
    """One turn in progress."""

    turn: Turn
    nlu: NluResult
    convo: ConversationState
    services: Services
    state: Any = None  # the active flow's typed state (a pydantic model), None without an active flow
    out: list[OutMessage] = field(default_factory=list)
    events: list[NewEvent] = field(default_factory=list)
    answered_step: bool = False  # the message answered a free-text step (e.g. a phone number)
    private_answer: bool = False  # the message is kept only where the flow stored it (a CV's contact details)
    staff: list[StaffEvent] = field(default_factory=list)  # published once the turn is saved
    rerun: str | None = None  # a message to handle again in this turn (written before the language was chosen)

    @property
    def texts(self) -> Texts:
        """The conversation's texts (for has(); copy itself is rendered at delivery)."""
        return self.services.catalog.get(self.convo.locale)

    @property
    def booking(self) -> CaseSystem:
        """The case system of the conversation's municipality."""
        bookings = self.services.bookings
        return bookings.get(self.convo.municipality) or bookings[self.services.default_municipality]

    def buttons(self, name: str) -> tuple[Button, ...]:
        return self.services.buttons.get(name)

    def say(self, key: str, buttons: str | list[Button] | tuple[Button, ...] | None = None,
            file: FileRef | None = None, sources: tuple[Source, ...] = (), **values: Value) -> None:
        """Send the text at key with its values, and optionally a named button set or explicit buttons."""
        self.send(OutMessage(Text(key, values), self._buttons(buttons), file, sources))

    def send(self, message: OutMessage) -> None:
        self.out.append(message)

    def _buttons(self, buttons: str | list[Button] | tuple[Button, ...] | None) -> tuple[Button, ...]:
        return self.buttons(buttons) if isinstance(buttons, str) else tuple(buttons or ())

    def event(self, kind: str, **data: Any) -> None:
        """An outcome for the event log; never put personal data in it."""
        self.events.append(NewEvent(kind, data))

    def enter(self, flow: str, state: BaseModel) -> None:
        """Make a flow active with its typed state; the next turn goes to its resume() first."""
        self.convo.flow, self.state = flow, state

    def leave(self) -> None:
        self.convo.flow, self.state = None, None


def button(key: str, payload: str, **values: Value) -> Button:
    """A button whose title is the text at key."""
    return Button(Text(key, values), payload)


def label_button(value: Value, payload: str) -> Button:
    """A button whose title is a value (a configured label, a date): rendered through 'common.value'."""
    return Button(Text("common.value", {"value": value}), payload)
