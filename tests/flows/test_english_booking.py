"""Booking, moving, cancelling and listing meetings in an English conversation (fake NLU, locale set directly)."""
import icalendar
import pytest

from services.municipality import load_all
from tests.flows.booking_fixtures import publish
from tests.flows.helpers import payloads, say, texts_of, titles, use_locale

MENU = ["Book a meeting", "My meetings", "Move a meeting", "Cancel a meeting", "Help with CV", "Job search tips",
        "Education for young people", "Offers in the municipality", "Talk to a person"]
FIRST_OFFER = ("Book by Monday 7 December 2026. That is the deadline for booking yourself (selvbook). If you have not "
               "booked by then, the job centre will find a time for you. Here are the first free times. Choose one, "
               'or write when it suits you (for example "Tuesday afternoon" or "3/12 at 10").')
FIRST_TIMES = ["Wed 25 Nov, 10:00", "Wed 25 Nov, 13:00", "Thu 26 Nov, 10:00", "Thu 26 Nov, 13:00", "Fri 27 Nov, 10:00"]
# The English directions from services/data/municipalities/ballerup.yml (directions: {da: ..., en: ...}).
DIRECTIONS = ("A 5-minute walk from Ballerup Station. Use entrance B and go to the front desk (skranken) on the "
              "ground floor.")
WHERE = f"Come to Jobcenter Ballerup, Hold-an Vej 7, 2750 Ballerup. {DIRECTIONS}"


@pytest.fixture
async def english(core, sessions, municipality):
    await publish(sessions, municipality)
    await use_locale(core, "en")


def slots_of(replies) -> list[tuple[str, str]]:
    return [(b.title, b.payload) for r in replies for b in r.buttons if b.payload.startswith("/pick_slot")]


async def ics_of(services, replies) -> icalendar.cal.Component:
    file = next(r.file for r in replies if r.file)
    stored = await services.files.get(file.token)
    return icalendar.Calendar.from_ical(stored.content)


async def book_first(engine, mode: str = "fremmøde") -> list:
    await say(engine, "jeg vil booke en jobsamtale")
    _, payload = slots_of(await say(engine, f'/choose_mode{{"meeting_mode": "{mode}"}}'))[0]
    await say(engine, payload)
    return await say(engine, "ja")


def test_every_municipality_labels_every_type_and_mode_in_english():
    """A label without 'en' would fall back to Danish in an English conversation (services.outgoing.Label)."""
    for muni in load_all().values():
        labels = [t.labels for t in muni.meeting_types.values()] + list(muni.modes.values())
        assert all(label.get("en") and label.get("da") for label in labels), muni.key


async def test_type_and_mode_buttons_are_english_with_the_danish_name(engine, english):
    replies = await say(engine, "jeg vil booke en samtale")
    assert texts_of(replies) == "What kind of meeting (samtale) do you need?"
    assert titles(replies) == ["Jobsamtale (job meeting)", "Opfølgningssamtale (follow-up meeting)",
                               "Sygeopfølgningssamtale (follow-up meeting when you are sick)",
                               "Meeting for young people under 30"]
    replies = await say(engine, '/choose_type{"meeting_type": "jobsamtale"}')
    assert texts_of(replies) == "How do you want to have the meeting?"
    assert titles(replies) == ["At the job centre (fremmøde)", "Phone (we call you)", "Video"]
    replies = await say(engine, '/choose_mode{"meeting_mode": "fremmøde"}')
    assert texts_of(replies) == FIRST_OFFER
    assert [t for t, _ in slots_of(replies)] == FIRST_TIMES and titles(replies)[-1] == "More times"


async def test_book_confirm_and_the_invite_in_english(engine, services, english):
    await say(engine, "jeg vil booke en jobsamtale")
    _, payload = slots_of(await say(engine, '/choose_mode{"meeting_mode": "fremmøde"}'))[0]
    replies = await say(engine, payload)
    assert texts_of(replies) == ("Do you want to book: Jobsamtale (job meeting), Wednesday 25 November 2026 at 10:00, "
                                 "At the job centre (fremmøde)?")
    assert titles(replies) == ["Yes, book it", "No, choose another time"]
    booked = await say(engine, "ja")
    assert booked[0].text == ("Your meeting is booked: Jobsamtale (job meeting), Wednesday 25 November 2026 at 10:00, "
                              f"At the job centre (fremmøde), with Test Rådgiver. {WHERE} You will get a reminder the "
                              "day before. Here is a calendar invitation:")
    assert booked[0].file.name == "meeting-2026-11-25-1000.ics"
    event = (await ics_of(services, booked)).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Jobsamtale (job meeting) with the job centre"
    assert str(event["DESCRIPTION"]) == (
        f"Jobsamtale (job meeting), At the job centre (fremmøde). Address: Hold-an Vej 7, 2750 Ballerup. {DIRECTIONS} "
        "Caseworker: Test Rådgiver. The job centre's phone: 44 77 00 00. If you cannot come, move or cancel the "
        "meeting in the chat.")
    assert str(event["LOCATION"]) == "Jobcenter Ballerup, Hold-an Vej 7, 2750 Ballerup"


