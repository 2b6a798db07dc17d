"""Runs Rasa (`rasa run --enable-api`) as a child process on loopback, when no NLU_URL is given."""
import asyncio
import logging
import os
import signal
import socket
import time
from pathlib import Path

log = logging.getLogger(__name__)


def free_port() -> int:
    """A free loopback port (so tests and a second instance never collide)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class RasaProcess:
    """Starts Rasa in its own environment (.venv-rasa) and process group; stops it with the app."""

    def __init__(self, root: Path, model: Path, port: int = 0) -> None:
        self._root, self._model, self._port = root, model, port or free_port()
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
        self._proc = await asyncio.create_subprocess_exec(
            str(rasa), "run", "--enable-api", "-m", str(self._model), "-i", "127.0.0.1", "-p", str(self._port),
            cwd=self._root, env=env, start_new_session=True, stdout=asyncio.subprocess.DEVNULL)
        log.info("Rasa starting on %s (pid %s)", self.url, self._proc.pid)
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
        try:
            os.killpg(self._proc.pid, signal.SIGTERM)
            await asyncio.wait_for(self._proc.wait(), grace_s)
        except TimeoutError:
            os.killpg(self._proc.pid, signal.SIGKILL)
            await self._proc.wait()
        except ProcessLookupError:
            pass
        log.info("Rasa stopped")
