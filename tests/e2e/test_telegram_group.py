"""The caseworkers' Telegram group end to end: the real aiogram adapter and group router polling the Bot API double.

A citizen asks for a person in a private chat; the request appears in the allow-listed group with its buttons;
caseworkers claim, answer and close there (or in the web inbox); nothing is lost while the group is unreachable.
"""
import asyncio
import inspect
from datetime import timedelta
from functools import partial
from types import SimpleNamespace

import pytest

from bot.telegram import build_bot, build_dispatcher, push_outbox, run_polling
from bot.telegram_group import CaseworkerGroup, attach_group
from services.inbox import Outcome, StaffEvent
from store.models import Conversation, Handoff
from tests.e2e.test_telegram import delivery_for
from tests.telegram_double import TOKEN, BotApiDouble

CITIZEN = 4242
GROUP = -1001234
OTHER_GROUP = -1009999
WAIT_S = 5.0
ANNE = BotApiDouble.member(501, "Anne", "Holm")
BO = BotApiDouble.member(502, "Bo", "Berg")
STRANGER = BotApiDouble.member(777, "Ukendt")
CLAIMED = "Anne Holm fra jobcentret har taget din henvendelse. Skriv her, så svarer Anne Holm dig."
CLOSED = ("Medarbejderen har afsluttet samtalen. Nu skriver du igen med Jobassistenten, en chatbot. "
          "Hvordan var hjælpen?")
HANDOFF_STEPS = ["jeg vil tale med et menneske", '/handoff_topic{"topic": "benefits"}',
                 '/handoff_consent{"share": true}', '/handoff_contact{"method": "chat"}']


@pytest.fixture
async def api():
    double = BotApiDouble()
    double.add_group(GROUP)
    double.add_group(OTHER_GROUP, title="Et andet team")
    await double.start()
    yield double
    await double.stop()


async def start_rig(api, core, sessions, clock):
    """What serve() builds: the private-chat dispatcher, the group attached to it, delivery and the group's loop."""
    bot = build_bot(TOKEN, api.url)
    delivery = delivery_for(bot, core, sessions, clock)
    dp = build_dispatcher(core.engine, delivery)
    core.inbox.on_citizen_message(partial(push_outbox, delivery))  # caseworker replies reach Telegram at once
    group = attach_group(dp, bot, core.inbox, sessions, clock, GROUP)
    stop = asyncio.Event()
    tasks = [asyncio.create_task(group.run(stop, every_s=0.05)), asyncio.create_task(run_polling(bot, dp, stop))]
    return SimpleNamespace(bot=bot, group=group, stop=stop, tasks=tasks)


@pytest.fixture
async def rig(api, core, sessions, clock):
    running = await start_rig(api, core, sessions, clock)
    yield running
    running.stop.set()
    await asyncio.wait_for(asyncio.gather(*running.tasks), WAIT_S)


async def next_sent(api: BotApiDouble, chat_id: int, before: int):
    """The first message the bot sent to chat_id after the first `before` ones."""
    return (await api.wait_for_sent(chat_id, before + 1, WAIT_S))[before]


async def ask_for_a_person(api: BotApiDouble, core, chat_id: int = CITIZEN) -> int:
    """The citizen's handoff in the private chat, button by button; returns the request's id."""
    for step in HANDOFF_STEPS:
        seen = len(api.sent_to(chat_id))
        await api.user_says(chat_id, step)
        await next_sent(api, chat_id, seen)
    handoff = await core.services.handoffs.open_for(f"telegram:{chat_id}")
    assert handoff is not None and handoff.status == "requested"
    return handoff.id


async def notified_at(sessions, handoff_id: int):
    async with sessions() as s:
        return (await s.get(Handoff, handoff_id)).notified_at


