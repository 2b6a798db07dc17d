"""The Telegram channel end to end: the real aiogram adapter, polling a local Bot API double, the FakeNlu engine."""
import asyncio
import json
from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from bot.__main__ import reminder_loop
from bot.telegram import build_bot, build_dispatcher, push_outbox, run_polling
from bot.telegram_delivery import ONLY_BUTTONS, Delivery, plan
from services.outgoing import Choice, FileRef, OutMessage, Rendered, Text, Verbatim, to_json
from store.models import Conversation, Outbox
from store.payloads import PayloadStore
from tests.telegram_double import TOKEN, BotApiDouble
from tests.flows.test_privacy import KEPT

CHAT = 4242
WAIT_S = 5.0
GREETING = ("Hej! Jeg er Jobassistenten, en chatbot fra jobcentret. Skriv ikke dit CPR-nummer her. "
            "Hvad kan jeg hjælpe med?\nYou can also write to me in English.")
MENU = ["/book_meeting", "/list_meetings", "/reschedule_meeting", "/cancel_meeting", "/cv_help", "/job_search_tips",
        "/youth_guide", "/local_offers", "/human_handoff"]
MENU_TITLES = ["Book en samtale", "Mine samtaler", "Flyt en samtale", "Aflys en samtale", "Hjælp til CV",
               "Tips til jobsøgning", "Uddannelse for unge", "Tilbud i kommunen", "Tal med en medarbejder"]
CRISIS = ("Det lyder alvorligt, og jeg er glad for, at du skriver.\nEr du i fare lige nu, så ring 112.\n"
          "Har du tanker om selvmord, så ring til Livslinien på 70 201 201. De er der for dig.\n"
          "Jeg er en chatbot. Vil du tale med en medarbejder her?")


def titles(sent) -> list[str]:
    """The inline keyboard's button titles, row by row."""
    return [b["text"] for row in (sent.reply_markup or {}).get("inline_keyboard", []) for b in row]


def session_closed(bot) -> bool:
    """Whether the bot's aiohttp session is closed (or never opened)."""
    return bot.session._session is None or bot.session._session.closed


@pytest.fixture
async def api():
    double = BotApiDouble()
    await double.start()
    yield double
    await double.stop()


def delivery_for(bot, core, sessions, clock) -> Delivery:
    apology = core.renderer.render(OutMessage(Text("error"), core.engine.buttons("person")), None)
    return Delivery(bot, core.outbox, core.services.files, PayloadStore(sessions), core.renderer, clock, apology)


def dispatcher(bot, core, sessions, clock):
    return build_dispatcher(core.engine, delivery_for(bot, core, sessions, clock))


@pytest.fixture
async def telegram(api, core, sessions, clock):
    """The adapter polling the double until the test ends; then a clean stop, checked."""
    bot = build_bot(TOKEN, api.url)
    stop = asyncio.Event()
    task = asyncio.create_task(run_polling(bot, dispatcher(bot, core, sessions, clock), stop))
    yield bot
    stop.set()
    await asyncio.wait_for(task, WAIT_S)
    assert session_closed(bot)


async def test_start_greets_with_one_button_per_row(telegram, api):
    await api.user_says(CHAT, "/start")
    [greeting] = await api.wait_for_sent(CHAT, 1)
    assert greeting.method == "sendMessage" and greeting.text == GREETING
    rows = greeting.reply_markup["inline_keyboard"]
    assert all(len(row) == 1 for row in rows)
    assert greeting.payloads() == MENU and titles(greeting) == MENU_TITLES
    assert "deleteWebhook" in api.calls and "getMe" in api.calls


async def test_deep_link_start_is_the_greeting(telegram, api):
    await api.user_says(CHAT, "/start from-the-website")
    [greeting] = await api.wait_for_sent(CHAT, 1)
    assert greeting.text == GREETING  # the /start greeting, not a guess from the NLU
    assert greeting.payloads() == MENU and titles(greeting) == MENU_TITLES


async def test_button_press_is_answered_and_shows_the_menu(telegram, api):
    query_id = await api.user_presses(CHAT, "/capabilities")
    [menu] = await api.wait_for_sent(CHAT, 1)
    assert query_id in api.answered
    assert menu.text == "Jeg er en chatbot. Jeg kan hjælpe dig med det her. Vælg, eller skriv med dine egne ord:"
    assert menu.payloads() == MENU and titles(menu) == MENU_TITLES


async def test_crisis_text_gets_emergency_numbers(telegram, api):
    await api.user_says(CHAT, "jeg vil ikke leve mere")
    [sent] = await api.wait_for_sent(CHAT, 1)
    assert sent.text == CRISIS
    assert sent.payloads() == ['/human_handoff{"reason": "crisis"}'] and titles(sent) == ["Tal med en medarbejder"]


