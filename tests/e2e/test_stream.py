"""`?stream=true`: the REST answer as newline-delimited JSON, read raw and by Rasa 3.6's own console client."""
import asyncio
import json
import re

import aiohttp
import pytest

from bot.settings import ROOT
from tests.e2e.procs import start_serve, stop_serve, wait_healthy
from tests.e2e.test_rest import ASK_TYPE, FIRST_REPLY, JOBSAMTALE_MODES, TYPES, reply
from tests.flows.test_privacy import KEPT

RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"
WEBHOOK = "/webhooks/rest/webhook"
CONSOLE_TIMEOUT_S = 120  # importing rasa takes a while on a small machine
# Rasa's `rasa shell` reader: _send_message_receive_stream is what record_messages() iterates over.
CONSOLE = """
import asyncio, json, sys
from rasa.core.channels.console import _send_message_receive_stream

async def main(url, sender, messages):
    for message in messages:
        got = [m async for m in _send_message_receive_stream(url, "", sender, message, request_timeout=30)]
        print(json.dumps(got, ensure_ascii=False), flush=True)

asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
"""


@pytest.fixture(scope="module")
def served(rasa_url, tmp_path_factory):
    """bin/serve with its own SQLite file, parsing with the session's Rasa."""
    workdir = tmp_path_factory.mktemp("stream")
    app = start_serve(workdir, f"sqlite:///{workdir / 'stream.db'}", rasa_url, name="stream")
    try:
        wait_healthy(app)
        yield app
    finally:
        code = stop_serve(app)
    assert code == 0, app.log_tail()  # a clean stop on SIGTERM


async def _post(url: str, sender: str, message: str, query: str = "") -> tuple[aiohttp.ClientResponse, bytes]:
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{url}{WEBHOOK}{query}", json={"sender": sender, "message": message},
                             timeout=aiohttp.ClientTimeout(total=30)) as resp:
            return resp, await resp.read()


def _ndjson(raw: bytes) -> list[dict]:
    """Strictly one JSON object per line, every line ended by a newline, no blank lines."""
    text = raw.decode("utf-8")
    assert text.endswith("\n"), raw
    lines = text[:-1].split("\n")
    assert all(line.strip() for line in lines), raw
    objects = [json.loads(line) for line in lines]
    assert all(isinstance(o, dict) for o in objects), raw
    return objects


def _without_tokens(messages: list[dict]) -> list[dict]:
    """Attachment URLs carry a fresh random token per answer; compare everything else."""
    out = json.loads(json.dumps(messages))
    for m in out:
        if "attachment" in m:
            assert re.fullmatch(r"/files/[\w-]+", m["attachment"]["url"]), m
            m["attachment"]["url"] = "/files/<token>"
    return out


@pytest.mark.parametrize("message", ["hej", "/show_my_data"])
async def test_stream_has_the_same_messages_as_the_plain_answer(served, message):
    """A one-message answer (greeting) and a five-message one (summary, page, JSON, what is kept), raw over HTTP."""
    plain, plain_body = await _post(served.url, "plain-" + message, message)
    assert plain.status == 200 and plain.content_type == "application/json"
    streamed, raw = await _post(served.url, "stream-" + message, message, "?stream=true")
    assert streamed.status == 200
    assert streamed.headers["Content-Type"].split(";")[0] == "text/event-stream"  # what Rasa's channel sends
    assert streamed.headers.get("Transfer-Encoding") == "chunked" and "Content-Length" not in streamed.headers
    lines = _ndjson(raw)
    expected = json.loads(plain_body)
    assert len(lines) == len(expected) == (1 if message == "hej" else 5)
    for m in expected:
        m["recipient_id"] = "stream-" + message
    assert _without_tokens(lines) == _without_tokens(expected)
    if message == "hej":
        assert lines == [reply("stream-hej", *FIRST_REPLY["greet"])]


async def test_stream_false_is_the_plain_json_list(served):
    resp, body = await _post(served.url, "sf", "hej", "?stream=false")
    assert resp.status == 200 and resp.content_type == "application/json"
    assert json.loads(body) == [reply("sf", *FIRST_REPLY["greet"])]


@pytest.mark.parametrize("body", ['{"sender": "x"}', "not json"])
async def test_a_malformed_streamed_request_is_still_a_400_json_error(served, body):
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{served.url}{WEBHOOK}?stream=true", data=body,
                             headers={"Content-Type": "application/json"}) as resp:
            assert resp.status == 400 and resp.content_type == "application/json"
            assert isinstance((await resp.json())["error"], str)


async def test_rasa_console_client_reads_each_message(served):
    """`rasa shell`'s reader, run in Rasa's own environment, follows a conversation by pressing buttons."""
    messages = ["hej", "/book_meeting", TYPES[0][1], "/show_my_data"]
    proc = await asyncio.create_subprocess_exec(
        str(RASA_PYTHON), "-c", CONSOLE, served.url, "console", *messages, cwd=ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        out, err = await asyncio.wait_for(proc.communicate(), CONSOLE_TIMEOUT_S)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise
    assert proc.returncode == 0, err.decode(errors="replace")[-3000:]
    answers = [json.loads(line) for line in out.decode().splitlines() if line.startswith("[")]
    assert len(answers) == len(messages), out
    greet, kinds, modes, export = answers
    assert greet == [reply("console", *FIRST_REPLY["greet"])]
    assert kinds == [reply("console", *ASK_TYPE)]
    assert modes == [reply("console", "Hvordan vil du holde samtalen?", JOBSAMTALE_MODES)]
    assert export[0] == reply("console", "Jeg har gemt 6 beskeder, 0 aftaler og 0 henvendelser til en medarbejder "
                                         "fra dig. Hent en kopi her:")  # 3 turns, in and out
    page, attachment = [m for m in export if "attachment" in m]
    assert [page["attachment"]["name"], attachment["attachment"]["name"]] == ["mine-data.html", "mine-data.json"]
    assert attachment["recipient_id"] == "console"
    assert export[-1] == reply("console", KEPT, [("Slet mine data", "/delete_my_data"),
                                                 ("Tal med en medarbejder", "/human_handoff"),
                                                 ("Menu", "/capabilities")])
    async with aiohttp.ClientSession() as http:  # the file the console was told about is there
        async with http.get(served.url + attachment["attachment"]["url"]) as resp:
            assert resp.status == 200
            assert [c["id"] for c in json.loads(await resp.read())["conversations"]] == ["web:console"]
