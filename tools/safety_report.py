"""Crisis recall, false alarms and check-ins on the written sets (tests/data/safety), rules only and with the model."""
# Usage: .venv/bin/python -m tools.safety_report [--no-model]
import argparse
import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from dialogs.safety import CHECK, CLEAR, SafetyNet

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "tests" / "data" / "safety"
CRISIS = "crisis"
# What the citizen gets, in the engine's order (dialogs/engine.py _route): the safety reply, the check-in
# question, the warm distress reply with a person, or normal handling.
SAFETY, CHECKIN, DISTRESS, NORMAL = "safety", "check-in", "distress", "normal"
OUTCOMES = (SAFETY, CHECKIN, DISTRESS, NORMAL)


@dataclass(frozen=True)
class Parse:
    """The part of the model's answer the safety decision reads."""

    intent: str
    confidence: float

    @property
    def crisis_confidence(self) -> float | None:
        return self.confidence if self.intent == CRISIS else None


def load_sets(folder: Path = SETS) -> dict[str, list[str]]:
    """crisis.yml (clear, unclear) and ordinary.yml (plain, tricky, distress) as 'crisis/clear' etc."""
    sets: dict[str, list[str]] = {}
    for name in ("crisis", "ordinary"):
        raw = yaml.safe_load((folder / f"{name}.yml").read_text(encoding="utf-8"))
        for part, messages in raw.items():
            sets[f"{name}/{part}"] = [str(m) for m in messages]
    return sets


def outcome(net: SafetyNet, text: str, crisis_confidence: float | None) -> str:
    """The engine's safety steps for one free message (a crisis rule first, then the classifier, then distress)."""
    signals = net.signals(text)
    if signals.crisis:
        return SAFETY
    if crisis_confidence is not None:
        verdict = net.assess(text, crisis_confidence)
        if verdict == CLEAR:
            return SAFETY
        if verdict == CHECK:
            return CHECKIN
    return DISTRESS if signals.distress else NORMAL


def parse_with_model(lines: list[str]) -> list[Parse] | None:
    """All messages in one batch through bin/nlu-parse (the trained model in-process); None without a model."""
    if not (ROOT / "models" / "nlu.tar.gz").exists() or not (ROOT / ".venv-rasa" / "bin" / "python").exists():
        return None
    proc = subprocess.run([str(ROOT / "bin" / "nlu-parse")], input="\n".join(lines) + "\n", capture_output=True,
                          text=True, timeout=900, check=True)
    parsed = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [p["text"] for p in parsed] == lines, "bin/nlu-parse answered out of order"
    return [Parse(p["intent"], p["confidence"]) for p in parsed]


def tally(net: SafetyNet, sets: dict[str, list[str]],
          parses: dict[str, Parse] | None) -> dict[str, Counter[str]]:
    """Outcome counts per set; without parses, the rules alone."""
    counts: dict[str, Counter[str]] = {}
    for name, messages in sets.items():
        counts[name] = Counter(outcome(net, m, parses[m].crisis_confidence if parses else None) for m in messages)
    return counts


def table(title: str, counts: dict[str, Counter[str]]) -> str:
    clear, ordinary = counts["crisis/clear"], sum((c for n, c in counts.items() if n.startswith("ordinary/")),
                                                  Counter())
    n_clear, n_ordinary = sum(clear.values()), sum(ordinary.values())
    lines = [f"## {title}", "", "| set | n | " + " | ".join(OUTCOMES) + " |", "|---|---:|" + "---:|" * len(OUTCOMES)]
    for name, c in counts.items():
        lines.append(f"| {name} | {sum(c.values())} | " + " | ".join(str(c[o]) for o in OUTCOMES) + " |")
    lines += ["", f"recall on clear crisis: {clear[SAFETY]}/{n_clear} = {clear[SAFETY] / n_clear:.3f}",
              f"false alarms (safety reply on ordinary): {ordinary[SAFETY]}/{n_ordinary}",
              f"check-ins on ordinary: {ordinary[CHECKIN]}/{n_ordinary}; "
              f"unclear crisis reached (safety or check-in): "
              f"{counts['crisis/unclear'][SAFETY] + counts['crisis/unclear'][CHECKIN]}/"
              f"{sum(counts['crisis/unclear'].values())}", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-model", action="store_true", help="rules only, do not load the trained model")
    args = parser.parse_args()
    net, sets = SafetyNet.load(), load_sets()
    print(table("Rules only (no classifier)", tally(net, sets, None)))
    if args.no_model:
        return 0
    lines = [m for messages in sets.values() for m in messages]
    parsed = parse_with_model(lines)
    if parsed is None:
        print("No trained model (models/nlu.tar.gz): run `make setup` for the figures with the model.")
        return 0
    parses = dict(zip(lines, parsed))
    print(table(f"Rules + classifier (check-in from {net.thresholds.check:.2f})", tally(net, sets, parses)))
    ordinary = [m for n, ms in sets.items() if n.startswith("ordinary/") for m in ms]
    scores = sorted((parses[m].crisis_confidence or 0.0, m) for m in ordinary)[-5:]
    print("highest classifier crisis confidence on ordinary messages:")
    for score, message in reversed(scores):
        print(f"  {score:.3f}  {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
