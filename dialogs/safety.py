"""Deterministic crisis safety net, checked before the NLU so a crisis message always gets the safety reply."""
import re
from pathlib import Path

import yaml

PATTERNS = Path(__file__).resolve().parent / "texts" / "crisis_patterns.yml"
_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


class SafetyNet:
    """Regexes over the folded, lowercased message (see texts/crisis_patterns.yml)."""

    def __init__(self, patterns: list[str]) -> None:
        self._patterns = [re.compile(p) for p in patterns]

    @classmethod
    def load(cls, path: Path = PATTERNS) -> "SafetyNet":
        with open(path, encoding="utf-8") as f:
            return cls(yaml.safe_load(f)["patterns"])

    def is_crisis(self, text: str) -> bool:
        folded = text.lower().translate(_FOLD)
        return any(p.search(folded) for p in self._patterns)
