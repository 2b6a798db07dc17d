"""The TF-IDF + logistic regression model, shared by the Rasa component and the eval baseline."""
from typing import Any, Dict, Sequence

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from nlu.components.fold import fold

LEMMA_MARK = " || "


def _lower(text: str) -> str:
    return " ".join(text.lower().split())


def lemma_text(text: str, lemmas: Sequence[str], fold_chars: bool = True) -> str:
    """Join the raw text and its lemmas; the vectorizers split them again.

    fold_chars=False keeps æ/ø/å (only lowercases): the ablation of the folding.
    """
    norm = fold if fold_chars else _lower
    return norm(text) + LEMMA_MARK + norm(" ".join(lemmas))


def _raw(doc: str) -> str:
    return doc.split(LEMMA_MARK)[0]


def _lemmas(doc: str) -> str:
    parts = doc.split(LEMMA_MARK)
    return parts[1] if len(parts) > 1 and parts[1] else parts[0]


def build_model(config: Dict[str, Any]) -> Pipeline:
    """Char n-grams on the folded text (typos, missing æøå) + word n-grams on lemmas.

    use_lemmas=False feeds the word n-grams the raw (folded) text instead: the lemma ablation.
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
