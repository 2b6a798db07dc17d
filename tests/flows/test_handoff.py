"""Handoff lifecycle: requested → claimed → closed / cancelled; summary from redacted text (findings 2 and 3)."""
import asyncio

import pytest

from sqlalchemy import select

from dialogs.flows.handoff import phone_number
from store.models import AuditEntry, Conversation, Event, Handoff, Message
from tests.flows.helpers import payloads, say, texts_of

RECORDED = ("Tak. Din henvendelse er sendt til en medarbejder. Forventet ventetid: cirka 10 minutter. Medarbejderen "
            "skriver til dig her. Du kan bruge chatten imens.")
ALREADY = "Du har allerede bedt om at blive kontaktet. En medarbejder vender tilbage."


async def ask_person(engine, reason: str = "jeg har ikke fået min ydelse", share: bool = True,
                     sender: str = "t1") -> list:
    """The whole citizen side: ask, reason, consent, contact in the chat; returns the last replies."""
    first = await say(engine, "jeg vil tale med et menneske", sender)
    if "/cancel_handoff" in payloads(first):  # already open
        return first
    await say(engine, reason, sender)
    await say(engine, f'/handoff_consent{{"share": {"true" if share else "false"}}}', sender)
    return await say(engine, '/handoff_contact{"method": "chat"}', sender)


async def _only_handoff(sessions) -> Handoff:
    async with sessions() as s:
        return (await s.scalars(select(Handoff).order_by(Handoff.id.desc()))).first()


async def test_cpr_in_the_request_never_reaches_the_summary(engine, sessions):
    """Before: the flow passed the raw text into handoffs.summary, CPR number and all."""
    await ask_person(engine, "jeg vil tale med en medarbejder om min sag, mit cpr er 150687-1234")
    handoff = await _only_handoff(sessions)
    assert "150687" not in handoff.summary and "1234" not in handoff.summary
    assert "Borgerens besked: jeg vil tale med en medarbejder om min sag, mit cpr er [CPR]" in handoff.summary


async def test_summary_has_reason_topics_language_and_recent_messages(engine, sessions):
    await say(engine, "jeg vil booke en samtale")
    await ask_person(engine)
    assert (await _only_handoff(sessions)).summary.splitlines() == [
        "Årsag: Borgeren vil tale med en medarbejder",
        "Borgerens besked: jeg har ikke fået min ydelse",
        "Risiko: -",
        "Emner i samtalen: Book en samtale",
        "Kommende samtaler: -",
        "Kontakt: skriv i chatten",
        "Sprog: dansk",
        "Seneste beskeder:",
        "Borger: jeg vil booke en samtale",
        "Chatbot: Hvilken slags samtale skal du have?",
    ]


async def test_request_claim_close_and_a_new_request_works(engine, services, sessions):
    """Before: 'Du har allerede bedt om at blive kontaktet' forever, since nothing closed a handoff."""
    replies = await ask_person(engine)
    assert texts_of(replies) == RECORDED and payloads(replies) == ["/cancel_handoff"]
    assert texts_of(await say(engine, "jeg vil tale med et menneske")) == ALREADY
    handoff = await _only_handoff(sessions)
    assert await services.handoffs.claim(handoff.id, "Anne Holm")
    assert await say(engine, "hej, er der nogen?") == []  # the caseworker has it: the bot stays quiet
    async with sessions() as s:
        assert (await s.scalars(select(Conversation.mode))).one() == "human"
        last_in = (await s.scalars(select(Message.text).where(Message.direction == "in")
                                   .order_by(Message.id.desc()))).first()
    assert last_in == "hej, er der nogen?"  # in the transcript, for the caseworker
    assert await services.handoffs.close(handoff.id, "løst")
    assert texts_of(await say(engine, "hej")).startswith("Hej! Jeg er Jobassistenten")
    # The wait is measured now: the one claim so far took 0 minutes on the test clock, so the floor of 5.
    assert texts_of(await ask_person(engine)) == RECORDED.replace("cirka 10 minutter", "cirka 5 minutter")
    async with sessions() as s:
        assert [h.status for h in (await s.scalars(select(Handoff).order_by(Handoff.id))).all()] == [
            "closed", "requested"]


async def test_citizen_can_withdraw_a_waiting_request(engine, sessions):
    await ask_person(engine)
    replies = await say(engine, "/cancel_handoff")
    assert texts_of(replies) == ("Din henvendelse er trukket tilbage. Skriv bare igen, hvis du får brug for "
                                 "hjælp.")
    assert (await _only_handoff(sessions)).status == "cancelled"
    assert texts_of(await say(engine, "/cancel_handoff")).startswith("Der er ingen henvendelse at trække tilbage")


async def test_crisis_while_a_caseworker_has_it_gets_the_safety_reply_and_priority(engine, services, sessions):
    await ask_person(engine)
    handoff = await _only_handoff(sessions)
    await services.handoffs.claim(handoff.id, "Anne Holm")
    assert "Livslinien på 70 201 201" in texts_of(await say(engine, "jeg vil ikke leve mere"))
    assert (await _only_handoff(sessions)).priority == 1


