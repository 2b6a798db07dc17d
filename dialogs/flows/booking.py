"""Book a samtale: type → mode → free times (buttons or a free-text wish) → confirm → booked (+ number) + invite.

See booking.md for the diagram. A phone meeting asks for the number to call after the time is booked,
so the number goes straight onto the booking, never into the flow state or the transcript.
"""
from typing import Literal

from dialogs.context import Ctx, button, label_button
from dialogs.flows.handoff import phone_number
from dialogs.flows.slot_picker import SlotFlow, SlotState, WishState, wish_of
from nlu.client import make_payload
from services.case.model import BookingView
from services.case.port import BookingNotFound
from services.case.values import meeting_values
from services.dates import TZ
from services.meeting_values import describe
from services.outgoing import Label, Text, Value, When

KEEP_NUMBER = "keep_number"  # the button: call the number the jobcentre already has


class BookState(SlotState):
    step: Literal["type", "mode", "slot", "confirm", "phone"] = "type"
    meeting_mode: str | None = None
    booking_id: int | None = None  # booked, waiting for the number to call


def _tried_a_number(text: str, not_understood: bool) -> bool:
    """Mostly digits ('1234'), or digits in a message the NLU did not understand: a mistyped phone number."""
    digits = sum(c.isdigit() for c in text)
    return (digits >= 4 and 2 * digits >= len(text.replace(" ", ""))) or (digits > 0 and not_understood)


async def meeting_on_wished_days(ctx: Ctx, wish: WishState | None) -> BookingView | None:
    """The citizen's first meeting on the day(s) named ('en samtale på torsdag' in a letter), if any."""
    if wish is None or wish.date_from is None:
        return None
    last = wish.date_to or wish.date_from
    return next((b for b in await ctx.booking.upcoming(ctx.convo.citizen_id)
                 if wish.date_from <= b.slot.starts_at.astimezone(TZ).date() <= last), None)


class BookFlow(SlotFlow):
    """'Jeg vil booke en samtale (på tirsdag)'."""

    name = "book"
    intents = ("book_meeting",)
    personal = True
    State = BookState
    done_text = "booking.booked"
    done_event = "booking_made"

    async def start(self, ctx: Ctx) -> None:
        wish = wish_of(ctx)
        existing = await meeting_on_wished_days(ctx, wish)
        if existing is not None:  # they have one then: show it instead of booking a second one
            ctx.say("meetings.on_that_day", [
                button("sickness.move", make_payload("reschedule_meeting", booking_id=existing.id)),
                button("sickness.cancel", make_payload("cancel_meeting", booking_id=existing.id)),
                button("meetings.on_that_day_book", make_payload("book_meeting"))],
                **meeting_values(ctx.booking.municipality, existing))
            return
        ctx.enter(self.name, BookState(wish=wish))
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

    def expects_free_text(self, state: BookState) -> bool:
        return state.step == "phone"

    async def resume(self, ctx: Ctx) -> bool:
        nlu, step = ctx.nlu, ctx.state.step
        if step == "phone":
            return await self._call_number(ctx)
        if nlu.intent in ("choose_type", "choose_mode"):
            await self._advance(ctx, nlu.entity("meeting_type"), nlu.entity("meeting_mode"))
            return True
        if step in ("type", "mode") and (nlu.entity("meeting_type") or nlu.entity("meeting_mode")):
            await self._advance(ctx, nlu.entity("meeting_type"), nlu.entity("meeting_mode"))
            return True
        if step in ("slot", "confirm"):
            return await self.slot_turn(ctx)
        return False

    async def _call_number(self, ctx: Ctx) -> bool:
        """The number to call: stored on the booking only; the transcript says [privat svar]."""
        state: BookState = ctx.state
        assert state.booking_id is not None
        number = None if ctx.nlu.payload else phone_number(ctx.nlu.text)
        if number is None and ctx.nlu.intent != KEEP_NUMBER:
            if ctx.nlu.payload or not _tried_a_number(ctx.nlu.text, ctx.nlu.fallback):
                return False  # not an answer ("flyt den til den 1. december", the menu): the global rules take it
            ctx.private_answer = True
            ctx.say("booking.call_number_bad", [button("booking.call_number_known", make_payload(KEEP_NUMBER))])
            return True
        booking_id = state.booking_id
        ctx.leave()
        if number is None:
            ctx.say("booking.call_number_kept", "menu")
            return True
        ctx.private_answer = True
        try:
            await ctx.booking.set_call_number(ctx.convo.citizen_id, booking_id, number)
        except BookingNotFound:  # cancelled in another chat meanwhile
            ctx.say("meetings.gone_short", "menu")
            return True
        ctx.say("booking.call_number_saved", "menu", ending=number[-2:])
        return True

    def done_values(self, ctx: Ctx, booking: BookingView) -> dict[str, Value]:
        # A new phone meeting: the number is asked for right after, so the confirmation only promises the call.
        return {"details": Text("booking.where_phone_pending")} if booking.mode == "telefon" else {}

    def done_buttons(self, booking: BookingView) -> str | None:
        return None if booking.mode == "telefon" else "menu"

    async def after_done(self, ctx: Ctx, booking: BookingView) -> None:
        if booking.mode == "telefon":
            ctx.enter(self.name, BookState(step="phone", booking_id=booking.id))
            ctx.say("booking.ask_call_number", [button("booking.call_number_known", make_payload(KEEP_NUMBER))])

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
