"""The written safety sets (tests/data/safety) through the rules alone and with a fake classifier score sweep."""
import pytest

from dialogs.safety import SafetyNet
from tools.safety_report import CHECKIN, DISTRESS, NORMAL, SAFETY, load_sets, outcome

SETS = load_sets()
ORDINARY = [m for name, messages in SETS.items() if name.startswith("ordinary/") for m in messages]
SWEEP = [None, 0.0, 0.3, 0.49, 0.5, 0.65, 0.8, 0.9, 0.99, 1.0]


@pytest.fixture(scope="module")
def net() -> SafetyNet:
    return SafetyNet.load()


def test_the_sets_are_as_large_as_the_issue_asks():
    assert len(SETS["crisis/clear"]) + len(SETS["crisis/unclear"]) >= 60 and len(SETS["crisis/clear"]) >= 60
    assert len(SETS["ordinary/plain"]) + len(SETS["ordinary/tricky"]) >= 300 and len(SETS["ordinary/tricky"]) >= 60
    everything = [m for messages in SETS.values() for m in messages]
    assert len(everything) == len(set(everything)), "a message is in two sets"


def test_rules_alone_reach_every_clear_crisis(net):
    missed = [m for m in SETS["crisis/clear"] if not net.signals(m).crisis]
    assert missed == []


def test_rules_alone_never_raise_the_alarm_on_an_ordinary_message(net):
    alarms = [(m, net.signals(m).rule) for m in ORDINARY if net.signals(m).crisis]
    assert alarms == []


def test_distress_without_danger_gets_the_distress_reply(net):
    assert [m for m in SETS["ordinary/distress"] if outcome(net, m, None) != DISTRESS] == []


@pytest.mark.parametrize("confidence", SWEEP)
def test_whatever_the_classifier_says_clear_crisis_gets_the_safety_reply(net, confidence):
    assert {outcome(net, m, confidence) for m in SETS["crisis/clear"]} == {SAFETY}


@pytest.mark.parametrize("confidence", SWEEP)
def test_whatever_the_classifier_says_no_ordinary_message_gets_the_safety_reply(net, confidence):
    assert [m for m in ORDINARY if outcome(net, m, confidence) == SAFETY] == []


@pytest.mark.parametrize("confidence", SWEEP)
def test_distress_and_idioms_are_never_asked_the_check_in_question(net, confidence):
    """A warm reply for distress, normal handling for an idiom, whatever the classifier's crisis score."""
    assert {outcome(net, m, confidence) for m in SETS["ordinary/distress"]} == {DISTRESS}
    idioms = [m for m in SETS["ordinary/tricky"] if net.signals(m).idiom]
    assert len(idioms) >= 25
    assert CHECKIN not in {outcome(net, m, confidence) for m in idioms}


@pytest.mark.parametrize(("confidence", "expected"), [(None, NORMAL), (0.3, NORMAL), (0.5, CHECKIN), (0.95, CHECKIN)])
def test_unclear_crisis_is_asked_once_the_classifier_leans_to_crisis(net, confidence, expected):
    unclear = [m for m in SETS["crisis/unclear"] if not net.signals(m).crisis and not net.signals(m).distress]
    assert len(unclear) >= 8
    assert {outcome(net, m, confidence) for m in unclear} == {expected}
