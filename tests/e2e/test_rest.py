"""End to end through the REST endpoint with the real trained model: exact Danish replies (contracts/serve.md)."""
import json
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import yaml

from bot.settings import ROOT
from tests.e2e.conftest import buttons, chat
from tests.flows.test_privacy import NOTICE as PRIVACY_NOTICE

CONTRACT = ROOT.parent / "shared" / "contracts" / "intents.yml"
CPH = ZoneInfo("Europe/Copenhagen")

# The contract's copy, written out: a changed sentence must be a deliberate change of this test too.
MENU = [("Book en samtale", "/book_meeting"), ("Mine samtaler", "/list_meetings"),
        ("Flyt en samtale", "/reschedule_meeting"), ("Aflys en samtale", "/cancel_meeting"),
        ("Hjælp til CV", "/cv_help"), ("Tips til jobsøgning", "/job_search_tips"),
        ("Uddannelse for unge", "/youth_guide"), ("Tilbud i kommunen", "/local_offers"),
        ("Tal med en medarbejder", "/human_handoff")]
PERSON = [("Tal med en medarbejder", "/human_handoff"), ("Menu", "/capabilities")]
CRISIS = ("Det lyder alvorligt, og jeg er glad for, at du skriver.\nEr du i fare lige nu, så ring 112.\n"
          "Har du tanker om selvmord, så ring til Livslinien på 70 201 201. De er der for dig.\n"
          "Jeg er en chatbot. Vil du tale med en medarbejder her?")
CRISIS_BUTTONS = [("Tal med en medarbejder", '/human_handoff{"reason": "crisis"}')]
NO_MEETINGS = ("Du har ingen bookede samtaler.", [("Book en samtale", "/book_meeting")])
STALE = ("Den knap er ikke aktiv længere. Her er menuen:", MENU)
EMPTY = ("Skriv gerne din besked, så hjælper jeg.", None)
TYPES = [("Jobsamtale", '/choose_type{"meeting_type": "jobsamtale"}'),
         ("Opfølgningssamtale", '/choose_type{"meeting_type": "opfølgning"}'),
         ("Sygeopfølgningssamtale", '/choose_type{"meeting_type": "sygeopfølgning"}'),
         ("Samtale for unge under 30", '/choose_type{"meeting_type": "ungesamtale"}')]
JOBSAMTALE_MODES = [("Fremmøde på jobcentret", '/choose_mode{"meeting_mode": "fremmøde"}'),
                    ("Telefon (vi ringer til dig)", '/choose_mode{"meeting_mode": "telefon"}'),
                    ("Video", '/choose_mode{"meeting_mode": "video"}')]
PHONE = "Telefon (vi ringer til dig)"
ASK_TYPE = ("Hvilken slags samtale skal du have?", TYPES)

