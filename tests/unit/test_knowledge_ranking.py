"""The learned half of the knowledge ranking (knowledge/classifier.py) and the decisions around it."""
from __future__ import annotations

from dataclasses import replace

import pytest

from knowledge.classifier import EntryClassifier
from knowledge.retrieval import DEFAULT, Hit, KnowledgeBase

BM25_ONLY = replace(DEFAULT, clf_weight=0.0)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load().warm()


def test_the_classifier_scores_every_written_entry(kb: KnowledgeBase) -> None:
    clf = EntryClassifier(kb.all_entries())
    scores = clf.proba("hvad er et løntilskudsjob")
    assert set(scores) == {e.id for e in kb.all_entries()}
    assert sum(scores.values()) == pytest.approx(1.0)
    assert max(scores, key=scores.__getitem__) == "loentilskud"
    assert clf.proba("?!") == {}


def test_the_blend_tells_neighbours_apart_where_bm25_alone_does_not(kb: KnowledgeBase) -> None:
    # 'ansøgninger' is the tip about applications by name; asking for a group ('hold') is the course
    question = "jeg kæmper med at skrive ansøgninger, findes der et hold"
    assert kb.with_config(BM25_ONLY).search(question, "ballerup")[0].entry.id == "ansoegning"
    assert kb.search(question, "ballerup")[0].entry.id == "jobsoegningsforloeb"


def test_out_of_scope_stays_none_with_the_classifier(kb: KnowledgeBase) -> None:
    # the classifier always prefers some entry; it only reorders what BM25 found
    for q in ("hvad er hovedstaden i frankrig", "hvordan laver man lasagne", "mit internet virker ikke"):
        assert kb.decide(kb.search(q, "gentofte")).action == "none", q


def test_a_question_naming_two_entries_offers_both(kb: KnowledgeBase) -> None:
    decision = kb.decide(kb.search("hvad er forskellen på jobparat og aktivitetsparat", "ballerup"))
    assert decision.action == "choose"
    assert {e.id for e in decision.entries} == {"jobparat", "aktivitetsparat"}
    hits = kb.search("hvad er jobparat", "ballerup")
    assert hits[0].named and kb.decide(hits).entry.id == "jobparat"


def test_named_hits_choose_only_when_the_best_is_named(kb: KnowledgeBase) -> None:
    lon, prak, cv = (kb.get(i, "ballerup") for i in ("loentilskud", "virksomhedspraktik", "cv"))
    both = kb.decide([Hit(lon, 0.9, named=True), Hit(prak, 0.3, named=True), Hit(cv, 0.1)])
    assert both.action == "choose" and both.entries == (lon, prak)
    top_unnamed = kb.decide([Hit(cv, 0.9), Hit(lon, 0.3, named=True), Hit(prak, 0.2, named=True)])
    assert top_unnamed.action == "answer" and top_unnamed.entry is cv
