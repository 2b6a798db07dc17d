"""Guess whether a citizen writes Danish or English, offline, from word lists (no model weights).

Chosen by measurement (tools/lang_eval.py; tests/data/language_detection.yml plus texts others wrote:
the NLU examples and the blind knowledge questions). py3langid restricted to da/en was no better on
long messages, worse on short ones ("ok" and "👍" get a language), and costs numpy, ~100 MiB and ~2 s
to load; using it only where these rules abstain changed nothing that matters. So: rules only.

How it decides:
- Words from services/data/language_words.yml count as evidence: Danish and English words (weight 1),
  English words Danes also type ("yes", "meeting", "bye": 0.5) and other words with æ/ø/å (Danish, 0.5:
  often a Danish term in an English line). Job-centre terms, loan words and place names ("kontanthjælp",
  "samtale", "CV", "sorry") are neutral, so "what is kontanthjælp" is English.
- English wins only with more than DA_BIAS times the Danish evidence: asking a Dane "Continue in
  English?" is worse than asking an English writer one message later.
- No evidence or an even mix gives lang=None ("ok", "👍", "10", "hej hello").
- confidence = purity * (1 - 0.5 ** margin): one clear word ("hi", "tak") gives 0.5, two give 0.75.

ASK_THRESHOLD = 0.5: the engine asks "Continue in English?" when lang == "en" and confidence >= it.
Then one clear English word ("hi", "hello", "help") asks; "yes", "meeting" or "bye" alone does not; no
Danish or unknown row of the test set asks, and 115 of 117 English rows ask at once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml

__all__ = ["ASK_THRESHOLD", "LanguageGuess", "detect"]

ASK_THRESHOLD = 0.5
DA_BIAS = 1.5  # English needs 1.5x the Danish evidence: da->en mistakes cost more than en->da
WEAK = 0.5  # weight of en_weak words: alone they stay below ASK_THRESHOLD
MIN_PREFIX = 6  # neutral terms this long also cover their inflections ("dagpengene")
MAX_CHARS = 2000  # one chat line; bounds the work on pasted essays
DATA = Path(__file__).resolve().parent / "data" / "language_words.yml"
DANISH_LETTERS = frozenset("æøå")
ASCII_SPELLINGS = (("æ", ("ae", "a")), ("ø", ("oe", "o")), ("å", ("aa", "a")))
UNLISTED_DANISH = 0.5  # an unlisted word with æ/ø/å: often a Danish term in an English line
STRETCHED = re.compile(r"(.)\1+$")  # "thanksss", "hii", "hejj": chat stretches the last letter
WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")

Lang = Literal["da", "en"]


@dataclass(frozen=True)
class LanguageGuess:
    """The guessed language (None: can't tell), how sure (0..1) and the evidence, for logs and tests."""

    lang: Lang | None
    confidence: float
    reason: str


@dataclass(frozen=True)
class _Words:
    """The word lists, ready for lookup."""

    da: frozenset[str]
    en: dict[str, float]  # word -> weight
    neutral: frozenset[str]
    neutral_prefixes: tuple[str, ...]


def _ascii_spellings(word: str) -> set[str]:
    """'hjælp' -> {'hjaelp', 'hjalp'}: how Danes type without a Danish keyboard."""
    spellings = {word}
    for letter, replacements in ASCII_SPELLINGS:
        spellings = {s.replace(letter, r) for s in spellings for r in replacements} if letter in word else spellings
    return spellings - {word}


def _strings(name: str, values: list[object]) -> set[str]:
    """The words of one list; a non-string is an unquoted yes/no/on/off that YAML made a boolean."""
    bad = [v for v in values if not isinstance(v, str)]
    if bad:
        raise ValueError(f"language_words.yml {name}: quote {bad!r} (YAML read them as non-strings)")
    return {v.lower() for v in values if isinstance(v, str)}


@lru_cache(maxsize=1)
def _words() -> _Words:
    """Load and expand services/data/language_words.yml once, on first use."""
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    lists = {name: _strings(name, raw[name]) for name in ("da", "en", "en_weak", "neutral", "ambiguous")}
    da, en_strong, en_weak, neutral = lists["da"], lists["en"], lists["en_weak"], lists["neutral"]
    # A word listed in both languages says nothing about either.
    ambiguous = lists["ambiguous"] | (da & (en_strong | en_weak))
    english = en_strong | en_weak
    da_ascii = {s for w in da for s in _ascii_spellings(w)} - english - ambiguous
    neutral |= {s for w in neutral for s in _ascii_spellings(w)}
    en: dict[str, float] = {w: WEAK for w in en_weak - ambiguous}
    en.update({w: 1.0 for w in en_strong - ambiguous})
    return _Words(
        da=frozenset((da | da_ascii) - ambiguous - neutral),
        en=en,
        neutral=frozenset(neutral),
        neutral_prefixes=tuple(sorted(w for w in neutral if len(w) >= MIN_PREFIX)),
    )


def _tokens(text: str) -> list[str]:
    """Lowercase words; curly apostrophes straightened so "don’t" is "don't"."""
    return WORD.findall(text[:MAX_CHARS].lower().replace("\u2019", "'"))


def evidence(text: str) -> tuple[float, float, list[str]]:
    """(Danish weight, English weight, the words that counted) for text."""
    words = _words()
    da = en = 0.0
    counted: list[str] = []
    for token in _tokens(text):
        if token not in words.da and token not in words.en:
            token = STRETCHED.sub(r"\1", token)
        if token in words.neutral or token.startswith(words.neutral_prefixes):
            continue
        if token in words.da:
            da += 1.0
            counted.append(f"da:{token}")
        elif DANISH_LETTERS & set(token) and token not in words.en:
            da += UNLISTED_DANISH
            counted.append(f"da?:{token}")
        elif token in words.en:
            en += words.en[token]
            counted.append(f"en:{token}")
    return da, en, counted


def detect(text: str) -> LanguageGuess:
    """Guess the language of one chat message; lang=None when the text gives no clear sign."""
    da, en, counted = evidence(text)
    reason = " ".join(counted) or "no language words"
    if en > da * DA_BIAS:
        lang: Lang | None = "en"
    elif da > en:
        lang = "da"
    else:
        return LanguageGuess(None, 0.0, reason)
    top, margin = max(da, en), abs(da - en)
    confidence = top / (da + en) * (1.0 - 0.5**margin)
    return LanguageGuess(lang, round(confidence, 3), reason)
