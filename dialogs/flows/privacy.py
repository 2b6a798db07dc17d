"""Privacy: what is stored, see/export it, delete it (with confirmation)."""
import json

from dialogs.context import Ctx
from dialogs.flows.base import Flow
from dialogs.turn import Attachment


class PrivacyFlow(Flow):
    """'Hvad gemmer I om mig?' and 'Se mine data' (with a JSON export)."""

    name = "privacy"
    intents = ("privacy", "show_my_data")

    async def start(self, ctx: Ctx) -> None:
        if ctx.nlu.intent == "privacy":
            ctx.say("privacy.about", "privacy")
            return
        data = await ctx.services.store.citizen_data(ctx.convo.citizen_id)
        name = ctx.texts.get("privacy.export_name")
        token = await ctx.services.store.add_file(
            ctx.convo.id, name, "application/json",
            json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
        ctx.say_text(ctx.texts.get("privacy.summary", messages=len(data["messages"]),
                                   bookings=len(data["bookings"]), handoffs=len(data["handoffs"])),
                     "privacy", attachment=Attachment(url=f"/files/{token}", name=name))


class DeleteDataFlow(Flow):
    """'Slet mine data': confirm, then delete the citizen and everything linked."""

    name = "delete_data"
    intents = ("delete_my_data",)

    async def start(self, ctx: Ctx) -> None:
        ctx.enter(self.name)
        ctx.say("privacy.confirm_delete", "confirm_delete")

    async def resume(self, ctx: Ctx) -> bool:
        if ctx.nlu.intent == "affirm" and not ctx.nlu.fallback:
            await ctx.services.store.delete_citizen(ctx.convo.citizen_id)
            ctx.leave()
            ctx.say("privacy.deleted")
            return True
        if ctx.nlu.intent == "deny" and not ctx.nlu.fallback:
            ctx.leave()
            ctx.say("privacy.kept", "menu")
            return True
        ctx.leave()  # anything else: do not keep a destructive question hanging
        return False
