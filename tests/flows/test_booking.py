"""Booking, moving, cancelling and listing samtaler through the engine (fake NLU)."""
import re
from datetime import date, timedelta

import icalendar
import pytest

from tests.flows.booking_fixtures import publish
from tests.flows.helpers import payloads, say, texts_of


DAYS_NEXT_WEEK = [date(2026, 11, 30) + timedelta(days=i) for i in range(5)]


@pytest.fixture
async def slots(sessions, municipality):
    return await publish(sessions, municipality)


def slot_buttons(replies) -> list[tuple[str, str]]:
    return [(b.title, b.payload) for r in replies for b in r.buttons if b.payload.startswith("/pick_slot")]


async def ics_of(services, replies) -> icalendar.Calendar:
    file = next(r.file for r in replies if r.file)
    stored = await services.files.get(file.token)
    return icalendar.Calendar.from_ical(stored.content)




async def test_asks_type_then_mode_then_offers_nearest_bookable_times(engine, slots):
    replies = await say(engine, "jeg vil booke en samtale")
    assert '/choose_type{"meeting_type": "jobsamtale"}' in payloads(replies)
    replies = await say(engine, '/choose_type{"meeting_type": "jobsamtale"}')
    assert '/choose_mode{"meeting_mode": "telefon"}' in payloads(replies)
    replies = await say(engine, '/choose_mode{"meeting_mode": "telefon"}')
    titles = [t for t, _ in slot_buttons(replies)]
    # Monday's times are inside the 24-hour notice period: the first offer is Wednesday 10:00.
    assert titles[0] == "ons. 25. nov. kl. 10:00"
    assert len(titles) == 5 and "/more_slots" in payloads(replies)
    assert "Book senest" in texts_of(replies)


async def test_entities_in_the_first_message_skip_questions(engine, slots):
    replies = await say(engine, "jeg vil booke en jobsamtale på telefon")
    assert slot_buttons(replies)


@pytest.mark.parametrize("wish, expected", [
    ("på torsdag", ["tor. 26. nov. kl. 10:00", "tor. 26. nov. kl. 13:00"]),
    ("fredag efter kl. 12", ["fre. 27. nov. kl. 13:00"]),
    ("den 1. december om formiddagen", ["tir. 1. dec. kl. 10:00"]),
    ("1/12 kl 13", ["tir. 1. dec. kl. 13:00"]),
])
async def test_free_text_narrows_the_offer(engine, slots, wish, expected):
    await say(engine, "jeg vil booke en jobsamtale på telefon")
    assert [t for t, _ in slot_buttons(await say(engine, wish))] == expected


async def test_wish_in_the_booking_request_itself(engine, slots):
    replies = await say(engine, "jeg vil booke en jobsamtale på telefon på torsdag")
    assert all(t.startswith("tor. 26. nov.") for t, _ in slot_buttons(replies))


async def test_weekend_says_no_meetings_then_and_offers_the_next_times(engine, slots):
    await say(engine, "jeg vil booke en jobsamtale på telefon")
    replies = await say(engine, "kan jeg komme i weekenden")
    assert texts_of(replies) == "Jobcentret holder ikke samtaler i weekenden. Her er de nærmeste tider efter weekenden:"
    assert slot_buttons(replies)[0][0] == "tir. 1. dec. kl. 10:00"


async def test_a_day_with_nothing_free_offers_the_nearest_from_that_day_on(engine, slots):
    """Nothing at the time asked for: the nearest times from that day, not the first free ones in the list."""
    await say(engine, "jeg vil booke en jobsamtale på telefon")
    replies = await say(engine, "den 1. december kl 8")
    assert texts_of(replies) == ("Der er ingen ledige tider, der passer til det. "
                                 "Her er de nærmeste fra tirsdag den 1. december 2026:")
    assert [t for t, _ in slot_buttons(replies)][:2] == ["tir. 1. dec. kl. 10:00", "tir. 1. dec. kl. 13:00"]


async def test_a_time_with_nothing_free_on_no_named_day_offers_the_nearest(engine, slots):
    await say(engine, "jeg vil booke en jobsamtale på telefon")
    replies = await say(engine, "kl 7")
    assert texts_of(replies) == "Der er ingen ledige tider, der passer til det. Her er de nærmeste:"
    assert slot_buttons(replies)[0][0] == "ons. 25. nov. kl. 10:00"


