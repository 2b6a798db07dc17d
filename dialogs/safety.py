"""Deterministic crisis safety net, checked before the NLU so a crisis message always gets the safety reply."""
import re
from pathlib import Path

import yaml

from nlu.components.fold import fold

PATTERNS = Path(__file__).resolve().parent / "texts" / "crisis_patterns.yml"


CLEAR, CHECK, NONE = "clear", "check", "none"
CLEAR_CONFIDENCE = 0.80  # the classifier's crisis above this is a crisis (its crisis examples score 0.94-0.99)
CHECK_CONFIDENCE = 0.50  # between the two: ask a short, warm check-in question instead of raising the alarm


class SafetyNet:
    """Regexes over the folded, lowercased message (see texts/crisis_patterns.yml), and idioms that are no crisis."""

    def __init__(self, patterns: list[str], idioms: list[str] | None = None, distress: list[str] | None = None) -> None:
        self._patterns = [re.compile(p) for p in patterns]
        self._idioms = [re.compile(p) for p in idioms or []]
        self._distress = [re.compile(p) for p in distress or []]

    @classmethod
    def load(cls, path: Path = PATTERNS) -> "SafetyNet":
        with open(path, encoding="utf-8") as f:
            raw = yaml.safe_load(f)
        return cls(raw["patterns"], raw.get("idioms"), raw.get("distress"))

    def is_crisis(self, text: str) -> bool:
        folded = fold(text)  # the same folding the classifier uses
        return any(p.search(folded) for p in self._patterns)

    def is_distress(self, text: str) -> bool:
        """Stress, hopelessness, 'too hard with the computer': a warm reply and a person, not the alarm."""
        folded = fold(text)
        return any(p.search(folded) for p in self._distress)

    def is_idiom(self, text: str) -> bool:
        folded = fold(text)
        return any(p.search(folded) or p.search(text.lower()) for p in self._idioms)

    def assess(self, text: str, crisis_confidence: float | None) -> str:
        """After the regexes said no: the classifier's crisis is clear, worth a check-in question, or none."""
        if crisis_confidence is None or self.is_idiom(text):
            return NONE
        if crisis_confidence >= CLEAR_CONFIDENCE:
            return CLEAR
        return CHECK if crisis_confidence >= CHECK_CONFIDENCE else NONE