async def test_data_export_arrives_as_a_document(telegram, api):
    await api.user_says(CHAT, "/show_my_data")
    page, data_file, kept = await api.wait_for_sent(CHAT, 3)
    assert (page.method, page.file_name) == ("sendDocument", "mine-data.html")
    assert (data_file.method, data_file.file_name) == ("sendDocument", "mine-data.json")
    data = json.loads(data_file.file_bytes)
    assert [(c["id"], c["channel"]) for c in data["conversations"]] == [(f"telegram:{CHAT}", "telegram")]
    assert data["messages"] == data["bookings"] == data["handoffs"] == []  # as the caption says: 0, 0 and 0
    assert page.text == ("Jeg har gemt 0 beskeder, 0 aftaler og 0 henvendelser til en medarbejder fra dig. "
                         "Hent en kopi her:")  # the summary is the page's caption
    assert "<html" in page.file_bytes.decode("utf-8").lower()
    assert data_file.text == "Og her er de samme data som en fil til computere (JSON):"
    assert kept.method == "sendMessage" and kept.text == KEPT  # what the municipality keeps, with the buttons
    assert kept.payloads() == ["/delete_my_data", "/human_handoff", "/capabilities"]


async def test_turns_of_one_chat_are_answered_in_order(telegram, api):
    await api.user_says(CHAT, "/start")
    await api.user_says(CHAT, "jeg vil ikke leve mere")
    sent = await api.wait_for_sent(CHAT, 2)
    assert [x.text for x in sent] == [GREETING, CRISIS]
    assert [x.payloads() for x in sent] == [MENU, ['/human_handoff{"reason": "crisis"}']]


async def test_group_chats_are_ignored(telegram, api, sessions):
    await api.user_says(-100123, "hej", chat_type="group")
    await api.user_says(CHAT, "hej")
    [greeting] = await api.wait_for_sent(CHAT, 1)
    assert greeting.text == ("Hej! Jeg er Jobassistenten, en chatbot fra jobcentret. Jeg kan hjælpe med samtaler, CV, "
                             "jobsøgning og uddannelse. Hvad vil du?")
    assert greeting.payloads() == MENU and titles(greeting) == MENU_TITLES
    assert api.sent_to(-100123) == [] and [x.chat_id for x in api.sent] == [CHAT]
    async with sessions() as s:  # members of a group would share one conversation: none is started
        assert await s.get(Conversation, "telegram:-100123") is None


async def _queue(services, sessions, conversation_id: str, channel: str, text: str) -> None:
    await services.conversations.ensure(conversation_id, channel, "ballerup")
    async with sessions.begin() as s:
        s.add(Outbox(conversation_id=conversation_id, kind="reminder", body=to_json(OutMessage(Verbatim(text)))))


async def _undelivered(sessions, conversation_id: str) -> list[int]:
    async with sessions() as s:
        return list((await s.scalars(select(Outbox.attempts).where(
            Outbox.conversation_id == conversation_id, Outbox.delivered_at.is_(None)))).all())


async def test_push_outbox_delivers_to_the_telegram_chat_only(api, core, services, sessions, clock):
    await _queue(services, sessions, f"telegram:{CHAT}", "telegram", "reminder one")
    await _queue(services, sessions, "web:abc", "web", "reminder for the web")
    bot = build_bot(TOKEN, api.url)
    try:
        await push_outbox(delivery_for(bot, core, sessions, clock), [f"telegram:{CHAT}", "web:abc"])
    finally:
        await bot.session.close()
    [pushed] = await api.wait_for_sent(CHAT, 1)
    assert (pushed.method, pushed.text, pushed.reply_markup) == ("sendMessage", "reminder one", None)
    assert [x.chat_id for x in api.sent] == [CHAT]  # nothing went anywhere else
    assert await _undelivered(sessions, f"telegram:{CHAT}") == []  # delivered once
    assert len(await _undelivered(sessions, "web:abc")) == 1  # the web picks it up on its next request


async def test_a_failed_push_is_kept_and_retried_after_a_backoff(api, core, services, sessions, clock):
    """A message Telegram refused is not lost: it stays in the outbox, claimed until its retry time."""
    await _queue(services, sessions, f"telegram:{CHAT}", "telegram", "reminder one")
    api.blocked.add(CHAT)
    bot = build_bot(TOKEN, api.url)
    try:
        delivery = delivery_for(bot, core, sessions, clock)
        assert not await delivery.push(f"telegram:{CHAT}")
        assert api.sent_to(CHAT) == [] and await _undelivered(sessions, f"telegram:{CHAT}") == [1]
        api.blocked.discard(CHAT)
        await delivery.push_all()  # too early: the backoff has not passed
        assert api.sent_to(CHAT) == []
        clock.now = clock.now + timedelta(seconds=3)
        await delivery.push_all()
    finally:
        await bot.session.close()
    [pushed] = await api.wait_for_sent(CHAT, 1)
    assert (pushed.method, pushed.text, pushed.reply_markup) == ("sendMessage", "reminder one", None)
    assert len(api.sent) == 1 and await _undelivered(sessions, f"telegram:{CHAT}") == []  # sent once, not twice


