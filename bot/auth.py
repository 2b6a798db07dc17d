"""Login with MitID (an OIDC broker) and the web session: /auth/login, /auth/callback, /auth/logout, senders, links.

The web page's conversations are the server's: the page asks POST /auth/sender for its sender id, which belongs
to the citizen of the page's session (an HttpOnly, SameSite=Lax cookie). Senders the page did not get from us
(REST clients, the contract's tests) stay usable without a cookie, as contracts/serve.md requires.
"""
import html
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Awaitable, Callable

from aiohttp import web

from dialogs.engine import Engine
from dialogs.turn import Turn
from i18n import Texts
from services.identity import CaseHook, DemoCitizen
from services.oidc import LoginFailed, RelyingParty
from services.outgoing import OutMessage, Text, to_json
from store.conversations import ConversationStore
from store.identity import IdentityStore, OtherCitizen, SessionView
from store.outbox import OutboxStore

log = logging.getLogger(__name__)
COOKIE = "jobassistent_session"
WEB = "web"
LINK_TTL = timedelta(minutes=10)
Queued = Callable[[list[str]], Awaitable[None]]


@dataclass(frozen=True)
class AuthConfig:
    """Session length, cookie flags, where the app lives, and the deployment's municipality."""

    session_ttl: timedelta
    cookie_secure: bool
    municipality: str
    locales: tuple[str, ...] = ("da",)  # the languages a page may start a conversation in


