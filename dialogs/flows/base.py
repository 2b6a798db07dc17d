"""The flow interface: start on an intent, optionally resume while active, with a typed state."""
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from dialogs.context import Ctx


class FlowState(BaseModel):
    """Base of every flow's state: validated when loaded, unknown keys refused (old state is dropped)."""

    model_config = ConfigDict(extra="forbid")


class Flow:
    """A feature's dialog. Subclasses set name, the intents (or button payloads) that start it, and State.

    interrupts: starting it ends any active flow even mid-step (crisis, a person, delete my data);
    side_remark: it answers without ending the active flow (what is stored about me).
    personal: it touches the citizen's own case (True: every intent; a tuple: only these intents), so the
    engine asks an anonymous citizen to log in first and continues with the same request after the login.
    """

    name: ClassVar[str]
    intents: ClassVar[tuple[str, ...]] = ()
    State: ClassVar[type[FlowState]] = FlowState
    interrupts: ClassVar[bool] = False
    side_remark: ClassVar[bool] = False
    personal: ClassVar[bool | tuple[str, ...]] = False

    def needs_login(self, intent: str) -> bool:
        return self.personal is True or (isinstance(self.personal, tuple) and intent in self.personal)

    async def start(self, ctx: Ctx) -> None:
        raise NotImplementedError

    async def resume(self, ctx: Ctx) -> bool:
        """Handle a message while this flow is active; False hands it to the global rules."""
        return False

    def expects_free_text(self, state: Any) -> bool:
        """True when the current step takes any text as its answer ('menu' in a CV field is an answer)."""
        return False
