"""Danish spelling folding shared by the custom components: æ/ø/å and their ASCII stand-ins."""
import re

_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e"})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lowercase and map æ/ø/å to ae/oe/aa, so 'hvornår' and 'hvornaar' share features."""
    return _SPACES.sub(" ", text.lower().translate(_FOLD)).strip()