async def test_thirty_claims_at_once_one_wins(any_db_url, fake_nlu, clock):
    from bot.wiring import build_core
    from services.booking import BookingRules
    from services.municipality import load_all
    from store.db import make_engine, make_sessions

    db = make_engine(any_db_url)
    try:
        core = build_core(make_sessions(db), fake_nlu, load_all(), BookingRules(), clock, "ballerup", 1000)
        await ask_person(core.engine)
        handoff = (await core.services.handoffs.open_for("test:t1"))
        wins = await asyncio.gather(*(core.services.handoffs.claim(handoff.id, f"cw{i}") for i in range(30)))
        assert sum(wins) == 1
        assert (await core.services.handoffs.open_for("test:t1")).claimed_by == f"cw{wins.index(True)}"
    finally:
        await db.dispose()


async def test_every_branch_of_the_citizen_side(engine, sessions, clock):
    """Topic button, no consent, phone (a bad number first), callback at a time; all committed on the handoff."""
    replies = await say(engine, "jeg vil tale med et menneske", "b1")
    assert texts_of(replies).startswith("Jeg sender dig videre til en medarbejder. Hvad drejer det sig om?")
    assert payloads(replies) == ['/handoff_topic{"topic": "benefits"}', '/handoff_topic{"topic": "meeting"}',
                                 '/handoff_topic{"topic": "sickness"}', '/handoff_topic{"topic": "complaint"}']
    replies = await say(engine, '/handoff_topic{"topic": "sickness"}', "b1")
    assert payloads(replies) == ['/handoff_consent{"share": true}', '/handoff_consent{"share": false}']
    replies = await say(engine, "nej", "b1")  # typed instead of pressed
    assert payloads(replies) == ['/handoff_contact{"method": "chat"}', '/handoff_contact{"method": "phone"}',
                                 '/handoff_contact{"method": "callback"}']
    await say(engine, '/handoff_contact{"method": "phone"}', "b1")
    assert texts_of(await say(engine, "1234", "b1")) == "Skriv et dansk telefonnummer med 8 cifre, fx 12 34 56 78."
    replies = await say(engine, "+45 22 33 44 55", "b1")
    assert texts_of(replies) == ("Tak. Din henvendelse er sendt. En medarbejder ringer til dig, forventet om cirka "
                                 "10 minutter.")
    handoff = await _only_handoff(sessions)
    assert (handoff.reason, handoff.contact, handoff.phone, handoff.consent) == ("sickness", "phone", "22334455", False)
    assert handoff.summary.splitlines() == [
        "Årsag: Sygdom", "Kontakt: ring på 22334455", "Sprog: dansk",
        "Borgeren har ikke givet lov til at dele samtalen; kun årsagen er med."]
    async with sessions() as s:  # the number is on the handoff only
        stored = " ".join((await s.scalars(select(Message.text))).all())
    assert "22 33 44 55" not in stored and "22334455" not in stored

    await say(engine, "jeg vil tale med et menneske", "b2")
    await say(engine, "min sag", "b2")
    await say(engine, '/handoff_consent{"share": true}', "b2")
    await say(engine, '/handoff_contact{"method": "callback"}', "b2")
    assert texts_of(await say(engine, "i går", "b2")).startswith("Det tidspunkt forstod jeg ikke")
    assert texts_of(await say(engine, "i morgen kl 10", "b2")).startswith("Hvilket nummer skal vi ringe til?")
    replies = await say(engine, "11223344", "b2")
    assert texts_of(replies) == "Tak. En medarbejder ringer til dig tirsdag den 24. november 2026 kl. 10:00."
    handoff = await _only_handoff(sessions)
    assert handoff.callback_at.isoformat() == "2026-11-24T09:00:00+00:00"
    assert "Kontakt: ring på 11223344 tirsdag den 24. november 2026 kl. 10:00" in handoff.summary


async def test_outside_opening_hours_the_request_is_queued_and_the_citizen_told_when(engine, clock, sessions):
    from datetime import timedelta
    clock.now = clock.now + timedelta(days=4, hours=9)  # Friday 18:00: closed until Monday 09:00
    replies = await ask_person(engine)
    assert texts_of(replies) == ("Tak. Din henvendelse er sendt. Jobcentret har lukket nu. En medarbejder skriver "
                                 "til dig her, når vi åbner mandag den 30. november 2026 kl. 09:00.")
    assert (await _only_handoff(sessions)).status == "requested"


async def test_a_long_first_message_is_the_reason_and_a_crisis_mid_flow_gets_the_safety_reply(engine, sessions):
    replies = await say(engine, "jeg vil gerne tale med en medarbejder fordi min udbetaling ikke er kommet")
    assert texts_of(replies).startswith("Må medarbejderen læse et kort resumé")
    assert "Livslinien" in texts_of(await say(engine, "jeg vil ikke leve mere"))
    assert await _only_handoff(sessions) is None  # the crisis ended the questions; the crisis button asks a person
    await say(engine, '/human_handoff{"reason": "crisis"}')
    handoff = await _only_handoff(sessions)
    assert (handoff.reason, handoff.priority) == ("crisis", 1)
    assert handoff.summary.splitlines()[0] == "Årsag: AKUT: borgeren har skrevet om fare for liv eller sikkerhed"
    assert "Risiko: AKUT (krise)" in handoff.summary


