"""Measure language detection variants on tests/data/language_detection.yml: accuracy and confusion.

    .venv/bin/python -m tools.lang_eval              # the table over `rows` (the development set)
    .venv/bin/python -m tools.lang_eval --misses     # also list the rules' misses on `rows`
    .venv/bin/python -m tools.lang_eval --holdout    # the table over `holdout` (not tuned on: run rarely)
    .venv/bin/python -m tools.lang_eval --external   # texts others wrote: NLU examples, blind knowledge questions

Columns: acc = right language / labelled rows (None counts as wrong); none = abstained on a labelled
row; da>en and en>da = wrong language; ask(da) / ask(unk) = Danish / unknown rows that would get
"Continue in English?" (must be 0); ask(en) = English rows that would get it.
py3langid variants run only where py3langid is installed (it is not in requirements/app.lock).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services.language import ASK_THRESHOLD, LanguageGuess, detect  # noqa: E402

TABLE = Path(__file__).resolve().parent.parent / "tests" / "data" / "language_detection.yml"
SHORT_WORDS = 3  # a message of at most this many words counts as short
LANGID_MIN_PROB = 0.9  # py3langid variants: below this probability the guess is None
COMBO_MIN_WORDS = 4  # combination: py3langid only where the rules abstain on at least this many words

ROOT = TABLE.parents[2]
# Texts written by other people for other purposes: a check the word lists were not tuned on. The Danish
# NLU files hold some English on purpose ("hi", "hello"), so their en counts are read by eye (--external -v).
EXTERNAL = {
    "da": ["nlu/data/contact.yml", "nlu/data/meetings_cv_handoff.yml", "nlu/data/smalltalk.yml",
           "nlu/data/topics.yml", "tests/data/knowledge_blind.yml", "tests/data/knowledge_blind_2.yml"],
    "en": ["nlu/data/en/idioms.yml", "nlu/data/en/meetings.yml", "nlu/data/en/people_data.yml",
           "nlu/data/en/smalltalk.yml", "nlu/data/en/topics.yml"],
}
ANNOTATION = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\{[^}]*\}")  # Rasa '[text](entity)' -> 'text'

Detector = Callable[[str], LanguageGuess]


def load(section: str) -> list[dict[str, Any]]:
    """Rows of one section of the table."""
    rows: list[dict[str, Any]] = yaml.safe_load(TABLE.read_text(encoding="utf-8"))[section]
    return rows


def is_short(text: str) -> bool:
    """At most SHORT_WORDS whitespace-separated words."""
    return len(text.split()) <= SHORT_WORDS


def asks(guess: LanguageGuess) -> bool:
    """Whether the engine would ask "Continue in English?"."""
    return guess.lang == "en" and guess.confidence >= ASK_THRESHOLD


def langid_detectors() -> tuple[dict[str, Detector], str]:
    """py3langid variants (raw, thresholded, after the rules), with load time and memory; empty without it."""
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        return {}, "py3langid not installed: its variants skipped"
    tracemalloc.start()
    started = time.perf_counter()
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(["da", "en"])
    load_s = time.perf_counter() - started
    memory = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()

    def raw(text: str) -> LanguageGuess:
        lang, prob = identifier.classify(text)
        return LanguageGuess(lang, prob, "py3langid")

    def thresholded(text: str) -> LanguageGuess:
        guess = raw(text)
        return guess if guess.confidence >= LANGID_MIN_PROB else LanguageGuess(None, 0.0, "py3langid unsure")

    def combined(text: str) -> LanguageGuess:
        guess = detect(text)
        if guess.lang is None and len(text.split()) >= COMBO_MIN_WORDS:
            return thresholded(text)
        return guess

    started = time.perf_counter()
    for _ in range(200):
        identifier.classify("I need to book samtale with my caseworker on Tuesday")
    per_call_ms = (time.perf_counter() - started) / 200 * 1000
    note = f"py3langid: load {load_s:.2f} s, peak {memory:.0f} MiB traced while loading, {per_call_ms:.2f} ms/call"
    return {
        f"b py3langid da/en, ask at p>={ASK_THRESHOLD}": raw,
        f"b' py3langid da/en, None below p {LANGID_MIN_PROB}": thresholded,
        f"c rules, py3langid when rules abstain (>= {COMBO_MIN_WORDS} words)": combined,
    }, note


def score(rows: list[dict[str, Any]], detector: Detector) -> dict[str, int]:
    """Counts for one detector over rows."""
    counts = dict.fromkeys(["n", "ok", "none", "da>en", "en>da", "ask_da", "ask_en", "unk", "ask_unk"], 0)
    for row in rows:
        guess, label = detector(row["text"]), row["lang"]
        if label == "unknown":
            counts["unk"] += 1
            counts["ask_unk"] += asks(guess)
            continue
        counts["n"] += 1
        counts["ok"] += guess.lang == label
        counts["none"] += guess.lang is None
        counts["da>en"] += label == "da" and guess.lang == "en"
        counts["en>da"] += label == "en" and guess.lang == "da"
        counts["ask_da"] += label == "da" and asks(guess)
        counts["ask_en"] += label == "en" and asks(guess)
    return counts


def table(rows: list[dict[str, Any]], detectors: dict[str, Detector]) -> None:
    """Print one line per detector and subset."""
    subsets = {
        "all": rows,
        "short": [r for r in rows if is_short(r["text"])],
        "long": [r for r in rows if not is_short(r["text"])],
    }
    print(f"{'variant':60} {'set':5} {'n':>4} {'acc':>6} {'none':>5} {'da>en':>5} {'en>da':>5} "
          f"{'ask(da)':>7} {'ask(en)':>9} {'ask(unk)':>9}")
    for name, detector in detectors.items():
        for subset, subset_rows in subsets.items():
            c = score(subset_rows, detector)
            n_en = sum(r["lang"] == "en" for r in subset_rows)
            print(f"{name:60} {subset:5} {c['n']:4} {c['ok'] / max(c['n'], 1):6.3f} {c['none']:5} {c['da>en']:5} "
                  f"{c['en>da']:5} {c['ask_da']:7} {c['ask_en']:4}/{n_en:<4} {c['ask_unk']:4}/{c['unk']:<4}")


def external_texts(path: Path) -> list[str]:
    """Rasa intent examples (annotations stripped) or the `q` of a knowledge question set."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(data, list):
        return [str(item["q"]) for item in data]
    texts = []
    for block in data.get("nlu", []):
        if "intent" in block:
            for line in block["examples"].splitlines():
                text = ANNOTATION.sub(lambda m: m.group(1) or m.group(2), line.strip().removeprefix("- "))
                texts.append(text)
    return [t for t in texts if t]


