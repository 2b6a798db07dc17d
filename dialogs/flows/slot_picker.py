"""Shared by booking and moving: offer free times as buttons, narrow them by a free-text wish, confirm."""
from datetime import date, datetime, time
from typing import Any

from dialogs.context import Ctx, button, label_button
from dialogs.flows.base import Flow, FlowState
from i18n import format_datetime
from nlu.client import make_payload
from services.case.model import BookingView, SlotView
from services.case.port import BookingNotFound, CaseSystem, SlotNotBookable, SlotTaken
from services.case.values import meeting_values
from services.dates import TZ, TimeWish, local_datetime, parse_wish
from services.ics import build_ics, invite_for
from services.meeting_values import describe_booking
from services.outgoing import FileRef, Value, When, render_value

PAGE = 5


class WishState(FlowState):
    """A TimeWish as stored state."""

    date_from: date | None = None
    date_to: date | None = None
    time_from: time | None = None
    time_to: time | None = None

    @classmethod
    def of(cls, wish: TimeWish) -> "WishState | None":
        return None if wish.is_empty() else cls(**vars(wish))

    def wish(self) -> TimeWish:
        return TimeWish(self.date_from, self.date_to, self.time_from, self.time_to)


class SlotState(FlowState):
    """What picking a time needs: the type, the wish, where the last page ended, the picked slot."""

    step: str = "slot"
    meeting_type: str | None = None
    wish: WishState | None = None
    after: datetime | None = None
    exclude: int | None = None
    slot_id: int | None = None


def wish_of(ctx: Ctx) -> WishState | None:
    """The time wish in a free-text message that starts a flow ('book en samtale på tirsdag')."""
    return None if ctx.nlu.payload else WishState.of(parse_wish(ctx.nlu.text, ctx.services.clock(), ctx.convo.locale))


async def invite_file(ctx: Ctx, booking: BookingView, cancelled: bool = False) -> FileRef:
    """Build the .ics for a booking in the conversation's language, store it and return the file.

    The file is named by the meeting's local time, so the older invite of a moved meeting is told apart by name.
    """
    texts = ctx.texts
    values = {k: str(v) for k, v in _plain(ctx, describe_booking(ctx.booking.municipality, booking)).items()}
    invite = invite_for(booking, texts, values, cancelled)
    stamp = booking.slot.starts_at.astimezone(TZ).strftime("%Y-%m-%d-%H%M")
    name = texts.get("booking.invite_cancel_name" if cancelled else "booking.invite_name", stamp=stamp)
    token = await ctx.services.files.add(ctx.convo.id, name, "text/calendar; charset=utf-8",
                                         build_ics(invite, ctx.services.clock()))
    return FileRef(token, name)


def _plain(ctx: Ctx, values: dict[str, Value]) -> dict[str, Any]:
    """Values rendered now (for a file, which is written once in the citizen's language)."""
    return {k: render_value(v, ctx.texts, format_datetime) for k, v in values.items()}


