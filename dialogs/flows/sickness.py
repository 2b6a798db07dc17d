"""'Jeg er syg': the general answer, and, when the citizen has a samtale coming up, the offer to move or cancel it."""
from datetime import timedelta

from dialogs.context import Ctx, button
from dialogs.flows.base import Flow
from nlu.client import make_payload
from services.meeting_values import describe_booking

SOON = timedelta(days=7)  # a meeting within a week is the one an illness is likely to hit


class SicknessFlow(Flow):
    """Knows the citizen's own bookings: the next one is named with buttons to move or cancel it."""

    name = "sickness"
    intents = ("sickness",)

    async def start(self, ctx: Ctx) -> None:
        svc = ctx.booking
        upcoming = [b for b in await svc.upcoming(ctx.convo.citizen_id)
                    if b.slot.starts_at - ctx.services.clock() < SOON]
        if not upcoming:
            ctx.say("answers.sickness.text", "person")
            return
        ctx.say("answers.sickness.text")
        ctx.say("sickness.has_meeting", [button("sickness.move", make_payload("reschedule_meeting")),
                                         button("sickness.cancel", make_payload("cancel_meeting")),
                                         *ctx.buttons("person")],
                **describe_booking(svc.municipality, upcoming[0]))