def external(verbose: bool) -> None:
    """Per file and detector: how many texts come out da / en / None, and how many would ask."""
    detectors: dict[str, Detector] = {"rules": detect}
    for name, detector in langid_detectors()[0].items():
        detectors[name.split()[0]] = detector
    for lang, paths in EXTERNAL.items():
        for rel in paths:
            path = ROOT / rel
            if not path.exists():
                print(f"{rel}: missing")
                continue
            texts = external_texts(path)
            for name, detector in detectors.items():
                found = [detector(t) for t in texts]
                counts = {k: sum(g.lang == k for g in found) for k in ("da", "en", None)}
                print(f"{lang} {rel:40} {name:6} n={len(texts):4}  da={counts['da']:4}  en={counts['en']:4}  "
                      f"None={counts[None]:4}  ask={sum(asks(g) for g in found):4}")
            guesses = [(t, detect(t)) for t in texts]
            wrong = "en" if lang == "da" else "da"
            for text, guess in guesses:
                if verbose and (guess.lang == wrong or (lang == "en" and guess.lang is None)):
                    print(f"    -> {guess.lang!s:4} {guess.confidence:.2f} {text!r} [{guess.reason}]")


def main() -> None:
    """Print the table, and the rules' misses when asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--holdout", action="store_true", help="score the holdout section instead of rows")
    parser.add_argument("--misses", action="store_true", help="list the rules' misses")
    parser.add_argument("--external", action="store_true", help="texts others wrote (NLU examples, blind sets)")
    parser.add_argument("-v", "--verbose", action="store_true", help="with --external: list the wrong ones")
    args = parser.parse_args()
    if args.external:
        external(args.verbose)
        return
    rows = load("holdout" if args.holdout else "rows")
    extra, note = langid_detectors()
    table(rows, {"a rules (services.language.detect)": detect, **extra})
    print(note)
    if args.misses:
        for row in rows:
            guess = detect(row["text"])
            wanted = None if row["lang"] == "unknown" else row["lang"]
            if guess.lang != wanted:
                label, text = row["lang"], row["text"]
                print(f"  {label:7} -> {guess.lang!s:4} {guess.confidence:.2f}  {text!r}  [{guess.reason}]")


if __name__ == "__main__":
    main()
