"""The processes the load bench measures: `bin/serve` (app + its Rasa), and a plain Rasa 3.6 bot built for the bench."""
import asyncio
import os
import signal
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import yaml

from bot.nlu_process import free_port
from bot.settings import ROOT

RASA = ROOT / ".venv-rasa/bin/rasa"
LOGS = ROOT / "var/log"


def proc_kb(pid: int, field: str) -> int:
    """A /proc/<pid>/status field in kB (VmHWM: peak resident memory); 0 when the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in out]


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except FileNotFoundError:
        return ""


def peak_mb(pid: int) -> float:
    """Peak RSS of a process plus its own children (Rasa may fork helpers), in MB."""
    return round(sum(proc_kb(p, "VmHWM") for p in [pid, *children(pid)]) / 1024, 0)


async def wait_ok(url: str, timeout_s: float, proc: subprocess.Popen) -> float:
    """Seconds until GET url answers 200; raises if the process dies or time runs out."""
    started = time.perf_counter()
    async with aiohttp.ClientSession() as http:
        while time.perf_counter() - started < timeout_s:
            if proc.poll() is not None:
                raise RuntimeError(f"{proc.args[0]} exited with {proc.returncode}; see {LOGS}")
            try:
                async with http.get(url, timeout=aiohttp.ClientTimeout(total=5)) as resp:
                    if resp.status == 200:
                        return time.perf_counter() - started
            except (aiohttp.ClientError, TimeoutError):
                pass
            await asyncio.sleep(0.25)
    raise TimeoutError(f"{url} not ready after {timeout_s:.0f} s")


def stop(proc: subprocess.Popen, grace_s: float = 30.0) -> None:
    """SIGTERM (bin/serve stops its Rasa itself), SIGKILL to the group if it lingers."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(grace_s)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@dataclass
