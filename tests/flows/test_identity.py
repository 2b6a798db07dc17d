"""The login gate: personal actions ask an anonymous citizen to log in, and continue after the login; merging."""
from urllib.parse import parse_qs, urlparse

import pytest
from sqlalchemy import func, select

from bot.wiring import build_core
from dialogs.turn import Turn
from services.booking import BookingRules
from services.municipality import load_all
from store.models import Citizen, Conversation, LoginRequest
from tests.flows.booking_fixtures import publish
from tests.flows.helpers import log_in, payloads, say, texts_of, titles

BASE = "http://jobassistent.test"
LOGIN_TEXT = ("Det handler om din egen sag, så du skal logge ind med MitID først. Tryk på knappen. "
              "Bagefter fortsætter vi, hvor vi slap.")
ASK_TYPE = "Hvilken slags samtale skal du have?"


@pytest.fixture
def gated(sessions, fake_nlu, clock, knowledge):
    """The production core with the login gate on (LOGIN_REQUIRED=true)."""
    return build_core(sessions, fake_nlu, load_all(), BookingRules(), clock, "ballerup", 1000, knowledge,
                      login_base_url=BASE)


def login_token(reply) -> str:
    (button,) = reply.buttons
    assert button.title == "Log ind med MitID" and button.payload == ""
    url = urlparse(button.url)
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{BASE}/auth/login"
    return parse_qs(url.query)["t"][0]


@pytest.mark.parametrize("message", ["/book_meeting", "jeg vil booke en samtale", "/list_meetings",
                                     "/reschedule_meeting", "/cancel_meeting", "/cv_help", "/show_my_data",
                                     "/delete_my_data"])
async def test_a_personal_action_asks_an_anonymous_citizen_to_log_in(gated, message):
    replies = await say(gated.engine, message)
    assert texts_of(replies) == LOGIN_TEXT
    login_token(replies[0])


@pytest.mark.parametrize("message", ["hej", "/job_search_tips", "jeg er syg", "/capabilities", "/human_handoff",
                                     "jeg vil ikke leve mere"])
async def test_general_answers_crisis_and_a_person_need_no_login(gated, message):
    replies = await say(gated.engine, message)
    assert LOGIN_TEXT not in texts_of(replies)
    assert all(b.url is None for r in replies for b in r.buttons)


async def test_after_the_login_the_same_conversation_continues_with_what_was_asked(gated, sessions, municipality):
    await publish(sessions, municipality)
    token = login_token((await say(gated.engine, "jeg vil booke en samtale"))[0])
    store = gated.identity
    assert await store.start_login(token, "state-1", "nonce-1", "verifier-1", gated.services.clock())
    claim = await store.claim_login("state-1", gated.services.clock())
    assert claim is not None and claim.conversation_id == "test:t1" and claim.resume == "jeg vil booke en samtale"
    assert await store.claim_login("state-1", gated.services.clock()) is None  # the state works once
    await store.log_in(claim.conversation_id, "demo-anna-4f1c")
    replies = await gated.engine.handle(Turn("test", "t1", claim.resume))
    assert texts_of(replies) == ASK_TYPE
    assert "/choose_type{\"meeting_type\": \"jobsamtale\"}" in payloads(replies)


async def test_a_login_link_expires_and_cannot_be_restarted_after_use(gated, clock):
    from datetime import timedelta
    token = login_token((await say(gated.engine, "/book_meeting"))[0])
    store = gated.identity
    clock.now += timedelta(minutes=11)
    assert await store.login_conversation(token, clock()) is None
    assert not await store.start_login(token, "s", "n", "v", clock())


async def test_login_merges_the_anonymous_citizen_into_the_existing_one(gated, sessions):
    anna = await log_in(gated, "phone", "demo-anna-4f1c")  # Anna logged in earlier, in another conversation
    await say(gated.engine, "hej", "laptop")
    async with sessions() as s:
        anonymous = await s.scalar(select(Conversation.citizen_id).where(Conversation.id == "test:laptop"))
    assert anonymous != anna
    assert await log_in(gated, "laptop", "demo-anna-4f1c") == anna
    async with sessions() as s:
        owners = set((await s.scalars(select(Conversation.citizen_id))).all())
        assert owners == {anna}
        assert await s.get(Citizen, anonymous) is None  # the empty anonymous citizen is gone
        assert await s.scalar(select(func.count()).select_from(Citizen)) == 1
    replies = await say(gated.engine, "/list_meetings", "laptop")
    assert LOGIN_TEXT not in texts_of(replies)


async def test_the_first_login_of_a_subject_makes_the_anonymous_citizen_that_citizen(gated, sessions):
    await say(gated.engine, "hej")
    async with sessions() as s:
        before = await s.scalar(select(Conversation.citizen_id).where(Conversation.id == "test:t1"))
    assert await log_in(gated, "t1", "a-new-subject") == before
    async with sessions() as s:
        assert (await s.get(Citizen, before)).subject == "a-new-subject"


async def test_a_conversation_of_one_citizen_is_never_handed_to_another(gated):
    from store.identity import OtherCitizen
    await log_in(gated, "t1", "demo-anna-4f1c")
    with pytest.raises(OtherCitizen):
        await log_in(gated, "t1", "demo-bilal-8a27")


async def test_deleting_the_citizen_deletes_logins_too(gated, sessions):
    await say(gated.engine, "/book_meeting")
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(LoginRequest)) == 1
    citizen = await log_in(gated, "t1", "demo-anna-4f1c")
    await gated.services.citizens.delete(citizen)
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(LoginRequest)) == 0


async def test_without_the_gate_booking_needs_no_login(core):
    replies = await say(core.engine, "/book_meeting")
    assert texts_of(replies) == ASK_TYPE
    assert "Log ind med MitID" not in titles(replies)
