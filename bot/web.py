"""Web channel: the Rasa-compatible REST endpoint (also streamed), /health, the chat page and file downloads."""
import json
import logging
from pathlib import Path
from typing import Any, Awaitable, Callable

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from bot.http_json import clean_text, json_object
from bot.page import render_index
from dialogs.engine import Engine
from dialogs.turn import Turn
from i18n import Catalog
from services.outgoing import Rendered, Renderer
from store.files import FileStore
from store.outbox import OutboxStore

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
MAX_SENDER = 128
CHANNEL = "web"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def render(sender: str, messages: list[Rendered]) -> list[dict[str, Any]]:
    """Messages in the shape of Rasa's REST channel; a file is a message of its own."""
    out: list[dict[str, Any]] = []
    for m in messages:
        if m.text or m.buttons:
            msg: dict[str, Any] = {"recipient_id": sender, "text": m.text or ""}
            if m.buttons:
                msg["buttons"] = [{"title": b.title, "type": "web_url", "url": b.url} if b.url  # Rasa's link button
                                  else {"title": b.title, "payload": b.payload} for b in m.buttons]
            # Rasa's field for channel-specific data: the page clears what it shows / switches its own labels
            custom = {**({"clear_transcript": True} if m.clear_transcript else {}),
                      **({"locale": m.language} if m.language else {})}
            if custom:
                msg["custom"] = custom
            out.append(msg)
        if m.file:
            out.append({"recipient_id": sender, "attachment": {
                "type": "file", "url": f"/files/{m.file.token}", "name": m.file.name}})
    return out


def _valid_sender(sender: object) -> bool:
    """A conversation id the database can hold: printable text of a sane length (no surrogates, no controls)."""
    return isinstance(sender, str) and bool(sender.strip()) and len(sender) <= MAX_SENDER and sender.isprintable()


@web.middleware
async def _unavailable(request: web.Request, handler: Handler) -> web.StreamResponse:
    """The database down (or the disk): 503 with a JSON error, on every route and mount, never aiohttp's plain 500."""
    try:
        return await handler(request)
    except (SQLAlchemyError, OSError):
        log.warning("%s %s: the database is not reachable", request.method, request.path, exc_info=True)
        return web.json_response({"error": "temporarily unavailable, try again shortly"}, status=503)


def _bad(reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=400)


def _forbidden() -> web.Response:
    """A sender the server gave to another browser's page (its session cookie is missing or another)."""
    return web.json_response({"error": "this conversation belongs to another session"}, status=403)


async def _stream(request: web.Request, messages: list[dict[str, Any]]) -> web.StreamResponse:
    """Newline-delimited JSON, one message per line, as Rasa's REST channel streams (rasa shell reads it)."""
    resp = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-store"})
    await resp.prepare(request)
    for msg in messages:
        await resp.write((json.dumps(msg, ensure_ascii=False) + "\n").encode("utf-8"))
    await resp.write_eof()
    return resp


def build_web_app(engine: Engine, outbox: OutboxStore, files: FileStore, renderer: Renderer, catalog: Catalog,
                  healthy: Callable[[], Awaitable[bool]],
                  mounts: dict[str, web.Application] | None = None,
                  may_use: Callable[[web.Request, str], Awaitable[bool]] | None = None) -> web.Application:
    """The aiohttp application; everything it needs is passed in (mounts: e.g. {'/inbox/': the inbox}).

    may_use(request, conversation_id): False refuses a sender the server issued to another session's page.
    """
    texts = catalog.get(None)
    person = engine.buttons("person")  # the apology's buttons when a turn fails

    async def webhook(request: web.Request) -> web.StreamResponse:
        body = await json_object(request)
        if body is None:
            return _bad("body must be a JSON object in UTF-8")
        sender, message = body.get("sender"), body.get("message")
        if not _valid_sender(sender):
            return _bad(f"'sender' must be a non-empty string of at most {MAX_SENDER} characters")
        if not isinstance(message, str):
            return _bad("'message' must be a string")
        if may_use and not await may_use(request, Turn(CHANNEL, sender, "").conversation_id):
            return _forbidden()
        try:
            replies = render(sender, await engine.handle(Turn(CHANNEL, sender, clean_text(message))))
        except Exception:  # noqa: BLE001 - logged; the citizen gets an apology and a person, never a 500
            log.exception("turn failed")
            replies = [{"recipient_id": sender, "text": texts.get("error"),
                        "buttons": [{"title": texts.get(b.title.key), "payload": b.payload} for b in person]}]
        if request.query.get("stream", "").lower() in ("true", "1", "yes"):
            return await _stream(request, replies)
        return web.json_response(replies)

    async def pending(request: web.Request) -> web.Response:
        """Extension: messages the assistant or a caseworker started, for a web page that is open."""
        sender = request.match_info["sender"]
        if not _valid_sender(sender):
            return _bad("unknown sender")
        if may_use and not await may_use(request, Turn(CHANNEL, sender, "").conversation_id):
            return _forbidden()
        taken = await outbox.take(Turn(CHANNEL, sender, "").conversation_id)
        return web.json_response(render(sender, [renderer.render_stored(p.body, p.locale) for p in taken]))

    async def health(_: web.Request) -> web.Response:
        if await healthy():
            return web.json_response({"status": "ok"})
        return web.json_response({"status": "starting"}, status=503)

    async def index(request: web.Request) -> web.Response:
        """The page in ?lang= (an English link, or the page following its conversation's language)."""
        lang = request.query.get("lang")
        page = catalog.get(lang) if lang in catalog.locales else texts
        return web.Response(text=render_index(page), content_type="text/html", charset="utf-8")

    async def download(request: web.Request) -> web.Response:
        stored = await files.get(request.match_info["token"])
        if stored is None or (may_use and not await may_use(request, stored.conversation_id)):
            raise web.HTTPNotFound()
        return web.Response(body=stored.content, headers={
            "Content-Type": stored.content_type, "Cache-Control": "no-store",
            "Content-Disposition": f'attachment; filename="{stored.name}"'})

    app = web.Application(client_max_size=64 * 1024, middlewares=[_unavailable])
    app.add_routes([web.post("/webhooks/rest/webhook", webhook), web.get("/webhooks/rest/outbox/{sender}", pending),
                    web.get("/health", health), web.get("/", index), web.get("/files/{token}", download),
                    web.static("/static", STATIC)])
    for prefix, sub in (mounts or {}).items():
        app.router.add_get(prefix.rstrip("/"), _redirect_to(prefix))
        app.add_subapp(prefix, sub)
    return app


def _redirect_to(to: str) -> Callable[[web.Request], Awaitable[web.Response]]:
    """'/inbox' → '/inbox/', so relative links on the page work."""
    async def handler(_: web.Request) -> web.Response:
        raise web.HTTPFound(to)
    return handler
