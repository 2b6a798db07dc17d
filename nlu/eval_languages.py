"""Per-language figures for `make eval`: one model on Danish and English together against one model per language."""
# The English examples are the files under nlu/data/en/; everything else is Danish (the few English phrases the
# Danish files always had stay Danish, so the "da" model is exactly today's model). The folds are stratified by
# language and intent, so each fold tests both languages; the separate models train on their language's part of
# the same training fold and are tested on its part of the same test fold.
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Callable, Dict, List, Sequence, Tuple

import numpy as np
from sklearn.metrics import accuracy_score, classification_report, f1_score

LANGS = ("da", "en")
Folds = Sequence[Tuple[np.ndarray, np.ndarray]]


def languages(data: Any, data_dir: Path) -> List[str]:
    """'en' for each intent example that comes from data_dir/en/, 'da' for the others."""
    from rasa.shared.nlu.training_data.loading import load_data

    if not (data_dir / "en").is_dir():
        return ["da"] * len(data.intent_examples)
    english = {(m.get("text"), m.get("intent")) for m in load_data(str(data_dir / "en")).intent_examples}
    return ["en" if (m.get("text"), m.get("intent")) in english else "da" for m in data.intent_examples]


def scores(y_true: Sequence[str], y_pred: Sequence[str]) -> Dict[str, float]:
    """Accuracy, macro-F1 and the number of test texts."""
    return {"accuracy": round(accuracy_score(y_true, y_pred), 4),
            "macro_f1": round(f1_score(y_true, y_pred, average="macro", zero_division=0), 4), "n": len(y_true)}


def split_by_language(y_true: Sequence[str], y_pred: Sequence[str], test_langs: Sequence[str]) -> Dict[str, Dict]:
    """The scores of one set of cross-validated predictions, per language of the test text."""
    out = {}
    for lang in LANGS:
        keep = [i for i, l in enumerate(test_langs) if l == lang]
        if keep:
            out[lang] = scores([y_true[i] for i in keep], [y_pred[i] for i in keep])
    return out


def report(y_true: Sequence[str], y_pred: Sequence[str], test_langs: Sequence[str], lang: str) -> str:
    """The per-intent report of the test texts in one language."""
    keep = [i for i, l in enumerate(test_langs) if l == lang]
    return classification_report([y_true[i] for i in keep], [y_pred[i] for i in keep], digits=3, zero_division=0)


def separate_models(config: Path, data: Any, folds: Folds, texts: List[str], labels: List[str], langs: List[str],
                    rasa_fold: Callable, baseline: Callable, log: Callable[[str], None]) -> Dict[str, Dict]:
    """One Rasa model (and one baseline) per language, trained and tested on that language's part of each fold."""
    result: Dict[str, Dict] = {}
    for lang in LANGS:
        if lang not in langs:
            continue
        y_true: List[str] = []
        rasa_pred: List[str] = []
        base_pred: List[str] = []
        stats: List[Dict[str, float]] = []
        for k, (train_idx, test_idx) in enumerate(folds):
            train = [int(i) for i in train_idx if langs[i] == lang]
            test = [int(i) for i in test_idx if langs[i] == lang]
            test_x = [texts[i] for i in test]
            with tempfile.TemporaryDirectory() as tmp:
                preds, _, fold_stats = rasa_fold(config, data, train, test_x, Path(tmp))
            rasa_pred += preds
            stats.append(fold_stats)
            base_pred += baseline([texts[i] for i in train], [labels[i] for i in train], test_x)
            y_true += [labels[i] for i in test]
            log(f"  separate {lang}: fold {k + 1}/{len(folds)} done")
        result[lang] = {"rasa": scores(y_true, rasa_pred), "baseline": scores(y_true, base_pred),
                        **mean_stats(stats), "report": classification_report(y_true, rasa_pred, digits=3,
                                                                             zero_division=0)}
    return result


def mean_stats(stats: Sequence[Dict[str, float]]) -> Dict[str, float]:
    """Mean over the folds of training seconds, packed model size and parse time."""
    return {"train_seconds_per_fold": round(float(np.mean([s["train_seconds"] for s in stats])), 1),
            "model_mb": round(float(np.mean([s["model_mb"] for s in stats])), 2),
            "ms_per_parse": round(float(np.mean([s["ms_per_parse"] for s in stats])), 2)}


def markdown(section: Dict[str, Any]) -> str:
    """A short table of the by_language section for reports/languages.md."""
    rows = [("Rasa, one model (da+en)", section["combined"]["config"], section["costs"].get("config", {})),
            ("Rasa, separate models", section["separate"], None),
            ("baseline, one model", section["combined"]["baseline"], {}),
            ("baseline, separate", {lang: section["separate"][lang]["baseline"] for lang in section["separate"]}, {})]
    lines = ["# NLU per language: one model vs one per language (`make eval`, same folds)", "",
             f"Test texts: {', '.join(f'{k} {v}' for k, v in section['n'].items())}. Folds stratified by language and intent.", "",
             "| model | da acc | da macro-F1 | en acc | en macro-F1 | train s/fold | model MB | ms/parse |",
             "|---|---|---|---|---|---|---|---|"]
    for name, by_lang, stats in rows:
        if stats is None:  # separate models: both languages' costs, da + en
            sep = section["separate"]
            by_lang = {lang: sep[lang]["rasa"] for lang in sep}
            stats = {key: " + ".join(str(sep[lang][key]) for lang in sep)
                     for key in ("train_seconds_per_fold", "model_mb", "ms_per_parse")}
        cells = [f"{by_lang[lang]['accuracy']:.3f} | {by_lang[lang]['macro_f1']:.3f}" if lang in by_lang else "- | -"
                 for lang in LANGS]
        costs = [str(stats.get(key, "-")) for key in ("train_seconds_per_fold", "model_mb", "ms_per_parse")]
        lines.append(f"| {name} | {' | '.join(cells)} | {' | '.join(costs)} |")
    lines += ["", "Separate models also need a second Rasa server at run time (about 900 MB more memory).", ""]
    return "\n".join(lines)
