"""English greeting, menu, job centre facts, sickness, crisis reply and check-in, distress, clarify, rating, youth."""
from datetime import datetime, timezone

import pytest

from nlu.client import NluResult
from tests.flows.booking_fixtures import publish
from tests.flows.helpers import payloads, say, texts_of, titles, use_locale

MENU = ["Book a meeting", "My meetings", "Move a meeting", "Cancel a meeting", "Help with CV", "Job search tips",
        "Education for young people", "Offers in the municipality", "Talk to a person"]
CRISIS = ("This sounds serious, and I am glad that you are writing.\nIf you are in danger right now, call 112.\n"
          "If you have thoughts of suicide, call Livslinien on 70 201 201. They are there for you. Livslinien answers "
          "in Danish.\nI am a chatbot. Do you want to talk to a member of staff here?")
CHECK_IN = "I want to be sure that I understand you correctly. Are things so hard that you need help now?"
GOES_ON = ("Good. Thank you for answering. Let us continue where we were. Please write it in other words if I "
           "misunderstood you.")
UNCLEAR = "jeg kan ikke se nogen vej ud af det her"
# Directions are configured in Danish only (services/case/jobcentre.py reads one string): see the H8 report.
BALLERUP = ("Jobcenter Ballerup\n"
            "Address: Hold-an Vej 7, 2750 Ballerup. A 5-minute walk from Ballerup Station. Use entrance B and go to "
            "the front desk (skranken) on the ground floor.\n"
            "Phone: 44 77 00 00. E-mail: jobcenter@ballerup.example\n"
            "Opening hours:\n"
            "Mon-Wed: 09:00-15:00\n"
            "Thu: 09:00-17:00\n"
            "Fri: 09:00-13:00\n")


@pytest.fixture
async def english(core):
    await use_locale(core, "en")


@pytest.fixture
def unsure_classifier(fake_nlu):
    """UNCLEAR gets a crisis confidence between the check-in and nothing (as in test_safety_checkin.py)."""
    parse = fake_nlu.parse

    async def leaning_to_crisis(text: str) -> NluResult:
        if text == UNCLEAR:
            return NluResult(text=text, intent="crisis", confidence=0.62,
                             ranking=[("crisis", 0.62), ("job_search_tips", 0.2), ("cv_help", 0.1)])
        return await parse(text)
    fake_nlu.parse = leaning_to_crisis


async def test_greeting_and_menu(engine, english):
    replies = await say(engine, "hej")
    assert texts_of(replies) == ("Hi! I am Jobassistenten, a chatbot from the job centre (jobcenter). I can help with "
                                 "meetings, your CV, looking for a job and education. What would you like to do?")
    assert titles(replies) == MENU
    replies = await say(engine, "menu")
    assert texts_of(replies) == ("I am a chatbot. I can help you with these things. Choose one, or write in your own "
                                 "words:")
    assert titles(replies) == MENU


async def test_the_job_centre_open_now_and_closed(engine, clock, english):
    replies = await say(engine, "hvornår har I åbent")
    assert texts_of(replies) == BALLERUP + "It is open now, until 15:00."
    assert titles(replies) == ["Talk to a person", "Menu"]
    clock.now = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)  # Friday 16:00 in Copenhagen
    assert texts_of(await say(engine, "hvor ligger jobcentret")) == (
        BALLERUP + "It is closed now. We open again on Monday 30 November 2026 at 09:00.")


async def test_sickness_without_a_meeting(engine, english):
    replies = await say(engine, "jeg er syg")
    assert texts_of(replies) == (
        "Get well soon. If you are sick on the day of a meeting, tell the job centre as soon as possible, best before "
        "the meeting. If you have questions about sygedagpenge (sickness benefit), a member of staff can help.\n"
        "If you need to report sick for a meeting, call the job centre on 44 77 00 00 before the meeting.")
    assert "/reschedule_meeting" not in payloads(replies)


@pytest.mark.parametrize("text", ["jeg vil ikke leve mere", "I don't want to live anymore", "I want to kill myself"])
async def test_the_crisis_reply_names_112_and_says_livslinien_answers_in_danish(engine, english, text):
    replies = await say(engine, text)
    assert texts_of(replies) == CRISIS
    assert titles(replies) == ["Talk to a person"] and payloads(replies) == ['/human_handoff{"reason": "crisis"}']


