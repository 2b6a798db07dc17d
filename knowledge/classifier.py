"""A learned ranker over the entries' own wording, blended with BM25 by knowledge/retrieval.py.

A linear SVM (one-vs-rest, one class per entry id) on TF-IDF character n-grams (2-5, within words, of
folded text) and word uni- and bigrams (folded Snowball stems). It is trained on every entry's example
questions, title, synonyms, keywords and the sentences of its answer, details and for_whom, and learns
which words set neighbouring entries apart (hhx vs. the gymnasium overview, jobparat vs. aktivitetsparat),
which BM25's per-term weights cannot. Trained when the knowledge base builds its indexes (~1-2 s, most of
it importing scikit-learn), never at import. Logistic regression ranked the same and trained 10x slower.
tools/kb_eval.py measures it; its dev 5-fold retrains it per fold, so no held-out question is learnt.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from knowledge import text as tx
from knowledge.schema import Entry, sentences


def _prep(s: str) -> str:
    """Lowercase, fold æ/ø/å and drop punctuation, so 'løntilskud', 'loentilskud' and 'lontilskud' meet."""
    return " ".join(tx.fold(t) for t in tx.tokens(s))


def _stems(s: str) -> str:
    """Folded Snowball stems: 'ansøgningen' and 'ansøgninger' are one word feature."""
    return " ".join(tx.fold(tx.stem(t)) for t in tx.tokens(s))


class EntryClassifier:
    """Scores per entry id for a question; a municipality's search reads the ids it sees."""

    def __init__(self, entries: Sequence[Entry], c: float = 1.0, temp: float = 5.0, keywords: bool = True,
                 body: bool = True) -> None:
        # scikit-learn is imported here, not at module import: it takes about a second.
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.svm import LinearSVC

        texts: list[str] = []
        labels: list[str] = []
        for e in entries:
            samples = [*e.questions, e.title, *e.synonyms]
            if keywords:
                samples.extend(e.keywords)
            if body:
                samples.extend(sentences(" ".join([e.answer, e.details, e.for_whom])))
            for s in samples:
                texts.append(s)
                labels.append(e.id)
        self._hstack = hstack
        self.temp = temp
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, preprocessor=_prep)
        self.words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, preprocessor=_stems,
                                     token_pattern=r"[0-9a-z]+")
        x = hstack([self.chars.fit_transform(texts), self.words.fit_transform(texts)]).tocsr()
        self.model = LinearSVC(C=c).fit(x, labels)
        self.classes: list[str] = [str(k) for k in self.model.classes_]

    def proba(self, text: str) -> dict[str, float]:
        """A softmax over the SVM's margins (× temp), per entry id; sums to 1 over every written id."""
        if not _prep(text):
            return {}
        x = self._hstack([self.chars.transform([text]), self.words.transform([text])]).tocsr()
        margins = self.model.decision_function(x)[0] * self.temp
        z = np.exp(margins - margins.max())
        return dict(zip(self.classes, (float(v) for v in z / z.sum())))

    def blend(self, ranked: list[tuple[int, float]], ids: Sequence[str], text: str, weight: float,
              gate: float, sure: float) -> list[tuple[int, float]]:
        """BM25's (position, score) ranking plus weight × the classifier's score per entry id.

        Only when BM25 found something (best ≥ gate) or the classifier is `sure` of one entry: it always
        picks some entry, so out-of-scope questions ('hvad er hovedstaden i frankrig') would stop getting
        "none" otherwise.
        """
        proba = self.proba(text)
        if max((s for _, s in ranked), default=0.0) < gate and max(proba.values(), default=0.0) < sure:
            return ranked
        out = dict(ranked)
        for i, entry_id in enumerate(ids):
            p = proba.get(entry_id, 0.0)
            if p > 0.001:
                out[i] = out.get(i, 0.0) + weight * p
        return list(out.items())
