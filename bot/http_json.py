"""Reading JSON request bodies and text fields safely: bad input is None for the caller's 400, never an exception."""
import json
import re
from typing import Any

from aiohttp import web

# C0 controls except tab, newline and carriage return, and DEL: PostgreSQL refuses NUL, and none belongs in a chat.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


async def json_object(request: web.Request) -> dict[str, Any] | None:
    """The body as a JSON object, or None: not JSON, not UTF-8 (or an unknown charset), too deep, lone surrogates.

    A body over the app's size limit is a 413 with a JSON error (aiohttp's own answer is plain text).
    """
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge as exc:
        raise web.HTTPRequestEntityTooLarge(
            max_size=request.client_max_size, actual_size=request.content_length or 0,
            text=json.dumps({"error": f"the body is larger than {request.client_max_size} bytes"}),
            content_type="application/json") from exc
    try:
        body = json.loads(raw.decode(request.charset or "utf-8"))
        # Lone surrogates (from \ud800 escapes) are not text: no database or channel can store them.
        json.dumps(body, ensure_ascii=False).encode("utf-8")
    except (ValueError, LookupError, RecursionError):  # bad JSON or bytes, an unknown charset, absurd nesting
        return None
    return body if isinstance(body, dict) else None


def clean_text(text: str) -> str:
    """Text without control characters (a paste may bring them along)."""
    return _CONTROL.sub("", text)
