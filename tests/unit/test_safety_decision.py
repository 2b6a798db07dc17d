"""The crisis decision: a pure table over the rule signals and the classifier, and the rule layer's reading."""
import re

import pytest
import yaml

from bot.settings import ROOT
from dialogs.safety import CHECK, CLEAR, NONE, SafetyNet, Signals, Thresholds, decide, skeleton

RULE = Signals(crisis=True, rule="r")
IDIOM, DISTRESS, NEGATED, NOTHING = Signals(idiom=True), Signals(distress=True), Signals(negated=True), Signals()


@pytest.fixture(scope="module")
def net() -> SafetyNet:
    return SafetyNet.load()


@pytest.mark.parametrize(("signals", "confidence", "verdict"), [
    (RULE, None, CLEAR), (RULE, 0.0, CLEAR), (RULE, 0.99, CLEAR),  # a crisis rule always wins, NLU or not
    (Signals(crisis=True, idiom=True), 0.9, CLEAR),  # an idiom never hides a crisis rule
    (IDIOM, 0.99, NONE), (IDIOM, 0.6, NONE),  # idioms overrule the classifier
    (DISTRESS, 0.9, NONE), (DISTRESS, 0.6, NONE),  # the distress reply (with a person) answers it
    (NEGATED, 0.99, NONE), (NEGATED, 0.6, NONE),  # "jeg har ikke selvmordstanker": said in so many words
    (NOTHING, None, NONE), (NOTHING, 0.49, NONE), (NOTHING, 0.5, CHECK), (NOTHING, 0.8, CHECK),
    (NOTHING, 0.99, CHECK),  # the classifier alone asks; it never raises the alarm by itself
])
def test_decision_table(signals, confidence, verdict):
    assert decide(signals, confidence) == verdict


@pytest.mark.parametrize(("confidence", "verdict"), [(0.79, CHECK), (0.8, CLEAR), (0.3, NONE)])
def test_a_clear_threshold_for_the_classifier_can_be_configured(confidence, verdict):
    assert decide(NOTHING, confidence, Thresholds(check=0.5, clear=0.8)) == verdict
    assert decide(IDIOM, confidence, Thresholds(check=0.5, clear=0.8)) == NONE


# The confidences are what the trained classifier gave these messages (bin/nlu-parse, 2026-11-23).
@pytest.mark.parametrize(("text", "confidence", "verdict"), [
    ("jeg dør af grin", 0.864, NONE),
    ("mit batteri er ved at dø", 0.838, NONE),
    ("jeg har slået op med min kæreste", 0.882, NONE),
    ("vi har slået os ned i Ballerup", 0.9, NONE),
    ("det slår mig at I aldrig svarer", 0.9, NONE),
    ("jeg bliver skør af alle de breve", 0.85, NONE),
    ("min mor døde sidste måned og jeg har svært ved at søge job", 0.9, NONE),
    ("ventetiden tager livet af mig at vente", 0.9, NONE),
    ("jeg er god til at hjælpe kunder", 0.301, NONE),
    ("jeg bliver slået derhjemme", 0.943, CLEAR),
    ("jeg har det så dårligt at jeg ikke ved hvad jeg gør", 0.62, CHECK),
    ("hej", None, NONE),
])
def test_assess(net, text, confidence, verdict):
    assert net.assess(text, confidence) == verdict


@pytest.mark.parametrize(("text", "lemmas"), [
    ("Min kæreste SLOG mig", "min kareste sla mig"),
    ("min kaeresste slaar mig", "min kareste sla mig"),
    ("jeg vil ikk lev mer", "jeg vil ikke leve mere"),
    ("jeg blev voltaget", "jeg blive voldtage"),  # one letter missing: the fuzzy match
    ("don't", "dont"),
])
def test_reading_folds_spelling_typos_and_inflection(net, text, lemmas):
    assert net.read(text).strings[0] == lemmas


@pytest.mark.parametrize(("text", "crisis", "negated"), [
    ("jeg har ikke selvmordstanker", False, True),
    ("jeg har aldrig tænkt på at skade mig selv", False, True),
    ("i have never thought about killing myself", False, True),
    ("kan ik mer vil bare dø", True, False),  # the negation belongs to "kan ik mer", not to "vil dø"
    ("jeg tør ikke tage hjem han slår mig", True, False),
    ("jeg har ikke sovet, fordi han slår mig", True, False),  # a clause boundary stops the negation
])
def test_negation_reaches_only_its_own_words(net, text, crisis, negated):
    signals = net.signals(text)
    assert (signals.crisis, signals.negated) == (crisis, negated)


def test_skeleton_makes_the_typed_variants_of_aeoeaa_one_word():
    assert skeleton("slået") == skeleton("slaaet") == skeleton("slaet")
    assert skeleton("dø") == skeleton("doe") == "do" and skeleton("Kæreste") == skeleton("kareste")


def _training(intent_is_crisis: bool) -> list[str]:
    examples = []
    for path in (ROOT / "nlu" / "data").glob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            if "intent" in block and (block["intent"] == "crisis") == intent_is_crisis:
                examples += [re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line[2:].strip())
                             for line in block["examples"].splitlines() if line.startswith("- ")]
    return examples


def test_no_training_example_of_another_intent_is_a_crisis_to_the_rules(net):
    """Thousands of ordinary messages the rules never wrote for: none may raise the alarm."""
    examples = _training(False)
    assert len(examples) > 1000
    assert [e for e in examples if net.is_crisis(e)] == []


def test_the_rules_reach_most_crisis_training_examples_and_wave_none_off(net):
    """The rest (e.g. "jeg bløder og han er stadig her") are left to the classifier's check-in."""
    examples = _training(True)
    assert len(examples) > 100
    missed = [e for e in examples if not net.is_crisis(e)]
    assert len(missed) <= len(examples) // 20, missed
    assert [e for e in missed if net.is_idiom(e) or net.is_distress(e)] == []
