"""Published slots around the test clock (Monday 23 Nov 2026, 09:00 local; notice 24 h)."""
from datetime import date, time

from services.slots import SlotAdmin

DAYS = [date(2026, 11, 23), date(2026, 11, 25), date(2026, 11, 26), date(2026, 11, 27), date(2026, 12, 1)]
TIMES = [time(10), time(13)]


async def publish(sessions, municipality, meeting_type: str = "jobsamtale") -> int:
    """Monday's slots are inside the notice period; the rest are bookable."""
    return await SlotAdmin(sessions, municipality).add("Test Rådgiver", DAYS, TIMES, meeting_type)
