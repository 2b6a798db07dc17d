"""A throwaway PostgreSQL server for tests: initdb in a temp dir, on a free loopback port."""
import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from bot.nlu_process import free_port


def pg_bin() -> Path | None:
    """The newest installed server's bin directory (Debian layout), if any."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


class TempPostgres:
    """Starts a private cluster (as the postgres user when run as root: the server refuses root)."""

    def __init__(self, bindir: Path) -> None:
        self._bin, self.port = bindir, free_port()
        self._dir = Path(tempfile.mkdtemp(prefix="jobassistent-pg-"))
        self._data = self._dir / "data"

    def _run(self, *args: str) -> None:
        cmd = list(args)
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)

    def start(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self._dir, "postgres", "postgres")
        self._run(str(self._bin / "initdb"), "-D", str(self._data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        opts = f"-p {self.port} -k {self._dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100"
        self._run(str(self._bin / "pg_ctl"), "-D", str(self._data), "-o", opts, "-l", str(self._dir / "log"),
                  "-w", "start")

    def stop(self) -> None:
        try:
            self._run(str(self._bin / "pg_ctl"), "-D", str(self._data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self._dir, ignore_errors=True)

    async def new_database(self) -> str:
        """A fresh empty database; returns its async SQLAlchemy URL."""
        import asyncpg

        name = f"t_{uuid.uuid4().hex[:12]}"
        conn = await asyncpg.connect(host="127.0.0.1", port=self.port, user="postgres", database="postgres")
        try:
            await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/{name}"
