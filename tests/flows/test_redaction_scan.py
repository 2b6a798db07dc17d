"""A conversation full of CPR numbers, phone numbers and e-mails, then every column of every table and the log.

Clear values may only be where a flow needs them (the CV's contact block, the handoff's callback number,
a phone meeting's number); those must be in the export and gone after deletion.
"""
import json
import logging
import time
from typing import Any

from sqlalchemy import select

from bot.logs import LOG_DIR
from store.models import Base
from tests.flows.booking_fixtures import publish
from tests.flows.helpers import payloads, say

# Plausible CPR numbers (real dates), with and without the dash and with a space; Danish phone numbers in the
# groupings people type (not 12 34 56 78: the bot's own example); e-mail addresses.
CPRS = ["150687-1234", "0101901234", "311299 4321", "280295-3017"]
PHONES = ["+45 21 43 65 87", "87654321", "22 33 44 55", "+4560708090", "0045 31 41 59 26"]
EMAILS = ["anne.hansen@example.dk", "ole+job@mail.com"]
CV_PHONE, CV_EMAIL, CALLBACK = "40 50 60 70", "mette@example.dk", "29 28 27 26"
OUR_PACKAGES = ("bot", "dialogs", "services", "store", "nlu", "i18n", "knowledge")
ALLOWED = {  # table.column → the clear values a flow keeps there on purpose
    "cvs.data": {CV_PHONE, CV_EMAIL}, "cvs.resume": {CV_PHONE, CV_EMAIL}, "handoffs.phone": {CALLBACK},
    "handoffs.summary": {CALLBACK},  # the same record: the caseworker reads whom to call in the summary
    "bookings.call_number": {PHONES[0]},
}


def forms(value: str) -> set[str]:
    """The ways a value can be written down: as typed, and its digits alone (CPR and phone)."""
    digits = "".join(c for c in value if c.isdigit())
    out = {value.lower()}
    if "@" not in value:
        out.add(digits[-8:] if value.startswith(("+45", "0045")) else digits)
        if len(digits) == 10:  # a CPR number also with the dash and with a space
            out |= {f"{digits[:6]}-{digits[6:]}", f"{digits[:6]} {digits[6:]}"}
    return out


SECRETS = {v: forms(v) for v in [*CPRS, *PHONES, *EMAILS, CV_PHONE, CV_EMAIL, CALLBACK]}


def text_of(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def found_in(text: str) -> set[str]:
    """The secrets whose any written form occurs in the text (digits compared without spaces too)."""
    low, squeezed = text.lower(), "".join(text.split()).lower()
    return {v for v, fs in SECRETS.items() if any(f in low or "".join(f.split()) in squeezed for f in fs)}


def log_files_written_since(start: float) -> str:
    """What any var/log file got during the test (the flow tests log through caplog; a handler may write here)."""
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in LOG_DIR.glob("*.log*")
                   if p.stat().st_mtime >= start)


async def scan(sessions) -> dict[str, set[str]]:
    """table.column → clear values found, over every table the models know."""
    hits: dict[str, set[str]] = {}
    async with sessions() as s:
        for table in Base.metadata.sorted_tables:
            for row in (await s.execute(select(table))).all():
                for col in table.columns:
                    found = found_in(text_of(row._mapping[col]))
                    if found:
                        hits.setdefault(f"{table.name}.{col.name}", set()).update(found)
    return hits


async def chat_full_of_identifiers(engine, sessions, municipality) -> None:
    await publish(sessions, municipality)
    # Free text, understood and not understood.
    await say(engine, f"hej mit cpr er {CPRS[0]} og min mail er {EMAILS[0]}")
    await say(engine, f"ring på {PHONES[0]} eller {PHONES[1]}, cpr {CPRS[1]}")
    # A booking, with identifiers along the way; a phone meeting may ask for the number to call.
    await say(engine, f"jeg vil booke en jobsamtale på telefon, mit cpr er {CPRS[2]}")
    offer = await say(engine, "jeg vil booke en jobsamtale på telefon")
    await say(engine, next(p for p in payloads(offer) if p.startswith("/pick_slot")))
    replies = await say(engine, "ja")
    if not any(p.startswith("/pick_slot") for p in payloads(replies)):
        await say(engine, PHONES[0])  # the number to call, if the flow asks for it; otherwise free text
    # Reaching a person: the reason, more details at the consent question, then a callback number.
    await say(engine, "jeg vil tale med et menneske")
    await say(engine, f"det handler om min sag, mit cpr er {CPRS[3]} og skriv til {EMAILS[1]} eller {PHONES[2]}")
    await say(engine, f"og mit andet nummer er {PHONES[3]}")
    await say(engine, '/handoff_consent{"share": true}')
    await say(engine, '/handoff_contact{"method": "phone"}')
    await say(engine, f"mit nummer er {CALLBACK}")
    # The CV: contact details (kept in the CV) and identifiers in other answers (never kept in clear).
    await say(engine, "jeg skal lave et cv")
    await say(engine, "Mette Hansen")
    await say(engine, CV_PHONE)
    await say(engine, CV_EMAIL)
    await say(engine, f"lagermedarbejder, ring {PHONES[4]}")
    await say(engine, f"Ballerup, cpr {CPRS[0]}")


async def test_no_clear_identifier_outside_the_records_that_need_them(engine, services, sessions, municipality,
                                                                      caplog):
    start = time.time()
    caplog.set_level(logging.INFO)  # the level bot/logs.py runs at; our own packages even at DEBUG
    for package in OUR_PACKAGES:
        caplog.set_level(logging.DEBUG, logger=package)
    await chat_full_of_identifiers(engine, sessions, municipality)
    hits = await scan(sessions)
    stray = {col: values - ALLOWED.get(col, set()) for col, values in hits.items()}
    assert {col: v for col, v in stray.items() if v} == {}
    assert CV_PHONE in hits["cvs.data"] and CALLBACK in hits["handoffs.phone"]  # the flows did keep them
    assert found_in(caplog.text) == set()

    # What is kept goes with the citizen: in the export, and gone after deletion.
    citizen_id = (await services.conversations.load("test:t1")).citizen_id
    exported = json.dumps(await services.citizens.export(citizen_id), ensure_ascii=False)
    assert set().union(*hits.values()) <= found_in(exported)  # every kept value, e.g. a phone meeting's number
    await say(engine, "/delete_my_data")  # the button: typed, it would be the answer to the CV's open question
    await say(engine, "ja")
    assert await scan(sessions) == {}
    assert found_in(caplog.text) == set() and found_in(log_files_written_since(start)) == set()
