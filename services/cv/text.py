"""Loose matching of what citizens type: case, æ/ø/å written as ae/oe/aa or without, small typos."""
from __future__ import annotations

import difflib
import re

_LETTERS = str.maketrans({"æ": "e", "ø": "o", "å": "a", "é": "e", "ü": "u", "ö": "o", "ä": "e"})
_DIGRAPHS = (("aa", "a"), ("ae", "e"), ("oe", "o"))


def loose(text: str) -> str:
    """Lower case with æ/ø/å and their two-letter spellings folded alike: 'Kørekort', 'koerekort', 'korekort'.

    Only for matching: never store or show a loose string.
    """
    out = text.lower().translate(_LETTERS)
    for pair, single in _DIGRAPHS:
        out = out.replace(pair, single)
    return re.sub(r"\s+", " ", out).strip()


def words(text: str) -> list[str]:
    """The loose words of a text (letters and digits)."""
    return re.findall(r"[a-z0-9]+", loose(text))


def close_to(word: str, options: dict[str, str], cutoff: float = 0.8) -> str | None:
    """The value of the option whose (loose) key is the word or close to it (one typo in a long word)."""
    if word in options:
        return options[word]
    if len(word) < 4:
        return None
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=cutoff)
    return options[match[0]] if match else None


def tidy(text: str, limit: int = 300) -> str:
    """An answer as stored: single spaces, no surrounding punctuation or quotes, at most limit characters."""
    text = re.sub(r"\s+", " ", text).strip().strip("\"'«»“”").strip()
    text = text.rstrip(" ,;")
    return text[:limit].rstrip()


def capitalise(text: str) -> str:
    """First letter upper case, the rest as written ('truckkørsel' → 'Truckkørsel', 'iPhone' stays)."""
    return text[:1].upper() + text[1:] if text and text[:1].islower() and not text[1:2].isupper() else text
