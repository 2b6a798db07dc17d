"""Deterministic crisis safety net, checked before the NLU so a crisis message always gets the safety reply."""
import re
from pathlib import Path

import yaml

from nlu.components.fold import fold

PATTERNS = Path(__file__).resolve().parent / "texts" / "crisis_patterns.yml"


class SafetyNet:
    """Regexes over the folded, lowercased message (see texts/crisis_patterns.yml)."""

    def __init__(self, patterns: list[str]) -> None:
        self._patterns = [re.compile(p) for p in patterns]

    @classmethod
    def load(cls, path: Path = PATTERNS) -> "SafetyNet":
        with open(path, encoding="utf-8") as f:
            return cls(yaml.safe_load(f)["patterns"])

    def is_crisis(self, text: str) -> bool:
        folded = fold(text)  # the same folding the classifier uses
        return any(p.search(folded) for p in self._patterns)
