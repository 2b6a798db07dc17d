"""kill -9 of bin/serve in the middle of a booking and of a CV: after a restart both go on at the same step.

Nothing is lost or done twice, and the app's Rasa child dies with it (no orphan keeps ~900 MB and a port).
"""
import json
import os
import signal
import sqlite3
import time
import urllib.request

from tests.e2e.procs import Served, start_serve, stop_serve, wait_healthy
from tests.e2e.test_orphan import _group_members, _listening, _rasa_child, _rasa_port

START_TIMEOUT_S = 240.0  # two Rasa start-ups on a busy machine
GONE_TIMEOUT_S = 15.0
ASK_EMAIL = "Hvilken e-mail kan arbejdsgivere skrive til? Den står kun i dit CV."
ASK_PHONE = "Hvilket telefonnummer kan arbejdsgivere ringe til? Det står kun i dit CV."


def _chat(served: Served, sender: str, message: str) -> list[dict]:
    request = urllib.request.Request(f"{served.url}/webhooks/rest/webhook", method="POST",
                                     data=json.dumps({"sender": sender, "message": message}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as resp:
        assert resp.status == 200
        return json.loads(resp.read())


def _texts(body: list[dict]) -> list[str]:
    return [m["text"] for m in body if "text" in m]


def _rows(db: str, sql: str, *args: object) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


def test_kill_9_mid_booking_and_mid_cv_then_both_continue_where_they_were(tmp_path):
    db = str(tmp_path / "kill.db")
    served = start_serve(tmp_path, f"sqlite:///{db}", name="before")
    rasa_pid = None
    try:
        wait_healthy(served, START_TIMEOUT_S)
        offer = _chat(served, "b", "book en jobsamtale over telefon")
        slot = next(b["payload"] for m in offer for b in m.get("buttons", []) if b["payload"].startswith("/pick_slot"))
        confirm = _chat(served, "b", slot)
        assert _texts(confirm)[0].startswith("Vil du booke: Jobsamtale"), confirm
        assert _texts(_chat(served, "c", "jeg skal lave et cv"))[-1].endswith("Hvad er dit fulde navn?")
        assert _texts(_chat(served, "c", "mette hansen")) == [ASK_PHONE]

        rasa_pid = _rasa_child(served.proc.pid)
        rasa_port = _rasa_port(rasa_pid)
        os.kill(served.proc.pid, signal.SIGKILL)  # the app only: its child must follow by itself
        served.proc.wait(timeout=10)
        deadline = time.monotonic() + GONE_TIMEOUT_S
        while time.monotonic() < deadline and (_group_members(rasa_pid) or _listening(rasa_port)):
            time.sleep(0.2)
        assert not _group_members(rasa_pid), "Rasa outlived the app's kill -9"
        assert not _listening(rasa_port)
    finally:
        stop_serve(served)

    active = "SELECT count(*) FROM bookings WHERE status = 'active'"
    [(seeded,)] = _rows(db, active)  # the demo data's own bookings
    served = start_serve(tmp_path, f"sqlite:///{db}", name="after")
    try:
        wait_healthy(served, START_TIMEOUT_S)
        booked = _chat(served, "b", "ja")  # the confirmation question survived the crash
        assert _texts(booked)[0].startswith("Din samtale er booket: Jobsamtale"), booked
        assert _texts(_chat(served, "c", "12 34 56 78")) == [ASK_EMAIL]  # the CV goes on at the phone step
        again = _chat(served, "b", "ja")  # a second yes books nothing more
        assert not any(t.startswith("Din samtale er booket") for t in _texts(again)), again
    finally:
        stop_serve(served)
    assert _rows(db, active) == [(seeded + 1,)]  # booked once, by the yes after the restart
    assert _rows(db, "SELECT count(*) FROM turn_tickets") == [(0,)]
    # Every message the citizens sent is in the transcript exactly once: 4 turns in the booking, 3 in the CV.
    assert _rows(db, "SELECT conversation_id, count(*) FROM messages WHERE direction = 'in' GROUP BY 1 ORDER BY 1") \
        == [("web:b", 4), ("web:c", 3)]
    assert "mette hansen" not in str(_rows(db, "SELECT text FROM messages"))  # a private answer stays private
