"""'Hvor ligger I', 'hvornår har I åbent': the jobcentre's facts from the municipality's file, open or closed now."""
from datetime import datetime, timezone

from tests.flows.helpers import payloads, say, texts_of

BALLERUP = ("Jobcenter Ballerup\n"
            "Adresse: Hold-an Vej 7, 2750 Ballerup. 5 minutters gang fra Ballerup Station. Indgang B, meld dig i "
            "skranken i stueetagen.\n"
            "Telefon: 44 77 00 00. E-mail: jobcenter@ballerup.example\n"
            "Åbningstider:\n"
            "man.-ons.: 09:00-15:00\n"
            "tor.: 09:00-17:00\n"
            "fre.: 09:00-13:00\n")


async def test_open_now_says_until_when(engine):
    replies = await say(engine, "hvornår har I åbent")  # the test clock: Monday 09:00 in Copenhagen
    assert texts_of(replies) == BALLERUP + "Der er åbent nu, til kl. 15:00."
    assert payloads(replies) == ["/human_handoff", "/capabilities"]


async def test_closed_says_when_it_opens(engine, clock):
    clock.now = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)  # Friday 16:00 in Copenhagen
    replies = await say(engine, "hvor ligger jobcentret")
    assert texts_of(replies) == BALLERUP + "Der er lukket nu. Vi åbner igen mandag den 30. november 2026 kl. 09:00."


async def test_asked_mid_booking_the_booking_goes_on(engine):
    await say(engine, "jeg vil booke en samtale")
    replies = await say(engine, "hvor ligger I egentlig")
    assert texts_of(replies).startswith("Jobcenter Ballerup\nAdresse: Hold-an Vej 7")
    replies = await say(engine, '/choose_type{"meeting_type": "jobsamtale"}')  # the earlier message's button
    assert texts_of(replies) == "Hvordan vil du holde samtalen?"
