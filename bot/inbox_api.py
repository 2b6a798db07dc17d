"""The caseworker inbox's JSON API under /inbox/api/ (contract: ../shared/contracts/caseworker.md)."""
import hmac
import logging
from typing import Any, Awaitable, Callable

from aiohttp import web

from bot.http_json import clean_text, json_object
from services.inbox import END_STATUSES, HandoffDetail, Inbox, Outcome
from services.staff import Staff, StaffService
from store.handoffs import HandoffView

log = logging.getLogger(__name__)
COOKIE = "inbox_session"
MAX_TEXT = 4000
MAX_ID_DIGITS = 18  # below 2**63: a longer number is no id, and the database driver would overflow
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
STAFF = web.RequestKey("staff", Staff)


def handoff_json(h: HandoffView, now_iso: str | None = None) -> dict[str, Any]:
    return {"id": h.id, "status": h.status, "priority": h.priority, "reason": h.reason,
            "created_at": h.created_at.isoformat(), "channel": h.conversation_id.split(":", 1)[0],
            "claimed_by": h.claimed_by, "summary": h.summary, "end_status": h.end_status}


def detail_json(d: HandoffDetail) -> dict[str, Any]:
    return {**handoff_json(d.handoff), "contact": d.contact,
            "callback_at": d.callback_at.isoformat() if d.callback_at else None,
            "messages": [{"from": m.sender, "text": m.text, "at": m.at.isoformat()} for m in d.messages],
            "notes": [{"author": n.author, "text": n.text, "at": n.at.isoformat()} for n in d.notes]}


def _error(status: int, reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=status)


def _handoff_id(raw: str) -> int | None:
    """A handoff id from the path: ASCII digits within the database's integer range ('²'.isdigit() is True too)."""
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= MAX_ID_DIGITS else None


