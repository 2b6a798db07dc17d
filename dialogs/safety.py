"""Crisis safety: rules on tokens and lemmas (with negation and idioms) next to the classifier, one pure decision."""
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from nlu.components.fold import fold

RULES = Path(__file__).resolve().parent.parent / "services" / "data" / "safety.yml"

CLEAR, CHECK, NONE = "clear", "check", "none"
NEGATION_REACH = 1  # a negation reaches the crisis words across function words only ("tænkt på at")
FUZZY_MIN = 6  # shorter words are too easily one typo away from an ordinary word

_TOKEN = re.compile(r"[^\W_]+|[.!?,;:]")
_SKELETON = (("aa", "a"), ("ae", "a"), ("oe", "o"))
_PUNCT = frozenset(".!?,;:")


def skeleton(text: str) -> str:
    """Lowercase, æ/ø/å folded, then ae/oe/aa collapsed: 'slået', 'slaaet' and 'slaet' all read 'slat'."""
    out = fold(text).replace("'", "").replace("’", "")
    for old, new in _SKELETON:
        out = out.replace(old, new)
    return out


def _within_one_edit(a: str, b: str) -> bool:
    """One letter wrong, missing, extra, or two neighbours swapped."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[i:] == long_[i + 1:]


@dataclass(frozen=True)
class Reading:
    """A message as the rules see it: surface tokens and their lemmas, one to one."""

    tokens: tuple[str, ...]
    lemmas: tuple[str, ...]

    @property
    def strings(self) -> tuple[str, str]:
        return " ".join(self.lemmas), " ".join(self.tokens)


@dataclass(frozen=True)
class Signals:
    """What the rules found; `rule` is the crisis rule that fired (for reports), negated ones excluded."""

    crisis: bool = False
    negated: bool = False
    idiom: bool = False
    distress: bool = False
    rule: str | None = None


@dataclass(frozen=True)
class Thresholds:
    """Calibrated on tests/data/safety (tools/safety_report.py).

    The classifier alone only ever asks the check-in question: its crisis confidence on everyday idioms and
    bereavement reaches 0.9, as high as on real crises, so the safety reply without a rule would be a false alarm
    (Kommune-Kari). A "ja" to the check-in gives the safety reply, so an unclear crisis is one tap from it.
    """

    check: float = 0.50
    clear: float | None = None  # None: the classifier never gives the safety reply on its own


def decide(signals: Signals, crisis_confidence: float | None, thresholds: Thresholds = Thresholds()) -> str:
    """The one decision: a crisis rule is clear; else the classifier may ask; idioms, negation, distress overrule it."""
    if signals.crisis:
        return CLEAR
    if crisis_confidence is None or signals.idiom or signals.negated:
        return NONE  # the classifier leans on exactly the words an idiom or a negation uses ("slå op", "ikke ...")
    if thresholds.clear is not None and crisis_confidence >= thresholds.clear and not signals.distress:
        return CLEAR
    if signals.distress:
        return NONE  # the warm distress reply with a person answers it (the engine's next step)
    return CHECK if crisis_confidence >= thresholds.check else NONE


class SafetyNet:
    """The rule layer (services/data/safety.yml) and the decision the engine asks for on every turn."""

    def __init__(self, raw: dict[str, Any], thresholds: Thresholds = Thresholds()) -> None:
        self._lemma: dict[str, str] = {}
        for head, forms in raw["lemmas"].items():
            for form in [head, *forms]:
                self._lemma[skeleton(form)] = skeleton(head)
        self._fuzzy = [skeleton(w) for w in raw["fuzzy"]]
        self._negations = {self._lemma.get(skeleton(w), skeleton(w)) for w in raw["negations"]}
        self._boundaries = {skeleton(w) for w in raw["boundaries"]} | _PUNCT
        self._transparent = {self._lemma.get(skeleton(w), skeleton(w)) for w in raw["transparent"]}
        self._crisis = [re.compile(skeleton(p)) for p in raw["crisis"]]
        self._idioms = [re.compile(skeleton(p)) for p in raw["idioms"]]
        self._distress = [re.compile(skeleton(p)) for p in raw["distress"]]
        self.thresholds = thresholds

    @classmethod
    def load(cls, path: Path = RULES, thresholds: Thresholds = Thresholds()) -> "SafetyNet":
        with open(path, encoding="utf-8") as f:
            return cls(yaml.safe_load(f), thresholds)

    def read(self, text: str) -> Reading:
        tokens = tuple(_TOKEN.findall(skeleton(text)))
        return Reading(tokens, tuple(self._lemmatise(t) for t in tokens))

    def _lemmatise(self, token: str) -> str:
        if token in self._lemma:
            return self._lemma[token]
        if len(token) >= FUZZY_MIN:
            for word in self._fuzzy:
                if _within_one_edit(token, word):
                    return self._lemma.get(word, word)
        return token

    def _negated(self, lemmas: tuple[str, ...], start: int) -> bool:
        """A negation shortly before the match, in the same clause: "jeg har ikke selvmordstanker"."""
        counted = 0
        for word in reversed(lemmas[:start]):
            if word in self._boundaries:
                return False
            if word in self._negations:
                return True
            if word not in self._transparent:
                counted += 1
                if counted >= NEGATION_REACH:
                    return False
        return False

    def signals(self, text: str) -> Signals:
        reading = self.read(text)
        strings = reading.strings
        negated, fired = False, None
        for pattern in self._crisis:
            for string in strings:
                for match in pattern.finditer(string):
                    if self._negated(reading.lemmas, string.count(" ", 0, match.start())):
                        negated = True
                    elif fired is None:
                        fired = pattern.pattern
        idiom = any(p.search(s) for p in self._idioms for s in strings)
        distress = any(p.search(s) for p in self._distress for s in strings)
        return Signals(crisis=fired is not None, negated=negated, idiom=idiom, distress=distress, rule=fired)

    def is_crisis(self, text: str) -> bool:
        """Checked before the NLU, so the safety reply comes even with the NLU down."""
        return self.signals(text).crisis

    def is_distress(self, text: str) -> bool:
        """Stress, hopelessness, 'too hard with the computer': a warm reply and a person, not the alarm."""
        return self.signals(text).distress

    def is_idiom(self, text: str) -> bool:
        return self.signals(text).idiom

    def assess(self, text: str, crisis_confidence: float | None) -> str:
        """The classifier said crisis: clear, a check-in question, or none (see decide)."""
        return decide(self.signals(text), crisis_confidence, self.thresholds)
