"""The values the meeting texts use (type, when, mode), as message values rendered in the reader's language."""
from datetime import datetime

from services.booking import BookingView
from services.municipality import Municipality
from services.outgoing import Label, Value, When


def describe(muni: Municipality, meeting_type: str, starts_at: datetime, mode: str) -> dict[str, Value]:
    """Type label, long date and mode label of a meeting."""
    kind = muni.meeting_types.get(meeting_type)
    return {"type": Label(kind.labels if kind else {"da": meeting_type}), "when": When(starts_at, "long"),
            "mode": Label(muni.modes.get(mode, {"da": mode}))}


def describe_booking(muni: Municipality, b: BookingView) -> dict[str, Value]:
    return describe(muni, b.slot.meeting_type, b.slot.starts_at, b.mode)
