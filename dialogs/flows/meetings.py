"""The citizen's own bookings: list them, move one (pick → new time → confirm), cancel one (pick → confirm).

See booking.md for the diagram.
"""
from datetime import datetime
from typing import Literal

from dialogs.context import Ctx, button
from dialogs.flows.base import Flow, FlowState
from dialogs.flows.slot_picker import SlotFlow, SlotState, invite_file, wish_of
from nlu.client import make_payload
from services.case.model import BookingView
from services.case.port import BookingNotFound
from services.case.values import item_key, meeting_values
from services.meeting_values import describe
from services.outgoing import Text, Value, When


def _values(ctx: Ctx, b: BookingView) -> dict[str, Value]:
    return meeting_values(ctx.booking.municipality, b)


def say_no_bookings(ctx: Ctx) -> None:
    ctx.say("meetings.none", [button("meetings.none_buttons_book", make_payload("book_meeting"))])


async def say_bookings(ctx: Ctx) -> None:
    """The citizen's upcoming bookings, one per line (used by listing and after a failed cancel)."""
    bookings = await ctx.booking.upcoming(ctx.convo.citizen_id)
    if not bookings:
        say_no_bookings(ctx)
        return
    ctx.say("meetings.list", "menu", items=[Text(item_key(b), _values(ctx, b)) for b in bookings])


async def _pick(ctx: Ctx, question: str) -> BookingView | None:
    """The booking to act on: the one named by the button, the only one, or ask which; None: none, or we asked."""
    if ctx.nlu.payload and isinstance(ctx.nlu.entity("booking_id"), int):  # "Flyt samtalen" under a shown meeting
        named = await _picked(ctx)
        if named is not None:
            return named
    bookings = await ctx.booking.upcoming(ctx.convo.citizen_id)
    if not bookings:
        ctx.leave()
        say_no_bookings(ctx)
        return None
    if len(bookings) == 1:
        return bookings[0]
    ctx.say(question, [button("meetings.pick_item", make_payload("pick_booking", booking_id=b.id),
                              when=When(b.slot.starts_at, "slot"), type=_values(ctx, b)["type"]) for b in bookings])
    ctx.state.step = "pick"
    return None


async def _picked(ctx: Ctx) -> BookingView | None:
    """The booking chosen with a /pick_booking button, if it is still active."""
    booking_id = ctx.nlu.entity("booking_id")
    if not isinstance(booking_id, int):
        return None
    try:
        return await ctx.booking.get(ctx.convo.citizen_id, booking_id)
    except BookingNotFound:
        return None


class ListFlow(Flow):
    """'Hvornår er min samtale?'"""

    name = "list"
    intents = ("list_meetings",)
    personal = True

    async def start(self, ctx: Ctx) -> None:
        await say_bookings(ctx)


class MoveState(SlotState):
    step: Literal["pick", "slot", "confirm"] = "pick"
    booking_id: int | None = None
    old_at: datetime | None = None  # the time it had, named in the confirmation (the old invite is void)


class MoveFlow(SlotFlow):
    """'Kan jeg flytte min samtale til fredag?'"""

    name = "move"
    intents = ("reschedule_meeting",)
    personal = True
    State = MoveState
    done_text = "meetings.moved"
    done_event = "booking_moved"

    async def start(self, ctx: Ctx) -> None:
        ctx.enter(self.name, MoveState(wish=wish_of(ctx)))
        booking = await _pick(ctx, "meetings.pick_move")
        if booking:
            await self._offer_for(ctx, booking)

    async def _offer_for(self, ctx: Ctx, booking: BookingView) -> None:
        state: MoveState = ctx.state
        state.booking_id, state.meeting_type, state.exclude = booking.id, booking.slot.meeting_type, booking.slot.id
        await self.offer(ctx, "meetings.move_offer", **_values(ctx, booking))

    async def resume(self, ctx: Ctx) -> bool:
        if ctx.nlu.intent == "pick_booking":
            booking = await _picked(ctx)
            if booking is None:
                return False
            await self._offer_for(ctx, booking)
            return True
        if ctx.state.step in ("slot", "confirm"):
            return await self.slot_turn(ctx)
        return False

    async def ask_confirm(self, ctx: Ctx, slot_id: int) -> None:
        slot = await self.slot_lookup(ctx, slot_id)
        if slot is None:
            return
        booking = await ctx.booking.get(ctx.convo.citizen_id, ctx.state.booking_id)
        old = _values(ctx, booking)
        ctx.state.old_at = booking.slot.starts_at
        new = describe(ctx.booking.municipality, slot.meeting_type, slot.starts_at, booking.mode)
        ctx.say("meetings.confirm_move", [button("meetings.confirm_move_yes", make_payload("affirm")),
                                          button("booking.confirm_no", make_payload("deny"))],
                type=old["type"], old=old["when"], when=new["when"])

    async def apply(self, ctx: Ctx, slot_id: int) -> BookingView:
        return await ctx.booking.move(ctx.convo.citizen_id, ctx.state.booking_id, slot_id, ctx.convo.id)

    def done_values(self, ctx: Ctx, booking: BookingView) -> dict[str, Value]:
        old_at = ctx.state.old_at
        return {"old": When(old_at, "long")} if old_at else {"old": "-"}


class CancelState(FlowState):
    step: Literal["pick", "confirm"] = "pick"
    booking_id: int | None = None


class CancelFlow(Flow):
    """'Aflys min samtale.'"""

    name = "cancel"
    intents = ("cancel_meeting",)
    personal = True
    State = CancelState

    async def start(self, ctx: Ctx) -> None:
        ctx.enter(self.name, CancelState())
        booking = await _pick(ctx, "meetings.pick_cancel")
        if booking:
            self._ask(ctx, booking)

    def _ask(self, ctx: Ctx, booking: BookingView) -> None:
        ctx.state.step, ctx.state.booking_id = "confirm", booking.id
        ctx.say("meetings.confirm_cancel", [button("meetings.confirm_cancel_yes", make_payload("affirm")),
                                            button("meetings.confirm_cancel_no", make_payload("deny"))],
                **_values(ctx, booking))

    async def resume(self, ctx: Ctx) -> bool:
        nlu, state = ctx.nlu, ctx.state
        if nlu.intent == "pick_booking":
            booking = await _picked(ctx)
            if booking is None:
                return False
            self._ask(ctx, booking)
            return True
        if state.step != "confirm" or nlu.intent not in ("affirm", "deny") or nlu.fallback:
            return False
        booking_id = state.booking_id or 0
        ctx.leave()
        if nlu.intent == "deny":
            ctx.say("meetings.kept", "menu")
            return True
        try:
            booking = await ctx.booking.cancel(ctx.convo.citizen_id, booking_id)
        except BookingNotFound:
            ctx.say("meetings.gone")
            await say_bookings(ctx)
            return True
        ctx.event("booking_cancelled", booking_id=booking.id, meeting_type=booking.slot.meeting_type)
        ctx.say("meetings.cancelled", "menu", file=await invite_file(ctx, booking, cancelled=True),
                **_values(ctx, booking))
        return True
