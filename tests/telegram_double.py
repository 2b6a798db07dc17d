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
    thread_id: int | None = None  # the forum topic it went to
    reply_to: int | None = None  # the message it answers

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
        self.unreachable: set[int] = set()  # chats for which every call answers 502 (Telegram having trouble)
        self.groups: dict[int, dict[str, Any]] = {}  # group chats by id (add_group)
        self.topics: dict[tuple[int, int], dict[str, Any]] = {}  # (chat, thread) → the topic's first message
        self.answer_texts: dict[str, str | None] = {}  # callback query id → the text shown to the presser

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

    def add_group(self, chat_id: int, forum: bool = False, title: str = "Jobcenter") -> None:
        """A (super)group the bot is in; with forum=True it uses topics."""
        self.groups[chat_id] = {"id": chat_id, "type": "supergroup", "title": title,
                                **({"is_forum": True} if forum else {})}

    @staticmethod
    def member(user_id: int, first_name: str, last_name: str | None = None) -> dict[str, Any]:
        """A user who writes in a group (as opposed to the default user of a private chat)."""
        return {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "da",
                **({"last_name": last_name} if last_name else {})}

    async def user_says(self, chat_id: int, text: str, chat_type: str = "private", user: dict[str, Any] | None = None,
                        reply_to: dict[str, Any] | None = None, thread_id: int | None = None,
                        photo: bool = False) -> dict[str, Any]:
        """Queue a text message from a user (a bot command gets its entity, as Telegram sends it); returns it.

        In a group: from user, as a reply to reply_to (a message dict, e.g. Sent.message), in the forum topic
        thread_id (a message in a topic that replies to nothing replies to the topic's first message, as on
        Telegram). photo=True sends a photo with text as its caption.
        """
        message = self._message(chat_id, text, user or self._user(chat_id), chat_type)
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        if thread_id is not None:
            message["message_thread_id"], message["is_topic_message"] = thread_id, True
            reply_to = reply_to or self.topics[(chat_id, thread_id)]
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        if photo:
            message["caption"] = message.pop("text")
            message["photo"] = [{"file_id": "p1", "file_unique_id": "p1", "width": 10, "height": 10}]
        await self._enqueue({"message": message})
        return message

    async def user_presses(self, chat_id: int, data: str, message: dict[str, Any] | None = None,
                           user: dict[str, Any] | None = None) -> str:
        """Queue a button press (callback_query) on message (default: a bot message in that chat); returns its id."""
        query_id = f"cq{self._next_update}"
        await self._enqueue({"callback_query": {
            "id": query_id, "from": user or self._user(chat_id), "chat_instance": f"ci{chat_id}", "data": data,
            "message": message or self._message(chat_id, "...", BOT_USER, "private")}})
        return query_id

    async def wait_for_answer(self, query_id: str, timeout: float = 5.0) -> str | None:
        """Wait until the bot answered the callback query; returns the text it showed."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: query_id in self.answer_texts), timeout)
        return self.answer_texts[query_id]

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
        if "chat_id" in form and int(form["chat_id"]) in self.unreachable:
            return web.json_response({"ok": False, "error_code": 502, "description": "Bad Gateway"}, status=502)
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
        async with self._changed:
            self.answered.append(form["callback_query_id"])
            self.answer_texts[form["callback_query_id"]] = form.get("text")
            self._changed.notify_all()
        return True

    async def _m_getchat(self, form: Any) -> dict[str, Any]:
        chat_id = int(form["chat_id"])
        chat = self.groups.get(chat_id, {"id": chat_id, "type": "private", "first_name": "Test"})
        return {**chat, "accent_color_id": 0, "max_reaction_count": 11,
                "accepted_gift_types": {"unlimited_gifts": False, "limited_gifts": False, "unique_gifts": False,
                                        "premium_subscription": False, "gifts_from_channels": False}}

    async def _m_createforumtopic(self, form: Any) -> dict[str, Any]:
        chat_id, name = int(form["chat_id"]), form["name"]
        if not self.groups.get(chat_id, {}).get("is_forum"):
            raise web.HTTPBadRequest(text=json.dumps({"ok": False, "error_code": 400,
                                                      "description": "Bad Request: the chat is not a forum"}),
                                     content_type="application/json")
        self._next_message += 1
        thread = self._next_message
        self.topics[(chat_id, thread)] = {
            "message_id": thread, "message_thread_id": thread, "date": int(time.time()),
            "chat": self.groups[chat_id], "from": BOT_USER, "is_topic_message": True,
            "forum_topic_created": {"name": name, "icon_color": 7322096}}
        return {"message_thread_id": thread, "name": name, "icon_color": 7322096}

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
        thread_id = int(form["message_thread_id"]) if "message_thread_id" in form else None
        if thread_id is not None:
            message["message_thread_id"], message["is_topic_message"] = thread_id, True
        reply_to = (json.loads(form["reply_parameters"])["message_id"] if "reply_parameters" in form
                    else int(form["reply_to_message_id"]) if "reply_to_message_id" in form else None)
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
            self.sent.append(Sent(method, chat_id, text, markup, message, file_name, file_bytes, thread_id, reply_to))
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
        if chat_id in self.groups:
            chat = dict(self.groups[chat_id])
        elif chat_type != "private":
            chat["title"] = "Group"
        return {"message_id": self._next_message, "date": int(time.time()), "chat": chat, "from": sender, "text": text}
