"""The citizen's own bookings: list them, move one (pick → new time → confirm), cancel one (pick → confirm).

See booking.md for the diagram.
"""
from dialogs.context import Ctx
from dialogs.flows.base import Flow
from dialogs.flows.slot_picker import SlotFlow, describe, describe_booking, invite_attachment, wish_to_state
from dialogs.turn import Button
from services.booking import BookingNotFound, BookingView
from services.dates import format_slot, parse_wish


def _values(ctx: Ctx, b: BookingView) -> dict[str, str]:
    return describe_booking(ctx.services.booking.municipality, b)


async def _pick(ctx: Ctx, flow: str, question: str) -> BookingView | None:
    """The booking to act on: the only one, or ask which (buttons); None when there is none or we asked."""
    bookings = await ctx.services.booking.upcoming(ctx.convo.citizen_id)
    if not bookings:
        ctx.leave()
        ctx.say("meetings.none", [Button(ctx.texts.get("meetings.none_buttons_book"), "/book_meeting")])
        return None
    if len(bookings) == 1:
        return bookings[0]
    ctx.say(question, [Button(f"{format_slot(b.slot.starts_at)}: {_values(ctx, b)['type']}",
                              f'/pick_booking{{"booking_id": {b.id}}}') for b in bookings])
    ctx.state["step"] = "pick"
    return None


async def _picked(ctx: Ctx) -> BookingView | None:
    """The booking chosen with a /pick_booking button, if it is still active."""
    booking_id = ctx.nlu.entity("booking_id")
    if not isinstance(booking_id, int):
        return None
    try:
        return await ctx.services.booking.get(ctx.convo.citizen_id, booking_id)
    except BookingNotFound:
        return None


class ListFlow(Flow):
    """'Hvornår er min samtale?'"""

    name = "list"
    intents = ("list_meetings",)

    async def start(self, ctx: Ctx) -> None:
        bookings = await ctx.services.booking.upcoming(ctx.convo.citizen_id)
        if not bookings:
            ctx.say("meetings.none", [Button(ctx.texts.get("meetings.none_buttons_book"), "/book_meeting")])
            return
        lines = [ctx.texts.get("meetings.list_intro")]
        lines += [ctx.texts.get("meetings.item", **_values(ctx, b)) for b in bookings]
        ctx.say_text("\n".join(lines), "menu")


class MoveFlow(SlotFlow):
    """'Kan jeg flytte min samtale til fredag?'"""

    name = "move"
    intents = ("reschedule_meeting",)
    done_text = "meetings.moved"

    async def start(self, ctx: Ctx) -> None:
        wish = parse_wish(ctx.nlu.text, ctx.services.clock()) if not ctx.nlu.payload else None
        ctx.enter(self.name, wish=wish_to_state(wish) if wish and not wish.is_empty() else None)
        booking = await _pick(ctx, self.name, "meetings.pick_move")
        if booking:
            await self._offer_for(ctx, booking)

    async def _offer_for(self, ctx: Ctx, booking: BookingView) -> None:
        ctx.state.update(booking_id=booking.id, type=booking.slot.meeting_type, exclude=booking.slot.id)
        await self.offer(ctx, "meetings.move_offer", **_values(ctx, booking))

    async def resume(self, ctx: Ctx) -> bool:
        if ctx.nlu.intent == "pick_booking":
            booking = await _picked(ctx)
            if booking is None:
                return False
            await self._offer_for(ctx, booking)
            return True
        if ctx.state.get("step") in ("slot", "confirm"):
            return await self.slot_turn(ctx)
        return False

    async def ask_confirm(self, ctx: Ctx, slot_id: int) -> None:
        slot = await self.slot_lookup(ctx, slot_id)
        if slot is None:
            return
        booking = await ctx.services.booking.get(ctx.convo.citizen_id, ctx.state["booking_id"])
        old = _values(ctx, booking)
        new = describe(self.svc(ctx).municipality, slot.meeting_type, slot.starts_at, booking.mode)
        ctx.say("meetings.confirm_move", [Button(ctx.texts.get("meetings.confirm_move_yes"), "/affirm"),
                                          Button(ctx.texts.get("booking.confirm_no"), "/deny")],
                type=old["type"], old=old["when"], when=new["when"])

    async def apply(self, ctx: Ctx, slot_id: int) -> BookingView:
        return await self.svc(ctx).move(ctx.convo.citizen_id, ctx.state["booking_id"], slot_id)


class CancelFlow(Flow):
    """'Aflys min samtale.'"""

    name = "cancel"
    intents = ("cancel_meeting",)

    async def start(self, ctx: Ctx) -> None:
        ctx.enter(self.name)
        booking = await _pick(ctx, self.name, "meetings.pick_cancel")
        if booking:
            self._ask(ctx, booking)

    def _ask(self, ctx: Ctx, booking: BookingView) -> None:
        ctx.state.update(step="confirm", booking_id=booking.id)
        ctx.say("meetings.confirm_cancel", [Button(ctx.texts.get("meetings.confirm_cancel_yes"), "/affirm"),
                                            Button(ctx.texts.get("meetings.confirm_cancel_no"), "/deny")],
                **_values(ctx, booking))

    async def resume(self, ctx: Ctx) -> bool:
        nlu, step = ctx.nlu, ctx.state.get("step")
        if nlu.intent == "pick_booking":
            booking = await _picked(ctx)
            if booking is None:
                return False
            self._ask(ctx, booking)
            return True
        if step != "confirm" or nlu.intent not in ("affirm", "deny") or nlu.fallback:
            return False
        booking_id = int(ctx.state.get("booking_id", 0))
        ctx.leave()
        if nlu.intent == "deny":
            ctx.say("meetings.kept", "menu")
            return True
        try:
            booking = await ctx.services.booking.cancel(ctx.convo.citizen_id, booking_id)
        except BookingNotFound:
            ctx.say("meetings.gone")
            await ListFlow().start(ctx)
            return True
        ctx.say_text(ctx.texts.get("meetings.cancelled", **_values(ctx, booking)), "menu",
                     attachment=await invite_attachment(ctx, booking, cancelled=True))
        return True