@pytest.mark.parametrize("wish, expected", [
    ("tirsdag i ugen efter", "tir. 1. dec. kl. 10:00"),
    ("første december", "tir. 1. dec. kl. 10:00"),
])
async def test_new_date_phrases_narrow_the_offer(engine, slots, wish, expected):
    await say(engine, "jeg vil booke en jobsamtale på telefon")
    assert slot_buttons(await say(engine, wish))[0][0] == expected


async def test_more_times_continue_after_the_last_shown(engine, slots):
    first = slot_buttons(await say(engine, "jeg vil booke en jobsamtale på telefon"))
    more = slot_buttons(await say(engine, "/more_slots"))
    assert more and not set(first) & set(more)


async def test_book_confirm_gives_invite(engine, services, slots):
    title, payload = slot_buttons(await say(engine, "jeg vil booke en jobsamtale på telefon"))[0]
    confirm = await say(engine, payload)
    assert "Vil du booke" in texts_of(confirm) and "/affirm" in payloads(confirm)
    booked = await say(engine, "ja")
    assert "booket" in texts_of(booked)
    cal = await ics_of(services, booked)
    event = cal.walk("VEVENT")[0]
    assert cal["METHOD"] == "REQUEST" and int(event["SEQUENCE"]) == 0
    start = event.decoded("DTSTART")
    assert str(start.tzinfo) == "Europe/Copenhagen" and (start.day, start.hour) == (25, 10)


async def test_denying_the_confirmation_offers_times_again(engine, slots):
    _, payload = slot_buttons(await say(engine, "jeg vil booke en jobsamtale på telefon"))[0]
    await say(engine, payload)
    assert slot_buttons(await say(engine, "nej"))


async def test_stale_slot_button_says_taken_and_gives_fresh_options(engine, slots):
    _, payload = slot_buttons(await say(engine, "jeg vil booke en jobsamtale på telefon", "a"))[0]
    await say(engine, payload, "a")
    await say(engine, "jeg vil booke en jobsamtale på telefon", "b")
    await say(engine, payload, "b")
    assert "booket" in texts_of(await say(engine, "ja", "b"))
    replies = await say(engine, "ja", "a")
    assert "lige blevet taget" in texts_of(replies)
    assert payload not in [p for _, p in slot_buttons(replies)] and slot_buttons(replies)


async def test_slot_inside_notice_period_cannot_be_booked(engine, booking, sessions, slots):
    from sqlalchemy import select

    from store.models import Slot

    async with sessions() as s:
        monday = (await s.scalars(select(Slot).order_by(Slot.starts_at))).first()
    await say(engine, "jeg vil booke en jobsamtale på telefon")
    replies = await say(engine, f'/pick_slot{{"slot_id": {monday.id}}}')
    assert "kan ikke bookes" in texts_of(replies) and slot_buttons(replies)


async def test_no_free_slots_offers_a_person(engine):
    replies = await say(engine, "jeg vil booke en jobsamtale på telefon")
    assert "ingen ledige tider" in texts_of(replies) and "/human_handoff" in payloads(replies)


async def _book_first(engine, sender="t1", index=0):
    _, payload = slot_buttons(await say(engine, "jeg vil booke en jobsamtale på telefon", sender))[index]
    await say(engine, payload, sender)
    return await say(engine, "ja", sender)


async def test_list_shows_own_bookings_only(engine, slots):
    assert "ingen bookede" in texts_of(await say(engine, "hvornår er min samtale"))
    await _book_first(engine, "t1")
    await _book_first(engine, "t2")
    out = texts_of(await say(engine, "hvornår er min samtale", "t1"))
    assert "onsdag den 25. november 2026 kl. 10:00" in out and "kl. 13:00" not in out
    assert "Telefon" in out


async def test_move_keeps_uid_raises_sequence_and_frees_old_slot(engine, services, booking, slots):
    first = await ics_of(services, await _book_first(engine))
    replies = await say(engine, "kan jeg flytte min samtale til fredag")
    offered = slot_buttons(replies)
    assert offered and all(t.startswith("fre. 27. nov.") for t, _ in offered)
    await say(engine, offered[0][1])
    moved = await say(engine, "ja")
    assert "flyttet" in texts_of(moved)
    cal = await ics_of(services, moved)
    event, old = cal.walk("VEVENT")[0], first.walk("VEVENT")[0]
    assert event["UID"] == old["UID"] and int(event["SEQUENCE"]) == 1
    free = await booking.free_slots("jobsamtale", limit=1)
    assert free[0].starts_at == old.decoded("DTSTART")  # Wednesday 10:00 is free again


