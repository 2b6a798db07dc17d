"""'Jeg er syg': the general answer, and, when the citizen has a samtale coming up, the offer to move or cancel it."""
from datetime import timedelta

from dialogs.context import Ctx
from dialogs.flows.base import Flow
from dialogs.flows.slot_picker import describe_booking
from dialogs.turn import Button

SOON = timedelta(days=7)  # a meeting within a week is the one an illness is likely to hit


class SicknessFlow(Flow):
    """Knows the citizen's own bookings: the next one is named with buttons to move or cancel it."""

    name = "sickness"
    intents = ("sickness",)

    async def start(self, ctx: Ctx) -> None:
        svc, texts = ctx.services.booking, ctx.texts
        upcoming = [b for b in await svc.upcoming(ctx.convo.citizen_id)
                    if b.slot.starts_at - ctx.services.clock() < SOON]
        if not upcoming:
            ctx.say("answers.sickness.text", "person")
            return
        ctx.say("answers.sickness.text")
        ctx.say("sickness.has_meeting", [Button(texts.get("sickness.move"), "/reschedule_meeting"),
                                         Button(texts.get("sickness.cancel"), "/cancel_meeting"),
                                         *texts.buttons("person")],
                **describe_booking(svc.municipality, upcoming[0]))
