"""The TF-IDF + logistic regression pipeline of the custom intent classifier (the eval baseline is its own)."""
from typing import Any, Dict, Sequence

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from nlu.components.fold import fold

LEMMA_MARK = " || "


def _lower(text: str) -> str:
    return " ".join(text.lower().split())


def lemma_text(text: str, lemmas: Sequence[str], fold_chars: bool = True) -> str:
    """One document: the text, " || ", its lemmas; build_model's vectorizers split it at the mark again.

    Both parts are folded (lowercase, æ/ø/å/é to ae/oe/aa/e, whitespace collapsed); fold_chars=False only
    lowercases and collapses whitespace (the ablation of the folding).
    """
    norm = fold if fold_chars else _lower
    return norm(text) + LEMMA_MARK + norm(" ".join(lemmas))


def _raw(doc: str) -> str:
    return doc.split(LEMMA_MARK)[0]


def _lemmas(doc: str) -> str:
    parts = doc.split(LEMMA_MARK)
    return parts[1] if len(parts) > 1 and parts[1] else parts[0]


def build_model(config: Dict[str, Any]) -> Pipeline:
    """TF-IDF over lemma_text documents into a class-balanced logistic regression (C, random_seed from config).

    Char n-grams (char_wb, char_ngram_min..char_ngram_max) of the text part, and word n-grams
    (1..word_ngram_max, one-letter words included) of the lemma part, or of the text part when a document
    has no lemmas; use_lemmas=False always uses the text part (the lemma ablation). Both TF-IDFs use
    sublinear term frequency.
    """
    chars = TfidfVectorizer(analyzer="char_wb",
                            ngram_range=(config.get("char_ngram_min", 1), config.get("char_ngram_max", 5)),
                            preprocessor=_raw, sublinear_tf=True, min_df=1)
    words = TfidfVectorizer(analyzer="word", ngram_range=(1, config.get("word_ngram_max", 2)),
                            preprocessor=_lemmas if config.get("use_lemmas", True) else _raw,
                            token_pattern=r"(?u)\b\w+\b", sublinear_tf=True)
    return Pipeline([
        ("features", FeatureUnion([("chars", chars), ("words", words)])),
        ("clf", LogisticRegression(C=config.get("C", 20.0), max_iter=3000, class_weight="balanced",
                                   random_state=config.get("random_seed", 42))),
    ])
