"""Helpers for tests that run `bin/serve` as real processes: start with an environment, wait for health, stop."""
import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from bot.nlu_process import free_port
from bot.settings import ROOT

HEALTH_TIMEOUT_S = 120.0  # with NLU_URL set no model is loaded: start-up is migrations + seeding
STOP_TIMEOUT_S = 30.0


@dataclass
class Served:
    """One running `bin/serve`: its process (leader of its own process group), port and log file."""

    name: str
    proc: subprocess.Popen
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"


def http_get(url: str, timeout: float = 5.0) -> tuple[int, bytes]:
    """Status and body of a GET; HTTP errors are returned, not raised."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def start_serve(workdir: Path, database_url: str, nlu_url: str | None = None, name: str = "serve",
                **env: str) -> Served:
    """Start bin/serve on a free port (no Telegram); output goes to <workdir>/<name>.log."""
    port = free_port()
    # LOGIN_REQUIRED=false unless a test asks for it: most e2e tests book without a MitID login (test_login logs in).
    full_env = {**os.environ, "PORT": str(port), "DATABASE_URL": database_url, "MUNICIPALITY": "ballerup",
                "LOGIN_REQUIRED": "false", **env}
    full_env.pop("TELEGRAM_BOT_TOKEN", None)
    if nlu_url:
        full_env["NLU_URL"] = nlu_url
    else:
        full_env.pop("NLU_URL", None)
    log = workdir / f"{name}.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([str(ROOT / "bin" / "serve")], env=full_env, cwd=workdir, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    return Served(name, proc, port, log)


def wait_healthy(served: Served, timeout_s: float = HEALTH_TIMEOUT_S) -> None:
    """Poll GET /health until it is 200 with {"status": "ok"}; fail with the log's tail otherwise."""
    deadline = time.monotonic() + timeout_s
    last = "no answer"
    while time.monotonic() < deadline:
        if served.proc.poll() is not None:
            raise AssertionError(f"{served.name} exited with {served.proc.returncode}:\n{served.log_tail()}")
        try:
            status, body = http_get(f"{served.url}/health", timeout=2.0)
        except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
            last = repr(exc)
        else:
            if status == 200 and json.loads(body) == {"status": "ok"}:
                return
            last = f"{status} {body[:200]!r}"
        time.sleep(0.25)
    raise AssertionError(f"{served.name} not healthy after {timeout_s:.0f} s (last: {last}):\n{served.log_tail()}")


def stop_serve(served: Served, timeout_s: float = STOP_TIMEOUT_S) -> int | None:
    """SIGTERM the process group, wait, then SIGKILL what is left; returns the exit code (None if killed)."""
    code: int | None = served.proc.poll()
    if code is None:
        _signal_group(served.proc.pid, signal.SIGTERM)
        try:
            code = served.proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            pass
    _signal_group(served.proc.pid, signal.SIGKILL)  # whatever is left of the group, after a clean exit too
    if code is None:
        served.proc.wait(timeout=10)
    return code


def _signal_group(pgid: int, sig: int) -> None:
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        pass


@contextmanager
def serving(workdir: Path, nlu_url: str, name: str, **env: str) -> Iterator[Served]:
    """`bin/serve` on a fresh SQLite database in workdir, healthy, stopped cleanly afterwards."""
    served = start_serve(workdir, f"sqlite:///{workdir / (name + '.db')}", nlu_url, name=name, **env)
    try:
        wait_healthy(served)
        yield served
    finally:
        assert stop_serve(served) == 0, served.log_tail()
