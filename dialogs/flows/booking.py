"""Book a samtale: type → mode → free times (buttons or a free-text wish) → confirm → booked + invite.

See booking.md for the diagram.
"""
from dialogs.context import Ctx
from dialogs.flows.slot_picker import SlotFlow, describe, wish_to_state
from dialogs.turn import Button
from services.booking import BookingView
from services.dates import format_date, parse_wish


class BookFlow(SlotFlow):
    """'Jeg vil booke en samtale (på tirsdag)'."""

    name = "book"
    intents = ("book_meeting",)
    done_text = "booking.booked"

    async def start(self, ctx: Ctx) -> None:
        wish = parse_wish(ctx.nlu.text, ctx.services.clock()) if not ctx.nlu.payload else None
        ctx.enter(self.name, step="type", wish=wish_to_state(wish) if wish and not wish.is_empty() else None)
        types = self.svc(ctx).municipality.meeting_types
        wanted = ctx.nlu.entity("meeting_type")
        await self._advance(ctx, wanted if wanted in types else (next(iter(types)) if len(types) == 1 else None),
                            ctx.nlu.entity("meeting_mode"))

    async def _advance(self, ctx: Ctx, meeting_type: str | None, mode: str | None) -> None:
        """Ask for what is still missing (type, then mode), then offer times."""
        state, muni = ctx.state, self.svc(ctx).municipality
        if meeting_type in muni.meeting_types:
            state["type"] = meeting_type
        if not state.get("type"):
            state["step"] = "type"
            ctx.say("booking.ask_type", [Button(t.label, f'/choose_type{{"meeting_type": "{k}"}}')
                                         for k, t in muni.meeting_types.items()])
            return
        modes = muni.meeting_types[state["type"]].modes
        if mode in modes or len(modes) == 1:
            state["mode"] = mode if mode in modes else modes[0]
        if not state.get("mode"):
            state["step"] = "mode"
            ctx.say("booking.ask_mode", [Button(muni.modes[m], f'/choose_mode{{"mode": "{m}"}}') for m in modes])
            return
        await self.offer(ctx, "booking.offer_first", deadline=format_date(self.svc(ctx).deadline()))

    async def resume(self, ctx: Ctx) -> bool:
        nlu, step = ctx.nlu, ctx.state.get("step")
        if nlu.intent in ("choose_type", "choose_mode"):
            await self._advance(ctx, nlu.entity("meeting_type"), nlu.entity("mode"))
            return True
        if step in ("type", "mode") and (nlu.entity("meeting_type") or nlu.entity("meeting_mode")):
            await self._advance(ctx, nlu.entity("meeting_type"), nlu.entity("meeting_mode"))
            return True
        if step in ("slot", "confirm"):
            return await self.slot_turn(ctx)
        return False

    async def ask_confirm(self, ctx: Ctx, slot_id: int) -> None:
        slot = await self.slot_lookup(ctx, slot_id)
        if slot is None:
            return
        values = describe(self.svc(ctx).municipality, slot.meeting_type, slot.starts_at, ctx.state["mode"])
        ctx.say("booking.confirm", [Button(ctx.texts.get("booking.confirm_yes"), "/affirm"),
                                    Button(ctx.texts.get("booking.confirm_no"), "/deny")], **values)

    async def apply(self, ctx: Ctx, slot_id: int) -> BookingView:
        return await self.svc(ctx).book(ctx.convo.citizen_id, ctx.convo.id, slot_id, ctx.state["mode"])
