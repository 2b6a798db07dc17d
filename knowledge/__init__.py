"""The knowledge base: reviewed entries per municipality and the retrieval that finds them.

    from knowledge import KnowledgeBase
    kb = KnowledgeBase.load()
    decision = kb.decide(kb.search(text, municipality, kind="offer", entities=entities))
"""
from knowledge.retrieval import DEFAULT, Config, Decision, Hit, KnowledgeBase
from knowledge.schema import Entry, LegalSource

__all__ = ["Config", "DEFAULT", "Decision", "Entry", "Hit", "KnowledgeBase", "LegalSource"]