# The first reply to each contract illustration in a fresh conversation: (text, buttons).
FIRST_REPLY: dict[str, tuple[str, list[tuple[str, str]] | None]] = {
    "greet": ("Hej! Jeg er Jobassistenten, en chatbot fra jobcentret. Jeg kan hjælpe med samtaler, CV, jobsøgning "
              "og uddannelse. Hvad vil du?", MENU),
    "goodbye": ("Tak for nu. Skriv bare igen, hvis du får brug for hjælp.", None),
    "thanks": ("Så lidt! Er der andet, jeg kan hjælpe med?", MENU),
    "affirm": ("Fint. Hvad vil du gerne?", MENU),
    "deny": ("Okay. Sig til, hvis der er andet.", MENU),
    "capabilities": ("Jeg er en chatbot. Jeg kan hjælpe dig med det her. Vælg, eller skriv med dine egne ord:", MENU),
    "cv_help": ("Jeg hjælper dig med at lave dit CV her i chatten. Jeg stiller et kort spørgsmål ad gangen. Du kan "
                "altid springe over, gå tilbage eller stoppe og fortsætte en anden dag. Dit CV bliver gemt undervejs."
                "\nHvad er dit fulde navn?",
                [("Spring over", '/cv{"do": "skip", "at": "name"}'), ("Gem og stop", '/cv{"do": "pause"}')]),
    "book_meeting": ASK_TYPE,
    "reschedule_meeting": NO_MEETINGS,
    "cancel_meeting": NO_MEETINGS,
    "list_meetings": NO_MEETINGS,
    "human_handoff": ("Jeg sender dig videre til en medarbejder. Hvad drejer det sig om? Skriv det kort, eller vælg:",
                      [("Min ydelse eller udbetaling", '/handoff_topic{"topic": "benefits"}'),
                       ("En samtale eller aftale", '/handoff_topic{"topic": "meeting"}'),
                       ("Sygdom", '/handoff_topic{"topic": "sickness"}'),
                       ("En klage", '/handoff_topic{"topic": "complaint"}')]),
    "privacy": (PRIVACY_NOTICE.format(days="180 dage", anon="30 dage"),
                [("Se mine data", "/show_my_data"), ("Slet mine data", "/delete_my_data"),
                 ("Tal med en medarbejder", "/human_handoff"), ("Menu", "/capabilities")]),
    "delete_my_data": ("Vil du slette alt, jeg har gemt om dig? Dine bookede samtaler bliver også aflyst. Statistik "
                       "og medarbejdernes log bliver gjort anonyme. Det kan ikke fortrydes.", [("Ja, slet alt", "/affirm"), ("Nej, behold det", "/deny")]),
    "complaint": ("Det er jeg ked af at høre. Du kan klage over en afgørelse. Fristen står i brevet med "
                  "afgørelsen, ofte 4 uger. Jeg kan sende din klage videre til en medarbejder.", PERSON),
    "sickness": ("God bedring. Er du syg på dagen for en samtale, så sig det til jobcentret hurtigst muligt, gerne "
                 "før samtalen. Har du spørgsmål om sygedagpenge, kan en medarbejder hjælpe.", None),
    "benefits_payment": ("Jeg kan ikke se eller afgøre noget om din ydelse. Dagpenge: kontakt din a-kasse. "
                         "Kontanthjælp: kontakt kommunens ydelsesafdeling. Vil du tale med en medarbejder?", PERSON),
    "crisis": (CRISIS, CRISIS_BUTTONS),
    "bot_challenge": ("Jeg er en chatbot, ikke et menneske. Jeg træffer ingen afgørelser. Vil du tale med en "
                      "medarbejder, så sig til.", PERSON),
    "out_of_scope": ("Det kan jeg desværre ikke hjælpe med. Jeg kan hjælpe med ting, der handler om "
                     "jobcentret:", MENU),
}

WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december"]
LONG = r"(?P<when>(?P<wd>[a-zø]+) den (?P<d>\d{1,2})\. (?P<m>[a-z]+) (?P<y>\d{4}) kl\. (?P<hm>\d{2}:\d{2}))"
DATE = r"(?P<dwd>[a-zø]+) den (?P<dd>\d{1,2})\. (?P<dm>[a-z]+) (?P<dy>\d{4})"
OFFER_FIRST = re.compile(rf"Book senest {DATE}\. Det er fristen for selv at booke\. Har du ikke booket inden da, finder "
                         r"jobcentret en tid til dig\. Her er de første ledige tider\. Vælg en, eller skriv hvornår det "
                         r'passer dig \(fx "tirsdag eftermiddag" eller "3/12 kl 10"\)\.')
CASEWORKER = r"(?P<cw>Anne Holm|Jonas Berg|Sara Lund)"  # the demo calendar's caseworkers
ICS_NAME = r"samtale-\d{4}-\d\d-\d\d-\d{4}\.ics"  # named by the meeting's time
SLOT_TITLE = re.compile(r"(man|tir|ons|tor|fre)\. \d{1,2}\. (maj|[a-z]{3}\.) kl\. \d{2}:\d{2}")

