"""Danish text normalisation for retrieval: lowercase, tokens, stopwords, stemming, folding, char n-grams.

The stemmer is the Snowball Danish algorithm (snowballstem.org/algorithms/danish/stemmer.html),
written out here (about 60 lines) so the app needs no extra package; tests/unit/test_knowledge_text.py
checks it against the reference outputs. Folding makes 'løntilskud', 'loentilskud' and 'lontilskud'
one token: æ/ae → a, ø/oe → o, å/aa → a (after stemming, which needs the real letters).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# NLTK's Danish stopword list (94 words), plus chat filler that says nothing about the topic.
STOPWORDS_NLTK = frozenset("""
og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde
ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind
når være dog noget ville jo deres efter ned skulle denne end dette mit også under have dig anden hende mine
alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan
""".split())
STOPWORDS_CHAT = frozenset("""
hej hvordan hvorfor hvornår hvem hvilke hvilken hvilket mon lige bare gerne tak please ja nej altså egentlig
hedder hedde kaldes kalder kalde
""".split())
STOPWORDS = STOPWORDS_NLTK | STOPWORDS_CHAT

_TOKEN = re.compile(r"[0-9]+|[a-zæøåéèäöüß]+")
_FOLD = (("æ", "a"), ("ø", "o"), ("å", "a"), ("ae", "a"), ("oe", "o"), ("aa", "a"), ("é", "e"), ("ä", "a"), ("ö", "o"))


def lower(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def fold(token: str) -> str:
    """æ/ae→a, ø/oe→o, å/aa→a: citizens write Danish letters in all three ways (and sometimes drop them)."""
    for a, b in _FOLD:
        token = token.replace(a, b)
    return token


def tokens(text: str) -> list[str]:
    """Lowercased word tokens; '10.' and '10' become '10'; hyphens and slashes split."""
    return _TOKEN.findall(lower(text))


# --- Snowball Danish stemmer -------------------------------------------------------------------
_VOWELS = set("aeiouyæåø")
_S_ENDING = set("abcdfghjklmnoprtvyzå")
_STEP1 = sorted("""hed ethed ered e erede ende erende ene erne ere en heden eren er heder erer heds es endes erendes
enes ernes eres ens hedens erens ers ets erets et eret""".split(), key=len, reverse=True)
_STEP2 = ("gd", "dt", "gt", "kt")
_STEP3 = ("elig", "lig", "els", "ig")


def _r1(word: str) -> int:
    for i in range(1, len(word)):
        if word[i] not in _VOWELS and word[i - 1] in _VOWELS:
            return max(i + 1, 3)
    return len(word)


def _step2(word: str, r1: int) -> str:
    for suf in _STEP2:
        if word.endswith(suf) and len(word) - len(suf) >= r1:
            return word[:-1]
    return word


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    """Snowball Danish. Expects a lowercased word with its Danish letters."""
    if len(word) < 3:
        return word
    r1 = _r1(word)
    # step 1
    for suf in _STEP1:
        if word.endswith(suf) and len(word) - len(suf) >= r1:
            word = word[: -len(suf)]
            break
    else:
        if word.endswith("s") and len(word) - 1 >= r1 and len(word) >= 2 and word[-2] in _S_ENDING:
            word = word[:-1]
    # step 2
    word = _step2(word, r1)
    # step 3
    if word.endswith("igst"):
        word = word[:-2]
    for suf in _STEP3:
        if word.endswith(suf) and len(word) - len(suf) >= r1:
            word = _step2(word[: -len(suf)], r1)
            break
    else:
        if word.endswith("løst") and len(word) - 4 >= r1:
            word = word[:-1]
    # step 4: undouble a final consonant that is in R1
    if len(word) - 1 >= r1 and len(word) >= 2 and word[-1] == word[-2] and word[-1] not in _VOWELS:
        word = word[:-1]
    return word


def light_stem(word: str) -> str:
    """A small suffix stripper (the alternative measured in tools/kb_eval.py)."""
    for suf in ("erne", "ene", "ernes", "enes", "ende", "ede", "er", "en", "et", "es", "e", "s"):
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            return word[: -len(suf)]
    return word


def char_ngrams(token: str, n: int = 4) -> list[str]:
    """Character n-grams of one folded token with boundary marks: 'lon' → '#lon', 'lon#'."""
    padded = f"#{token}#"
    if len(padded) <= n:
        return [padded]
    return [padded[i:i + n] for i in range(len(padded) - n + 1)]