def build_inbox_api(staff: StaffService, inbox: Inbox, extras: dict[str, Callable[[], Awaitable[Any]]],
                    cookie_secure: bool) -> web.Application:
    """A sub-application mounted at /inbox/api; `extras` are read-only GET endpoints by name (canned replies ...)."""

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        """401 without a live session (except login); 403 for a POST without the session's CSRF token."""
        if request.path.endswith("/login"):
            return await handler(request)
        found = await staff.session(request.cookies.get(COOKIE, ""))
        if found is None:
            return _error(401, "not logged in")
        who, csrf = found
        sent = request.headers.get("X-CSRF-Token", "").encode("utf-8", "surrogateescape")
        if request.method != "GET" and not hmac.compare_digest(sent, csrf.encode()):  # bytes: str must be ASCII
            return _error(403, "missing or wrong X-CSRF-Token")
        request[STAFF] = who
        return await handler(request)

    async def login(request: web.Request) -> web.Response:
        body = await json_object(request)
        if body is None or not isinstance(body.get("email"), str) or not isinstance(body.get("password"), str):
            return _error(400, "'email' and 'password' must be strings")
        client, email = request.remote or "?", clean_text(body["email"])  # PostgreSQL refuses NUL in a query
        if await staff.limited(email, client):
            return _error(429, "too many failed logins; wait 15 minutes")
        done = await staff.login(email, body["password"], client)
        if done is None:
            return _error(401, "wrong e-mail or password")
        resp = web.json_response({"name": done.staff.name, "csrf": done.csrf})
        resp.set_cookie(COOKIE, done.token, httponly=True, samesite="Strict", secure=cookie_secure, path="/inbox")
        return resp

    async def logout(request: web.Request) -> web.Response:
        await staff.logout(request.cookies.get(COOKIE, ""))
        resp = web.json_response({"ok": True})
        resp.del_cookie(COOKIE, path="/inbox")
        return resp

    async def me(request: web.Request) -> web.Response:
        who = request[STAFF]
        found = await staff.session(request.cookies.get(COOKIE, ""))
        return web.json_response({"name": who.name, "email": who.email, "csrf": found[1] if found else ""})

    async def queue(request: web.Request) -> web.Response:
        status = request.query.get("status", "open")
        if status not in ("open", "claimed", "closed"):
            return _error(400, "status must be open, claimed or closed")
        return web.json_response([handoff_json(h) for h in await inbox.queue(status)])

    def _id(request: web.Request) -> int | None:
        return _handoff_id(request.match_info["id"])

    async def one(request: web.Request) -> web.Response:
        hid = _id(request)
        detail = await inbox.detail(hid, request[STAFF].email) if hid is not None else None
        return web.json_response(detail_json(detail)) if detail else _error(404, "no such handoff")

    def _answer(outcome: Outcome, conflict: str) -> web.Response:
        if outcome is Outcome.NOT_FOUND:
            return _error(404, "no such handoff")
        if outcome is Outcome.CONFLICT:
            return _error(409, conflict)
        return web.json_response({"ok": True})

    async def claim(request: web.Request) -> web.Response:
        hid, who = _id(request), request[STAFF]
        if hid is None:
            return _error(404, "no such handoff")
        return _answer(await inbox.claim(hid, who.email, who.name), "someone else has it, or it is closed")

    async def _text(request: web.Request, field: str = "text") -> str | None:
        body = await json_object(request)
        text = body.get(field) if body else None
        text = clean_text(text).strip() if isinstance(text, str) else None
        return text if text and len(text) <= MAX_TEXT else None

    async def reply(request: web.Request) -> web.Response:
        hid, who, text = _id(request), request[STAFF], await _text(request)
        if hid is None:
            return _error(404, "no such handoff")
        if text is None:
            return _error(400, f"'text' must be a non-empty string of at most {MAX_TEXT} characters")
        return _answer(await inbox.reply(hid, who.email, who.name, text), "claim it first")

    async def note(request: web.Request) -> web.Response:
        hid, who, text = _id(request), request[STAFF], await _text(request)
        if hid is None or text is None:
            return _error(400, "'text' must be a non-empty string")
        return _answer(await inbox.note(hid, who.email, who.name, text), "")

    async def forward(request: web.Request) -> web.Response:
        hid, who = _id(request), request[STAFF]
        body = await json_object(request) or {}
        colleague = await staff.by_email(clean_text(str(body.get("to", ""))))
        if hid is None or colleague is None:
            return _error(400, "'to' must be a colleague's e-mail")
        note = clean_text(str(body.get("note", "")))
        return _answer(await inbox.forward(hid, who.email, who.name, colleague.name, note),
                       "only the caseworker who has it can forward it")

    async def close(request: web.Request) -> web.Response:
        hid, who = _id(request), request[STAFF]
        body = await json_object(request) or {}
        end = str(body.get("end_status") or "løst")
        if hid is None:
            return _error(404, "no such handoff")
        if end not in END_STATUSES:
            return _error(400, f"end_status must be one of {', '.join(END_STATUSES)}")
        return _answer(await inbox.close(hid, who.email, who.name, end), "another caseworker has it")

    async def colleagues(_: web.Request) -> web.Response:
        return web.json_response([{"email": s.email, "name": s.name} for s in await staff.list()])

    def extra(name: str) -> Handler:
        async def handler(_: web.Request) -> web.Response:
            return web.json_response(await extras[name]())
        return handler

    app = web.Application(middlewares=[guard])
    app.add_routes([web.post("/login", login), web.post("/logout", logout), web.get("/me", me),
                    web.get("/handoffs", queue), web.get("/handoffs/{id}", one),
                    web.post("/handoffs/{id}/claim", claim), web.post("/handoffs/{id}/reply", reply),
                    web.post("/handoffs/{id}/note", note), web.post("/handoffs/{id}/forward", forward),
                    web.post("/handoffs/{id}/close", close), web.get("/colleagues", colleagues)])
    for name in extras:  # e.g. /end-statuses, /canned, /bookings-today
        app.router.add_get(f"/{name.replace('_', '-')}", extra(name))
    return app
