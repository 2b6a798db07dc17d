"""What goes into the engine: one incoming message on a channel, independent of channel."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Turn:
    """One incoming message on a channel, from one conversation."""

    channel: str
    sender: str
    text: str

    @property
    def conversation_id(self) -> str:
        return f"{self.channel}:{self.sender}"
