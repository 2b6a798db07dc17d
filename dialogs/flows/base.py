"""The flow interface: start on an intent, optionally resume while active."""
from typing import ClassVar

from dialogs.context import Ctx


class Flow:
    """A feature's dialog. Subclasses set name and the intents (or button payloads) that start it."""

    name: ClassVar[str]
    intents: ClassVar[tuple[str, ...]] = ()

    async def start(self, ctx: Ctx) -> None:
        raise NotImplementedError

    async def resume(self, ctx: Ctx) -> bool:
        """Handle a message while this flow is active; False hands it to the global rules."""
        return False
