"""'Jeg er syg': the general answer, how to report sick for a meeting, and the offer to move or cancel one soon."""
from datetime import timedelta

from dialogs.context import Ctx, button
from dialogs.flows.base import Flow
from nlu.client import make_payload
from services.case.values import configured, meeting_values

SOON = timedelta(days=7)  # a meeting within a week is the one an illness is likely to hit


class SicknessFlow(Flow):
    """Knows the citizen's own meetings: the next one is named, with whom to call and buttons to move or cancel it."""

    name = "sickness"
    intents = ("sickness",)

    async def start(self, ctx: Ctx) -> None:
        svc = ctx.booking
        upcoming = [b for b in await svc.upcoming(ctx.convo.citizen_id)
                    if b.slot.starts_at - ctx.services.clock() < SOON]
        if not upcoming:
            phone = svc.place.phone if svc.place else ""
            if not phone:
                ctx.say("answers.sickness.text", "person")
                return
            ctx.say("answers.sickness.text")
            ctx.say("sickness.call", "person", phone=configured(phone))
            return
        ctx.say("answers.sickness.text")
        ctx.say("sickness.has_meeting", [button("sickness.move", make_payload("reschedule_meeting",
                                                                              booking_id=upcoming[0].id)),
                                         button("sickness.cancel", make_payload("cancel_meeting",
                                                                                booking_id=upcoming[0].id)),
                                         *ctx.buttons("person")],
                **meeting_values(svc.municipality, upcoming[0]))
