"""Which youth educations to suggest from four answers: written rules, table-tested (tests/unit/test_youth_guide.py)."""
from typing import Literal

Age = Literal["under18", "18_24", "25_29", "30plus"]
School = Literal["exam", "no_exam", "not_finished"]
Style = Literal["practical", "academic", "unsure"]


def suggest(age: Age, school: School, style: Style, on_benefit: bool) -> list[str]:
    """Knowledge entry ids, most fitting first (two or three), then uddannelsespålæg for those on kontanthjælp."""
    if age == "30plus":  # past the youth rules: adult routes into education
        picks = ["voksenlaerling", "opkvalificering", "kui"]
    elif school == "not_finished" and age == "under18":
        picks = ["tiende_klasse", "fgu", "kui"]
    elif school != "exam":  # FGU prepares for an education or a job when the grades are not there yet
        picks = ["fgu", "eud" if style != "academic" else "hf", "kui"]
    elif style == "practical":
        picks = ["eud", "eux", "kui"]
    elif style == "academic":
        picks = ["stx", "hf", "hhx"] if age == "under18" else ["hf", "stx", "kui"]
    else:
        picks = ["kui", "eux", "gymnasium"]
    if on_benefit and age in ("18_24", "25_29"):
        picks = picks[:2] + ["uddannelsespaalaeg"]
    return picks[:3]
