"""Runs the load bench (three targets, one run) and writes reports/bench.json's "load", bench.md and the plot."""
import asyncio
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

from bot.settings import ROOT
from i18n import Catalog
from tools.bench_load import Assistant, NluOnly, Plan, PlainRasa, run_levels
from tools.bench_procs import PlainRasa as PlainRasaProc
from tools.bench_procs import Served, stop, train_plain_rasa

REPORTS = ROOT / "reports"
GOAL_THROUGHPUT = 0.85  # our replies/s over the NLU's parses/s at the highest N (issue 11)


async def run_load(plan: Plan, log: Callable[[str], None] = print) -> dict[str, Any]:
    """bin/serve and its Rasa, then the plain Rasa bot; the same levels against each; processes in turn."""
    out: dict[str, Any] = {"when": time.strftime("%Y-%m-%d %H:%M"), "duration_s": plan.duration_s,
                           "clients": list(plan.clients), "open_rate_per_s": plan.rate_per_s,
                           "open_think_s": plan.think_s, "targets": {}}
    apology = Catalog.load().get(None).get("error")
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        log("load: starting bin/serve (app + Rasa) on a fresh database ...")
        served = await Served.start(Path(tmp))
        try:
            out["startup_s"] = {"app_with_rasa": served.startup_s}
            out["targets"]["assistant"] = await run_levels(Assistant(served.url, apology), plan, log)
            out["targets"]["nlu_only"] = await run_levels(NluOnly(served.nlu_url), plan, log)
            out["peak_rss_mb"] = served.peaks_mb()
        finally:
            stop(served.proc)
        out["bookings"] = served.double_bookings()
        log("load: training the plain Rasa bot (same config.yml and nlu/data, RulePolicy) ...")
        model, out["plain_rasa_train_s"] = train_plain_rasa(Path(tmp) / "plainrasa")
        plain = await PlainRasaProc.start(model)
        try:
            out["startup_s"]["plain_rasa"] = plain.startup_s
            out["targets"]["plain_rasa"] = await run_levels(PlainRasa(plain.url), plan, log)
            out["peak_rss_mb"]["plain_rasa"] = plain.peak_mb()
        finally:
            stop(plain.proc)
    out["ratios"] = ratios(out["targets"])
    return out


def ratios(targets: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The issue's two goals, at the highest closed-loop N: throughput vs the NLU alone, p95 vs plain Rasa."""
    top = [r for r in targets["assistant"] if r["level"].startswith("closed")][-1]["level"]
    row = {name: next(r for r in rows if r["level"] == top) for name, rows in targets.items()}
    thr = row["assistant"]["replies_per_s"] / max(row["nlu_only"]["replies_per_s"], 1e-9)
    p95 = row["assistant"]["p95_ms"] / max(row["plain_rasa"]["p95_ms"], 1e-9)
    return {"level": top, "throughput_vs_nlu": round(thr, 2), "throughput_goal": GOAL_THROUGHPUT,
            "throughput_ok": thr >= GOAL_THROUGHPUT, "p95_vs_plain_rasa": round(p95, 2), "p95_ok": p95 < 1.0}


def markdown(load: dict[str, Any]) -> str:
    """reports/bench.md: one table for all targets and levels, then the goals, memory and bookings."""
    lines = [f"# Load bench ({load['when']})", "",
             f"{load['duration_s']:g} s per level; closed loop = N citizens with no pause; open = "
             f"{load['open_rate_per_s']:g} new citizens/s, {load['open_think_s']:g} s mean think time. "
             "Scripts: questions, and book → list → move → cancel (tools/bench_load.py).", "",
             "| target | level | replies/s | p50 ms | p95 ms | p99 ms | errors | scripts | misses |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, rows in load["targets"].items():
        for r in rows:
            lines.append(f"| {name} | {r['level']} | {r['replies_per_s']} | {r['p50_ms']} | {r['p95_ms']} | "
                         f"{r['p99_ms']} | {r['errors']} | {r['scripts_done']} | {r['script_misses']} |")
    q = load["ratios"]
    lines += ["", f"Goals at {q['level']}: throughput / NLU alone = **{q['throughput_vs_nlu']}** "
              f"(goal ≥ {q['throughput_goal']}: {'met' if q['throughput_ok'] else 'not met'}); "
              f"p95 / plain Rasa p95 = **{q['p95_vs_plain_rasa']}** "
              f"(goal < 1: {'met' if q['p95_ok'] else 'not met'}).", "",
              "Peak RSS (MB): " + ", ".join(f"{k} {v:g}" for k, v in load["peak_rss_mb"].items()) + ".  ",
              "Start-up to ready (s): " + ", ".join(f"{k} {v:g}" for k, v in load["startup_s"].items()) +
              f"; plain Rasa training {load['plain_rasa_train_s']:g} s.  ",
              "Bookings: " + ", ".join(f"{k} {v}" for k, v in load["bookings"].items()) + ".", ""]
    return "\n".join(lines)


def plot(bench_json: Path, png: Path) -> str:
    """The PNG via matplotlib: this interpreter's if it has one, else the Rasa environment's."""
    python = sys.executable if importlib.util.find_spec("matplotlib") else str(ROOT / ".venv-rasa/bin/python")
    done = subprocess.run([python, str(ROOT / "tools/bench_plot.py"), str(bench_json), str(png)],
                          capture_output=True, text=True)
    if done.returncode:
        return "no plot: " + (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
    return str(png.relative_to(ROOT))


def write_basic(results: dict[str, Any]) -> None:
    """Merge results into reports/bench.json, keeping the keys other parts wrote."""
    REPORTS.mkdir(exist_ok=True)
    path = REPORTS / "bench.json"
    path.write_text(json.dumps({**(json.loads(path.read_text()) if path.exists() else {}), **results}, indent=2,
                               ensure_ascii=False))


def write(load: dict[str, Any], results: dict[str, Any]) -> None:
    """Merge into reports/bench.json (other keys kept), then the plot and bench.md."""
    REPORTS.mkdir(exist_ok=True)
    path = REPORTS / "bench.json"
    merged = {**(json.loads(path.read_text()) if path.exists() else {}), **results, "load": load}
    path.write_text(json.dumps(merged, indent=2, ensure_ascii=False))
    load["plot"] = plot(path, REPORTS / "bench_latency.png")
    path.write_text(json.dumps(merged, indent=2, ensure_ascii=False))
    (REPORTS / "bench.md").write_text(markdown(load) + f"\nPlot: {load['plot']}\n")


if __name__ == "__main__":
    print(markdown(asyncio.run(run_load(Plan(duration_s=5.0)))))
