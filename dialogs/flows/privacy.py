"""Privacy: what is stored, see/export it, delete it (with confirmation)."""
import json
from typing import Literal

from dialogs.context import Ctx
from dialogs.flows.base import Flow, FlowState
from services.outgoing import FileRef


class PrivacyFlow(Flow):
    """'Hvad gemmer I om mig?' and 'Se mine data' (with a JSON export of every table that holds citizen data)."""

    name = "privacy"
    intents = ("privacy", "show_my_data")
    side_remark = True

    async def start(self, ctx: Ctx) -> None:
        if ctx.nlu.intent == "privacy":
            ctx.say("privacy.about", "privacy")
            return
        data = await ctx.services.citizens.export(ctx.convo.citizen_id)
        name = ctx.texts.get("privacy.export_name")
        token = await ctx.services.files.add(ctx.convo.id, name, "application/json",
                                             json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
        ctx.say("privacy.summary", "privacy", file=FileRef(token, name), messages=len(data.get("messages", [])),
                bookings=len(data.get("bookings", [])), handoffs=len(data.get("handoffs", [])))


class DeleteState(FlowState):
    step: Literal["confirm"] = "confirm"


class DeleteDataFlow(Flow):
    """'Slet mine data': confirm, then delete the citizen and everything linked."""

    name = "delete_data"
    intents = ("delete_my_data",)
    State = DeleteState
    interrupts = True

    async def start(self, ctx: Ctx) -> None:
        ctx.enter(self.name, DeleteState())
        ctx.say("privacy.confirm_delete", "confirm_delete")

    async def resume(self, ctx: Ctx) -> bool:
        if ctx.nlu.intent == "affirm" and not ctx.nlu.fallback:
            kept = await ctx.services.citizens.delete(ctx.convo.citizen_id)
            ctx.leave()
            ctx.event("data_deleted", anonymised=sum(kept.values()))
            ctx.say("privacy.deleted")
            return True
        if ctx.nlu.intent == "deny" and not ctx.nlu.fallback:
            ctx.leave()
            ctx.say("privacy.kept", "menu")
            return True
        ctx.leave()  # anything else: do not keep a destructive question hanging
        return False
