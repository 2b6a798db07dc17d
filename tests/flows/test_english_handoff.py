"""Reaching a person in an English conversation; the caseworker's summary stays Danish and names the language."""
from sqlalchemy import select

from store.models import Handoff
from tests.flows.helpers import payloads, say, texts_of, titles, use_locale

ASK_REASON = "I will pass you on to a member of staff. What is it about? Write it briefly, or choose:"
ASK_CONSENT = ("May the member of staff read a short summary of our chat? Then you do not have to explain everything "
               "again. If you say no, the member of staff only sees what it is about.")
RECORDED = ("Thank you. Your request has been sent to a member of staff. Expected waiting time: about 10 minutes. The "
            "member of staff will write to you here. You can use the chat in the meantime.")


async def _only_handoff(sessions) -> Handoff:
    async with sessions() as s:
        return (await s.scalars(select(Handoff).order_by(Handoff.id.desc()))).first()


async def test_every_question_and_button_is_english(engine, core, sessions):
    await use_locale(core, "en")
    replies = await say(engine, "jeg vil tale med et menneske")
    assert texts_of(replies) == ASK_REASON
    assert titles(replies) == ["My benefit or payment", "A meeting", "Sickness", "A complaint"]
    replies = await say(engine, '/handoff_topic{"topic": "sickness"}')
    assert texts_of(replies) == ASK_CONSENT
    assert titles(replies) == ["Yes, they may", "No, only what it is about"]
    replies = await say(engine, '/handoff_consent{"share": true}')
    assert texts_of(replies) == "How do you want to be contacted?"
    assert titles(replies) == ["Here in the chat", "Call me", "Call me at a certain time"]
    replies = await say(engine, '/handoff_contact{"method": "chat"}')
    assert texts_of(replies) == RECORDED
    assert titles(replies) == ["Withdraw my request"] and payloads(replies) == ["/cancel_handoff"]
    assert texts_of(await say(engine, "jeg vil tale med et menneske")) == (
        "You have already asked to be contacted. A member of staff will get back to you.")
    assert texts_of(await say(engine, "/cancel_handoff")) == (
        "Your request has been withdrawn. Just write again if you need help.")


async def test_the_summary_is_danish_and_says_the_citizen_writes_english(engine, core, sessions):
    await use_locale(core, "en")
    await say(engine, "jeg vil booke en samtale")
    await say(engine, "jeg vil tale med et menneske")
    await say(engine, "jeg har ikke fået min ydelse")
    await say(engine, '/handoff_consent{"share": true}')
    await say(engine, '/handoff_contact{"method": "chat"}')
    lines = (await _only_handoff(sessions)).summary.splitlines()
    assert lines[:7] == ["Årsag: Borgeren vil tale med en medarbejder",
                         "Borgerens besked: jeg har ikke fået min ydelse", "Risiko: -",
                         "Emner i samtalen: Book en samtale", "Kommende samtaler: -", "Kontakt: skriv i chatten",
                         "Sprog: engelsk"]
    # The transcript shows what the citizen saw, in English.
    assert lines[7:] == ["Seneste beskeder:", "Borger: jeg vil booke en samtale",
                         "Chatbot: What kind of meeting (samtale) do you need?"]


