"""Book a samtale: type → mode → free times (buttons or a free-text wish) → confirm → booked + invite.

See booking.md for the diagram.
"""
from typing import Literal

from dialogs.context import Ctx, button, label_button
from dialogs.flows.slot_picker import SlotFlow, SlotState, wish_of
from nlu.client import make_payload
from services.booking import BookingView
from services.meeting_values import describe
from services.outgoing import Label, When


class BookState(SlotState):
    step: Literal["type", "mode", "slot", "confirm"] = "type"
    meeting_mode: str | None = None


class BookFlow(SlotFlow):
    """'Jeg vil booke en samtale (på tirsdag)'."""

    name = "book"
    intents = ("book_meeting",)
    State = BookState
    done_text = "booking.booked"
    done_event = "booking_made"

    async def start(self, ctx: Ctx) -> None:
        ctx.enter(self.name, BookState(wish=wish_of(ctx)))
        types = ctx.booking.municipality.meeting_types
        wanted = ctx.nlu.entity("meeting_type")
        await self._advance(ctx, wanted if wanted in types else (next(iter(types)) if len(types) == 1 else None),
                            ctx.nlu.entity("meeting_mode"))

    async def _advance(self, ctx: Ctx, meeting_type: str | None, mode: str | None) -> None:
        """Ask for what is still missing (type, then mode), then offer times."""
        state: BookState = ctx.state
        muni = ctx.booking.municipality
        if meeting_type in muni.meeting_types:
            state.meeting_type = meeting_type
        if not state.meeting_type:
            state.step = "type"
            ctx.say("booking.ask_type", [label_button(Label(t.labels), make_payload("choose_type", meeting_type=k))
                                         for k, t in muni.meeting_types.items()])
            return
        modes = muni.meeting_types[state.meeting_type].modes
        if mode in modes or len(modes) == 1:
            state.meeting_mode = mode if mode in modes else modes[0]
        if not state.meeting_mode:
            state.step = "mode"
            ctx.say("booking.ask_mode", [label_button(Label(muni.modes[m]), make_payload("choose_mode", meeting_mode=m))
                                         for m in modes])
            return
        await self.offer(ctx, "booking.offer_first", deadline=When(ctx.booking.deadline(), "date"))

    async def resume(self, ctx: Ctx) -> bool:
        nlu, step = ctx.nlu, ctx.state.step
        if nlu.intent in ("choose_type", "choose_mode"):
            await self._advance(ctx, nlu.entity("meeting_type"), nlu.entity("meeting_mode"))
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
        state: BookState = ctx.state
        assert state.meeting_mode is not None
        values = describe(ctx.booking.municipality, slot.meeting_type, slot.starts_at, state.meeting_mode)
        ctx.say("booking.confirm", [button("booking.confirm_yes", make_payload("affirm")),
                                    button("booking.confirm_no", make_payload("deny"))], **values)

    async def apply(self, ctx: Ctx, slot_id: int) -> BookingView:
        assert ctx.state.meeting_mode is not None
        return await ctx.booking.book(ctx.convo.citizen_id, ctx.convo.id, slot_id, ctx.state.meeting_mode)
