"""Latency plot of the load bench: p50/p95/p99 per level and target (runs in whichever venv has matplotlib)."""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - after choosing the file-only backend

TARGETS = {"assistant": "Jobassistenten (REST)", "nlu_only": "Rasa /model/parse alene", "plain_rasa": "Ren Rasa-bot"}


def main(bench_json: str, png: str) -> None:
    load = json.load(open(bench_json, encoding="utf-8"))["load"]
    levels = [row["level"] for row in load["targets"]["assistant"]]
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))
    width = 0.8 / len(TARGETS)
    for t, (key, title) in enumerate(TARGETS.items()):
        rows = load["targets"].get(key, [])
        xs = [i + (t - 1) * width for i in range(len(rows))]
        axes[0].bar(xs, [r["p95_ms"] for r in rows], width, label=f"{title} p95")
        axes[0].scatter(xs, [r["p50_ms"] for r in rows], color="black", marker="_", s=120, zorder=3)
        axes[0].scatter(xs, [r["p99_ms"] for r in rows], color="black", marker="x", s=20, zorder=3)
        axes[1].bar(xs, [r["replies_per_s"] for r in rows], width, label=title)
    axes[0].set_yscale("log")
    axes[0].set_ylabel("svartid, ms (søjle p95, streg p50, kryds p99)")
    axes[1].set_ylabel("svar pr. sekund")
    for ax in axes:
        ax.set_xticks(range(len(levels)))
        ax.set_xticklabels(levels)
        ax.grid(axis="y", alpha=0.3)
    axes[0].legend(fontsize=8)
    axes[1].legend(fontsize=8)
    fig.suptitle(f"Belastning, {load['duration_s']:g} s pr. niveau ({load.get('when', '')})")
    fig.tight_layout()
    fig.savefig(png, dpi=110)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
