"""Typed flow state, free-text steps, the event log, and messages rendered at delivery (issue 7)."""
import logging
from typing import Literal

from sqlalchemy import select, update

from dialogs.context import Ctx
from dialogs.engine import Engine
from dialogs.flows.base import Flow, FlowState
from dialogs.flows.basic import BasicAnswers
from dialogs.router import Router
from dialogs.safety import SafetyNet
from services.outgoing import OutMessage, Text, Verbatim, from_json, to_json
from store.models import Conversation, Event, Outbox
from store.turns import TurnGate
from tests.flows.booking_fixtures import publish
from tests.flows.helpers import payloads, say, texts_of


async def test_old_or_broken_state_is_dropped_with_a_log_line_not_a_crash(engine, sessions, caplog):
    await say(engine, "jeg vil booke en samtale")
    async with sessions.begin() as s:  # as an older version of the flow might have stored it
        await s.execute(update(Conversation).values(state={"step": "type", "mode": "telefon", "surprise": 1}))
    with caplog.at_level(logging.INFO, logger="dialogs.engine"):
        replies = await say(engine, "hej")
    assert texts_of(replies).startswith("Hej! Jeg er Jobassistenten")
    assert "dropped the stored state of flow book" in caplog.text
    async with sessions() as s:
        assert (await s.scalars(select(Conversation.flow))).one() is None


async def test_unknown_flow_name_is_dropped(engine, sessions):
    await say(engine, "hej")
    async with sessions.begin() as s:
        await s.execute(update(Conversation).values(flow="retired_flow", state={"x": 1}))
    assert texts_of(await say(engine, "tak")) == "Så lidt! Er der andet, jeg kan hjælpe med?"


class NoteState(FlowState):
    step: Literal["note"] = "note"


class NoteFlow(Flow):
    """A step that takes any text as its answer (as a CV field will)."""

    name = "note"
    intents = ("note",)
    State = NoteState

    async def start(self, ctx: Ctx) -> None:
        ctx.enter(self.name, NoteState())
        ctx.say("common.value", value="Skriv din note:")

    async def resume(self, ctx: Ctx) -> bool:
        ctx.leave()
        ctx.say("common.value", value=Verbatim(f"Noteret: {ctx.nlu.text}"))
        return True

    def expects_free_text(self, state: NoteState) -> bool:
        return state.step == "note"


async def test_a_free_text_step_takes_menu_as_an_answer_but_crisis_still_comes_first(core, fake_nlu, sessions):
    c = core
    router = Router([NoteFlow()], BasicAnswers(), c.services.buttons.answers)
    engine = Engine(fake_nlu, router, SafetyNet.load(), c.services, TurnGate(sessions), c.renderer)
    await say(engine, "/note")
    assert texts_of(await say(engine, "menu og slet")) == "Noteret: menu og slet"
    await say(engine, "/note")
    assert "Livslinien" in texts_of(await say(engine, "jeg vil ikke leve mere"))
    await say(engine, "/note")
    assert payloads(await say(engine, "/capabilities"))  # a pressed button is still a command


async def test_every_turn_and_outcome_is_an_event_without_personal_data(engine, sessions, municipality):
    await publish(sessions, municipality)
    await say(engine, "hej, mit nummer er 12345678")
    offer = await say(engine, "jeg vil booke en jobsamtale på telefon")
    await say(engine, next(p for p in payloads(offer) if p.startswith("/pick_slot")))
    await say(engine, "ja")
    async with sessions() as s:
        events = (await s.scalars(select(Event).order_by(Event.id))).all()
    turns = [e.data for e in events if e.kind == "turn"]
    assert [t["intent"] for t in turns] == ["greet", "book_meeting", "pick_slot", "affirm"]
    assert turns[0]["confidence"] == 0.95 and turns[0]["fallback"] is False and turns[1]["flow"] == "book"
    made = [e for e in events if e.kind == "booking_made"]
    assert len(made) == 1 and made[0].data["meeting_type"] == "jobsamtale" and made[0].data["mode"] == "telefon"
    assert "12345678" not in str([e.data for e in events])
    assert len({e.anon_id for e in events}) == 1


async def test_a_queued_message_is_rendered_when_delivered_in_the_conversation_language(engine, sessions):
    await say(engine, "hej")
    async with sessions.begin() as s:
        s.add(Outbox(conversation_id="test:t1", kind="reminder", body=to_json(OutMessage(Text("answers.thanks.text")))))
    replies = await say(engine, "tak")
    assert [r.text for r in replies] == ["Så lidt! Er der andet, jeg kan hjælpe med?"] * 2


def test_the_stored_message_round_trips_and_is_redacted():
    from datetime import datetime, timezone

    from services.outgoing import Button, Label, When

    msg = OutMessage(Text("booking.confirm", {"type": Label({"da": "Jobsamtale"}), "mode": "ring 12345678",
                                              "when": When(datetime(2026, 12, 1, 9, tzinfo=timezone.utc), "long")}),
                     (Button(Text("booking.confirm_yes"), "/affirm"),))
    stored = to_json(msg)
    assert "12345678" not in str(stored)
    back = from_json(stored)
    assert back.buttons == msg.buttons and back.text.args["when"] == msg.text.args["when"]
