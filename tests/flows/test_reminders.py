"""Reminders 24 hours before: queued once, delivered on the citizen's channel, reset when moved."""
from datetime import timedelta

from services.municipality import load_all
from services.reminders import Reminders
from tests.flows.booking_fixtures import publish
from tests.flows.helpers import say, texts_of


async def _book(engine):
    offer = await say(engine, "jeg vil booke en jobsamtale på telefon")
    await say(engine, next(b.payload for r in offer for b in r.buttons if b.payload.startswith("/pick_slot")))
    await say(engine, "ja")


def reminders_for(sessions, texts) -> Reminders:
    return Reminders(sessions, load_all())


async def test_reminder_sent_once_and_delivered_on_next_turn(engine, sessions, texts, clock, municipality):
    await publish(sessions, municipality)
    await _book(engine)  # Wednesday 25 Nov 10:00 local = 09:00 UTC
    reminders = reminders_for(sessions, texts)
    assert await reminders.queue_due(clock.now) == []
    clock.now = clock.now + timedelta(days=1, hours=1)  # Tuesday 10:00 local: 23 h before
    assert await reminders.queue_due(clock.now) == ["test:t1"]
    assert await reminders.queue_due(clock.now) == []  # exactly once
    # A restarted process (new service objects) does not send it again either.
    assert await reminders_for(sessions, texts).queue_due(clock.now) == []
    replies = await say(engine, "hej")
    assert replies[0].text == ("Påmindelse: Du har en samtale onsdag den 25. november 2026 kl. 10:00: Jobsamtale, "
                               "Telefon (vi ringer "
                               "til dig). Kan du ikke komme, så skriv \"flyt\" eller \"aflys\".")
    assert "Påmindelse" not in texts_of(await say(engine, "hej"))


async def test_moving_resets_the_reminder(engine, sessions, texts, clock, municipality):
    await publish(sessions, municipality)
    await _book(engine)
    clock.now = clock.now + timedelta(days=1, hours=1)
    reminders = reminders_for(sessions, texts)
    assert await reminders.queue_due(clock.now) == ["test:t1"]
    offer = await say(engine, "kan jeg flytte min samtale til den 1. december")
    await say(engine, next(b.payload for r in offer for b in r.buttons if b.payload.startswith("/pick_slot")))
    assert "flyttet" in texts_of(await say(engine, "ja"))
    assert await reminders.queue_due(clock.now) == []
    assert await reminders.queue_due(clock.now + timedelta(days=6)) == ["test:t1"]


async def test_cancelled_booking_gets_no_reminder(engine, sessions, texts, clock, municipality):
    await publish(sessions, municipality)
    await _book(engine)
    await say(engine, "aflys min samtale")
    await say(engine, "ja")
    assert await reminders_for(sessions, texts).queue_due(clock.now + timedelta(days=2)) == []
