"""The caseworker inbox: its JSON API and its page (/inbox/), assembled from the running assistant."""
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Sequence

import yaml
from aiohttp import web

from bot.inbox_api import build_inbox_api
from i18n import format_datetime
from services.booking import BookingService
from services.dates_format import to_local
from services.inbox import END_STATUSES, Inbox
from services.staff import StaffService

STATIC = Path(__file__).resolve().parent / "static" / "inbox"
CANNED = Path(__file__).resolve().parent.parent / "services" / "data" / "canned"


def canned_replies(municipality: str) -> list[dict[str, str]]:
    """The municipality's canned replies (services/data/canned/<key>.yml); none if it has no file."""
    path = CANNED / f"{municipality}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []


def build_inbox(staff: StaffService, inbox: Inbox, booking: BookingService, cookie_secure: bool,
                clock: Callable[[], datetime], extra_routes: Sequence[web.AbstractRouteDef] = ()) -> web.Application:
    """/inbox/api/* (contract), the page at /inbox/ (static files over that API) and extra pages (/inbox/stats)."""
    muni = booking.municipality

    async def bookings_today() -> list[dict[str, Any]]:
        today = to_local(clock()).date()
        return [{"at": b.slot.starts_at.isoformat(), "time": format_datetime(b.slot.starts_at, "slot", "da"),
                 "type": muni.meeting_types[b.slot.meeting_type].label,
                 "mode": muni.modes.get(b.mode, {"da": b.mode}).get("da", b.mode), "caseworker": b.slot.caseworker}
                for b in await booking.on_day(today)]

    async def canned() -> list[dict[str, str]]:
        return canned_replies(muni.key)

    async def end_statuses() -> list[str]:
        return list(END_STATUSES)

    api = build_inbox_api(staff, inbox, {"bookings_today": bookings_today, "canned": canned,
                                         "end_statuses": end_statuses}, cookie_secure)

    async def page(_: web.Request) -> web.StreamResponse:
        index = STATIC / "index.html"
        if not index.exists():
            raise web.HTTPNotFound(text="the inbox page is not built into this version")
        return web.FileResponse(index, headers={"Cache-Control": "no-store"})

    app = web.Application()
    app.add_subapp("/api/", api)
    app.add_routes([web.get("/", page), *extra_routes])
    if STATIC.exists():
        app.add_routes([web.static("/static", STATIC)])
    return app
