"""Meeting details through the engine: address, the number to call, the video link, caseworker, invites, labels."""
import icalendar
import pytest
from sqlalchemy import select

from store.models import Booking, Event, Message
from tests.flows.booking_fixtures import publish
from tests.flows.helpers import payloads, say, texts_of, titles

ADDRESS = ("Mød op på Jobcenter Ballerup, Hold-an Vej 7, 2750 Ballerup. 5 minutters gang fra Ballerup Station. "
           "Indgang B, meld dig i skranken i stueetagen.")
WED = "onsdag den 25. november 2026 kl. 10:00"
MENU = ["/book_meeting", "/list_meetings", "/reschedule_meeting", "/cancel_meeting", "/cv_help", "/job_search_tips",
        "/youth_guide", "/local_offers", "/human_handoff"]


@pytest.fixture
async def slots(sessions, municipality):
    return await publish(sessions, municipality)


async def _book(engine, mode: str, sender: str = "t1"):
    offer = await say(engine, f"jeg vil booke en jobsamtale på {mode}", sender)
    await say(engine, next(p for p in payloads(offer) if p.startswith("/pick_slot")), sender)
    return await say(engine, "ja", sender)


async def _event(services, replies) -> icalendar.cal.Component:
    stored = await services.files.get(next(r.file for r in replies if r.file).token)
    return icalendar.Calendar.from_ical(stored.content)


async def test_offer_explains_book_senest_and_more_times_are_not_called_the_first(engine, slots):
    offer = await say(engine, "jeg vil booke en jobsamtale på fremmøde")
    assert texts_of(offer) == (
        "Book senest mandag den 7. december 2026. Det er fristen for selv at booke. Har du ikke booket inden da, "
        "finder jobcentret en tid til dig. Her er de første ledige tider. Vælg en, eller skriv hvornår det passer "
        'dig (fx "tirsdag eftermiddag" eller "3/12 kl 10").')
    assert titles(offer)[-1] == "Flere tider"
    more = await say(engine, "/more_slots")
    assert texts_of(more) == "Her er flere ledige tider, senere end dem før. Vælg en, eller skriv hvornår det passer dig."
    assert "første" not in texts_of(more)


async def test_fremmoede_gives_address_directions_caseworker_and_an_invite_with_organizer(engine, services, slots):
    booked = await _book(engine, "fremmøde")
    assert texts_of(booked) == (f"Din samtale er booket: Jobsamtale, {WED}, Fremmøde på jobcentret, med Test Rådgiver. "
                                f"{ADDRESS} Du får en påmindelse dagen før. Her er en kalenderinvitation:")
    assert payloads(booked) == MENU
    assert booked[0].file.name == "samtale-2026-11-25-1000.ics"
    event = (await _event(services, booked)).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "Jobcenter Ballerup, Hold-an Vej 7, 2750 Ballerup"
    assert str(event["ORGANIZER"]) == "mailto:jobcenter@ballerup.example"
    assert event["ORGANIZER"].params["CN"] == "Test Rådgiver, Jobcenter Ballerup"
    assert "Adresse: Hold-an Vej 7, 2750 Ballerup." in str(event["DESCRIPTION"])


async def test_phone_meeting_asks_which_number_and_keeps_it_on_the_booking_only(engine, services, sessions, slots):
    booked = await _book(engine, "telefon")
    assert [r.text for r in booked] == [
        f"Din samtale er booket: Jobsamtale, {WED}, Telefon (vi ringer til dig), med Test Rådgiver. Vi ringer til dig. "
        "Du får en påmindelse dagen før. Her er en kalenderinvitation:",
        "Hvilket telefonnummer skal vi ringe til? Skriv nummeret (8 cifre). Det gemmes kun sammen med samtalen."]
    assert titles(booked) == ["Brug det nummer, jobcentret har"] and payloads(booked) == ["/keep_number"]
    assert str((await _event(services, booked)).walk("VEVENT")[0]["LOCATION"]) == "Telefon – vi ringer til dig"
    bad = await say(engine, "1234")
    assert texts_of(bad) == ("Det ligner ikke et dansk telefonnummer. Skriv 8 cifre, fx 12 34 56 78, "
                             "eller tryk på knappen.")
    saved = await say(engine, "mit nummer er 22 33 44 78")
    assert texts_of(saved) == "Tak. Vi ringer til dig på nummeret, der slutter på 78." and payloads(saved) == MENU
    async with sessions() as s:
        assert await s.scalar(select(Booking.call_number)) == "22334478"
        inbound = (await s.scalars(select(Message.text).where(Message.direction == "in"))).all()
        events = (await s.scalars(select(Event.data))).all()
    assert inbound[-2:] == ["[privat svar]", "[privat svar]"]
    assert "22334478" not in str(events) and "22 33 44 78" not in str(events)
    listed = texts_of(await say(engine, "hvornår er min samtale"))
    assert listed == (f"Dine samtaler:\n• {WED}: Jobsamtale, Telefon (vi ringer til dig), med Test Rådgiver. "
                      "Vi ringer til dig på nummeret, der slutter på 78.")


