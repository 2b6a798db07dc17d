"""kill -9 of the app takes its Rasa child along: no orphan keeps ~900 MB and a port. Also the screen on start."""
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from bot.logs import WAITING
from bot.nlu_process import free_port
from bot.settings import ROOT

START_TIMEOUT_S = 180  # Rasa loads the model in 10-30 s; more on a busy 2-core machine
GONE_TIMEOUT_S = 15


def test_rasa_dies_with_the_app_on_kill_9(tmp_path):
    port = free_port()
    env = {**os.environ, "PORT": str(port), "DATABASE_URL": f"sqlite:///{tmp_path / 'orphan.db'}"}
    env.pop("NLU_URL", None)
    env.pop("TELEGRAM_BOT_TOKEN", None)
    screen = tmp_path / "screen.txt"
    with screen.open("wb") as out:
        app = subprocess.Popen([str(ROOT / "bin" / "serve")], env=env, cwd=tmp_path, stdin=subprocess.DEVNULL,
                               stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    rasa_pid = None
    try:
        _wait_for_line(screen, "Klar: åbn", app)
        rasa_pid = _rasa_child(app.pid)
        rasa_port = _rasa_port(rasa_pid)
        assert _health(port) == 200  # the Klar line comes only once /health says ok
        shown = screen.read_text()
        assert shown.index(WAITING) < shown.index(f"Klar: åbn http://127.0.0.1:{port}")
        assert "Warning" not in shown, shown  # third-party warnings go to var/log/, not the screen
        assert _listening(rasa_port)

        os.kill(app.pid, signal.SIGKILL)
        app.wait(timeout=10)
        deadline = time.monotonic() + GONE_TIMEOUT_S
        while time.monotonic() < deadline and (_group_members(rasa_pid) or _listening(rasa_port)):
            time.sleep(0.2)
        assert not _group_members(rasa_pid), f"Rasa outlived the app: {_group_members(rasa_pid)}"
        assert not _listening(rasa_port), f"Rasa's port {rasa_port} is still taken"
        assert screen.read_text().count("Klar: åbn") == 1
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGKILL)
        if rasa_pid and _group_members(rasa_pid):  # never leave behind the orphan this test is about
            os.killpg(rasa_pid, signal.SIGKILL)


def _wait_for_line(path: Path, text: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if text in path.read_text(errors="replace"):
            return
        assert proc.poll() is None, f"bin/serve exited with {proc.returncode}:\n{path.read_text()[-3000:]}"
        time.sleep(0.25)
    raise AssertionError(f"no '{text}' line after {START_TIMEOUT_S} s:\n{path.read_text()[-3000:]}")


def _health(port: int) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as resp:
            return resp.status
    except urllib.error.HTTPError as err:
        return err.code


def _stat(pid: int) -> tuple[str, int, int] | None:
    """State, parent pid and process group from /proc (None if gone); comm may hold spaces, so split after ')'."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return fields[0], int(fields[1]), int(fields[2])


def _live_pids() -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _stat(int(entry.name))
            if stat and stat[0] != "Z":  # a zombie holds no memory or port; its reaper may be slow
                pids.append(int(entry.name))
    return pids


def _cmdline(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except (FileNotFoundError, ProcessLookupError):
        return []


def _rasa_child(app_pid: int) -> int:
    children = [pid for pid in _live_pids() if (_stat(pid) or ("", 0, 0))[1] == app_pid]
    rasa = [pid for pid in children if "run" in _cmdline(pid) and any(a.endswith("/rasa") for a in _cmdline(pid))]
    assert len(rasa) == 1, f"expected one Rasa child of {app_pid}, found {[_cmdline(p) for p in children]}"
    return rasa[0]


def _rasa_port(pid: int) -> int:
    args = _cmdline(pid)
    return int(args[args.index("-p") + 1])


def _group_members(pgid: int) -> list[int]:
    return [pid for pid in _live_pids() if (_stat(pid) or ("", 0, 0))[2] == pgid]


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0
