"""The Telegram channel end to end: the real aiogram adapter, polling a local Bot API double, the FakeNlu engine."""
import asyncio
import json
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from bot.__main__ import reminder_loop
from bot.telegram import ONLY_BUTTONS, Chats, build_bot, build_dispatcher, plan, push_outbox, run_polling
from dialogs.turn import Attachment, Button, Reply
from store.models import Conversation, Outbox
from tests.telegram_double import TOKEN, BotApiDouble

CHAT = 4242
WAIT_S = 5.0


def session_closed(bot) -> bool:
    """Whether the bot's aiohttp session is closed (or never opened)."""
    return bot.session._session is None or bot.session._session.closed


@pytest.fixture
async def api():
    double = BotApiDouble()
    await double.start()
    yield double
    await double.stop()


@pytest.fixture
async def telegram(api, engine, services):
    """The adapter polling the double until the test ends; then a clean stop, checked."""
    bot = build_bot(TOKEN, api.url)
    stop = asyncio.Event()
    task = asyncio.create_task(run_polling(bot, build_dispatcher(engine, services.store, services.texts), stop))
    yield bot
    stop.set()
    await asyncio.wait_for(task, WAIT_S)
    assert session_closed(bot)


async def test_start_greets_with_one_button_per_row(telegram, api):
    await api.user_says(CHAT, "/start")
    [greeting] = await api.wait_for_sent(CHAT, 1)
    assert greeting.method == "sendMessage" and "Jobassistenten" in greeting.text
    rows = greeting.reply_markup["inline_keyboard"]
    assert all(len(row) == 1 for row in rows)
    assert {"/book_meeting", "/human_handoff"} <= set(greeting.payloads())
    assert "deleteWebhook" in api.calls and "getMe" in api.calls


async def test_deep_link_start_is_the_greeting(telegram, api):
    await api.user_says(CHAT, "/start from-the-website")
    [greeting] = await api.wait_for_sent(CHAT, 1)
    assert "CPR" in greeting.text  # the /start greeting, not a guess from the NLU


async def test_button_press_is_answered_and_shows_the_menu(telegram, api):
    query_id = await api.user_presses(CHAT, "/capabilities")
    [menu] = await api.wait_for_sent(CHAT, 1)
    assert query_id in api.answered
    assert "/book_meeting" in menu.payloads()


async def test_crisis_text_gets_emergency_numbers(telegram, api):
    await api.user_says(CHAT, "jeg vil ikke leve mere")
    sent = await api.wait_for_sent(CHAT, 1)
    text = "\n".join(s.text or "" for s in sent)
    assert "112" in text and "70 201 201" in text


async def test_data_export_arrives_as_a_document(telegram, api):
    await api.user_says(CHAT, "/show_my_data")
    [export] = await api.wait_for_sent(CHAT, 1)
    assert export.method == "sendDocument" and export.file_name == "mine-data.json"
    assert "conversations" in json.loads(export.file_bytes)
    assert export.text and "/delete_my_data" in export.payloads()  # the summary is the caption, with its buttons


async def test_turns_of_one_chat_are_answered_in_order(telegram, api):
    await api.user_says(CHAT, "/start")
    await api.user_says(CHAT, "jeg vil ikke leve mere")
    sent = await api.wait_for_sent(CHAT, 2)
    assert "Jobassistenten" in sent[0].text and "112" in sent[-1].text


async def test_group_chats_are_ignored(telegram, api, sessions):
    await api.user_says(-100123, "hej", chat_type="group")
    await api.user_says(CHAT, "hej")
    await api.wait_for_sent(CHAT, 1)
    assert api.sent_to(-100123) == []
    async with sessions() as s:  # members of a group would share one conversation: none is started
        assert await s.get(Conversation, "telegram:-100123") is None


async def test_push_outbox_delivers_to_the_telegram_chat_only(telegram, api, services, sessions):
    for conversation_id, channel in ((f"telegram:{CHAT}", "telegram"), ("web:abc", "web")):
        await services.store.load(conversation_id, channel)
    async with sessions.begin() as s:
        s.add_all([Outbox(conversation_id=f"telegram:{CHAT}", text="reminder one"),
                   Outbox(conversation_id="web:abc", text="reminder for the web")])
    await push_outbox(telegram, services.store, [f"telegram:{CHAT}", "web:abc"])
    [pushed] = await api.wait_for_sent(CHAT, 1)
    assert pushed.text == "reminder one"
    assert await services.store.take_outbox(f"telegram:{CHAT}") == []  # delivered once
    async with sessions() as s:
        web_rows = (await s.scalars(select(Outbox).where(Outbox.conversation_id == "web:abc"))).all()
    assert [r.delivered_at for r in web_rows] == [None]  # the web picks it up on its next turn


async def test_a_failed_push_keeps_the_reminder_for_later(telegram, api, services, sessions):
    """A reminder Telegram refused is not lost: it stays in the outbox for the citizen's next message."""
    await services.store.load(f"telegram:{CHAT}", "telegram")
    async with sessions.begin() as s:
        s.add(Outbox(conversation_id=f"telegram:{CHAT}", text="reminder one"))
    api.blocked.add(CHAT)
    await push_outbox(telegram, services.store, [f"telegram:{CHAT}"])
    assert api.sent_to(CHAT) == []
    assert await services.store.take_outbox(f"telegram:{CHAT}") == ["reminder one"]


async def test_an_early_stop_is_clean(api, engine, services):
    bot = build_bot(TOKEN, api.url)
    stop = asyncio.Event()
    stop.set()
    await asyncio.wait_for(run_polling(bot, build_dispatcher(engine, services.store, services.texts), stop), WAIT_S)


async def test_stop_and_cancel_together_still_close_the_session(api, engine, services):
    """serve() sets stop and then cancels every task: the shutdown must survive both."""
    bot = build_bot(TOKEN, api.url)
    stop = asyncio.Event()
    task = asyncio.create_task(run_polling(bot, build_dispatcher(engine, services.store, services.texts), stop))
    await api.user_says(CHAT, "/start")
    await api.wait_for_sent(CHAT, 1)
    stop.set()
    for _ in range(3):  # let the shutdown begin before the cancel arrives
        await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, WAIT_S)
    assert session_closed(bot)


async def test_a_wrong_token_ends_polling_without_hanging(api, engine, services, caplog):
    bot = build_bot("999:wrong-token", api.url)
    stop = asyncio.Event()
    await asyncio.wait_for(run_polling(bot, build_dispatcher(engine, services.store, services.texts), stop), WAIT_S)
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
    out = plan([Reply("a"), Reply(buttons=[Button("b", "/b")]), Reply(buttons=[Button("c", "/c")])])
    assert [(o.text, [b.payload for b in o.buttons]) for o in out] == [("a", ["/b", "/c"])]
    assert plan([Reply(buttons=[Button("x", "/x")])])[0].text == ""  # sent with ONLY_BUTTONS as its text
    assert ONLY_BUTTONS.strip()
    assert plan([Reply("t", attachment=Attachment("/files/k", "f.ics")), Reply()])[0].attachment is not None


def test_long_payloads_travel_as_short_keys():
    chats = Chats(max_long_payloads=2)
    short = '/pick_slot{"slot_id": 42}'
    assert chats.callback_data(short) == short
    long = '/choose_type{"meeting_type": "' + "x" * 80 + '"}'
    key = chats.callback_data(long)
    assert len(key.encode()) <= 64 and chats.payload(key) == long
    chats.callback_data(long + "1"), chats.callback_data(long + "2")
    assert chats.payload(key) == key  # forgotten after the bound; the engine then treats it as stale text
