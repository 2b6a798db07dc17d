"""Runs the local OpenID provider (oidc-provider-mock) with the demo citizens, when no OIDC_ISSUER is given."""
import asyncio
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Iterable

import aiohttp

from bot.logs import LOG_DIR, rotate_if_large, shown_path
from bot.nlu_process import _DIE_WITH_PARENT, free_port, stop_group
from services.identity import DemoCitizen

log = logging.getLogger(__name__)
OIDC_LOG = LOG_DIR / "oidc.log"


class LocalProvider:
    """oidc-provider-mock on loopback, as a child that dies with the app (PR_SET_PDEATHSIG, as the Rasa child).

    Its authorize page is a form with a field `sub` that accepts any subject; the demo citizens are offered
    as buttons, with their names as the `name` claim.
    """

    def __init__(self, citizens: Iterable[DemoCitizen], port: int = 0, log_path: Path = OIDC_LOG) -> None:
        self._citizens, self._port, self._log_path = tuple(citizens), port or free_port(), log_path
        self._proc: asyncio.subprocess.Process | None = None

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    async def start(self, timeout_s: float = 30.0) -> str:
        """Start it and wait until its discovery document answers; returns the issuer URL."""
        argv = [sys.executable, "-m", "oidc_provider_mock", "-p", str(self._port), "-H", "127.0.0.1",
                "--require-nonce", "--no-refresh-token"]
        for c in self._citizens:
            argv += ["--user-claims", json.dumps({"sub": c.sub, "name": c.name})]
        if sys.platform.startswith("linux"):
            argv = [sys.executable, "-c", _DIE_WITH_PARENT, str(os.getpid()), *argv]
        self._log_path.parent.mkdir(parents=True, exist_ok=True)
        rotate_if_large(self._log_path)
        with self._log_path.open("ab") as out:
            self._proc = await asyncio.create_subprocess_exec(
                *argv, env={**os.environ, "NO_COLOR": "1"}, start_new_session=True,
                stdin=asyncio.subprocess.DEVNULL, stdout=out, stderr=asyncio.subprocess.STDOUT)
        log.info("local OIDC provider (demo MitID) starting on %s (pid %s); its output goes to %s",
                 self.issuer, self._proc.pid, shown_path(self._log_path))
        await self._wait_ready(timeout_s)
        return self.issuer

    async def _wait_ready(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        async with aiohttp.ClientSession() as http:
            while True:
                if self._proc is not None and self._proc.returncode is not None:
                    raise RuntimeError(f"the local OIDC provider exited (code {self._proc.returncode}); "
                                       f"see {shown_path(self._log_path)}")
                try:
                    async with http.get(f"{self.issuer}/.well-known/openid-configuration") as resp:
                        if resp.status == 200:
                            return
                except aiohttp.ClientError:
                    pass  # not listening yet
                if time.monotonic() > deadline:
                    raise TimeoutError("the local OIDC provider did not start")
                await asyncio.sleep(0.2)

    async def stop(self, grace_s: float = 5.0) -> None:
        if self._proc is None or self._proc.returncode is not None:
            return
        await stop_group(self._proc, grace_s)