class Served:
    """bin/serve running on a fresh SQLite database; login off, so anonymous citizens can book."""

    proc: subprocess.Popen
    url: str
    nlu_url: str
    db: Path
    startup_s: float = 0.0

    @classmethod
    async def start(cls, workdir: Path, env: dict[str, str] | None = None) -> "Served":
        port, rasa_port = free_port(), free_port()
        db = workdir / "bench.db"
        env = {**os.environ, "PORT": str(port), "RASA_PORT": str(rasa_port), "DATABASE_URL": f"sqlite:///{db}",
               "LOGIN_REQUIRED": "false", **(env or {})}
        LOGS.mkdir(parents=True, exist_ok=True)
        with (LOGS / "bench-serve.log").open("ab") as out:
            proc = subprocess.Popen([str(ROOT / "bin/serve")], cwd=ROOT, env=env, stdout=out,
                                    stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        served = cls(proc, f"http://127.0.0.1:{port}", f"http://127.0.0.1:{rasa_port}", db)
        try:
            served.startup_s = round(await wait_ok(f"{served.url}/health", 300, proc), 1)
        except BaseException:
            stop(proc)
            raise
        return served

    def peaks_mb(self) -> dict[str, float]:
        """Peak RSS of the app and of each child it started (Rasa, the local OIDC provider)."""
        out = {"app": round(proc_kb(self.proc.pid, "VmHWM") / 1024, 0)}
        for kid in children(self.proc.pid):
            name = "rasa" if "rasa" in cmdline(kid) and " run " in cmdline(kid) else "oidc_provider"
            out[name] = out.get(name, 0) + peak_mb(kid)
        return out

    def double_bookings(self) -> dict[str, int]:
        """Slots with two active bookings (the partial unique index forbids it) and citizens with two at once."""
        with sqlite3.connect(self.db) as con:
            slots = con.execute("SELECT COUNT(*) FROM (SELECT slot_id FROM bookings WHERE status = 'active' "
                                "GROUP BY slot_id HAVING COUNT(*) > 1)").fetchone()[0]
            citizens = con.execute("SELECT COUNT(*) FROM (SELECT citizen_id FROM bookings WHERE status = 'active' "
                                   "AND booked_by = 'citizen' GROUP BY citizen_id HAVING COUNT(*) > 1)").fetchone()[0]
            made = con.execute("SELECT COUNT(*) FROM bookings WHERE booked_by = 'citizen'").fetchone()[0]
        return {"double_booked_slots": slots, "citizens_with_two_active": citizens, "bookings_made": made}


def plain_rasa_project(out: Path) -> tuple[Path, Path, Path]:
    """A plain Rasa bot from our config.yml and nlu/data: RulePolicy, one response and one rule per intent."""
    contract = yaml.safe_load((ROOT.parent / "shared/contracts/intents.yml").read_text())["intents"]
    intents: set[str] = set(contract)
    for f in (ROOT / "nlu/data").glob("*.yml"):
        intents |= {item["intent"] for item in yaml.safe_load(f.read_text()).get("nlu") or [] if "intent" in item}
    ours = yaml.safe_load((ROOT / "nlu/domain.yml").read_text())
    names = sorted(intents)
    domain = {"version": "3.1", "intents": names, "entities": ours.get("entities", []),
              "responses": {f"utter_{i}": [{"text": (contract.get(i) or {}).get("means", f"Svar om {i}.")}]
                            for i in [*names, "nlu_fallback"]},
              "session_config": {"session_expiration_time": 60, "carry_over_slots_to_new_session": True}}
    rules = {"version": "3.1", "rules": [{"rule": f"answer {i}", "steps": [{"intent": i}, {"action": f"utter_{i}"}]}
                                         for i in [*names, "nlu_fallback"]]}
    config = yaml.safe_load((ROOT / "config.yml").read_text())
    config["policies"] = [{"name": "RulePolicy"}]
    out.mkdir(parents=True, exist_ok=True)
    paths = out / "domain.yml", out / "rules.yml", out / "config.yml"
    for path, data in zip(paths, (domain, rules, config)):
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    (out / "credentials.yml").write_text("rest:\n")
    return paths


def train_plain_rasa(out: Path) -> tuple[Path, float]:
    """Train the plain bot into out/ (cwd is the repo: config.yml names models/spacy_da relative to it)."""
    domain, rules, config = plain_rasa_project(out)
    started = time.perf_counter()
    with (LOGS / "bench-plainrasa.log").open("ab") as log:
        subprocess.run([str(RASA), "train", "--config", str(config), "--domain", str(domain), "--data",
                        str(ROOT / "nlu/data"), str(rules), "--out", str(out), "--fixed-model-name", "plain"],
                       cwd=ROOT, check=True, stdout=log, stderr=subprocess.STDOUT,
                       env={**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false"})
    return out / "plain.tar.gz", round(time.perf_counter() - started, 1)


@dataclass
class PlainRasa:
    """`rasa run --enable-api` with the plain bot's model and its REST channel."""

    proc: subprocess.Popen
    url: str
    startup_s: float = 0.0

    @classmethod
    async def start(cls, model: Path) -> "PlainRasa":
        port = free_port()
        with (LOGS / "bench-plainrasa.log").open("ab") as log:
            proc = subprocess.Popen([str(RASA), "run", "--enable-api", "-m", str(model), "-i", "127.0.0.1", "-p",
                                     str(port), "--credentials", str(model.parent / "credentials.yml")],
                                    cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    start_new_session=True,
                                    env={**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false"})
        rasa = cls(proc, f"http://127.0.0.1:{port}")
        try:
            # /status answers before the model is loaded; a conversation needs the model
            rasa.startup_s = round(await _wait_model(rasa.url, proc), 1)
        except BaseException:
            stop(proc)
            raise
        return rasa

    def peak_mb(self) -> float:
        return peak_mb(self.proc.pid)


async def _wait_model(url: str, proc: subprocess.Popen, timeout_s: float = 300) -> float:
    started = time.perf_counter()
    async with aiohttp.ClientSession() as http:
        while time.perf_counter() - started < timeout_s:
            if proc.poll() is not None:
                raise RuntimeError(f"plain Rasa exited with {proc.returncode}; see {LOGS / 'bench-plainrasa.log'}")
            try:
                async with http.post(f"{url}/webhooks/rest/webhook", json={"sender": "warm", "message": "hej"},
                                     timeout=aiohttp.ClientTimeout(total=10)) as resp:
                    if resp.status == 200 and await resp.json():
                        return time.perf_counter() - started
            except (aiohttp.ClientError, TimeoutError, ValueError):
                pass
            await asyncio.sleep(0.25)
    raise TimeoutError("plain Rasa not ready")
