"""A meeting's practical details as message values: where (address, call, link), with whom, how to reach them."""
from services.case.model import CASEWORKER, BookingView, Place
from services.meeting_values import describe_booking
from services.municipality import Municipality
from services.outgoing import Label, Text, Value


def configured(value: str) -> Label:
    """A value from configuration (an address, the jobcentre's phone, a link): shown as is, never redacted."""
    return Label({"da": value})


def directions(place: Place) -> Label:
    """The jobcentre's directions, one text per language, rendered in the reader's language at delivery."""
    return Label(dict(place.directions) or {"da": ""})


def details(b: BookingView) -> Text:
    """One sentence on how to attend: the address and directions, the call, or the link."""
    place = b.place
    if b.mode == "telefon":
        if b.call_number:
            return Text("booking.where_phone", {"ending": b.call_number[-2:]})
        return Text("booking.where_phone_known")
    if b.mode == "video":
        return Text("booking.where_video", {"url": configured(b.video_url)}) if b.video_url \
            else Text("booking.where_video_later")
    if place is None or not place.address:
        return Text("booking.where_attend_short", {"place": configured(b.slot.location)})
    return Text("booking.where_attend", {"place": configured(place.name), "address": configured(place.address),
                                         "directions": directions(place)})


def contact_phone(b: BookingView) -> str:
    """The caseworker's phone, else the jobcentre's ('' when neither is known)."""
    worker = b.caseworker_contact
    return (worker.phone if worker and worker.phone else "") or (b.place.phone if b.place else "")


def meeting_values(muni: Municipality, b: BookingView) -> dict[str, Value]:
    """type, when, mode (as before) plus caseworker, how to attend and the phone to call."""
    worker = b.caseworker_contact.name if b.caseworker_contact else b.slot.caseworker
    return {**describe_booking(muni, b), "caseworker": configured(worker), "details": details(b),
            "phone": configured(contact_phone(b))}


def item_key(b: BookingView) -> str:
    """The list line of a meeting; one the jobcentre booked says so (the citizen may not know it exists)."""
    return "meetings.item_by_jobcentre" if b.booked_by == CASEWORKER else "meetings.item"