async def test_cancel_sends_method_cancel_and_frees_slot(engine, services, booking, slots):
    await _book_first(engine)
    replies = await say(engine, "aflys min samtale")
    assert "/affirm" in payloads(replies)
    cancelled = await say(engine, "ja")
    assert "aflyst" in texts_of(cancelled)
    cal = await ics_of(services, cancelled)
    assert cal["METHOD"] == "CANCEL" and int(cal.walk("VEVENT")[0]["SEQUENCE"]) == 1
    assert (await booking.free_slots("jobsamtale", limit=1))[0].starts_at.day == 25
    assert "ingen bookede" in texts_of(await say(engine, "hvornår er min samtale"))


async def test_cancel_can_be_declined(engine, slots):
    await _book_first(engine)
    await say(engine, "aflys min samtale")
    assert "ikke aflyst" in texts_of(await say(engine, "nej"))


async def test_several_bookings_ask_which(engine, slots):
    await _book_first(engine, index=0)
    await _book_first(engine, index=0)
    replies = await say(engine, "aflys min samtale")
    picks = [p for p in payloads(replies) if p.startswith("/pick_booking")]
    assert len(picks) == 2
    assert "/affirm" in payloads(await say(engine, picks[1]))
    assert "aflyst" in texts_of(await say(engine, "ja"))
    assert len(re.findall("kl\\.", texts_of(await say(engine, "hvornår er min samtale")))) == 1


async def test_move_or_cancel_without_bookings(engine, slots):
    assert "/book_meeting" in payloads(await say(engine, "kan jeg flytte min samtale"))
    assert "/book_meeting" in payloads(await say(engine, "aflys min samtale"))


async def test_menu_interrupts_booking(engine, slots):
    await say(engine, "jeg vil booke en jobsamtale på telefon")
    replies = await say(engine, "menu")
    assert "/book_meeting" in payloads(replies)
    assert "booking" not in texts_of(await say(engine, "ja")).lower()


async def test_sickness_offers_to_move_or_cancel_the_coming_meeting(engine, slots):
    plain = await say(engine, "jeg er syg")
    assert "God bedring" in texts_of(plain) and "/reschedule_meeting" not in payloads(plain)
    await _book_first(engine)
    replies = await say(engine, "jeg er syg")
    assert "onsdag den 25. november" in texts_of(replies)
    assert {'/reschedule_meeting{"booking_id": 1}', '/cancel_meeting{"booking_id": 1}',
            "/human_handoff"} <= set(payloads(replies))
    assert "/affirm" in payloads(await say(engine, "/cancel_meeting"))


async def test_a_past_date_never_books_in_the_past(engine, slots):
    """'den 20. november' on 23 November: nothing in the past is offered, only the nearest bookable times."""
    await say(engine, "jeg vil booke en jobsamtale på telefon")
    replies = await say(engine, "den 20. november")
    assert "ingen ledige tider" in texts_of(replies)
    assert slot_buttons(replies)[0][0] == "ons. 25. nov. kl. 10:00"


async def test_one_button_per_time_when_two_caseworkers_share_it(engine, sessions, municipality, slots):
    from services.slots import SlotAdmin
    from tests.flows.booking_fixtures import DAYS, TIMES

    await SlotAdmin(sessions, municipality).add("Anden Rådgiver", DAYS, TIMES, "jobsamtale")
    titles = [t for t, _ in slot_buttons(await say(engine, "jeg vil booke en jobsamtale på telefon"))]
    assert len(titles) == len(set(titles)) == 5


async def test_demo_calendar_offers_every_type_every_weekday(sessions, municipality, clock):
    from services.booking import BookingRules, BookingService
    from services.dates import TimeWish
    from services.slots import SlotAdmin

    await SlotAdmin(sessions, municipality).seed_demo_if_empty(clock.now)
    svc = BookingService(sessions, municipality, BookingRules(), clock)
    for day in DAYS_NEXT_WEEK:
        for meeting_type in municipality.meeting_types:
            assert await svc.free_slots(meeting_type, TimeWish(date_from=day, date_to=day)), (meeting_type, day)
