"""A minimal local Telegram Bot API double: queue updates as a user, record what the bot sends."""
import asyncio
import json
import time
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from aiohttp.web_request import FileField

TOKEN = "123456:TEST-token-for-the-double"
BOT_USER = {"id": 123456, "is_bot": True, "first_name": "Jobassistenten", "username": "jobassistent_test_bot"}


@dataclass
class Sent:
    """One message the bot sent: text or a document (with its caption), and the inline keyboard."""

    method: str
    chat_id: int
    text: str | None
    reply_markup: dict[str, Any] | None
    message: dict[str, Any]
    file_name: str | None = None
    file_bytes: bytes | None = None

    def payloads(self) -> list[str]:
        """The callback_data of every button, row by row."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [b["callback_data"] for row in rows for b in row]


class BotApiDouble:
    """Serves /bot<token>/<method> on 127.0.0.1 with the few methods aiogram's polling and our adapter use."""

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.url = ""
        self.sent: list[Sent] = []
        self.answered: list[str] = []
        self.calls: list[str] = []
        self._updates: list[dict[str, Any]] = []
        self._next_update = 1
        self._next_message = 1
        self._changed = asyncio.Condition()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self.blocked: set[int] = set()  # chats whose user blocked the bot: sends answer 403

    async def start(self) -> str:
        """Listen on a free loopback port; returns the base URL for TelegramAPIServer.from_base."""
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._dispatch)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"
        return self.url

    async def stop(self) -> None:
        """Wake any long poll first, so the server shuts down without waiting for its timeout."""
        async with self._changed:
            self._closing = True
            self._changed.notify_all()
        if self._runner:
            await self._runner.cleanup()

    # --- the user side -------------------------------------------------------------------------------------------

    async def user_says(self, chat_id: int, text: str, chat_type: str = "private") -> None:
        """Queue a text message from a user (a bot command gets its entity, as Telegram sends it)."""
        message = self._message(chat_id, text, self._user(chat_id), chat_type)
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        await self._enqueue({"message": message})

    async def user_presses(self, chat_id: int, data: str, message: dict[str, Any] | None = None) -> str:
        """Queue a button press (callback_query) on message (default: a bot message in that chat); returns its id."""
        query_id = f"cq{self._next_update}"
        await self._enqueue({"callback_query": {
            "id": query_id, "from": self._user(chat_id), "chat_instance": f"ci{chat_id}", "data": data,
            "message": message or self._message(chat_id, "...", BOT_USER, "private")}})
        return query_id

    def sent_to(self, chat_id: int) -> list[Sent]:
        return [s for s in self.sent if s.chat_id == chat_id]

    async def wait_for_sent(self, chat_id: int, count: int, timeout: float = 5.0) -> list[Sent]:
        """Wait until the bot sent at least count messages to chat_id; returns them all."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: len(self.sent_to(chat_id)) >= count), timeout)
        return self.sent_to(chat_id)

    # --- the Bot API side ----------------------------------------------------------------------------------------

    async def _dispatch(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        self.calls.append(method)
        form = await request.post()  # aiogram sends urlencoded forms, or multipart when a file goes along
        if method.lower().startswith("send") and int(form.get("chat_id", 0)) in self.blocked:
            return web.json_response({"ok": False, "error_code": 403,
                                      "description": "Forbidden: bot was blocked by the user"}, status=403)
        handler = getattr(self, f"_m_{method.lower()}", None)
        if handler is None:
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found: method not found"},
                                     status=404)
        return web.json_response({"ok": True, "result": await handler(form)})

    async def _m_getme(self, _: Any) -> dict[str, Any]:
        return BOT_USER

    async def _m_deletewebhook(self, _: Any) -> bool:
        return True

    async def _m_answercallbackquery(self, form: Any) -> bool:
        self.answered.append(form["callback_query_id"])
        return True

    async def _m_getupdates(self, form: Any) -> list[dict[str, Any]]:
        """Long poll: updates after offset, waiting up to the timeout for one to arrive."""
        offset = int(form.get("offset", 0))

        def fresh() -> list[dict[str, Any]]:
            return [u for u in self._updates if u["update_id"] >= offset]

        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(lambda: self._closing or fresh()),
                                       float(form.get("timeout", 0)))
            except TimeoutError:
                pass
            self._updates = fresh()  # offset confirms everything before it, as on Telegram
            return list(self._updates)

    async def _m_sendmessage(self, form: Any) -> dict[str, Any]:
        return await self._record("sendMessage", form, form["text"])

    async def _m_senddocument(self, form: Any) -> dict[str, Any]:
        document = form["document"]
        if isinstance(document, str) and document.startswith("attach://"):
            document = form[document.removeprefix("attach://")]
        assert isinstance(document, FileField), "the double only accepts uploaded files"
        return await self._record("sendDocument", form, form.get("caption"), document.filename, document.file.read())

    async def _record(self, method: str, form: Any, text: str | None, file_name: str | None = None,
                      file_bytes: bytes | None = None) -> dict[str, Any]:
        chat_id = int(form["chat_id"])
        message = self._message(chat_id, text or "", BOT_USER, "private")
        if file_name:  # a document message carries a caption, not a text
            caption = message.pop("text")
            message["document"] = {"file_id": f"f{message['message_id']}",
                                   "file_unique_id": f"u{message['message_id']}", "file_name": file_name}
            if caption:
                message["caption"] = caption
        markup = json.loads(form["reply_markup"]) if "reply_markup" in form else None
        if markup:
            message["reply_markup"] = markup
        async with self._changed:
            self.sent.append(Sent(method, chat_id, text, markup, message, file_name, file_bytes))
            self._changed.notify_all()
        return message

    # --- shapes --------------------------------------------------------------------------------------------------

    async def _enqueue(self, update: dict[str, Any]) -> None:
        async with self._changed:
            self._updates.append({"update_id": self._next_update, **update})
            self._next_update += 1
            self._changed.notify_all()

    @staticmethod
    def _user(chat_id: int) -> dict[str, Any]:
        return {"id": chat_id, "is_bot": False, "first_name": "Test", "language_code": "da"}

    def _message(self, chat_id: int, text: str, sender: dict[str, Any], chat_type: str) -> dict[str, Any]:
        self._next_message += 1
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type != "private":
            chat["title"] = "Group"
        return {"message_id": self._next_message, "date": int(time.time()), "chat": chat, "from": sender, "text": text}
