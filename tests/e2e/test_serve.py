"""bin/serve: starts Rasa and the app, /health 503 then 200, a REST turn, clean stop on SIGTERM."""
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from bot.nlu_process import free_port
from bot.settings import ROOT


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def _start_serve(tmp_path) -> tuple[subprocess.Popen, int]:
    """bin/serve on a free port with its own SQLite file, starting its own Rasa (no NLU_URL)."""
    port = free_port()
    env = {**os.environ, "PORT": str(port), "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}"}
    env.pop("NLU_URL", None)
    env.pop("TELEGRAM_BOT_TOKEN", None)
    proc = subprocess.Popen([str(ROOT / "bin" / "serve")], env=env, cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    return proc, port


def test_serve_starts_everything_and_stops_cleanly(tmp_path):
    proc, port = _start_serve(tmp_path)
    try:
        statuses = []
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                status, body = _get(f"http://127.0.0.1:{port}/health")
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
                continue
            statuses.append(status)
            if status == 200:
                assert json.loads(body) == {"status": "ok"}
                break
            time.sleep(0.5)
        assert statuses and statuses[-1] == 200, statuses
        assert 503 in statuses  # the model loads after the web side is up
        req = urllib.request.Request(f"http://127.0.0.1:{port}/webhooks/rest/webhook", method="POST",
                                     data=json.dumps({"sender": "s", "message": "hej"}).encode(),
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            assert json.loads(resp.read())[0]["recipient_id"] == "s"
        rasa_pid = _rasa_pid(proc.pid)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        # The Rasa child (its own process group) must be gone too.
        assert not Path(f"/proc/{rasa_pid}").exists() or _is_zombie(rasa_pid)
        with socket.socket() as s:
            assert s.connect_ex(("127.0.0.1", port)) != 0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)


def test_app_recovers_when_its_rasa_dies(tmp_path):
    """Kill the Rasa child: health goes 503, the citizen gets 'NLU down' + menu, then it is back by itself."""
    proc, port = _start_serve(tmp_path)
    try:
        assert _wait_health(port, 200, 180)
        os.kill(_rasa_pid(proc.pid), signal.SIGKILL)
        assert _wait_health(port, 503, 30)
        reply = _post(port, "hej")
        assert "problemer" in reply[0]["text"] and any(b["payload"] == "/human_handoff" for b in reply[0]["buttons"])
        assert _wait_health(port, 200, 180)
        assert "Jobassistenten" in _post(port, "hej")[0]["text"]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)


def _rasa_pid(app_pid: int) -> int:
    """The Rasa server the app started (a child of the app process)."""
    out = subprocess.run(["pgrep", "-P", str(app_pid), "-f", "rasa run"], capture_output=True, text=True).stdout
    assert out.split(), "no Rasa child process found"
    return int(out.split()[0])


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    except FileNotFoundError:
        return True


def _wait_health(port: int, want: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if _get(f"http://127.0.0.1:{port}/health")[0] == want:
                return True
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.5)
    return False


def _post(port: int, message: str) -> list[dict]:
    req = urllib.request.Request(f"http://127.0.0.1:{port}/webhooks/rest/webhook", method="POST",
                                 data=json.dumps({"sender": "r", "message": message}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=15) as resp:
        return json.loads(resp.read())
