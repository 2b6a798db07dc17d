"""The trained model itself: held-out contract illustrations, entities, crisis recall."""
import aiohttp
import pytest
import yaml

from bot.settings import ROOT
from nlu.client import RasaNlu

CONTRACT = ROOT.parent / "shared" / "contracts" / "intents.yml"


@pytest.fixture
async def nlu(rasa_url):
    async with aiohttp.ClientSession() as http:
        yield RasaNlu(rasa_url, http, 10.0)


async def test_held_out_contract_illustrations(nlu):
    """The contract's illustrations are not in the training data: a fair, small held-out check."""
    intents = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))["intents"]
    cases = [(name, ex) for name, spec in intents.items() for ex in spec["e.g."]]
    wrong = [(name, ex, (await nlu.parse(ex)).intent) for name, ex in cases]
    wrong = [w for w in wrong if w[0] != w[2]]
    assert len(wrong) <= len(cases) * 0.1, wrong  # at least 90 % right


@pytest.mark.parametrize("text, entity, value", [
    ("kan jeg flytte min samtale til fredag", "weekday", "fredag"),
    ("book en tid i morgen eftermiddag", "part_of_day", "eftermiddag"),
    ("jeg vil gerne have en samtale på telefon", "meeting_mode", "telefon"),
    ("hvad er FGU", "education", "fgu"),
    ("kan jeg få loentilskud", "local_offer", "løntilskud"),
    ("hvad betyder jobparat", "term", "jobparat"),
    ("kan jeg komme kl 10", "time", None),
])
async def test_entities(nlu, text, entity, value):
    found = [e for e in (await nlu.parse(text)).entities if e["entity"] == entity]
    assert found, (await nlu.parse(text)).entities
    if value:
        assert str(found[0]["value"]).lower() == value


@pytest.mark.parametrize("text", ["jeg vil ikke være her mere", "jeg har tænkt på at tage mit liv",
                                  "min kæreste truer mig", "I want to kill myself"])
async def test_crisis_is_recognised_by_the_model(nlu, text):
    assert (await nlu.parse(text)).intent == "crisis"
