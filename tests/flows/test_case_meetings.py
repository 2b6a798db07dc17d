"""A logged-in demo citizen's meetings come from the case system, also those the caseworker booked."""
from types import SimpleNamespace

import pytest
from sqlalchemy import select, update

from nlu.client import NluResult
from services.case.demo import seed_demo_cases
from services.slots import SlotAdmin
from store.models import Citizen, Conversation
from tests.fakes import FakeNlu
from tests.flows.helpers import payloads, say, texts_of, titles
from tests.flows.test_handoff import _only_handoff, ask_person

ANNA = "demo-anna-4f1c"
ADDRESS = ("Mød op på Jobcenter Ballerup, Hold-an Vej 7, 2750 Ballerup. 5 minutters gang fra Ballerup Station. "
           "Indgang B, meld dig i skranken i stueetagen.")
TUE = "tirsdag den 24. november 2026 kl. 14:00"


class LetterNlu(FakeNlu):
    """The real model may read 'jeg har fået et brev om en samtale på torsdag' as book_meeting."""

    async def parse(self, text: str) -> NluResult:
        if "brev" in text:
            return NluResult(text=text, intent="book_meeting", confidence=0.9, ranking=[("book_meeting", 0.9)])
        return await super().parse(text)


@pytest.fixture
def fake_nlu() -> FakeNlu:
    return LetterNlu()


@pytest.fixture
async def anna(engine, services, sessions, municipality, clock):
    """The demo calendar and Anna's case (a fremmøde and a video meeting her caseworker booked); she is logged in."""
    await SlotAdmin(sessions, municipality).seed_demo_if_empty(clock.now)
    case = services.bookings["ballerup"]
    assert await seed_demo_cases(sessions, case, [SimpleNamespace(sub=ANNA, municipality="ballerup")]) == 2
    await say(engine, "hej")
    async with sessions.begin() as s:  # what the login does: the conversation belongs to the subject's citizen
        citizen = await s.scalar(select(Citizen.id).where(Citizen.subject == ANNA))
        await s.execute(update(Conversation).where(Conversation.id == "test:t1").values(citizen_id=citizen))
    return SimpleNamespace(id=citizen, meetings=await case.upcoming(citizen))


async def test_seeding_twice_books_nothing_twice(services, sessions, anna):
    case = services.bookings["ballerup"]
    assert await seed_demo_cases(sessions, case, [SimpleNamespace(sub=ANNA, municipality="ballerup")]) == 0
    assert len(await case.upcoming(anna.id)) == 2


async def test_list_shows_meetings_the_caseworker_booked_with_details(engine, anna):
    url = anna.meetings[1].video_url
    replies = await say(engine, "hvornår er min samtale")
    assert texts_of(replies) == (
        "Dine samtaler:\n"
        f"• {TUE}: Jobsamtale, Fremmøde på jobcentret, med Anne Holm (booket af jobcentret). {ADDRESS}\n"
        "• mandag den 30. november 2026 kl. 10:00: Opfølgningssamtale, Video, med Anne Holm (booket af jobcentret). "
        f"Deltag via dette link: {url}")
    assert payloads(replies)[0] == "/book_meeting"


async def test_a_letter_about_a_meeting_that_day_shows_it_instead_of_booking(engine, anna):
    meeting = anna.meetings[0]
    replies = await say(engine, "jeg har fået et brev om en samtale på tirsdag")
    assert texts_of(replies) == (f"Du har allerede en samtale den dag: Jobsamtale, {TUE}, Fremmøde på jobcentret, "
                                 f"med Anne Holm. {ADDRESS} Vil du flytte eller aflyse den?")
    assert titles(replies) == ["Flyt samtalen", "Aflys samtalen", "Book en ny samtale alligevel"]
    assert payloads(replies) == [f'/reschedule_meeting{{"booking_id": {meeting.id}}}',
                                 f'/cancel_meeting{{"booking_id": {meeting.id}}}', "/book_meeting"]
    move = await say(engine, payloads(replies)[0])  # Anna has two meetings: the button says which
    assert texts_of(move).startswith(f"Du har en samtale {TUE} (Jobsamtale). Vælg en ny tid")
    cancel = await say(engine, f'/cancel_meeting{{"booking_id": {meeting.id}}}')
    assert texts_of(cancel) == f"Vil du aflyse din samtale {TUE} (Jobsamtale)?"
    assert "/affirm" in payloads(cancel)


async def test_a_letter_about_another_day_starts_a_booking(engine, anna):
    replies = await say(engine, "jeg har fået et brev om en samtale på onsdag")
    assert texts_of(replies) == "Hvilken slags samtale skal du have?"


async def test_moving_a_caseworker_booked_meeting_keeps_it_and_brings_it_to_this_chat(engine, services, anna):
    meeting = anna.meetings[0]
    offer = await say(engine, f'/reschedule_meeting{{"booking_id": {meeting.id}}}')
    await say(engine, next(p for p in payloads(offer) if p.startswith("/pick_slot")))
    moved = await say(engine, "ja")
    assert texts_of(moved).startswith("Din samtale er flyttet til ")
    after = await services.bookings["ballerup"].get(anna.id, meeting.id)
    assert (after.uid, after.sequence, after.conversation_id, after.booked_by) == (meeting.uid, 1, "test:t1",
                                                                                   "caseworker")


async def test_sickness_names_the_caseworker_and_who_to_call(engine, anna):
    replies = await say(engine, "jeg er syg")
    assert replies[1].text == (f"Du har en samtale {TUE} med Anne Holm (Jobsamtale). Er du syg den dag, så ring til 44 77 12 01 "
                               "inden samtalen, eller flyt eller aflys den her:")


async def test_a_logged_in_citizens_request_tells_the_caseworker_her_case(engine, sessions, anna):
    await ask_person(engine)
    summary = (await _only_handoff(sessions)).summary
    assert "Sagen: målgruppe jobparat, egen sagsbehandler Anne Holm" in summary.splitlines()
    assert "Kommende samtaler: tir. 24. nov. kl. 14:00: Jobsamtale; man. 30. nov. kl. 10:00: Opfølgningssamtale" \
        in summary.splitlines()


async def test_an_anonymous_request_has_no_case_line(engine, sessions):
    await ask_person(engine)
    assert "Sagen:" not in (await _only_handoff(sessions)).summary
    await ask_person(engine, sender="t2", share=False)
    assert "Sagen:" not in (await _only_handoff(sessions)).summary