# Intents answered with more than one message: the messages after FIRST_REPLY's.
THEN_REPLY: dict[str, list[tuple[str, list[tuple[str, str]] | None]]] = {
    "sickness": [("Skal du melde dig syg til en samtale, så ring til jobcentret på 44 77 00 00 inden samtalen.",
                  PERSON)],  # the municipality's own number (services/data/municipalities/ballerup.yml)
}

def reply(sender: str, txt: str, btns: list[tuple[str, str]] | None = None) -> dict:
    """One REST message as the contract shapes it."""
    msg: dict = {"recipient_id": sender, "text": txt}
    if btns:
        msg["buttons"] = [{"title": t, "payload": p} for t, p in btns]
    return msg


def _when(m: re.Match) -> tuple[str, str]:
    """A long Danish date checked for consistency; returns it and its short button form."""
    d = date(int(m["y"]), MONTHS.index(m["m"]) + 1, int(m["d"]))
    assert WEEKDAYS[d.weekday()] == m["wd"], m["when"]
    short_month = m["m"][:3] + ("" if m["m"] == "maj" else ".")
    return m["when"], f"{m['wd'][:3]}. {d.day}. {short_month} kl. {m['hm']}"


def _slot_buttons(body: list[dict]) -> list[dict]:
    """The offer's buttons: 1-5 distinct weekday times, then 'Flere tider'."""
    btns = body[-1]["buttons"]
    assert btns[-1] == {"title": "Flere tider", "payload": "/more_slots"}
    slots = btns[:-1]
    assert 1 <= len(slots) <= 5 and all(SLOT_TITLE.fullmatch(b["title"]) for b in slots), slots
    assert all(re.fullmatch(r'/pick_slot\{"slot_id": \d+\}', b["payload"]) for b in slots), slots
    assert len({b["title"] for b in slots}) == len(slots)
    return slots


async def test_health_is_ok_once_nlu_and_database_are_up(client):
    resp = await client.get("/health")
    assert resp.status == 200 and await resp.json() == {"status": "ok"}


async def test_chat_page_is_served(client):
    resp = await client.get("/")
    assert resp.status == 200 and 'lang="da"' in await resp.text()
    assert (await client.get("/static/chat.js")).status == 200


async def test_greeting_gets_the_greeting_and_the_menu(client):
    assert await chat(client, "hej", sender="g") == [reply("g", *FIRST_REPLY["greet"])]


def _illustrations() -> list[tuple[str, str]]:
    intents = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))["intents"]
    return [(name, ex) for name, spec in intents.items() for ex in spec["e.g."]]


KNOWLEDGE = ("local_offers", "explain_term", "job_search_tips", "youth_education")
CHOOSE = "Jeg er ikke helt sikker på, hvad du spørger om. Mener du en af disse?"


def knowledge_reply_ok(body: list[dict], kb) -> bool:
    """A sourced, dated answer from a knowledge entry, or a choice between entries (the kind is only preferred)."""
    if len(body) != 1:
        return False
    text, buttons = body[0]["text"], [b["payload"] for b in body[0].get("buttons", [])]
    if text == CHOOSE:
        ids = [json.loads(p.removeprefix("/kb_entry"))["id"] for p in buttons if p.startswith("/kb_entry")]
        return bool(ids) and buttons[-1] == "/human_handoff"
    match = re.search(r"\n\nKilde: (.+) · gennemgået (\d{4}-\d\d-\d\d)$", text)
    answered = [e for e in kb.entries("ballerup") if match and e.citation() == match.group(1) and e.answer in text]
    return bool(answered) and "/human_handoff" in buttons


async def test_every_contract_intent_gets_its_own_answer(client, assistant):
    """All illustrations of contracts/intents.yml, each in a fresh conversation, answered exactly for its intent;
    the knowledge intents with a sourced, dated entry of their kind (the entries' text is data, checked there)."""
    failures = []
    for i, (intent, message) in enumerate(_illustrations()):
        sender = f"c{i}"
        body = await chat(client, message, sender=sender)
        if intent in KNOWLEDGE:
            if not knowledge_reply_ok(body, assistant.services.knowledge):
                failures.append((intent, message, body))
        elif body != [reply(sender, *FIRST_REPLY[intent]), *(reply(sender, *m) for m in THEN_REPLY.get(intent, ()))]:
            failures.append((intent, message, body))
    assert not failures