async def test_phone_and_callback_in_english(engine, core, sessions):
    await use_locale(core, "en", "b1")
    await say(engine, "jeg vil tale med et menneske", "b1")
    await say(engine, '/handoff_topic{"topic": "benefits"}', "b1")
    await say(engine, '/handoff_consent{"share": false}', "b1")
    replies = await say(engine, '/handoff_contact{"method": "phone"}', "b1")
    assert texts_of(replies) == "Which number should we call? The number is only used for this request."
    assert texts_of(await say(engine, "1234", "b1")) == (
        "Write a Danish phone number with 8 digits, for example 12 34 56 78.")
    assert texts_of(await say(engine, "+45 22 33 44 55", "b1")) == (
        "Thank you. Your request has been sent. A member of staff will call you, expected in about 10 minutes.")
    assert (await _only_handoff(sessions)).summary.splitlines() == [
        "Årsag: Ydelse eller udbetaling", "Kontakt: ring på 22334455", "Sprog: engelsk",
        "Borgeren har ikke givet lov til at dele samtalen; kun årsagen er med."]

    await use_locale(core, "en", "b2")
    await say(engine, "jeg vil tale med et menneske", "b2")
    await say(engine, "min sag", "b2")
    await say(engine, '/handoff_consent{"share": true}', "b2")
    replies = await say(engine, '/handoff_contact{"method": "callback"}', "b2")
    assert texts_of(replies) == ('When is a good time for us to call? Write for example "tomorrow at 10" or '
                                 '"Thursday afternoon".')
    assert texts_of(await say(engine, "i går", "b2")) == (
        'I did not understand that time, or it has already passed. Write for example "tomorrow at 10".')
    assert texts_of(await say(engine, "tomorrow at 10", "b2")).startswith("Which number should we call?")
    assert texts_of(await say(engine, "11223344", "b2")) == (
        "Thank you. A member of staff will call you on Tuesday 24 November 2026 at 10:00.")


async def test_outside_opening_hours_says_when_we_open_in_english(engine, core, clock):
    from datetime import timedelta
    clock.now = clock.now + timedelta(days=4, hours=9)  # Friday 18:00: closed until Monday 09:00
    await use_locale(core, "en")
    await say(engine, "jeg vil tale med et menneske")
    await say(engine, "min ydelse")
    await say(engine, '/handoff_consent{"share": true}')
    assert texts_of(await say(engine, '/handoff_contact{"method": "chat"}')) == (
        "Thank you. Your request has been sent. The job centre is closed now. A member of staff will write to you "
        "here when we open on Monday 30 November 2026 at 09:00.")


async def test_caseworker_messages_and_the_rating_reach_the_citizen_in_english(engine, core, sessions):
    await use_locale(core, "en")
    await say(engine, "jeg vil tale med et menneske")
    await say(engine, "min ydelse")
    await say(engine, '/handoff_consent{"share": true}')
    await say(engine, '/handoff_contact{"method": "chat"}')
    handoff = await _only_handoff(sessions)
    await core.inbox.claim(handoff.id, "anne@k.dk", "Anne Holm")
    await core.inbox.reply(handoff.id, "anne@k.dk", "Anne Holm", "Hej, jeg kigger på det")
    assert [r.text for r in await say(engine, "tak")] == [
        "Anne Holm from the job centre has taken your request. Write here, and Anne Holm will answer you.",
        "Anne Holm (member of staff): Hej, jeg kigger på det"]  # the caseworker's own words are not translated
    await core.inbox.close(handoff.id, "anne@k.dk", "Anne Holm", "løst")
    replies = await say(engine, "ok")
    assert replies[0].text == ("The member of staff has ended the chat. Now you are writing with Jobassistenten, a "
                               "chatbot, again. How was the help?")
    assert titles(replies[:1]) == ["👍 Good", "👎 Not good"]
    replies = await say(engine, '/rate{"score": 1}')
    assert texts_of(replies) == ("Thank you. Would you like to write briefly what was good or bad? You can also skip "
                                 "this.")
    assert titles(replies) == ["Skip"]
    assert texts_of(await say(engine, "Hun var sød")).startswith("Thank you for your rating. It helps us get better.")


async def test_changing_your_mind_in_english(engine, core, sessions):
    await use_locale(core, "en")
    await say(engine, "jeg vil tale med et menneske")
    await say(engine, "min ydelse")
    replies = await say(engine, "glem det")
    assert texts_of(replies) == ("Okay, I have not sent anything on. Just write again if you want to talk to a member "
                                 "of staff. Here is the menu:")
    assert await _only_handoff(sessions) is None