async def test_phone_meeting_can_keep_the_number_the_jobcentre_has(engine, sessions, slots):
    await _book(engine, "telefon")
    kept = await say(engine, "/keep_number")
    assert texts_of(kept) == "Okay. Vi ringer til dig på det nummer, jobcentret har." and payloads(kept) == MENU
    async with sessions() as s:
        assert await s.scalar(select(Booking.call_number)) is None


async def test_video_meeting_gets_its_link_in_the_confirmation_and_the_invite(engine, services, sessions, slots):
    booked = await _book(engine, "video")
    async with sessions() as s:
        url = await s.scalar(select(Booking.video_url))
    assert url.startswith("https://video.ballerup.example/jobcenter/")
    assert texts_of(booked) == (f"Din samtale er booket: Jobsamtale, {WED}, Video, med Test Rådgiver. Deltag via dette "
                                f"link: {url} Du får en påmindelse dagen før. Her er en kalenderinvitation:")
    event = (await _event(services, booked)).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == url and str(event["URL"]) == url
    assert f"Link til videomødet: {url}" in str(event["DESCRIPTION"])


async def test_cancel_says_what_it_can_mean_and_the_invite_says_cancelled(engine, services, slots):
    await _book(engine, "fremmøde")
    await say(engine, "aflys min samtale")
    cancelled = await say(engine, "ja")
    assert texts_of(cancelled) == (
        f"Din samtale {WED} er aflyst. At aflyse uden en gyldig grund kan få betydning for din ydelse, så fortæl "
        "Test Rådgiver hvorfor (tlf. 44 77 00 00). Husk at booke en ny tid, hvis du skal. "
        "Her er aflysningen til din kalender:")
    assert cancelled[0].file.name == "aflyst-samtale-2026-11-25-1000.ics"
    cal = await _event(services, cancelled)
    event = cal.walk("VEVENT")[0]
    assert cal["METHOD"] == "CANCEL" and str(event["SUMMARY"]) == "AFLYST: Jobsamtale med jobcentret"
    assert str(event["DESCRIPTION"]) == f"Samtalen {WED} er aflyst og bliver ikke holdt."
    assert "flyt eller aflys" not in str(event["DESCRIPTION"])
    assert str(event["LOCATION"]) == "Jobcenter Ballerup, Hold-an Vej 7, 2750 Ballerup" and event.get("ORGANIZER")


async def test_moved_meeting_names_the_invite_it_replaces(engine, services, slots):
    first = await _book(engine, "fremmøde")
    offer = await say(engine, "kan jeg flytte min samtale til fredag")
    await say(engine, next(p for p in payloads(offer) if p.startswith("/pick_slot")))
    moved = await say(engine, "ja")
    assert texts_of(moved) == (
        "Din samtale er flyttet til fredag den 27. november 2026 kl. 10:00, Fremmøde på jobcentret, med Test Rådgiver. "
        f"{ADDRESS} Her er den nye kalenderinvitation. Den erstatter invitationen til {WED}, som ikke gælder længere:")
    assert (first[0].file.name, moved[0].file.name) == ("samtale-2026-11-25-1000.ics", "samtale-2026-11-27-1000.ics")