@pytest.mark.parametrize("message", ["jeg kan ikke mere og vil ikke leve", "jeg bliver slået derhjemme",
                                     "jeg orker ikke at leve længere"])
async def test_crisis_always_gets_the_safety_reply(client, message):
    assert await chat(client, message) == [reply("e2e", CRISIS, CRISIS_BUTTONS)]


async def test_crisis_mid_booking_still_gets_the_safety_reply(client):
    await chat(client, "jeg vil booke en samtale", sender="cb")
    assert await chat(client, "jeg vil ikke leve mere", sender="cb") == [reply("cb", CRISIS, CRISIS_BUTTONS)]


async def test_bot_says_it_is_a_bot(client):
    assert await chat(client, "er du en robot") == [reply("e2e", *FIRST_REPLY["bot_challenge"])]


@pytest.mark.parametrize("body, names", [
    ("not json", "JSON"), ('["a list"]', "object"), ('{"message": "hej"}', "sender"), ('{"sender": "x"}', "message"),
    ('{"sender": 5, "message": "hej"}', "sender"), ('{"sender": "x", "message": 7}', "message"),
    ('{"sender": "", "message": "hej"}', "sender"),
])
async def test_malformed_requests_get_400_with_json_error(client, body, names):
    resp = await client.post("/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"})
    assert resp.status == 400 and resp.content_type == "application/json"
    error = await resp.json()
    assert list(error) == ["error"] and names in error["error"], error  # the error names what is wrong


@pytest.mark.parametrize("message, expected", [
    ("", EMPTY), ("   ", EMPTY), ("\n\t", EMPTY), ("\u0000", EMPTY),  # control characters are dropped first
    ("x" * 5000, ("Din besked er for lang. Skriv det kort, gerne i flere beskeder (højst 1000 tegn).", None)),
    ('/pick_slot{"slot_id": 123456}', STALE), ("/bogus", STALE), ("/pick_slot{broken", STALE),
    ('/choose_mode{"meeting_mode": "telefon"}', STALE),
])
async def test_odd_messages_get_a_helpful_danish_reply(client, message, expected):
    assert await chat(client, message, sender="odd") == [reply("odd", *expected)]


@pytest.mark.parametrize("message", ["😀😀😀", "😀\u0000"])
async def test_noise_gets_an_answer_with_a_way_on(client, message):
    """What the model makes of noise may change with training; it must still be one of the normal answers."""
    body = await chat(client, message, sender="noise")
    allowed = [reply("noise", *FIRST_REPLY[i]) for i in ("affirm", "out_of_scope", "capabilities")]
    allowed.append(reply("noise", "Prøv at skrive det med andre ord. Eller vælg i menuen. Du kan altid tale med en "
                                  "medarbejder.", MENU))
    clarify = body[0].get("text") == "Jeg er ikke sikker på, hvad du mener. Mener du en af disse?"
    assert body in [[a] for a in allowed] or (clarify and buttons(body)[-2:] == [
        {"title": "Noget andet", "payload": "/something_else"},
        {"title": "Tal med en medarbejder", "payload": "/human_handoff"}]), body


async def test_oversized_body_is_refused_not_crashed(client):
    resp = await client.post("/webhooks/rest/webhook", data="x" * 200_000)
    assert resp.status == 413


async def _ics(client, body) -> icalendar.Calendar:
    attachment = next(m["attachment"] for m in body if "attachment" in m)
    assert attachment["type"] == "file" and attachment["url"].startswith("/files/")
    resp = await client.get(attachment["url"])
    assert resp.status == 200 and resp.content_type == "text/calendar"
    return icalendar.Calendar.from_ical(await resp.read())


