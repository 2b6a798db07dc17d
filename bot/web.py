"""Web channel: the Rasa-compatible REST endpoint, /health, the chat page and file downloads."""
import logging
from pathlib import Path
from typing import Any, Awaitable, Callable

from aiohttp import web

from dialogs.engine import Engine
from dialogs.texts import Texts
from dialogs.turn import Reply, Turn
from store.conversations import ConversationStore

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
MAX_SENDER = 128


def render(sender: str, replies: list[Reply]) -> list[dict[str, Any]]:
    """Replies in the shape of Rasa's REST channel; an attachment is a message of its own."""
    out: list[dict[str, Any]] = []
    for r in replies:
        if r.text or r.buttons:
            msg: dict[str, Any] = {"recipient_id": sender, "text": r.text or ""}
            if r.buttons:
                msg["buttons"] = [{"title": b.title, "payload": b.payload} for b in r.buttons]
            out.append(msg)
        if r.attachment:
            out.append({"recipient_id": sender, "attachment": {
                "type": r.attachment.type, "url": r.attachment.url, "name": r.attachment.name}})
    return out


def _bad(reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=400)


def build_web_app(engine: Engine, store: ConversationStore, healthy: Callable[[], Awaitable[bool]],
                  texts: Texts) -> web.Application:
    """The aiohttp application; everything it needs is passed in."""

    async def webhook(request: web.Request) -> web.Response:
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
            replies = await engine.handle(Turn("web", sender, message))
        except Exception:  # noqa: BLE001 - logged; the citizen gets an apology and a person, never a 500
            log.exception("turn failed")
            return web.json_response(render(sender, [Reply(texts.get("error"), texts.buttons("person"))]))
        return web.json_response(render(sender, replies))

    async def outbox(request: web.Request) -> web.Response:
        """Extension: messages the assistant started (reminders), for a web page that is open."""
        sender = request.match_info["sender"]
        if len(sender) > MAX_SENDER:
            return _bad("unknown sender")
        pending = await store.take_outbox(Turn("web", sender, "").conversation_id)
        return web.json_response(render(sender, [Reply(text=t) for t in pending]))

    async def health(_: web.Request) -> web.Response:
        if await healthy():
            return web.json_response({"status": "ok"})
        return web.json_response({"status": "starting"}, status=503)

    async def index(_: web.Request) -> web.FileResponse:
        return web.FileResponse(STATIC / "index.html")

    async def files(request: web.Request) -> web.Response:
        stored = await store.get_file(request.match_info["token"])
        if stored is None:
            raise web.HTTPNotFound()
        return web.Response(body=stored.content, headers={
            "Content-Type": stored.content_type, "Cache-Control": "no-store",
            "Content-Disposition": f'attachment; filename="{stored.name}"'})

    app = web.Application(client_max_size=64 * 1024)
    app.add_routes([web.post("/webhooks/rest/webhook", webhook), web.get("/webhooks/rest/outbox/{sender}", outbox),
                    web.get("/health", health),
                    web.get("/", index), web.get("/files/{token}", files), web.static("/static", STATIC)])
    return app