async def test_a_long_button_payload_travels_as_a_stored_key(api, core, sessions, clock):
    long = '/choose_type{"meeting_type": "' + "x" * 80 + '"}'
    bot = build_bot(TOKEN, api.url)
    try:
        delivery = delivery_for(bot, core, sessions, clock)
        await delivery.send_now(CHAT, [Rendered("Vælg", [Choice("Lang", long)])])
        [sent] = await api.wait_for_sent(CHAT, 1)
        [key] = sent.payloads()
        assert (sent.text, titles(sent)) == ("Vælg", ["Lang"])
        assert key.startswith("#") and len(key.encode()) <= 64
        fresh = delivery_for(bot, core, sessions, clock)  # a restarted process resolves it from the database
        assert await fresh.payload(key) == long
    finally:
        await bot.session.close()


async def test_an_early_stop_is_clean(api, core, sessions, clock):
    bot = build_bot(TOKEN, api.url)
    stop = asyncio.Event()
    stop.set()
    await asyncio.wait_for(run_polling(bot, dispatcher(bot, core, sessions, clock), stop), WAIT_S)


async def test_stop_and_cancel_together_still_close_the_session(api, core, sessions, clock):
    """serve() sets stop and then cancels every task: the shutdown must survive both."""
    bot = build_bot(TOKEN, api.url)
    stop = asyncio.Event()
    task = asyncio.create_task(run_polling(bot, dispatcher(bot, core, sessions, clock), stop))
    await api.user_says(CHAT, "/start")
    [greeting] = await api.wait_for_sent(CHAT, 1)
    assert greeting.text == GREETING
    stop.set()
    for _ in range(3):  # let the shutdown begin before the cancel arrives
        await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, WAIT_S)
    assert session_closed(bot)


async def test_a_wrong_token_ends_polling_without_hanging(api, core, sessions, clock, caplog):
    bot = build_bot("999:wrong-token", api.url)
    stop = asyncio.Event()
    await asyncio.wait_for(run_polling(bot, dispatcher(bot, core, sessions, clock), stop), WAIT_S)
    assert "Telegram polling stopped" in caplog.text
    assert session_closed(bot)


async def test_reminder_loop_hands_queued_conversations_to_the_push():
    stop = asyncio.Event()
    pushed: list[list[str]] = []

    async def queue_due(_now) -> list[str]:
        return [f"telegram:{CHAT}"]

    async def on_queued(ids: list[str]) -> None:
        pushed.append(ids)
        stop.set()

    assistant = SimpleNamespace(reminders=SimpleNamespace(queue_due=queue_due),
                                settings=SimpleNamespace(reminder_poll_s=0.01))
    await asyncio.wait_for(reminder_loop(assistant, stop, on_queued), WAIT_S)  # type: ignore[arg-type]
    assert pushed == [[f"telegram:{CHAT}"]]


def test_buttons_without_text_join_the_message_before():
    file = FileRef("k", "f.ics")
    out = plan([Rendered("a", []), Rendered(None, [Choice("b", "/b")]), Rendered(None, [Choice("c", "/c")])])
    assert [(o.text, [b.payload for b in o.buttons]) for o in out] == [("a", ["/b", "/c"])]
    assert plan([Rendered(None, [Choice("x", "/x")])])[0].text == ""  # sent with ONLY_BUTTONS as its text
    assert ONLY_BUTTONS == "\u2026"
    assert [o.file for o in plan([Rendered("t", [], file), Rendered(None, [])])] == [file]


async def test_a_cv_arrives_as_a_pdf_document(telegram, api):
    from tests.flows.test_cv import FULL_WALK

    for message in FULL_WALK:
        before = len(api.sent_to(CHAT))
        await api.user_says(CHAT, message)
        await api.wait_for_sent(CHAT, before + 1)
    before = len(api.sent_to(CHAT))
    await api.user_says(CHAT, '/cv{"do": "pdf"}')
    sent = await api.wait_for_sent(CHAT, before + 1)
    [document] = [s for s in sent[before:] if s.method == "sendDocument"]
    assert document.file_name.endswith(".pdf") and document.file_bytes.startswith(b"%PDF")


async def test_english_is_noticed_chosen_with_a_button_and_changed_with_the_language_command(telegram, api):
    """Issue 14 on Telegram: the question, the choice (a long payload behind a short callback), /language."""
    await api.user_says(CHAT, "Hello, I want to book a meeting please")
    [ask] = await api.wait_for_sent(CHAT, 1)
    assert ask.text.startswith("It looks like you write in English.")
    assert titles(ask) == ["Continue in English", "Fortsæt på dansk"]
    assert all(len(p.encode()) <= 64 for p in ask.payloads())  # Telegram's limit for callback data
    await api.user_presses(CHAT, ask.payloads()[0])
    sent = await api.wait_for_sent(CHAT, 3)
    assert sent[1].text.startswith("OK, I will write in English now.")
    assert sent[2].text == "What kind of meeting (samtale) do you need?"
    assert titles(sent[2])[0] == "Jobsamtale (job meeting)"
    await api.user_says(CHAT, "/language")
    sent = await api.wait_for_sent(CHAT, 4)
    assert titles(sent[3]) == ["Continue in English", "Fortsæt på dansk"]
    await api.user_presses(CHAT, sent[3].payloads()[1])
    sent = await api.wait_for_sent(CHAT, 5)
    assert sent[4].text.startswith("Fint, nu skriver jeg på dansk.")