async def test_a_phone_meeting_asks_for_the_number_in_english(engine, services, english):
    booked = await book_first(engine, "telefon")
    assert booked[-1].text == ("Which phone number should we call? Write the number (8 digits). It is only saved "
                               "with the meeting.")
    assert titles(booked[-1:]) == ["Use the number the job centre has"]
    event = (await ics_of(services, booked)).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "Phone – we will call you"
    assert texts_of(await say(engine, "1234")) == ("That does not look like a Danish phone number. Write 8 digits, for "
                                                   "example 12 34 56 78, or press the button.")
    replies = await say(engine, "22 33 44 55")
    assert texts_of(replies) == "Thank you. We will call you on the number that ends in 55."
    assert titles(replies) == MENU


async def test_list_shows_english_dates_and_labels(engine, english):
    replies = await say(engine, "hvornår er min samtale")
    assert texts_of(replies) == "You have no booked meetings."
    await book_first(engine)
    assert texts_of(await say(engine, "hvornår er min samtale")) == (
        "Your meetings:\n• Wednesday 25 November 2026 at 10:00: Jobsamtale (job meeting), At the job centre "
        f"(fremmøde), with Test Rådgiver. {WHERE}")


async def test_move_in_english_keeps_the_uid(engine, services, english):
    first = (await ics_of(services, await book_first(engine))).walk("VEVENT")[0]
    replies = await say(engine, "kan jeg flytte min samtale")
    assert texts_of(replies) == ("You have a meeting on Wednesday 25 November 2026 at 10:00: Jobsamtale (job meeting). "
                                 "Choose a new time, or write when it suits you:")
    thursday = dict(slots_of(replies))["Thu 26 Nov, 10:00"]
    assert texts_of(await say(engine, thursday)) == (
        "Do you want to move your meeting from Wednesday 25 November 2026 at 10:00 to Thursday 26 November 2026 at "
        "10:00? The meeting: Jobsamtale (job meeting).")
    moved = await say(engine, "ja")
    assert moved[0].text == (
        f"Your meeting is moved to Thursday 26 November 2026 at 10:00, At the job centre (fremmøde), with Test "
        f"Rådgiver. {WHERE} Here is the new calendar invitation. It replaces the invitation for Wednesday 25 November "
        "2026 at 10:00, which is no longer valid:")
    event = (await ics_of(services, moved)).walk("VEVENT")[0]
    assert event["UID"] == first["UID"] and int(event["SEQUENCE"]) == 1


async def test_cancel_in_english_and_the_cancellation_invite(engine, services, english):
    await book_first(engine)
    replies = await say(engine, "aflys min samtale")
    assert texts_of(replies) == ("Do you want to cancel your meeting on Wednesday 25 November 2026 at 10:00? "
                                 "The meeting: Jobsamtale (job meeting).")
    assert titles(replies) == ["Yes, cancel it", "No, keep it"]
    cancelled = await say(engine, "ja")
    assert cancelled[0].text == (
        "Your meeting on Wednesday 25 November 2026 at 10:00 is cancelled. Cancelling without a valid reason can "
        "affect your benefit (ydelse), so tell Test Rådgiver why (phone 44 77 00 00). Remember to book a new time if "
        "you need one. Here is the cancellation for your calendar:")
    cal = await ics_of(services, cancelled)
    event = cal.walk("VEVENT")[0]
    assert cal["METHOD"] == "CANCEL"
    assert str(event["SUMMARY"]) == "CANCELLED: Jobsamtale (job meeting) with the job centre"
    assert str(event["DESCRIPTION"]) == ("The meeting on Wednesday 25 November 2026 at 10:00 is cancelled and will "
                                         "not take place.")


