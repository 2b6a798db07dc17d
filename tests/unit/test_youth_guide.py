"""The youth-education guide's rules: a table of answers and the suggestions they give."""
import pytest

from knowledge import KnowledgeBase
from services.youth_guide import suggest


@pytest.mark.parametrize(("age", "school", "style", "benefit", "expected"), [
    ("under18", "exam", "practical", False, ["eud", "eux", "kui"]),
    ("under18", "exam", "academic", False, ["stx", "hf", "hhx"]),
    ("under18", "exam", "unsure", False, ["kui", "eux", "gymnasium"]),
    ("under18", "not_finished", "practical", False, ["tiende_klasse", "fgu", "kui"]),
    ("under18", "no_exam", "practical", False, ["fgu", "eud", "kui"]),
    ("18_24", "no_exam", "academic", False, ["fgu", "hf", "kui"]),
    ("18_24", "exam", "academic", False, ["hf", "stx", "kui"]),
    ("18_24", "exam", "practical", True, ["eud", "eux", "uddannelsespaalaeg"]),
    ("25_29", "not_finished", "unsure", True, ["fgu", "eud", "uddannelsespaalaeg"]),
    ("30plus", "exam", "practical", True, ["voksenlaerling", "opkvalificering", "kui"]),
])
def test_suggestions(age, school, style, benefit, expected):
    assert suggest(age, school, style, benefit) == expected


def test_every_suggestion_is_a_knowledge_entry_in_every_municipality():
    kb = KnowledgeBase.load()
    ids = {i for a in ("under18", "18_24", "25_29", "30plus") for s in ("exam", "no_exam", "not_finished")
           for st in ("practical", "academic", "unsure") for b in (True, False) for i in suggest(a, s, st, b)}
    for municipality in ("ballerup", "gentofte", "hvidovre"):
        assert all(kb.get(i, municipality) is not None for i in ids), municipality
