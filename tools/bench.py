"""`make bench`: NLU training time, model load time, parse latency, REST turn latency, memory (RSS)."""
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
import yaml
from aiohttp.test_utils import TestClient, TestServer

from bot.nlu_process import RasaProcess
from bot.settings import ROOT, Settings
from bot.web import build_web_app
from bot.wiring import assemble
from knowledge.retrieval import KnowledgeBase
from nlu.client import RasaNlu
from tools import bench_stats

MESSAGES = [ex for spec in yaml.safe_load((ROOT.parent / "shared/contracts/intents.yml").read_text())["intents"].values()
            for ex in spec["e.g."]]


def rss_mb(pid: int, children: bool = True) -> float:
    """Resident memory of a process (and its children), from /proc."""
    kids = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split() if children else []
    pids = [pid] + [int(p) for p in kids]
    total = 0
    for p in pids:
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def pct(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))]


def train_seconds() -> float:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([str(ROOT / ".venv-rasa/bin/rasa"), "train", "nlu", "--config", "config.yml", "--nlu",
                        "nlu/data", "--out", out, "--fixed-model-name", "bench"], cwd=ROOT, check=True,
                       capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        return time.perf_counter() - start


def knowledge_timings() -> dict:
    """Loading and indexing the knowledge base (goal < 1 s) and one search (goal < 20 ms)."""
    started = time.perf_counter()
    kb = KnowledgeBase.load().warm()
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(50):
        kb.search("jeg kan ikke arbejde fuld tid men vil gerne tjene lidt", "hvidovre")
    return {"kb_load_index_s": round(load_s, 2), "kb_search_ms": round((time.perf_counter() - started) * 20, 1)}


async def main() -> dict:
    results: dict = {"train_s": round(train_seconds(), 1), **knowledge_timings()}
    rasa = RasaProcess(ROOT, ROOT / "models/nlu.tar.gz")
    started = time.perf_counter()
    url = await rasa.start()
    try:
        async with aiohttp.ClientSession() as http:
            nlu = RasaNlu(url, http, 10)
            while not await nlu.ready():
                await asyncio.sleep(0.2)
            results["model_load_s"] = round(time.perf_counter() - started, 1)
            lat = []
            for i in range(200):
                t0 = time.perf_counter()
                await nlu.parse(MESSAGES[i % len(MESSAGES)])
                lat.append((time.perf_counter() - t0) * 1000)
            results["parse_ms_p50"], results["parse_ms_p95"] = round(pct(lat, .5), 1), round(pct(lat, .95), 1)
        results["rasa_rss_mb"] = round(rss_mb(rasa._proc.pid), 0)  # type: ignore[union-attr]
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings(_env_file=None, database_url=f"sqlite:///{tmp}/bench.db", nlu_url=url)
            async with assemble(settings) as a:
                app = build_web_app(a.engine, a.outbox, a.services.files, a.renderer, a.services.catalog, a.healthy)
                async with TestClient(TestServer(app)) as client:
                    lat = []
                    for i in range(200):
                        t0 = time.perf_counter()
                        resp = await client.post("/webhooks/rest/webhook",
                                                 json={"sender": f"b{i % 20}", "message": MESSAGES[i % len(MESSAGES)]})
                        await resp.read()
                        lat.append((time.perf_counter() - t0) * 1000)
            results["turn_ms_p50"], results["turn_ms_p95"] = round(pct(lat, .5), 1), round(pct(lat, .95), 1)
        results["app_rss_mb"] = round(rss_mb(os.getpid(), children=False), 0)  # Rasa is counted above
    finally:
        await rasa.stop()
    results["turn_ms_mean"] = round(statistics.mean(lat), 1)
    # Staff statistics: every figure query over ~1 million generated events on PostgreSQL (seconds).
    results.update({f"stats_{k}": v for k, v in (await bench_stats.run(1_000_000)).items()})
    return results


if __name__ == "__main__":
    res = asyncio.run(main())
    (ROOT / "reports").mkdir(exist_ok=True)
    (ROOT / "reports/bench.json").write_text(json.dumps(res, indent=2))
    for k, v in res.items():
        print(f"{k:<28}{v:>10}")
    sys.exit(0)