async def test_crisis_while_waiting_raises_the_priority(engine, sessions):
    await ask_person(engine)
    assert "Livslinien" in texts_of(await say(engine, "jeg vil ikke leve mere"))
    assert (await _only_handoff(sessions)).priority == 1


async def test_caseworker_reply_and_close_reach_the_citizen_with_a_rating(engine, core, sessions):
    await ask_person(engine)
    handoff = await _only_handoff(sessions)
    assert (await core.inbox.claim(handoff.id, "anne@k.dk", "Anne Holm")).value == "ok"
    assert (await core.inbox.claim(handoff.id, "bo@k.dk", "Bo")).value == "conflict"
    assert (await core.inbox.reply(handoff.id, "bo@k.dk", "Bo", "hej")).value == "conflict"
    assert (await core.inbox.reply(handoff.id, "anne@k.dk", "Anne Holm", "Hej, ring 12345678")).value == "ok"
    assert [r.text for r in await say(engine, "tak")] == [
        "Anne Holm fra jobcentret har taget din henvendelse. Skriv her, så svarer Anne Holm dig.",
        "Anne Holm (medarbejder): Hej, ring [telefon]"]  # the reply itself; 'tak' went to Anne
    assert (await core.inbox.close(handoff.id, "anne@k.dk", "Anne Holm", "løst")).value == "ok"
    replies = await say(engine, "ok")
    assert replies[0].text.startswith("Medarbejderen har afsluttet samtalen. Nu skriver du igen med Jobassistenten")
    assert payloads(replies[:1]) == ['/rate{"score": 1}', '/rate{"score": 0}']
    assert texts_of(await say(engine, '/rate{"score": 1}')).startswith("Tak. Vil du skrive kort")
    assert texts_of(await say(engine, "Hun var sød, mit nr er 12345678")).startswith("Tak for din vurdering")
    async with sessions() as s:
        events = {e.kind: e.data for e in (await s.scalars(select(Event))).all()}
        audit = [a.action for a in (await s.scalars(select(AuditEntry).order_by(AuditEntry.id))).all()]
    assert events["rating"] == {"score": 1, "of": "caseworker"}
    assert events["rating_comment"]["text"] == "Hun var sød, mit nr er [telefon]"
    assert audit == ["claimed", "replied", "closed"]


async def test_details_at_the_consent_step_are_kept_and_a_typed_number_means_call_me(engine, sessions):
    """Tried as a stressed citizen: more details instead of yes/no, then a number instead of a button."""
    await say(engine, "jeg vil tale med et menneske")
    await say(engine, "min kontanthjælp")
    replies = await say(engine, "jeg har ikke fået penge og kan ikke betale husleje")
    assert [r.text for r in replies][0] == "Tak, det kommer med til medarbejderen."
    assert payloads(replies) == ['/handoff_consent{"share": true}', '/handoff_consent{"share": false}']
    await say(engine, "ja")
    replies = await say(engine, "tlf 22 33 44 55")
    assert texts_of(replies).startswith("Tak. Din henvendelse er sendt. En medarbejder ringer til dig")
    handoff = await _only_handoff(sessions)
    assert (handoff.contact, handoff.phone) == ("phone", "22334455")
    assert "Borgerens besked: min kontanthjælp jeg har ikke fået penge og kan ikke betale husleje" in handoff.summary


@pytest.mark.parametrize(("text", "number"), [
    ("22 33 44 55", "22334455"), ("tlf 22 33 44 55", "22334455"), ("+45 22334455", "22334455"),
    ("mit nummer er 22-33-44-55", "22334455"), ("tlf: 22334455", "22334455"), ("0045 22 33 44 55", "22334455"),
    ("ring på 29 28 27 26", "29282726"), ("du kan ringe til mig på 29282726 efter kl 12", "29282726"),
    ("min mobil: (+45) 29 28-27 26 tak", "29282726"), ("29282726 eller 31313131", None),
    ("1234", None), ("ring mig", None), ("223344556", None), ("", None), ("ring efter 14.30", None)])
def test_phone_numbers_in_the_citizens_words(text, number):
    assert phone_number(text) == number


@pytest.mark.parametrize("text", ["glem det", "stop", "menu"])
async def test_a_citizen_who_changes_their_mind_gets_out_of_the_questions(engine, sessions, text):
    await say(engine, "jeg vil tale med et menneske")
    await say(engine, "min ydelse")  # now at the consent question, which takes free text
    replies = await say(engine, text)
    assert texts_of(replies).startswith("Okay, jeg har ikke sendt noget videre.")
    assert "/book_meeting" in payloads(replies)
    assert await _only_handoff(sessions) is None