class Auth:
    """The identity side of the web app, plus linking a Telegram chat with a one-time code."""

    def __init__(self, store: IdentityStore, rp: RelyingParty, engine: Engine, outbox: OutboxStore,
                 conversations: ConversationStore, case: CaseHook, texts: Texts, clock: Callable[[], datetime],
                 config: AuthConfig, demo: tuple[DemoCitizen, ...] | None = None) -> None:
        self._store, self._rp, self._engine, self._outbox = store, rp, engine, outbox
        self._conversations, self._case, self._texts, self._clock = conversations, case, texts, clock
        self._config, self._demo = config, demo
        self._listeners: list[Queued] = []
        self._telegram_bot: str | None = None

    def on_queued(self, listener: Queued) -> None:
        """Push channels (Telegram) hear of the messages a login queued for one of their chats."""
        self._listeners.append(listener)

    def enable_telegram(self, bot_username: str) -> None:
        """Offer the t.me deep link after a web login."""
        self._telegram_bot = bot_username

    # --- the guard web.py asks before it runs a turn, hands out queued messages or a file

    async def may_use(self, request: web.Request, conversation_id: str) -> bool:
        owner = await self._store.owner(conversation_id)
        if owner is None or not owner[1]:  # not a sender we issued to the page: open, as the REST contract says
            return True
        view = await self._session(request)
        return view is not None and view.citizen_id == owner[0]

    async def _session(self, request: web.Request) -> SessionView | None:
        token = request.cookies.get(COOKIE)
        return await self._store.session(token, self._clock()) if token else None

    def _set_cookie(self, resp: web.StreamResponse, token: str) -> None:
        resp.set_cookie(COOKIE, token, max_age=int(self._config.session_ttl.total_seconds()), path="/",
                        httponly=True, samesite="Lax", secure=self._config.cookie_secure)

    # --- routes

    async def sender(self, request: web.Request) -> web.Response:
        """The page's sender id: the one it has if this session's citizen owns it, else a new conversation."""
        try:
            body = await request.json()
        except ValueError:
            body = {}
        body = body if isinstance(body, dict) else {}
        now, new_token = self._clock(), None
        view = await self._session(request)
        if view is None:
            new_token, citizen_id = await self._store.new_session(now, self._config.session_ttl)
            view = SessionView(citizen_id, None)
        sender, locale = body.get("sender"), body.get("locale")
        keep = (not body.get("new") and isinstance(sender, str) and 0 < len(sender) <= 128
                and await self._store.owner(f"{WEB}:{sender}") == (view.citizen_id, True))
        if not keep:  # a new conversation starts in the page's language (an English page, "New chat" in English)
            sender = await self._store.issue_conversation(view.citizen_id, WEB, self._config.municipality,
                                                          locale if locale in self._config.locales else None)
        resp = web.json_response({"sender": sender, "logged_in": view.subject is not None,
                                  "telegram": bool(self._telegram_bot and view.subject),
                                  "locale": await self._store.locale_of(f"{WEB}:{sender}")},
                                 headers={"Cache-Control": "no-store"})
        if new_token:
            self._set_cookie(resp, new_token)
        return resp

    async def login(self, request: web.Request) -> web.Response:
        """Start the authorization-code flow for the conversation of the login button's token."""
        token = request.query.get("t", "")
        conversation_id = await self._store.login_conversation(token, self._clock()) if token else None
        if conversation_id is None:
            return self._page("identity.page_expired", 400)
        if not await self.may_use(request, conversation_id):  # the page's login runs only in the page's browser
            return self._page("identity.page_failed", 403)
        start = await self._rp.start()
        if not await self._store.start_login(token, start.state, start.nonce, start.code_verifier, self._clock()):
            return self._page("identity.page_expired", 400)
        raise web.HTTPFound(start.url)

    async def callback(self, request: web.Request) -> web.Response:
        """The broker's answer: check it, log the conversation in, then continue what the citizen asked for."""
        claim = await self._store.claim_login(request.query.get("state", ""), self._clock())
        if claim is None:
            return self._page("identity.page_expired", 400)
        if "code" not in request.query:  # the citizen cancelled, or the broker refused
            log.info("login not completed: %s", request.query.get("error", "no code"))
            return self._page("identity.page_failed", 400)
        try:
            who = await self._rp.finish(request.query["code"], claim.code_verifier, claim.nonce)
            citizen_id = await self._store.log_in(claim.conversation_id, who.subject)
        except (LoginFailed, OtherCitizen, LookupError) as exc:
            log.warning("login refused: %s", type(exc).__name__)
            return self._page("identity.page_failed", 400)
        await self._case.on_login(citizen_id, who.subject, who.cpr)  # the CPR number goes no further than this
        await self._outbox.add(claim.conversation_id, "reply", to_json(OutMessage(Text("identity.logged_in"))))
        channel, _, sender = claim.conversation_id.partition(":")
        if claim.resume:
            await self._engine.handle(Turn(channel, sender, claim.resume), take=False)
        for listener in self._listeners:
            await listener([claim.conversation_id])
        owner = await self._store.owner(claim.conversation_id)
        if owner is not None and owner[1]:  # the web page: back to the chat, which fetches what is waiting
            raise web.HTTPFound("/")
        return self._page("identity.page_done", 200)

    async def logout(self, request: web.Request) -> web.Response:
        token = request.cookies.get(COOKIE)
        if token:
            await self._store.end_session(token)
        resp = web.json_response({"logged_in": False})
        resp.del_cookie(COOKIE, path="/")
        return resp

    async def telegram_link(self, request: web.Request) -> web.Response:
        """A one-time deep link that links a Telegram chat to the logged-in citizen."""
        view = await self._session(request)
        if view is None or view.subject is None or not self._telegram_bot:
            return web.json_response({"error": "log in first"}, status=403)
        code = await self._store.new_link_code(view.citizen_id, self._clock(), LINK_TTL)
        return web.json_response({"url": f"https://t.me/{self._telegram_bot}?start={code}"},
                                 headers={"Cache-Control": "no-store"})

    async def demo_citizens(self, _: web.Request) -> web.Response:
        assert self._demo is not None
        return web.json_response([{"sub": c.sub, "name": c.name} for c in self._demo])

    def app(self) -> web.Application:
        """The routes under /auth/; /auth/demo-citizens only with the local provider."""
        app = web.Application()
        app.add_routes([web.get("/login", self.login), web.get("/callback", self.callback),
                        web.post("/logout", self.logout), web.post("/sender", self.sender),
                        web.post("/telegram-link", self.telegram_link)])
        if self._demo is not None:
            app.add_routes([web.get("/demo-citizens", self.demo_citizens)])
        return app

    def _page(self, key: str, status: int) -> web.Response:
        t = self._texts
        body = (f'<!doctype html><html lang="{html.escape(t.locale)}"><head><meta charset="utf-8">'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">'
                f"<title>{html.escape(t.get('identity.page_title'))}</title>"
                f'<link rel="stylesheet" href="/static/chat.css"></head><body><main class="wrap">'
                f"<p>{html.escape(t.get(key))}</p><p><a href=\"/\">{html.escape(t.get('identity.page_back'))}</a>"
                f"</p></main></body></html>")
        return web.Response(text=body, status=status, content_type="text/html", charset="utf-8",
                            headers={"Cache-Control": "no-store"})

    # --- Telegram

    async def link_chat(self, conversation_id: str, channel: str, code: str) -> bool:
        """'/start <code>' in a chat: the chat now belongs to the code's citizen; the citizen is told either way."""
        await self._conversations.ensure(conversation_id, channel, self._config.municipality)
        citizen_id = await self._store.claim_link_code(code, self._clock())
        if citizen_id is not None:
            await self._store.move_conversation(conversation_id, citizen_id)
            key = "identity.telegram_linked"
        elif await self._already_linked(conversation_id, code):  # the link tapped twice: all is well, say so
            key = "identity.telegram_already_linked"
        else:
            key = "identity.telegram_code_invalid"
        await self._outbox.add(conversation_id, "reply", to_json(OutMessage(Text(key))))
        return citizen_id is not None

    async def _already_linked(self, conversation_id: str, code: str) -> bool:
        owner = await self._store.owner(conversation_id)
        return owner is not None and owner[0] == await self._store.link_code_citizen(code)
