"""Privacy through the engine: the notice, the export (a readable page and JSON), deletion with confirmation."""
import json
from html.parser import HTMLParser

from sqlalchemy import func, select

from bot.web import render as web_render
from bot.wiring import build_core
from services.booking import BookingRules
from services.municipality import load_all
from services.outgoing import OutMessage, Text, from_json, to_json
from services.retention import RetentionPolicy
from store.models import Citizen, Message
from tests.flows.helpers import payloads, say, texts_of, titles

NOTICE = """Det gemmer jeg om dig:
• Hvad: dine beskeder i chatten, dine aftaler, dit CV og dine henvendelser til en medarbejder. CPR-numre, \
telefonnumre og e-mails bliver skjult i beskederne, før de gemmes.
• Hvorfor: så jeg kan hjælpe dig, og så en medarbejder kan tage over, når du beder om det.
• Hvor længe: beskederne slettes efter {days}. Bruger du chatten uden at logge ind, slettes det hele {anon} efter \
din sidste besked.
• Hvem kan se det: kun medarbejdere i jobcentret, og kun når du beder om at tale med en person.
• Hvorfor må kommunen det: det er en del af jobcentrets opgaver som myndighed (databeskyttelsesforordningen \
artikel 6, stk. 1, litra e).
• Er du utilfreds, kan du klage til Datatilsynet på datatilsynet.dk. Du kan også tale med jobcentret først."""
KEPT = """Sletter du dine data, forsvinder alt det her. Kommunen beholder kun det her, men uden forbindelse til dig:
• En log over, hvilke medarbejdere der har arbejdet med din henvendelse. Den viser, hvem der har set hvad.
• En log over, hvad der skete i chatten (fx at en samtale blev booket), uden beskeder. Den bruges til statistik."""


class Headings(HTMLParser):
    """The page's h2 headings and section ids, to check every exported table has its section."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[str] = []
        self.h2: list[str] = []
        self._in_h2 = False

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self.sections.append(dict(attrs)["id"])
        self._in_h2 = tag == "h2"

    def handle_endtag(self, tag):
        self._in_h2 = False if tag == "h2" else self._in_h2

    def handle_data(self, data):
        if self._in_h2:
            self.h2.append(data)


async def test_the_notice_says_what_why_how_long_who_the_legal_basis_and_how_to_complain(engine):
    replies = await say(engine, "hvad gemmer I om mig")
    assert texts_of(replies) == NOTICE.format(days="180 dage", anon="30 dage")
    assert titles(replies) == ["Se mine data", "Slet mine data", "Tal med en medarbejder", "Menu"]
    assert payloads(replies) == ["/show_my_data", "/delete_my_data", "/human_handoff", "/capabilities"]


async def test_the_notice_names_the_configured_periods(sessions, fake_nlu, clock, knowledge):
    core = build_core(sessions, fake_nlu, load_all(), BookingRules(), clock, "ballerup", 1000, knowledge,
                      retention=RetentionPolicy(days=90, anonymous_days=1))
    assert texts_of(await say(core.engine, "hvad gemmer I om mig")) == NOTICE.format(days="90 dage", anon="1 dag")


async def test_export_gives_a_readable_page_and_the_json_and_says_what_deletion_keeps(engine, services):
    await say(engine, "hej <script>alert(1)</script>")
    replies = await say(engine, "/show_my_data")
    assert [r.text for r in replies] == [
        "Jeg har gemt 2 beskeder, 0 aftaler og 0 henvendelser til en medarbejder fra dig. Hent en kopi her:",
        "Og her er de samme data som en fil til computere (JSON):", KEPT]
    assert [r.file.name if r.file else None for r in replies] == ["mine-data.html", "mine-data.json", None]
    assert payloads(replies) == ["/delete_my_data", "/human_handoff", "/capabilities"]
    page_file, json_file = (await services.files.get(replies[0].file.token)), await services.files.get(
        replies[1].file.token)
    data = json.loads(json_file.content)
    assert [(m["direction"], m["text"][:12]) for m in data["messages"]] == [
        ("in", "hej <script>"), ("out", "Hej! Jeg er ")]
    assert {"citizens", "conversations", "messages", "events", "outbox", "handoffs", "bookings", "files"} <= set(data)
    page = page_file.content.decode("utf-8")
    assert page_file.content_type.startswith("text/html") and '<html lang="da">' in page
    assert "<script>" not in page and "hej &lt;script&gt;alert(1)&lt;/script&gt;" in page
    headings = Headings()
    headings.feed(page)
    assert set(headings.sections) == set(data)  # every exported table has its section
    assert {"Dig", "Dine chats", "Beskeder", "Aftaler", "Henvendelser til en medarbejder", "Filer", "Hændelser",
            "Beskeder sendt til dig", "Hvis du sletter dine data"} <= set(headings.h2)
    assert "datatilsynet.dk" in page and "mandag den 23. november 2026 kl. 09:00" in page


async def test_delete_needs_confirmation_removes_everything_and_tells_the_page_to_clear(engine, sessions):
    await say(engine, "hej")
    replies = await say(engine, "slet mine data")
    assert texts_of(replies) == ("Vil du slette alt, jeg har gemt om dig? Dine bookede samtaler bliver også aflyst. "
                                 "Statistik og medarbejdernes log bliver gjort anonyme. Det kan ikke fortrydes.")
    assert payloads(replies) == ["/affirm", "/deny"]
    replies = await say(engine, "ja")
    assert texts_of(replies) == "Alt er slettet. Skriver du igen, starter vi forfra."
    assert [r.clear_transcript for r in replies] == [True]
    assert web_render("abc", replies) == [{"recipient_id": "abc", "text": texts_of(replies),
                                           "custom": {"clear_transcript": True}}]
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Citizen)) == 0
        assert await s.scalar(select(func.count()).select_from(Message)) == 0
    assert [r.clear_transcript for r in await say(engine, "hej")] == [False]  # a fresh start clears nothing


def test_the_clear_signal_survives_the_outbox_and_is_absent_otherwise():
    message = OutMessage(Text("privacy.deleted"), clear_transcript=True)
    assert to_json(message)["clear"] is True and from_json(to_json(message)) == message
    assert "clear" not in to_json(OutMessage(Text("privacy.kept")))


async def test_delete_can_be_declined(engine, sessions):
    await say(engine, "slet mine data")
    replies = await say(engine, "nej")
    assert texts_of(replies) == "Okay, intet er slettet." and "/book_meeting" in payloads(replies)
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Citizen)) == 1