async def test_the_crisis_button_records_an_urgent_request_in_english(engine, english):
    await say(engine, "I want to kill myself")
    assert texts_of(await say(engine, '/human_handoff{"reason": "crisis"}')) == (
        "I have asked a member of staff to contact you as soon as possible. If you are in danger, call 112. "
        "Livslinien: 70 201 201 (answers in Danish).")


async def test_the_check_in_mid_booking_yes_and_no(engine, sessions, municipality, english, unsure_classifier):
    await publish(sessions, municipality)
    await say(engine, "jeg vil booke en samtale")
    replies = await say(engine, UNCLEAR)
    assert texts_of(replies) == CHECK_IN
    assert titles(replies) == ["Yes, I need help now", "No, I meant something else"]
    replies = await say(engine, "/crisis_check_no")
    assert texts_of(replies) == GOES_ON
    replies = await say(engine, '/choose_type{"meeting_type": "jobsamtale"}')
    assert texts_of(replies) == "How do you want to have the meeting?"
    await say(engine, UNCLEAR)
    assert texts_of(await say(engine, "/crisis")) == CRISIS


async def test_distress_gets_a_warm_reply_and_a_person(engine, english):
    replies = await say(engine, "jeg kan ikke mere")
    assert texts_of(replies) == (
        "That sounds hard, and it is completely okay to say so. You do not have to deal with it alone. A member of "
        "staff can help you further, also if computers are difficult for you. Do you want to talk to one?")
    assert titles(replies) == ["Talk to a person", "Menu"]


async def test_clarify_offers_english_buttons(engine, english):
    replies = await say(engine, "xyzzy")
    assert texts_of(replies) == "I am not sure what you mean. Do you mean one of these?"
    assert titles(replies) == ["Job search tips", "Help with CV", "Something else", "Talk to a person"]
    replies = await say(engine, "/something_else")
    assert texts_of(replies) == ("Try to write it in other words. Or choose from the menu. You can always talk to a "
                                 "member of staff.")


async def test_out_of_scope_and_stale_buttons(engine, english):
    assert texts_of(await say(engine, "hvordan bliver vejret")) == (
        "Sorry, I cannot help with that. I can help with things about the job centre:")
    replies = await say(engine, '/rate_answer{"entry": "fgu", "turn": 0, "score": 0}')
    assert texts_of(replies) == "That button does not work any more. Here is the menu:" and titles(replies) == MENU


async def test_rating_a_knowledge_answer_in_english(engine, english):
    answer = await say(engine, '/kb_entry{"id": "fgu"}')
    assert titles(answer)[-3:] == ["Talk to a person", "👍 Good answer", "👎 Not a good answer"]
    down = next(p for p in payloads(answer) if p.startswith("/rate_answer") and '"score": 0' in p)
    replies = await say(engine, down)
    assert texts_of(replies) == ("Thank you, that helps us make the answers better. Would you rather talk to a member "
                                 "of staff?")
    assert "/human_handoff" in payloads(replies)


async def test_a_message_that_is_too_long(engine, english):
    assert texts_of(await say(engine, "a" * 1001)) == (
        "Your message is too long. Please write it shorter, maybe in several messages (at most 1000 characters).")


async def test_the_youth_guide_asks_in_english(engine, english):
    replies = await say(engine, "/youth_guide")
    assert [r.text for r in replies] == [
        "I will ask four short questions. Then I will suggest education that may suit you.", "How old are you?"]
    assert titles(replies) == ["Under 18", "18-24 years", "25-29 years", "30 years or older"]
    replies = await say(engine, '/youth_answer{"step": "age", "v": "18_24"}')
    assert texts_of(replies) == "Have you finished 9th or 10th grade (9. or 10. klasse)?"
    replies = await say(engine, '/youth_answer{"step": "school", "v": "no_exam"}')
    assert titles(replies) == ["Learning with my hands (practical)", "Reading and writing (academic)", "I do not know"]
    replies = await say(engine, '/youth_answer{"step": "style", "v": "practical"}')
    assert texts_of(replies) == "Do you get kontanthjælp (social assistance) from the municipality?"
    replies = await say(engine, '/youth_answer{"step": "benefit", "v": "yes"}')
    assert texts_of(replies) == ("Based on your answers, these may suit you. Press one to read more. A guidance "
                                 "counsellor (vejleder) can help you choose.")
    # The suggestions are knowledge entries, titled in Danish until they have English titles (H4).
    assert titles(replies)[-2:] == ["Book a meeting", "Talk to a person"]
