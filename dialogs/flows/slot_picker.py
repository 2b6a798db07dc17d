"""Shared by booking and moving: offer free times as buttons, narrow them by a free-text wish, confirm."""
from datetime import date, datetime, time
from typing import Any

from dialogs.context import Ctx
from dialogs.flows.base import Flow
from dialogs.turn import Attachment, Button
from services.booking import BookingNotFound, BookingService, BookingView, SlotNotBookable, SlotTaken, SlotView
from services.dates import TimeWish, format_date_long, format_slot, parse_wish
from services.ics import Invite, build_ics
from services.municipality import Municipality

PAGE = 5


def wish_to_state(wish: TimeWish) -> dict[str, str | None]:
    return {k: (v.isoformat() if v else None) for k, v in vars(wish).items()}


def wish_from_state(raw: dict[str, Any] | None) -> TimeWish:
    raw = raw or {}
    d = {k: date.fromisoformat(raw[k]) if raw.get(k) else None for k in ("date_from", "date_to")}
    t = {k: time.fromisoformat(raw[k]) if raw.get(k) else None for k in ("time_from", "time_to")}
    return TimeWish(**d, **t)


def describe(muni: Municipality, meeting_type: str, starts_at: datetime, mode: str) -> dict[str, str]:
    """The values the booking texts use: type label, long date, mode label."""
    return {"type": muni.meeting_types[meeting_type].label, "when": format_date_long(starts_at),
            "mode": muni.modes.get(mode, mode)}


def describe_booking(muni: Municipality, b: BookingView) -> dict[str, str]:
    return describe(muni, b.slot.meeting_type, b.slot.starts_at, b.mode)


async def invite_attachment(ctx: Ctx, booking: BookingView, cancelled: bool = False) -> Attachment:
    """Build the .ics for a booking, store it and return the download."""
    values = describe_booking(ctx.services.booking.municipality, booking)
    invite = Invite(uid=booking.uid, sequence=booking.sequence, starts_at=booking.slot.starts_at,
                    minutes=booking.slot.minutes, summary=ctx.texts.get("booking.invite_summary", **values),
                    description=ctx.texts.get("booking.invite_description", **values),
                    location=booking.slot.location, cancelled=cancelled)
    name = ctx.texts.get("booking.invite_cancel_name" if cancelled else "booking.invite_name")
    token = await ctx.services.store.add_file(ctx.convo.id, name, "text/calendar; charset=utf-8",
                                              build_ics(invite, ctx.services.clock()))
    return Attachment(url=f"/files/{token}", name=name)


class SlotFlow(Flow):
    """A flow with a 'slot' step (pick a time) and a 'confirm' step; subclasses say what confirming does."""

    def svc(self, ctx: Ctx) -> BookingService:
        return ctx.services.booking

    async def offer(self, ctx: Ctx, intro: str, more: bool = False, **values: str) -> None:
        """Offer the next free slots for the state's type and wish; 'Flere tider' continues after the last."""
        state = ctx.state
        wish = wish_from_state(state.get("wish"))
        after = datetime.fromisoformat(state["after"]) if more and state.get("after") else None
        exclude = [state["exclude"]] if state.get("exclude") else []
        slots = await self.svc(ctx).free_slots(state["type"], wish, PAGE, after, exclude)
        if not slots and not wish.is_empty() and not more:
            state["wish"] = None  # nothing fits: show the nearest instead of a dead end
            slots = await self.svc(ctx).free_slots(state["type"], None, PAGE, None, exclude)
            intro = "booking.none_for_wish"
        if not slots:
            ctx.say("booking.no_more" if more else "booking.none_at_all", "person")
            return
        state["step"], state["after"] = "slot", slots[-1].starts_at.isoformat()
        buttons = [Button(format_slot(s.starts_at), f'/pick_slot{{"slot_id": {s.id}}}') for s in slots]
        buttons.append(Button(ctx.texts.get("booking.more"), "/more_slots"))
        ctx.say(intro, buttons, **values)

    async def slot_turn(self, ctx: Ctx) -> bool:
        """Handle a turn in the 'slot' or 'confirm' step: pick, more, a new wish, yes/no."""
        nlu, state = ctx.nlu, ctx.state
        if nlu.intent == "pick_slot":
            slot_id = nlu.entity("slot_id")
            if not isinstance(slot_id, int):
                return False
            state["slot_id"], state["step"] = slot_id, "confirm"
            await self.ask_confirm(ctx, slot_id)
            return True
        if nlu.intent == "more_slots":
            await self.offer(ctx, "booking.offer", more=True)
            return True
        if state.get("step") == "confirm" and nlu.intent in ("affirm", "deny") and not nlu.fallback:
            if nlu.intent == "affirm":
                await self.commit(ctx, int(state["slot_id"]))
            else:
                await self.offer(ctx, "booking.cancelled_choice")
            return True
        if nlu.payload:
            return False
        wish = parse_wish(nlu.text, ctx.services.clock())
        if wish.is_empty():
            if nlu.fallback:  # not a time and not understood: help with the step instead of a generic menu
                ctx.say("booking.unclear_wish")
                return True
            return False
        state["wish"] = wish_to_state(wish)
        await self.offer(ctx, "booking.offer_wish")
        return True

    async def slot_lookup(self, ctx: Ctx, slot_id: int) -> SlotView | None:
        """The slot if it is still free and of the wanted type; None (and fresh options said) if not."""
        slot = await self.svc(ctx).free_slot(slot_id)
        if slot is not None and slot.meeting_type == ctx.state["type"]:
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
        ctx.leave()
        values = describe_booking(self.svc(ctx).municipality, booking)
        ctx.say_text(ctx.texts.get(self.done_text, **values), "menu", attachment=await invite_attachment(ctx, booking))

    done_text: str  # the confirmation shown with the invite

    async def ask_confirm(self, ctx: Ctx, slot_id: int) -> None:
        raise NotImplementedError

    async def apply(self, ctx: Ctx, slot_id: int) -> BookingView:
        """Book or move; raises the services.booking errors."""
        raise NotImplementedError
