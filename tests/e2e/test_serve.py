"""bin/serve: starts Rasa and the app, /health 503 then 200, a REST turn, clean stop on SIGTERM."""
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

from bot.nlu_process import free_port
from bot.settings import ROOT


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def test_serve_starts_everything_and_stops_cleanly(tmp_path):
    port = free_port()
    env = {**os.environ, "PORT": str(port), "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}"}
    env.pop("NLU_URL", None)
    env.pop("TELEGRAM_BOT_TOKEN", None)
    proc = subprocess.Popen([str(ROOT / "bin" / "serve")], env=env, cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
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
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        # Rasa ran in the app's process group; nothing of it may be left behind.
        time.sleep(1)
        assert subprocess.run(["pgrep", "-g", str(proc.pid)], capture_output=True).returncode == 1
        with socket.socket() as s:
            assert s.connect_ex(("127.0.0.1", port)) != 0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
