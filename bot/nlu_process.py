"""Runs Rasa (`rasa run --enable-api`) as a child process on loopback, when no NLU_URL is given."""
import asyncio
import logging
import os
import signal
import socket
import sys
import time
from datetime import datetime
from pathlib import Path

from bot.logs import RASA_LOG, rotate_if_large, shown_path

log = logging.getLogger(__name__)

# Runs in Rasa's own interpreter, then becomes Rasa (exec keeps the pid and the setting): the kernel sends it
# SIGTERM when the app dies, even by kill -9, so no orphan keeps ~900 MB and a port. Done here, after exec, and
# not in a preexec_fn, which Python documents as unsafe in a process with threads (aiohttp and asyncio have some).
# If the app already died before prctl took effect, the parent pid has changed: then start nothing.
_DIE_WITH_PARENT = """
import ctypes, os, signal, sys
PR_SET_PDEATHSIG = 1
if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM) != 0:
    sys.exit(f"prctl(PR_SET_PDEATHSIG) failed: {os.strerror(ctypes.get_errno())}")
if os.getppid() != int(sys.argv[1]):
    sys.exit("the app exited before Rasa started")
os.execv(sys.argv[2], sys.argv[2:])
"""


def free_port() -> int:
    """A free loopback port (so tests and a second instance never collide)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def stop_group(proc: asyncio.subprocess.Process, grace_s: float) -> None:
    """SIGTERM a child's process group (it runs in a session of its own), SIGKILL it after grace_s."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        await asyncio.wait_for(proc.wait(), grace_s)
    except TimeoutError:
        os.killpg(proc.pid, signal.SIGKILL)
        await proc.wait()
    except ProcessLookupError:
        pass


class RasaProcess:
    """Starts Rasa in its own environment (.venv-rasa) and process group; stops it with the app.

    Its output (TensorFlow and Rasa start-up noise, tracebacks) is appended to var/log/rasa.log. The kernel
    ends it when the thread that started it ends, so call start() from the event loop's (main) thread.
    """

    def __init__(self, root: Path, model: Path, port: int = 0, log_path: Path = RASA_LOG) -> None:
        self._root, self._model, self._port = root, model, port or free_port()
        self._log_path = log_path
        self._proc: asyncio.subprocess.Process | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    async def start(self) -> str:
        rasa = self._root / ".venv-rasa" / "bin" / "rasa"
        if not rasa.exists() or not self._model.exists():
            raise RuntimeError(f"Rasa or its model is missing ({rasa}, {self._model}): run `make train` first")
        env = {**os.environ, "PYTHONPATH": str(self._root), "RASA_TELEMETRY_ENABLED": "false",
               "TF_CPP_MIN_LOG_LEVEL": "2"}
        argv = [str(rasa), "run", "--enable-api", "-m", str(self._model), "-i", "127.0.0.1", "-p", str(self._port)]
        if sys.platform.startswith("linux"):  # prctl is Linux-only; elsewhere stop() is the only way it ends
            argv = [str(rasa.with_name("python")), "-c", _DIE_WITH_PARENT, str(os.getpid()), *argv]
        self._log_path.parent.mkdir(parents=True, exist_ok=True)
        rotate_if_large(self._log_path)
        with self._log_path.open("ab") as out:  # the child keeps its own copy of the descriptor
            out.write(f"\n===== {datetime.now():%F %T} Rasa starting on {self.url} (app pid {os.getpid()})\n".encode())
            out.flush()
            # Own session: Ctrl-C in a terminal reaches only the app, and stop() can signal the whole group.
            self._proc = await asyncio.create_subprocess_exec(
                *argv, cwd=self._root, env=env, start_new_session=True, stdin=asyncio.subprocess.DEVNULL,
                stdout=out, stderr=asyncio.subprocess.STDOUT)
        log.info("Rasa (the NLU) starting on port %s (pid %s); its output goes to %s",
                 self._port, self._proc.pid, shown_path(self._log_path))
        return self.url

    async def supervise(self, stop: asyncio.Event, check_s: float = 2.0, max_backoff_s: float = 60.0) -> None:
        """Restart Rasa if it exits on its own; pauses double while it keeps crashing, reset after a stable minute."""
        backoff, started = check_s, time.monotonic()
        while not stop.is_set():
            wait = check_s
            if not self.running():
                log.warning("Rasa exited (code %s); restarting", self._proc.returncode if self._proc else None)
                await self.start()
                wait, started = backoff, time.monotonic()
                backoff = min(backoff * 2, max_backoff_s)
            elif time.monotonic() - started > 60:
                backoff = check_s
            try:
                await asyncio.wait_for(stop.wait(), wait)
            except TimeoutError:
                pass

    def running(self) -> bool:
        return self._proc is not None and self._proc.returncode is None

    async def stop(self, grace_s: float = 15.0) -> None:
        """SIGTERM to the whole group, SIGKILL if it lingers."""
        if not self.running():
            return
        assert self._proc is not None
        await stop_group(self._proc, grace_s)
        log.info("Rasa stopped")
