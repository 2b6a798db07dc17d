"""`make bench`: NLU training time, model load time, parse latency, REST turn latency, memory (RSS), load.

`python -m tools.bench --only load` runs only the load bench (tools/bench_report.py); --duration sets its
seconds per level.
"""
import argparse
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
from tools import bench_report, bench_stats
from tools.bench_load import Plan

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


def cli() -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__)
    parser.add_argument("--only", choices=("all", "basic", "load"), default="all",
                        help="basic: training, parse, turn, memory and statistics timings; load: the load bench")
    parser.add_argument("--duration", type=float, default=Plan.duration_s, help="load: seconds per level")
    parser.add_argument("--rate", type=float, default=Plan.rate_per_s, help="load: open arrivals, citizens/s")
    args = parser.parse_args()
    res = asyncio.run(main()) if args.only in ("all", "basic") else {}
    if args.only in ("all", "load"):
        load = asyncio.run(bench_report.run_load(Plan(duration_s=args.duration, rate_per_s=args.rate)))
        bench_report.write(load, res)
        print(bench_report.markdown(load))
        q = load["ratios"]
        print(f"throughput / NLU alone at {q['level']}: {q['throughput_vs_nlu']} (goal >= {q['throughput_goal']})")
        print(f"p95 / plain Rasa p95 at {q['level']}: {q['p95_vs_plain_rasa']} (goal < 1)")
    else:
        bench_report.write_basic(res)
    for k, v in res.items():
        print(f"{k:<28}{v:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(cli())
