"""What goes into the engine (a turn) and what comes out (replies), independent of channel."""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Button:
    """A choice; the payload is sent back as the next message when pressed."""

    title: str
    payload: str


@dataclass(frozen=True)
class Attachment:
    """A file the citizen can download (e.g. a calendar invite)."""

    url: str
    name: str
    type: str = "file"


@dataclass
class Reply:
    """One bot message: text and/or buttons and/or an attachment."""

    text: str | None = None
    buttons: list[Button] = field(default_factory=list)
    attachment: Attachment | None = None


@dataclass(frozen=True)
class Turn:
    """One incoming message on a channel, from one conversation."""

    channel: str
    sender: str
    text: str

    @property
    def conversation_id(self) -> str:
        return f"{self.channel}:{self.sender}"