async def _book_by_phone(client, sender: str) -> tuple[str, list[dict], icalendar.Event]:
    """Book the first offered Jobsamtale by phone, pressing buttons; returns the long date, the offer, the event."""
    assert await chat(client, "jeg vil gerne booke en samtale", sender) == [reply(sender, *ASK_TYPE)]
    body = await chat(client, TYPES[0][1], sender)
    assert body == [reply(sender, "Hvordan vil du holde samtalen?", JOBSAMTALE_MODES)]
    body = await chat(client, JOBSAMTALE_MODES[1][1], sender)
    assert len(body) == 1 and OFFER_FIRST.fullmatch(body[0]["text"]), body
    slots = _slot_buttons(body)
    body = await chat(client, slots[0]["payload"], sender)
    confirm = re.fullmatch(rf"Vil du booke: Jobsamtale, {LONG}, {re.escape(PHONE)}\?", body[0]["text"])
    assert len(body) == 1 and confirm, body
    when, short = _when(confirm)
    assert short == slots[0]["title"]
    assert body[0]["buttons"] == [{"title": "Ja, book den", "payload": "/affirm"},
                                  {"title": "Nej, vælg en anden", "payload": "/deny"}]
    body = await chat(client, "ja tak", sender)
    booked = re.fullmatch(rf"Din samtale er booket: Jobsamtale, {re.escape(when)}, {re.escape(PHONE)}, med {CASEWORKER}\. "
                          r"Vi ringer til dig\. Du får en påmindelse dagen før\. Her er en kalenderinvitation:",
                          body[0]["text"])
    assert booked and len(body) == 3 and re.fullmatch(ICS_NAME, body[1]["attachment"]["name"]), body
    assert body[2] == reply(sender, "Hvilket telefonnummer skal vi ringe til? Skriv nummeret (8 cifre). Det gemmes "
                                    "kun sammen med samtalen.", [("Brug det nummer, jobcentret har", "/keep_number")])
    event = (await _ics(client, body)).walk("VEVENT")[0]
    hour, minute = map(int, confirm["hm"].split(":"))
    starts = datetime(int(confirm["y"]), MONTHS.index(confirm["m"]) + 1, int(confirm["d"]), hour, minute, tzinfo=CPH)
    assert event["DTSTART"].dt == starts  # the invite is for the time the citizen confirmed
    return when, slots, event


async def test_book_list_move_cancel(client):
    """The issue's whole journey, in the citizen's own words where possible."""
    s = "j"
    when, _, booked = await _book_by_phone(client, s)
    listed = await chat(client, "hvornår er min samtale", s)
    assert re.fullmatch(rf"Dine samtaler:\n• {re.escape(when)}: Jobsamtale, {re.escape(PHONE)}, med {CASEWORKER}\. "
                        r"Vi ringer til dig på det nummer, jobcentret har\.", listed[0]["text"]), listed

    body = await chat(client, "kan jeg flytte min samtale til fredag", s)
    assert body[0]["text"] == f"Du har en samtale {when} (Jobsamtale). Vælg en ny tid, eller skriv hvornår det passer dig:"
    offered = _slot_buttons(body)
    assert len(body) == 1 and all(b["title"].startswith("fre.") for b in offered), offered
    body = await chat(client, offered[0]["payload"], s)
    confirm = re.fullmatch(rf"Vil du flytte din samtale \(Jobsamtale\) fra {re.escape(when)} til {LONG}\?", body[0]["text"])
    assert len(body) == 1 and confirm, body
    new_when, short = _when(confirm)
    assert short == offered[0]["title"] and confirm["wd"] == "fredag"
    assert body[0]["buttons"] == [{"title": "Ja, flyt den", "payload": "/affirm"},
                                  {"title": "Nej, vælg en anden", "payload": "/deny"}]
    body = await chat(client, "ja", s)
    assert re.fullmatch(rf"Din samtale er flyttet til {re.escape(new_when)}, {re.escape(PHONE)}, med {CASEWORKER}\. "
                        rf"Vi ringer til dig på det nummer, jobcentret har\. Her er den nye kalenderinvitation\. "
                        rf"Den erstatter invitationen til {re.escape(when)}, som ikke gælder længere:", body[0]["text"])
    moved = (await _ics(client, body)).walk("VEVENT")[0]
    assert moved["UID"] == booked["UID"] and int(moved["SEQUENCE"]) == 1

    assert await chat(client, "aflys min samtale", s) == [reply(s, f"Vil du aflyse din samtale {new_when} (Jobsamtale)?", [
        ("Ja, aflys den", "/affirm"), ("Nej, behold den", "/deny")])]
    body = await chat(client, "ja", s)
    assert re.fullmatch(rf"Din samtale {re.escape(new_when)} er aflyst\. At aflyse uden en gyldig grund kan få "
                        rf"betydning for din ydelse, så fortæl {CASEWORKER} hvorfor \(tlf\. [\d ]+\)\. Husk at booke en "
                        r"ny tid, hvis du skal\. Her er aflysningen til din kalender:", body[0]["text"]), body
    assert len(body) == 2 and re.fullmatch(f"aflyst-{ICS_NAME}", body[1]["attachment"]["name"])
    cancelled = await _ics(client, body)
    assert cancelled["METHOD"] == "CANCEL" and cancelled.walk("VEVENT")[0]["UID"] == booked["UID"]
    assert await chat(client, "hvilke aftaler har jeg", s) == [reply(s, *NO_MEETINGS)]


