"""5-fold cross-validation: config.yml and each candidate in nlu/pipelines/, plus a plain baseline, on the same folds."""
# Run with the Rasa environment: `make eval`. Writes reports/ (per-intent report, confusion matrix PNG, errors,
# cv_summary.json) and, for `config`, a table of what the FallbackClassifier would flag at a few thresholds, and
# (nlu/eval_languages.py) Danish and English figures of one model on both against one model per language.
from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Sequence, Tuple

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, confusion_matrix, f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import FeatureUnion, Pipeline

from nlu import eval_languages

ROOT = Path(__file__).resolve().parent.parent
FALLBACK_THRESHOLDS = (0.3, 0.4, 0.5)
AMBIGUITY_THRESHOLD = 0.05


def baseline(train_x: List[str], train_y: List[str], test_x: List[str]) -> List[str]:
    """The issue's simple baseline: TF-IDF char + word n-grams on raw text, logistic regression."""
    model = Pipeline([
        ("f", FeatureUnion([("c", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4))),
                            ("w", TfidfVectorizer(analyzer="word", ngram_range=(1, 2)))])),
        ("lr", LogisticRegression(max_iter=2000)),
    ])
    model.fit(train_x, train_y)
    return list(model.predict(test_x))


def rasa_fold(config: Path, full_data, train_idx: Sequence[int], test_x: List[str],
              workdir: Path) -> Tuple[List[str], List[Dict[str, Any]], Dict[str, float]]:
    """Train a Rasa NLU model on the fold and parse the test texts with it.

    Returns the best real intent per text, its parse details (top-two confidences of the real intents,
    whether the FallbackClassifier flagged it) and costs: training seconds, packed model MB, ms per parse.
    """
    from rasa.core.agent import Agent
    from rasa.model_training import train_nlu
    from rasa.shared.nlu.training_data.training_data import TrainingData

    examples = full_data.intent_examples
    fold = TrainingData(training_examples=[examples[i] for i in train_idx],
                        entity_synonyms=full_data.entity_synonyms, regex_features=full_data.regex_features,
                        lookup_tables=full_data.lookup_tables)
    data_file = workdir / "train.yml"
    data_file.write_text(fold.nlu_as_yaml(), encoding="utf-8")
    started = time.perf_counter()
    model = train_nlu(str(config), str(data_file), str(workdir), fixed_model_name="fold")
    train_seconds = time.perf_counter() - started
    model_mb = Path(model).stat().st_size / 1e6
    agent = Agent.load(model)

    async def parse_all() -> Tuple[List[str], List[Dict[str, Any]]]:
        preds, details = [], []
        for text in test_x:
            result = await agent.parse_message(text)
            ranking = [r for r in result.get("intent_ranking", []) if r["name"] != "nlu_fallback"]
            preds.append(ranking[0]["name"] if ranking else result["intent"]["name"])
            confs = [float(r["confidence"]) for r in ranking[:2]] + [0.0, 0.0]
            details.append({"top": confs[0], "second": confs[1],
                            "fallback": result["intent"]["name"] == "nlu_fallback"})
        return preds, details
    started = time.perf_counter()
    preds, details = asyncio.run(parse_all())
    ms_per_parse = 1000 * (time.perf_counter() - started) / max(1, len(test_x))
    return preds, details, {"train_seconds": train_seconds, "model_mb": model_mb, "ms_per_parse": ms_per_parse}


def fallback_table(correct: Sequence[bool], details: Sequence[Dict[str, Any]]) -> List[Dict[str, float]]:
    """Share of correct / misclassified test texts the FallbackClassifier would flag, per threshold.

    Same rule as Rasa's FallbackClassifier: flag when the top confidence < threshold or the top two
    are closer than the ambiguity threshold.
    """
    rows = []
    n_ok = max(1, sum(correct))
    n_err = max(1, len(correct) - sum(correct))
    for threshold in FALLBACK_THRESHOLDS:
        flagged = [d["top"] < threshold or d["top"] - d["second"] < AMBIGUITY_THRESHOLD for d in details]
        ok_flagged = sum(f and c for f, c in zip(flagged, correct))
        err_flagged = sum(f and not c for f, c in zip(flagged, correct))
        kept = [c for f, c in zip(flagged, correct) if not f]
        rows.append({"threshold": threshold, "ambiguity_threshold": AMBIGUITY_THRESHOLD,
                     "correct_flagged": round(ok_flagged / n_ok, 4), "errors_flagged": round(err_flagged / n_err, 4),
                     "all_flagged": round(sum(flagged) / len(flagged), 4),
                     "accuracy_not_flagged": round(sum(kept) / max(1, len(kept)), 4)})
    return rows


