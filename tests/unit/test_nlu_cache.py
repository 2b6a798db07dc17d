"""The parse cache: frequent short messages skip the model; crisis, entities, long texts and errors never cached."""
import pytest

from nlu.client import CachedNlu, NluResult, NluUnavailable


class CountingNlu:
    """An NLU that answers from a table and counts its calls; None in the table means 'down'."""

    def __init__(self, answers: dict[str, NluResult | None]) -> None:
        self.answers, self.calls = answers, 0

    async def parse(self, text: str) -> NluResult:
        self.calls += 1
        result = self.answers[text.strip().lower()]
        if result is None:
            raise NluUnavailable("down")
        return NluResult(text=text, intent=result.intent, confidence=result.confidence, ranking=result.ranking,
                         entities=result.entities)


def _result(intent: str, entities: list[dict[str, object]] | None = None) -> NluResult:
    return NluResult(text="", intent=intent, confidence=0.9, ranking=[(intent, 0.9)], entities=entities or [])


async def test_a_repeated_short_message_is_parsed_once_and_keeps_its_own_text():
    inner = CountingNlu({"hej": _result("greet")})
    nlu = CachedNlu(inner)
    first, second = await nlu.parse("hej"), await nlu.parse("  Hej ")
    assert (first.intent, second.intent, second.text, second.confidence) == ("greet", "greet", "  Hej ", 0.9)
    assert inner.calls == 1 and (nlu.hits, nlu.misses) == (1, 1)


@pytest.mark.parametrize("text, result", [
    ("jeg vil ikke leve mere", _result("crisis")),  # crisis: always the model and the safety decision afresh
    ("book en tid på mandag", _result("book_meeting", [{"entity": "weekday", "value": "mandag"}])),
    ("hvordan skriver jeg en god ansøgning til et job hos kommunen", _result("cv_help")),  # over 40 characters
])
async def test_crisis_entities_and_long_texts_are_never_cached(text, result):
    inner = CountingNlu({text: result})
    nlu = CachedNlu(inner)
    assert (await nlu.parse(text)).intent == (await nlu.parse(text)).intent == result.intent
    assert inner.calls == 2 and nlu.hits == 0


async def test_an_unavailable_nlu_is_not_cached_and_the_cache_is_bounded():
    inner = CountingNlu({"tak": None, "ja": _result("affirm"), "nej": _result("deny"), "farvel": _result("goodbye")})
    nlu = CachedNlu(inner, size=2)
    for _ in range(2):
        with pytest.raises(NluUnavailable):
            await nlu.parse("tak")
    for text in ("ja", "nej", "farvel", "ja"):  # "ja" was the oldest of three: dropped, so parsed again
        await nlu.parse(text)
    assert inner.calls == 2 + 4
    await nlu.parse("farvel")
    assert inner.calls == 6  # the newest stays


async def test_size_zero_caches_nothing():  # NLU_CACHE_SIZE=0, e.g. to bench the model on every turn
    inner = CountingNlu({"hej": _result("greet")})
    nlu = CachedNlu(inner, size=0)
    await nlu.parse("hej")
    await nlu.parse("hej")
    assert inner.calls == 2 and nlu.hits == 0