async def test_a_button_from_a_finished_booking_is_stale(client):
    _, offered, _ = await _book_by_phone(client, "st")
    assert await chat(client, offered[1]["payload"], "st") == [reply("st", *STALE)]


async def test_free_text_times_in_a_booking(client):
    body = await chat(client, "book en jobsamtale over telefon", sender="ft")
    assert len(body) == 1 and OFFER_FIRST.fullmatch(body[0]["text"]), body  # type and mode understood from the text
    body = await chat(client, "i næste uge om eftermiddagen", sender="ft")
    assert len(body) == 1 and body[0]["text"] == "Ledige tider, der passer til det, du skrev:"
    offered = [b["title"] for b in _slot_buttons(body)]
    monday = datetime.now(CPH).date() + timedelta(days=7 - datetime.now(CPH).weekday())
    next_week = {f"{d.day}. {MONTHS[d.month - 1][:3]}" for d in (monday + timedelta(days=i) for i in range(7))}
    assert all(re.search(r"\d+\. [a-z]{3}", t)[0] in next_week and int(t.split("kl. ")[1][:2]) >= 12
               for t in offered), offered


async def test_unknown_file_is_404(client):
    assert (await client.get("/files/nope")).status == 404


async def test_reminder_reaches_the_open_web_page_once(client, assistant):
    when, _, _ = await _book_by_phone(client, "rem")
    convo = await assistant.services.conversations.load("web:rem")
    [booking] = await assistant.services.bookings["ballerup"].upcoming(convo.citizen_id)
    assert await assistant.reminders.queue_due(booking.slot.starts_at - timedelta(hours=23)) == ["web:rem"]
    resp = await client.get("/webhooks/rest/outbox/rem")
    reminder = f'Påmindelse: Du har en samtale {when}: Jobsamtale, {PHONE}. Kan du ikke komme, så skriv "flyt" eller "aflys".'
    assert resp.status == 200 and await resp.json() == [reply("rem", reminder)]
    assert await (await client.get("/webhooks/rest/outbox/rem")).json() == []


@pytest.mark.parametrize("message", ["hvornår har I åbent", "hvor ligger jobcentret", "hvad er jeres telefonnummer",
                                     "aabningstider"])
async def test_practical_questions_are_answered_from_the_municipalitys_file(client, message):
    body = await chat(client, message, sender="practical")
    assert body[0]["text"].startswith("Jobcenter Ballerup\nAdresse: Hold-an Vej 7, 2750 Ballerup."), body
    assert "Telefon: 44 77 00 00" in body[0]["text"] and "Åbningstider:\nman.-ons.: 09:00-15:00" in body[0]["text"]
