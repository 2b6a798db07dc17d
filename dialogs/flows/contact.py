"""'Hvor ligger I', 'hvornår har I åbent', 'hvad er jeres nummer': the jobcentre's facts from its configuration."""
from dialogs.context import Ctx
from dialogs.flows.base import Flow
from services.case.values import configured, directions
from services.opening_hours import closes_today, spans
from services.outgoing import Text, When


class ContactFlow(Flow):
    """One answer with address, directions, phone, e-mail and opening hours, and whether it is open now."""

    name = "contact"
    intents = ("contact_jobcentre",)
    side_remark = True  # asked mid-booking ("hvor ligger I?"): answered, and the booking goes on

    async def start(self, ctx: Ctx) -> None:
        case = ctx.booking
        hours, now = case.municipality.opening_hours, ctx.services.clock()
        week = [Text("contact.span", {"days": _days(s.first, s.last), "opens": s.opens.strftime("%H:%M"),
                                      "closes": s.closes.strftime("%H:%M")}) for s in spans(hours)]
        closes, opens = closes_today(hours, now), hours.next_open(now)
        if closes is not None:
            status = Text("contact.open_now", {"closes": closes.strftime("%H:%M")})
        elif opens is not None:
            status = Text("contact.closed_now", {"opens": When(opens, "long")})
        else:
            status = Text("contact.no_hours")
        place = case.place
        if place is None or not place.address:  # a municipality that has not configured its jobcentre yet
            ctx.say("contact.hours_only", "person", name=case.municipality.location, hours=week, status=status)
            return
        ctx.say("contact.info", "person", name=configured(place.name), address=configured(place.address),
                directions=directions(place), phone=configured(place.phone),
                email=configured(place.email), hours=week, status=status)


def _days(first: int, last: int) -> Text:
    day = Text("contact.day", {"day": first})
    return day if first == last else Text("contact.days", {"first": day, "last": Text("contact.day", {"day": last})})
