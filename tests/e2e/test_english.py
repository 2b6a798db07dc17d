"""End to end in English through the REST endpoint with the real trained model: noticed, asked once, then a booking."""
import re

from i18n import Catalog
from tests.e2e.conftest import buttons, chat

EN = Catalog.load().get("en")
ASK = ("It looks like you write in English. Do you want to continue in English?\n"
       "Det ser ud til, at du skriver på engelsk. Vil du hellere fortsætte på dansk?")
SET_EN = ("OK, I will write in English now. Some job-centre words stay in Danish, with a short explanation. "
          "You can change the language at any time: write /language.")
TYPES = [("Jobsamtale (job meeting)", '/choose_type{"meeting_type": "jobsamtale"}'),
         ("Opfølgningssamtale (follow-up meeting)", '/choose_type{"meeting_type": "opfølgning"}'),
         ("Sygeopfølgningssamtale (follow-up meeting when you are sick)",
          '/choose_type{"meeting_type": "sygeopfølgning"}'),
         ("Meeting for young people under 30", '/choose_type{"meeting_type": "ungesamtale"}')]
MODES = [("At the job centre (fremmøde)", '/choose_mode{"meeting_mode": "fremmøde"}'),
         ("Phone (we call you)", '/choose_mode{"meeting_mode": "telefon"}'), ("Video", '/choose_mode{"meeting_mode": "video"}')]
SLOT = re.compile(r"(Mon|Tue|Wed|Thu|Fri) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec), \d{2}:\d{2}")
LONG = (r"(?P<when>(Monday|Tuesday|Wednesday|Thursday|Friday) \d{1,2} (January|February|March|April|May|June|July|"
        r"August|September|October|November|December) \d{4} at \d{2}:\d{2})")


def pairs(body: list[dict]) -> list[tuple[str, str]]:
    return [(b["title"], b.get("payload", "")) for b in buttons(body)]


async def test_an_english_citizen_books_lists_and_cancels_a_meeting_in_english(client):
    s = "en1"
    body = await chat(client, "Hi, I want to book a meeting with my caseworker", s)
    assert [m["text"] for m in body] == [ASK]
    assert [t for t, _ in pairs(body)] == ["Continue in English", "Fortsæt på dansk"]
    body = await chat(client, pairs(body)[0][1], s)  # the first message is answered after the choice
    assert [m["text"] for m in body] == [SET_EN, "What kind of meeting (samtale) do you need?"]
    assert body[0]["custom"] == {"locale": "en"}  # the web page switches its own labels
    assert pairs(body) == TYPES
    body = await chat(client, TYPES[0][1], s)
    assert body == [{"recipient_id": s, "text": "How do you want to have the meeting?", "buttons": [
        {"title": t, "payload": p} for t, p in MODES]}]
    body = await chat(client, MODES[1][1], s)
    assert body[0]["text"].startswith("Book by ") and "Here are the first free times." in body[0]["text"], body
    slots = [t for t, p in pairs(body) if p.startswith("/pick_slot")]
    assert slots and all(SLOT.fullmatch(t) for t in slots), slots
    body = await chat(client, "next week in the afternoon", s)  # an English wish
    assert body[0]["text"] == "Free times that match what you wrote:", body
    offered = [(t, p) for t, p in pairs(body) if p.startswith("/pick_slot")]
    assert offered and all(SLOT.fullmatch(t) and int(t[-5:-3]) >= 12 for t, _ in offered), offered
    body = await chat(client, offered[0][1], s)
    confirm = re.fullmatch(rf"Do you want to book: Jobsamtale \(job meeting\), {LONG}, Phone \(we call you\)\?",
                           body[0]["text"])
    assert confirm, body
    body = await chat(client, "yes please", s)
    assert body[0]["text"].startswith(f"Your meeting is booked: Jobsamtale (job meeting), {confirm['when']}, "
                                      "Phone (we call you), with "), body
    assert body[1]["attachment"]["name"].endswith(".ics")
    assert body[2]["text"] == EN.get("booking.ask_call_number")
    body = await chat(client, "/keep_number", s)
    assert body[0]["text"] == "Okay. We will call you on the number the job centre has."
    body = await chat(client, "when is my meeting?", s)
    assert body[0]["text"].startswith(f"Your meetings:\n• {confirm['when']}: Jobsamtale (job meeting), "
                                      "Phone (we call you), with "), body
    body = await chat(client, "I want to cancel my meeting", s)
    assert body[0]["text"] == f"Do you want to cancel your meeting on {confirm['when']}? The meeting: Jobsamtale (job meeting)."
    body = await chat(client, "yes", s)
    assert body[0]["text"].startswith(f"Your meeting on {confirm['when']} is cancelled."), body
    body = await chat(client, "do I have any meetings", s)
    assert body[0]["text"] == "You have no booked meetings."


async def test_danish_is_never_asked_about_and_an_english_crisis_is_answered_in_english(client):
    body = await chat(client, "jeg vil gerne booke en samtale", "da1")
    assert body[0]["text"] == "Hvilken slags samtale skal du have?"
    body = await chat(client, "I don't want to live anymore, I have pills", "cr1")
    assert body[0]["text"] == EN.get("crisis") and "70 201 201" in body[0]["text"]


async def test_an_english_page_starts_an_english_conversation(client):
    page = await client.get("/?lang=en")
    html = await page.text()
    assert '<html lang="en">' in html and ">Dansk</button>" in html and "New chat" in html
    issued = await (await client.post("/auth/sender", json={"locale": "en"})).json()
    assert issued["locale"] == "en"
    body = await chat(client, "/start", issued["sender"])
    assert body[0]["text"] == EN.get("answers.start.text")
    body = await chat(client, "Hello, I want to book a meeting", issued["sender"])  # chosen already: no question
    assert body[0]["text"] == "What kind of meeting (samtale) do you need?"
    danish = await (await client.post("/auth/sender", json={"locale": "xx"})).json()
    assert danish["locale"] == "da"  # an unknown language: Danish, and the question may still come