async def eventually(check, timeout: float = WAIT_S) -> None:
    """Wait until check() (a plain or async callable) is true."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not (await result if inspect.isawaitable(result := check()) else result):
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


async def test_a_request_is_claimed_answered_and_closed_in_the_group(rig, api, core, sessions):
    handoff_id = await ask_for_a_person(api, core)

    post = await next_sent(api, GROUP, 0)  # the request, with its summary and both buttons
    await eventually(lambda: notified_at(sessions, handoff_id))  # marked once Telegram took it
    assert post.text.startswith(f"#{handoff_id} Ny henvendelse\n\n")
    assert "Årsag: Ydelse eller udbetaling" in post.text and "AKUT" not in post.text
    assert post.payloads() == [f"cw:claim:{handoff_id}", f"cw:close:{handoff_id}"]
    assert [b["text"] for b in post.reply_markup["inline_keyboard"][0]] == ["Jeg tager den", "Afslut"]

    # A reply before anyone took it is refused, in the group only.
    await api.user_says(GROUP, "Hvad drejer det sig om?", "supergroup", BO, reply_to=post.message)
    refusal = await next_sent(api, GROUP, 1)
    assert refusal.text == "Tryk 'Jeg tager den' først." and refusal.reply_to is not None

    citizen_seen = len(api.sent_to(CITIZEN))
    query = await api.user_presses(GROUP, f"cw:claim:{handoff_id}", post.message, ANNE)
    assert await api.wait_for_answer(query) == f"Du har taget #{handoff_id}"
    assert (await core.services.handoffs.open_for(f"telegram:{CITIZEN}")).claimed_by == "Anne Holm"
    assert [h.claimed_by for h in await core.inbox.queue("claimed")] == ["Anne Holm"]  # the web inbox sees it
    assert (await next_sent(api, CITIZEN, citizen_seen)).text == CLAIMED
    assert (await next_sent(api, GROUP, 2)).text == f"#{handoff_id} taget af Anne Holm"

    query = await api.user_presses(GROUP, f"cw:claim:{handoff_id}", post.message, BO)  # too late
    assert await api.wait_for_answer(query) == "En kollega har allerede taget den."

    await api.user_says(CITIZEN, "hej, er I der?")  # goes to the caseworker, the bot stays quiet
    assert (await next_sent(api, GROUP, 3)).text == f"#{handoff_id} Borger: hej, er I der?"

    await api.user_says(GROUP, "Ja, jeg er her. Hvad kan jeg hjælpe med?", "supergroup", ANNE, reply_to=post.message)
    said = await next_sent(api, CITIZEN, citizen_seen + 1)
    assert said.text == "Anne Holm (medarbejder): Ja, jeg er her. Hvad kan jeg hjælpe med?"

    await api.user_says(GROUP, "Skal jeg tage over?", "supergroup", BO, reply_to=post.message)
    assert (await next_sent(api, GROUP, 4)).text == "En kollega har allerede taget den."
    await api.user_says(GROUP, "billede", "supergroup", ANNE, reply_to=post.message, photo=True)
    assert (await next_sent(api, GROUP, 5)).text == "Kun tekst kan sendes videre til borgeren."
    await api.user_says(GROUP, "kaffe nogen?", "supergroup", BO)  # not a reply to a request: not ours

    query = await api.user_presses(GROUP, f"cw:close:{handoff_id}", post.message, ANNE)
    assert await api.wait_for_answer(query) == f"#{handoff_id} er afsluttet"
    closed = await next_sent(api, CITIZEN, citizen_seen + 2)
    assert closed.text == CLOSED and closed.payloads() == ['/rate{"score": 1}', '/rate{"score": 0}']
    assert await core.services.handoffs.open_for(f"telegram:{CITIZEN}") is None
    assert (await next_sent(api, GROUP, 6)).text == f"#{handoff_id} afsluttet (løst) af Anne Holm"
    # Anne's own reply was not echoed; the chat among colleagues went nowhere.
    assert len(api.sent_to(GROUP)) == 7 and len(api.sent_to(CITIZEN)) == citizen_seen + 3

    query = await api.user_presses(GROUP, f"cw:claim:{handoff_id}", post.message, BO)
    assert await api.wait_for_answer(query) == f"#{handoff_id} er afsluttet."


async def test_the_web_inbox_and_the_group_see_each_others_actions(rig, api, core):
    handoff_id = await ask_for_a_person(api, core)
    post = await next_sent(api, GROUP, 0)

    assert await core.inbox.claim(handoff_id, "web:karen@kommune.dk", "Karen Berg") is Outcome.OK
    assert (await next_sent(api, GROUP, 1)).text == f"#{handoff_id} taget af Karen Berg"
    await core.inbox.reply(handoff_id, "web:karen@kommune.dk", "Karen Berg", "Jeg ringer dig op om lidt.")
    assert (await next_sent(api, GROUP, 2)).text == f"#{handoff_id} Karen Berg svarede: Jeg ringer dig op om lidt."

    query = await api.user_presses(GROUP, f"cw:close:{handoff_id}", post.message, ANNE)
    assert await api.wait_for_answer(query) == "En kollega har allerede taget den."
    await core.inbox.close(handoff_id, "web:karen@kommune.dk", "Karen Berg", "ring_op")
    assert (await next_sent(api, GROUP, 3)).text == f"#{handoff_id} afsluttet (ring op) af Karen Berg"


async def test_other_groups_are_ignored(rig, api, core, sessions):
    handoff_id = await ask_for_a_person(api, core)
    post = await next_sent(api, GROUP, 0)

    forged = {**post.message, "chat": api.groups[OTHER_GROUP]}
    query = await api.user_presses(OTHER_GROUP, f"cw:claim:{handoff_id}", forged, STRANGER)
    await api.user_says(OTHER_GROUP, "hej borger", "supergroup", STRANGER, reply_to=forged)
    await api.wait_for_answer(query)  # answered (the spinner stops), nothing more
    seen = len(api.sent_to(CITIZEN))
    await api.user_says(CITIZEN, "hej")  # a later update: the other group's were handled before it
    await next_sent(api, CITIZEN, seen)
    assert api.sent_to(OTHER_GROUP) == [] and api.answer_texts[query] is None
    assert (await core.services.handoffs.open_for(f"telegram:{CITIZEN}")).status == "requested"
    async with sessions() as s:
        assert await s.get(Conversation, f"telegram:{OTHER_GROUP}") is None
    assert len(api.sent_to(GROUP)) == 1


async def test_a_crisis_request_is_marked_akut(rig, api, core):
    await api.user_says(CITIZEN, "jeg vil ikke leve mere")
    crisis = await next_sent(api, CITIZEN, 0)
    await api.user_says(CITIZEN, crisis.payloads()[0])
    post = await next_sent(api, GROUP, 0)
    handoff = await core.services.handoffs.open_for(f"telegram:{CITIZEN}")
    assert post.text.startswith(f"#{handoff.id} Ny henvendelse – AKUT\n")


async def test_a_crisis_on_an_open_request_is_posted_again_as_akut(rig, api, core):
    handoff_id = await ask_for_a_person(api, core)
    await next_sent(api, GROUP, 0)
    seen = len(api.sent_to(CITIZEN))
    await api.user_says(CITIZEN, "jeg vil ikke leve mere")
    crisis = await next_sent(api, CITIZEN, seen)
    assert (await next_sent(api, GROUP, 1)).text == f"#{handoff_id} Borger: jeg vil ikke leve mere"
    await api.user_says(CITIZEN, crisis.payloads()[0])
    again = await next_sent(api, GROUP, 2)
    assert again.text.startswith(f"#{handoff_id} Opdateret henvendelse – AKUT\n")
    assert again.payloads() == [f"cw:claim:{handoff_id}", f"cw:close:{handoff_id}"]


async def test_an_unreachable_group_loses_nothing(rig, api, core, sessions, clock):
    api.unreachable.add(GROUP)
    handoff_id = await ask_for_a_person(api, core)  # the citizen is answered as always
    await eventually(lambda: rig.group.failures > 0)
    assert api.sent_to(GROUP) == [] and await notified_at(sessions, handoff_id) is None
    assert [h.id for h in await core.inbox.queue("open")] == [handoff_id]  # the web inbox has it all along

    api.unreachable.discard(GROUP)
    await asyncio.sleep(0.2)
    assert api.sent_to(GROUP) == []  # backing off
    clock.now = clock.now + timedelta(seconds=3)
    post = await next_sent(api, GROUP, 0)
    assert post.text.startswith(f"#{handoff_id} Ny henvendelse")
    await eventually(lambda: rig.group.failures == 0)  # the round ended well: marked, the backoff is over
    assert await notified_at(sessions, handoff_id) is not None
    await asyncio.sleep(0.2)
    assert len(api.sent_to(GROUP)) == 1  # once


async def test_another_worker_posts_what_nobody_posted(api, core, sessions, clock):
    """A request whose post was lost with its worker is found by any worker's loop, after one round's grace."""
    rig = await start_rig(api, core, sessions, clock)
    try:
        api.unreachable.add(GROUP)
        handoff_id = await ask_for_a_person(api, core)
        await eventually(lambda: rig.group.failures > 0)
    finally:
        rig.stop.set()
        await asyncio.wait_for(asyncio.gather(*rig.tasks), WAIT_S)
    api.unreachable.discard(GROUP)
    bot = build_bot(TOKEN, api.url)
    try:
        worker = CaseworkerGroup(bot, core.inbox, sessions, clock, GROUP)
        await worker.round()
        assert api.sent_to(GROUP) == []  # first sighting: the worker that queued it may be posting it now
        await worker.round()
        [post] = api.sent_to(GROUP)
        assert post.payloads() == [f"cw:claim:{handoff_id}", f"cw:close:{handoff_id}"]
        await worker.round()
        assert len(api.sent_to(GROUP)) == 1
    finally:
        await bot.session.close()
    assert await notified_at(sessions, handoff_id) is not None


async def test_a_forum_group_gets_a_topic_per_request(api, core, sessions, clock):
    api.add_group(GROUP, forum=True)
    rig = await start_rig(api, core, sessions, clock)
    try:
        handoff_id = await ask_for_a_person(api, core)
        post = await next_sent(api, GROUP, 0)
        [(chat, thread)] = list(api.topics)
        assert chat == GROUP and api.topics[(chat, thread)]["forum_topic_created"]["name"].startswith(
            f"#{handoff_id} ")
        assert post.thread_id == thread and post.payloads()[0] == f"cw:claim:{handoff_id}"

        query = await api.user_presses(GROUP, f"cw:claim:{handoff_id}", post.message, ANNE)
        await api.wait_for_answer(query)
        claimed = await next_sent(api, GROUP, 1)
        assert claimed.thread_id == thread and claimed.text == f"#{handoff_id} taget af Anne Holm"
        await api.user_says(CITIZEN, "hej, er I der?")
        assert (await next_sent(api, GROUP, 2)).thread_id == thread

        citizen_seen = len(api.sent_to(CITIZEN))
        await api.user_says(GROUP, "Hej, det er Anne.", "supergroup", ANNE, thread_id=thread)  # in the topic
        assert (await next_sent(api, CITIZEN, citizen_seen)).text == "Anne Holm (medarbejder): Hej, det er Anne."
        colleague = await api.user_says(GROUP, "Husk journalen", "supergroup", BO, thread_id=thread)
        await api.user_says(GROUP, "Tak, Bo", "supergroup", ANNE, reply_to=colleague, thread_id=thread)
        assert (await next_sent(api, CITIZEN, citizen_seen + 1)).text == "Anne Holm (medarbejder): Tak, Bo"
        assert (await next_sent(api, GROUP, 3)).text == "En kollega har allerede taget den."  # Bo's note
    finally:
        rig.stop.set()
        await asyncio.wait_for(asyncio.gather(*rig.tasks), WAIT_S)

    bot = build_bot(TOKEN, api.url)  # after a restart, the request's topic is found again
    try:
        worker = CaseworkerGroup(bot, core.inbox, sessions, clock, GROUP)
        await worker.on_event(StaffEvent("citizen_message", handoff_id, "er du der stadig?"))
        await worker.round()
        last = api.sent_to(GROUP)[-1]
        assert last.text == f"#{handoff_id} Borger: er du der stadig?" and last.thread_id == thread
        assert len(api.topics) == 1
    finally:
        await bot.session.close()
