"""Web channel: the Rasa-compatible REST endpoint (also streamed), /health, the chat page and file downloads."""
import json
import logging
from pathlib import Path
from typing import Any, Awaitable, Callable

from aiohttp import web

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


def render(sender: str, messages: list[Rendered]) -> list[dict[str, Any]]:
    """Messages in the shape of Rasa's REST channel; a file is a message of its own."""
    out: list[dict[str, Any]] = []
    for m in messages:
        if m.text or m.buttons:
            msg: dict[str, Any] = {"recipient_id": sender, "text": m.text or ""}
            if m.buttons:
                msg["buttons"] = [{"title": b.title, "payload": b.payload} for b in m.buttons]
            out.append(msg)
        if m.file:
            out.append({"recipient_id": sender, "attachment": {
                "type": "file", "url": f"/files/{m.file.token}", "name": m.file.name}})
    return out


def _bad(reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=400)


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
                  mounts: dict[str, web.Application] | None = None) -> web.Application:
    """The aiohttp application; everything it needs is passed in (mounts: e.g. {'/inbox/': the inbox})."""
    texts = catalog.get(None)
    person = engine.buttons("person")  # the apology's buttons when a turn fails

    async def webhook(request: web.Request) -> web.StreamResponse:
        try:
            body = await request.json()
        except ValueError:
            return _bad("body must be JSON")
        if not isinstance(body, dict):
            return _bad("body must be a JSON object")
        sender, message = body.get("sender"), body.get("message")
        if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER:
            return _bad(f"'sender' must be a non-empty string of at most {MAX_SENDER} characters")
        if not isinstance(message, str):
            return _bad("'message' must be a string")
        try:
            replies = render(sender, await engine.handle(Turn(CHANNEL, sender, message)))
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
        if len(sender) > MAX_SENDER:
            return _bad("unknown sender")
        taken = await outbox.take(Turn(CHANNEL, sender, "").conversation_id)
        return web.json_response(render(sender, [renderer.render_stored(p.body, p.locale) for p in taken]))

    async def health(_: web.Request) -> web.Response:
        if await healthy():
            return web.json_response({"status": "ok"})
        return web.json_response({"status": "starting"}, status=503)

    async def index(_: web.Request) -> web.Response:
        return web.Response(text=render_index(texts), content_type="text/html", charset="utf-8")

    async def download(request: web.Request) -> web.Response:
        stored = await files.get(request.match_info["token"])
        if stored is None:
            raise web.HTTPNotFound()
        return web.Response(body=stored.content, headers={
            "Content-Type": stored.content_type, "Cache-Control": "no-store",
            "Content-Disposition": f'attachment; filename="{stored.name}"'})

    app = web.Application(client_max_size=64 * 1024)
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
