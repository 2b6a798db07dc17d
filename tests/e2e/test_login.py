"""Log in with the real local OIDC provider through bin/serve: the login button, the provider's form, the callback."""
import re

import httpx
import pytest

from tests.e2e.procs import serving

ANNA = "demo-anna-4f1c"
SENDER = "e2e-login"


@pytest.fixture
def served(tmp_path, rasa_url):
    with serving(tmp_path, rasa_url, "login", LOGIN_REQUIRED="true") as proc:
        yield proc


def chat(http: httpx.Client, base: str, message: str, sender: str = SENDER) -> list[dict]:
    resp = http.post(f"{base}/webhooks/rest/webhook", json={"sender": sender, "message": message})
    assert resp.status_code == 200, resp.text
    return resp.json()


def log_in_at_provider(url: str, subject: str) -> httpx.Response:
    """Follow the login button like a browser: our /auth/login, the provider's form (field sub), our callback."""
    with httpx.Client(timeout=20) as browser:
        start = browser.get(url)
        assert start.status_code == 302, start.text
        form = browser.get(start.headers["location"])
        assert form.status_code == 200 and 'name="sub"' in form.text
        code = browser.post(start.headers["location"], data={"sub": subject})
        assert code.status_code == 302 and "/auth/callback?" in code.headers["location"]
        return browser.get(code.headers["location"])


def test_an_anonymous_booking_logs_in_at_the_local_provider_and_continues(served):
    base = served.url
    with httpx.Client(timeout=30) as http:
        demo = http.get(f"{base}/auth/demo-citizens").json()
        assert {"sub": ANNA, "name": "Anna Demo"} in demo

        reply = chat(http, base, "jeg vil gerne booke en samtale")
        assert reply[0]["text"].startswith("Det handler om din egen sag, så du skal logge ind med MitID først.")
        (button,) = reply[0]["buttons"]
        assert button["title"] == "Log ind med MitID" and button["type"] == "web_url"
        assert re.fullmatch(re.escape(base) + r"/auth/login\?t=[\w-]+", button["url"])

        done = log_in_at_provider(button["url"], ANNA)
        assert done.status_code == 200 and "Du er logget ind." in done.text
        assert http.get(button["url"]).status_code == 400  # the link works once

        waiting = http.get(f"{base}/webhooks/rest/outbox/{SENDER}").json()
        assert [m.get("text") for m in waiting] == ["Du er nu logget ind med MitID.",
                                                    "Hvilken slags samtale skal du have?"]
        payload = waiting[1]["buttons"][0]["payload"]
        for _ in range(6):  # the first choice each time, to a booked meeting with its calendar invite
            reply = chat(http, base, payload)
            if any("attachment" in m for m in reply):
                break
            payload = next(b["payload"] for m in reply for b in m.get("buttons", []))
        assert any(m.get("attachment", {}).get("name", "").endswith(".ics") for m in reply), reply

        mine = chat(http, base, "/list_meetings")
        assert "Log ind med MitID" not in str(mine)
        other = chat(http, base, "/list_meetings", sender="someone-else")
        assert other[0]["buttons"][0]["type"] == "web_url"  # another conversation is still anonymous


def test_the_web_page_gets_its_sender_from_the_server_and_only_its_session_may_use_it(served):
    base = served.url
    with httpx.Client(timeout=30) as page, httpx.Client(timeout=30) as stranger:
        first = page.post(f"{base}/auth/sender", json={})
        assert first.status_code == 200
        cookie = first.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie
        sender = first.json()["sender"]
        assert first.json()["logged_in"] is False
        assert page.post(f"{base}/auth/sender", json={"sender": sender}).json()["sender"] == sender
        assert chat(page, base, "hej", sender)[0]["text"]
        refused = stranger.post(f"{base}/webhooks/rest/webhook", json={"sender": sender, "message": "hej"})
        assert refused.status_code == 403
        assert stranger.get(f"{base}/webhooks/rest/outbox/{sender}").status_code == 403
        assert stranger.post(f"{base}/auth/sender", json={"sender": sender}).json()["sender"] != sender
        fresh = page.post(f"{base}/auth/sender", json={"sender": sender, "new": True}).json()["sender"]
        assert fresh != sender