async def test_declining_to_cancel_and_nothing_to_move(engine, english):
    replies = await say(engine, "aflys min samtale")
    assert "/book_meeting" in payloads(replies)
    await book_first(engine)
    await say(engine, "aflys min samtale")
    assert texts_of(await say(engine, "nej")) == "Okay, your meeting is not cancelled."


async def test_weekend_and_nothing_free_in_english(engine, english):
    await say(engine, "jeg vil booke en jobsamtale på telefon")
    replies = await say(engine, "kan jeg komme i weekenden")
    assert texts_of(replies) == ("The job centre does not have meetings at the weekend. Here are the nearest times "
                                 "after the weekend:")
    assert slots_of(replies)[0][0] == "Tue 1 Dec, 10:00"
    replies = await say(engine, "den 1. december kl 8")
    assert texts_of(replies) == ("There are no free times that match that. Here are the nearest ones from Tuesday "
                                 "1 December 2026:")


async def test_no_free_times_at_all_offers_a_person(engine, core):
    await use_locale(core, "en")
    replies = await say(engine, "jeg vil booke en jobsamtale på telefon")
    assert texts_of(replies) == ("Sorry, there are no free times right now. A member of staff can find a time for "
                                 "you.")
    assert "/human_handoff" in payloads(replies)


@pytest.mark.parametrize("wish, text, expected", [
    ("tomorrow at 10", "There are no free times that match that. Here are the nearest ones from Tuesday 24 November "
                       "2026:", ["Wed 25 Nov, 10:00", "Wed 25 Nov, 13:00"]),
    ("Thursday afternoon", "Free times that match what you wrote:", ["Thu 26 Nov, 13:00"]),
    ("next Tuesday afternoon", "Free times that match what you wrote:", ["Tue 1 Dec, 13:00"]),
    ("1 December in the morning", "Free times that match what you wrote:", ["Tue 1 Dec, 10:00"]),
    ("1/12 at 13", "Free times that match what you wrote:", ["Tue 1 Dec, 13:00"]),
    ("Friday after 12", "Free times that match what you wrote:", ["Fri 27 Nov, 13:00"]),
])
async def test_an_english_wish_narrows_the_offer(engine, english, wish, text, expected):
    """English date wishes (services.dates.parse_wish with the conversation's locale)."""
    await say(engine, "jeg vil booke en jobsamtale på telefon")
    replies = await say(engine, wish)
    assert texts_of(replies) == text and [t for t, _ in slots_of(replies)][:len(expected)] == expected


async def test_moving_to_a_day_written_in_english(engine, english):
    await book_first(engine)
    await say(engine, "kan jeg flytte min samtale")
    replies = await say(engine, "Friday")
    assert texts_of(replies) == "Free times that match what you wrote:"
    assert [t for t, _ in slots_of(replies)] == ["Fri 27 Nov, 10:00", "Fri 27 Nov, 13:00"]


async def test_sickness_offers_to_move_or_cancel_in_english(engine, english):
    await book_first(engine)
    replies = await say(engine, "jeg er syg")
    assert [r.text for r in replies] == [
        "Get well soon. If you are sick on the day of a meeting, tell the job centre as soon as possible, best before "
        "the meeting. If you have questions about sygedagpenge (sickness benefit), a member of staff can help.",
        "You have a meeting on Wednesday 25 November 2026 at 10:00 with Test Rådgiver: Jobsamtale (job meeting). If "
        "you are sick that day, call 44 77 00 00 before the meeting, or move or cancel it here:"]
    assert titles(replies[1:]) == ["Move the meeting", "Cancel the meeting", "Talk to a person", "Menu"]


async def test_the_reminder_is_english_even_when_queued_before_the_switch(engine, core, sessions, clock, municipality):
    """Reminders are stored as keys and values and rendered in the language the conversation has at delivery."""
    from datetime import timedelta

    from services.reminders import Reminders

    await publish(sessions, municipality)
    await book_first(engine, "telefon")  # in Danish: the conversation starts 'da'
    await say(engine, "22 33 44 55")
    clock.now = clock.now + timedelta(days=1, hours=1)
    assert await Reminders(sessions, load_all()).queue_due(clock.now) == ["test:t1"]
    await use_locale(core, "en")
    replies = await say(engine, "hej")
    assert replies[0].text == ("Reminder: You have a meeting on Wednesday 25 November 2026 at 10:00: Jobsamtale (job "
                               'meeting), Phone (we call you). If you cannot come, write "move" or "cancel".')