class SlotFlow(Flow):
    """A flow with a 'slot' step (pick a time) and a 'confirm' step; subclasses say what confirming does."""

    State = SlotState
    done_text: str  # the confirmation shown with the invite

    def svc(self, ctx: Ctx) -> CaseSystem:
        return ctx.booking

    async def offer(self, ctx: Ctx, intro: str, more: bool = False, **values: Value) -> None:
        """Offer the next free slots for the state's type and wish; 'Flere tider' continues after the last."""
        state: SlotState = ctx.state
        wish = state.wish.wish() if state.wish else TimeWish()
        after = state.after if more else None
        exclude = [state.exclude] if state.exclude else []
        assert state.meeting_type is not None
        slots = await self.svc(ctx).free_slots(state.meeting_type, wish, PAGE, after, exclude)
        if not slots and not wish.is_empty() and not more:
            slots, intro, values = await self._nearest(ctx, wish, exclude, values)
        if not slots:
            ctx.say("booking.no_more" if more else "booking.none_at_all", "person")
            return
        state.step, state.after = "slot", slots[-1].starts_at
        buttons = [label_button(When(s.starts_at, "slot"), make_payload("pick_slot", slot_id=s.id)) for s in slots]
        buttons.append(button("booking.more", make_payload("more_slots")))
        ctx.say(intro, buttons, **values)

    async def _nearest(self, ctx: Ctx, wish: TimeWish, exclude: list[int],
                       values: dict[str, Value]) -> tuple[list[SlotView], str, dict[str, Value]]:
        """Nothing fits the wish: the nearest times from the day asked for on, else from now — never a dead end."""
        state: SlotState = ctx.state
        assert state.meeting_type is not None
        nearest = wish.from_day()
        if not nearest.is_empty():
            slots = await self.svc(ctx).free_slots(state.meeting_type, nearest, PAGE, None, exclude)
            if slots:
                state.wish = WishState.of(nearest)
                if wish.weekend_only():
                    return slots, "booking.weekend", values
                day = When(local_datetime(wish.date_from or date.today(), time(12)), "date")
                return slots, "booking.none_from_day", {**values, "day": day}
        state.wish = None
        slots = await self.svc(ctx).free_slots(state.meeting_type, None, PAGE, None, exclude)
        return slots, "booking.none_for_wish", values

    async def slot_turn(self, ctx: Ctx) -> bool:
        """Handle a turn in the 'slot' or 'confirm' step: pick, more, a new wish, yes/no."""
        nlu, state = ctx.nlu, ctx.state
        if nlu.intent == "pick_slot":
            slot_id = nlu.entity("slot_id")
            if not isinstance(slot_id, int):
                return False
            state.slot_id, state.step = slot_id, "confirm"
            await self.ask_confirm(ctx, slot_id)
            return True
        if nlu.intent == "more_slots":
            await self.offer(ctx, "booking.offer_more", more=True)
            return True
        if state.step == "confirm" and nlu.intent in ("affirm", "deny") and not nlu.fallback:
            if nlu.intent == "affirm" and state.slot_id is not None:
                await self.commit(ctx, state.slot_id)
            else:
                await self.offer(ctx, "booking.cancelled_choice")
            return True
        if nlu.payload:
            return False
        wish = parse_wish(nlu.text, ctx.services.clock(), ctx.convo.locale)
        if wish.is_empty():
            if nlu.fallback:  # not a time and not understood: help with the step instead of a generic menu
                ctx.say("booking.unclear_wish")
                return True
            return False
        state.wish = WishState.of(wish)
        await self.offer(ctx, "booking.offer_wish")
        return True

    async def slot_lookup(self, ctx: Ctx, slot_id: int) -> SlotView | None:
        """The slot if it is still free and of the wanted type; None (and fresh options said) if not."""
        slot = await self.svc(ctx).free_slot(slot_id)
        if slot is not None and slot.meeting_type == ctx.state.meeting_type:
            return slot
        await self.offer(ctx, "booking.taken" if await self.svc(ctx).is_taken(slot_id) else "booking.too_late")
        return None

    async def commit(self, ctx: Ctx, slot_id: int) -> None:
        """Apply the change; a lost race or an expired time gives fresh options, success the invite."""
        try:
            booking = await self.apply(ctx, slot_id)
        except SlotTaken:
            await self.offer(ctx, "booking.taken")
            return
        except SlotNotBookable:
            await self.offer(ctx, "booking.too_late")
            return
        except BookingNotFound:  # cancelled or deleted in another conversation meanwhile
            ctx.leave()
            ctx.say("meetings.gone_short", "menu")
            return
        extra = self.done_values(ctx, booking)
        ctx.leave()
        ctx.event(self.done_event, booking_id=booking.id, meeting_type=booking.slot.meeting_type, mode=booking.mode)
        await self.say_done(ctx, booking, **extra)
        await self.after_done(ctx, booking)

    async def say_done(self, ctx: Ctx, booking: BookingView, **extra: Value) -> None:
        """The confirmation with every detail of the meeting and its invite."""
        values = {**meeting_values(self.svc(ctx).municipality, booking), **extra}
        ctx.say(self.done_text, self.done_buttons(booking), file=await invite_file(ctx, booking), **values)

    def done_buttons(self, booking: BookingView) -> str | None:
        """The menu under the confirmation, unless a question follows it."""
        return "menu"

    done_event: str  # booking_made | booking_moved

    def done_values(self, ctx: Ctx, booking: BookingView) -> dict[str, Value]:
        """Extra or replaced values of the confirmation, taken from the state before the flow ends."""
        return {}

    async def after_done(self, ctx: Ctx, booking: BookingView) -> None:
        """A question after the confirmation (the number to call); it may start a step of its own."""

    async def ask_confirm(self, ctx: Ctx, slot_id: int) -> None:
        raise NotImplementedError

    async def apply(self, ctx: Ctx, slot_id: int) -> BookingView:
        """Book or move; raises the services.booking errors."""
        raise NotImplementedError
