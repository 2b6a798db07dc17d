"""Privacy: what is stored and why, see/export it (a readable page and JSON), delete it (with confirmation)."""
import json
from typing import Literal

from dialogs.context import Ctx
from dialogs.flows.base import Flow, FlowState
from i18n import format_datetime
from services.export_view import ExportPage, kept_messages
from services.outgoing import FileRef, OutMessage, Text


class PrivacyFlow(Flow):
    """'Hvad gemmer I om mig?' (the notice) and 'Se mine data' (every table that holds citizen data, as files)."""

    name = "privacy"
    intents = ("privacy", "show_my_data")
    personal = ("show_my_data",)  # the explanation is general; the export is the citizen's own
    side_remark = True

    async def start(self, ctx: Ctx) -> None:
        if ctx.nlu.intent == "privacy":
            policy = ctx.services.retention
            ctx.say("privacy.about", "privacy", days=policy.days, anonymous_days=policy.anonymous_days)
            return
        await self._export(ctx)

    async def _export(self, ctx: Ctx) -> None:
        """The same data twice: a page for the citizen and JSON for a computer; then what deletion would keep."""
        data = await ctx.services.citizens.export(ctx.convo.citizen_id)
        files = ctx.services.files
        page_name, json_name = ctx.texts.get("privacy.export_page_name"), ctx.texts.get("privacy.export_name")
        page = ExportPage(ctx.texts, format_datetime).render(data, ctx.services.clock())
        page_token = await files.add(ctx.convo.id, page_name, "text/html; charset=utf-8", page.encode("utf-8"))
        json_token = await files.add(ctx.convo.id, json_name, "application/json",
                                     json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
        ctx.say("privacy.summary", file=FileRef(page_token, page_name), messages=len(data.get("messages", [])),
                bookings=len(data.get("bookings", [])), handoffs=len(data.get("handoffs", [])))
        ctx.say("privacy.export_json", file=FileRef(json_token, json_name))
        ctx.say("privacy.on_delete", "after_export", kept=list(kept_messages()))


class DeleteState(FlowState):
    step: Literal["confirm"] = "confirm"


class DeleteDataFlow(Flow):
    """'Slet mine data': confirm, then delete the citizen and everything linked; the web page clears its transcript."""

    name = "delete_data"
    intents = ("delete_my_data",)
    personal = True  # the identity engineer's login gate: deleting is the citizen's own action
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
            ctx.send(OutMessage(Text("privacy.deleted"), clear_transcript=True))
            return True
        if ctx.nlu.intent == "deny" and not ctx.nlu.fallback:
            ctx.leave()
            ctx.say("privacy.kept", "menu")
            return True
        ctx.leave()  # anything else: do not keep a destructive question hanging
        return False