def plot_confusion(y_true: List[str], y_pred: List[str], labels: List[str], path: Path, title: str) -> None:
    """Write a confusion-matrix PNG."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cm = confusion_matrix(y_true, y_pred, labels=labels)
    fig, ax = plt.subplots(figsize=(12, 11))
    ax.imshow(cm, cmap="Blues")
    ax.set_xticks(range(len(labels)), labels, rotation=90, fontsize=8)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    for i in range(len(labels)):
        for j in range(len(labels)):
            if cm[i, j]:
                ax.text(j, i, cm[i, j], ha="center", va="center", fontsize=6,
                        color="white" if cm[i, j] > cm.max() / 2 else "black")
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "reports")
    parser.add_argument("--only", nargs="*", help="names of candidates to run (config, baseline, diet, ...)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    from rasa.shared.nlu.training_data.loading import load_data
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # no debug line per parsed message

    data = load_data(str(ROOT / "nlu" / "data"))
    texts = [m.get("text") for m in data.intent_examples]
    labels = [m.get("intent") for m in data.intent_examples]
    intents = sorted(set(labels))
    langs = eval_languages.languages(data, ROOT / "nlu" / "data")
    print(f"{len(texts)} examples ({langs.count('en')} English), {len(intents)} intents, {args.folds} folds",
          file=sys.stderr)

    candidates: Dict[str, Path | None] = {"baseline": None, "config": ROOT / "config.yml"}
    for extra in sorted((ROOT / "nlu" / "pipelines").glob("*.yml")):
        candidates[extra.stem] = extra
    if args.only:
        candidates = {k: v for k, v in candidates.items() if k in args.only}

    strata = [f"{lang}:{label}" for lang, label in zip(langs, labels)]  # every fold tests both languages
    folds = list(StratifiedKFold(args.folds, shuffle=True, random_state=42).split(texts, strata))
    test_langs = [langs[i] for i in np.concatenate([f[1] for f in folds])]
    by_language: Dict[str, Any] = {"n": {lang: langs.count(lang) for lang in eval_languages.LANGS},
                                   "combined": {}, "costs": {}}
    args.out.mkdir(parents=True, exist_ok=True)
    summary = {}
    fallback: Dict[str, List[Dict[str, float]]] = {}
    for name, config in candidates.items():
        y_true: List[str] = []
        y_pred: List[str] = []
        details: List[Dict[str, Any]] = []
        train_seconds: List[float] = []
        fold_stats: List[Dict[str, float]] = []
        started = time.perf_counter()
        for k, (train_idx, test_idx) in enumerate(folds):
            tx, ty = [texts[i] for i in train_idx], [labels[i] for i in train_idx]
            vx = [texts[i] for i in test_idx]
            if config is None:
                fold_started = time.perf_counter()
                y_pred += baseline(tx, ty, vx)
                train_seconds.append(time.perf_counter() - fold_started)  # fit + predict, both tiny
            else:
                with tempfile.TemporaryDirectory() as tmp:
                    preds, fold_details, stats = rasa_fold(config, data, train_idx, vx, Path(tmp))
                y_pred += preds
                details += fold_details
                fold_stats.append(stats)
                train_seconds.append(stats["train_seconds"])
            y_true += [labels[i] for i in test_idx]
            print(f"  {name}: fold {k + 1}/{args.folds} done", file=sys.stderr)
        seconds = time.perf_counter() - started
        summary[name] = {"accuracy": round(accuracy_score(y_true, y_pred), 4),
                         "macro_f1": round(f1_score(y_true, y_pred, average="macro"), 4),
                         "train_seconds_per_fold": round(float(np.mean(train_seconds)), 1),
                         "seconds_all_folds": round(seconds, 1)}
        if details:
            fallback[name] = fallback_table([t == p for t, p in zip(y_true, y_pred)], details)
            summary[name]["fallback"] = fallback[name]
            summary[name]["flagged_by_configured_fallback"] = round(
                sum(d["fallback"] for d in details) / len(details), 4)
        (args.out / f"intent_report_{name}.txt").write_text(
            classification_report(y_true, y_pred, digits=3, zero_division=0), encoding="utf-8")
        plot_confusion(y_true, y_pred, intents, args.out / f"confusion_{name}.png",
                       f"{name}: acc {summary[name]['accuracy']:.3f}, macro-F1 {summary[name]['macro_f1']:.3f}")
        by_language["combined"][name] = eval_languages.split_by_language(y_true, y_pred, test_langs)
        if fold_stats:
            by_language["costs"][name] = eval_languages.mean_stats(fold_stats)
        if name == "config":
            (args.out / "intent_report_config_en.txt").write_text(
                eval_languages.report(y_true, y_pred, test_langs, "en"), encoding="utf-8")
        errors = [{"text": texts[i], "true": t, "pred": p, "lang": langs[i]}
                  for i, t, p in zip(np.concatenate([f[1] for f in folds]), y_true, y_pred) if t != p]
        (args.out / f"errors_{name}.json").write_text(json.dumps(errors, ensure_ascii=False, indent=1), encoding="utf-8")
    if "config" in candidates and "en" in langs:
        separate = eval_languages.separate_models(candidates["config"], data, folds, texts, labels, langs,
                                                  rasa_fold, baseline, lambda line: print(line, file=sys.stderr))
        for lang, result in separate.items():
            (args.out / f"intent_report_config_{lang}_separate.txt").write_text(result.pop("report"), encoding="utf-8")
        by_language["separate"] = separate
        summary["by_language"] = by_language
        (args.out / "languages.md").write_text(eval_languages.markdown(by_language), encoding="utf-8")
    (args.out / "cv_summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"\n{'pipeline':<16}{'accuracy':>10}{'macro-F1':>10}{'train s/fold':>14}{'s all folds':>13}")
    for name, s in summary.items():
        if name == "by_language":
            continue
        print(f"{name:<16}{s['accuracy']:>10.3f}{s['macro_f1']:>10.3f}"
              f"{s['train_seconds_per_fold']:>14.1f}{s['seconds_all_folds']:>13.1f}")
    if "config" in fallback:
        print(f"\nFallbackClassifier on config (ambiguity_threshold {AMBIGUITY_THRESHOLD}; "
              f"configured one flagged {summary['config']['flagged_by_configured_fallback']:.1%} of all):")
        print(f"{'threshold':>10}{'correct flagged':>17}{'errors flagged':>16}{'all flagged':>13}{'acc unflagged':>15}")
        for row in fallback["config"]:
            print(f"{row['threshold']:>10.2f}{row['correct_flagged']:>17.1%}{row['errors_flagged']:>16.1%}"
                  f"{row['all_flagged']:>13.1%}{row['accuracy_not_flagged']:>15.1%}")
    if "by_language" in summary:
        print("\n" + (args.out / "languages.md").read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
