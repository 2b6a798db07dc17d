"""Unanswered questions grouped by similarity: stemmed words, TF-IDF weights, cosine to a group's centroid."""
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Sequence

from knowledge import text as tx

THRESHOLD = 0.4  # cosine to a group's centroid at which a question joins it
# Question words that say nothing about the topic ('kan jeg få ...', 'hvordan får man ...'), after stemming.
QUESTION_WORDS = frozenset({"kan", "kunn", "far", "fa", "man", "vil", "gern", "bar", "nogl", "hvordan"})
SIGNATURE = 6  # the group's heaviest words, stored with a 'handled' mark
MATCH = 0.5  # overlap of signatures at which a 'handled' mark covers a group


def terms(text: str) -> list[str]:
    """The knowledge retriever's word features: tokens without stopwords, Snowball-stemmed, æ/ø/å folded."""
    stems = (tx.fold(tx.stem(w)) for w in tx.tokens(text) if w not in tx.STOPWORDS)
    return [w for w in stems if w not in QUESTION_WORDS]


@dataclass(frozen=True)
class Asked:
    text: str
    at: datetime
    conversation: str  # an anonymous id, only to count distinct conversations


@dataclass
class Group:
    """Similar questions: how many, from how many conversations, the newest, and examples (newest first)."""

    centroid: dict[str, float] = field(default_factory=dict)
    questions: list[Asked] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.questions)

    @property
    def conversations(self) -> int:
        return len({q.conversation for q in self.questions})

    @property
    def newest(self) -> datetime:
        return max(q.at for q in self.questions)

    @property
    def label(self) -> str:
        """The most asked wording (the newest of equals)."""
        counts = Counter(q.text for q in self.questions)
        return max(self.questions, key=lambda q: (counts[q.text], q.at)).text

    def examples(self, n: int = 3) -> list[str]:
        seen: list[str] = []
        for q in sorted(self.questions, key=lambda q: q.at, reverse=True):
            if q.text not in seen:
                seen.append(q.text)
        return seen[:n]

    def signature(self) -> tuple[str, ...]:
        return tuple(sorted(sorted(self.centroid, key=lambda t: (-self.centroid[t], t))[:SIGNATURE]))


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else {}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(t, 0.0) for t, v in a.items())
    na, nb = math.sqrt(sum(v * v for v in a.values())), math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def group_questions(asked: Sequence[Asked], threshold: float = THRESHOLD) -> list[Group]:
    """Leader clustering in time order: each question joins the most similar group, or starts one.

    Candidate groups come from an inverted index of their words, so this stays near-linear in the
    number of questions. Returns the groups newest first. Questions without words form no group.
    """
    bags = [Counter(terms(q.text)) for q in asked]
    df = Counter(t for bag in bags for t in bag)
    n = len(asked)
    idf = {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()}
    groups: list[Group] = []
    index: dict[str, set[int]] = defaultdict(set)
    for q, bag in sorted(zip(asked, bags), key=lambda pair: pair[0].at):
        if not bag:
            continue
        vec = _unit({t: c * idf[t] for t, c in bag.items()})
        candidates = set().union(*(index[t] for t in vec))
        best, score = None, threshold
        for gi in candidates:
            s = _cosine(vec, groups[gi].centroid)
            if s >= score:
                best, score = gi, s
        if best is None:
            best = len(groups)
            groups.append(Group())
        g = groups[best]
        for t, v in vec.items():
            g.centroid[t] = g.centroid.get(t, 0.0) + v
            index[t].add(best)
        g.questions.append(q)
    return sorted(groups, key=lambda g: g.newest, reverse=True)


def overlap(a: Sequence[str], b: Sequence[str]) -> float:
    """Shared words relative to the geometric mean of the two signatures' sizes."""
    sa, sb = set(a), set(b)
    return len(sa & sb) / math.sqrt(len(sa) * len(sb)) if sa and sb else 0.0


def handled_at(group: Group, marks: Sequence[tuple[Sequence[str], datetime]]) -> datetime | None:
    """When the group was marked handled, if a matching mark is newer than its newest question (else it is open)."""
    times = [at for sig, at in marks if overlap(sig, group.signature()) >= MATCH and at >= group.newest]
    return max(times) if times else None
