"""Hypothesis strategies for bad input: odd text, forged payloads, wrong JSON types, broken bodies."""
import json

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Fixed seed, no example database: the same ~200 requests every run, so the suite stays fast and repeatable.
FUZZ = settings(max_examples=200, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Every character class, lone surrogates and control characters included.
ANY_CHAR = st.one_of(st.characters(exclude_categories=()), st.characters(categories=["Cs"]),
                     st.characters(min_codepoint=0, max_codepoint=0x1F))
NASTY = [
    "", " ", "\n\t ", "\x00", "\x00hej\x07", "\u202ehej", "\ufeff", "\ud800", "hej\udfff", "🙂", "🙂🙂🙂👍🏽🇩🇰",
    "'; DROP TABLE messages; --", "1 OR 1=1", "\" OR \"\"=\"", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "{{7*7}}", "${jndi:ldap://x}", "%s%s%n", "../../etc/passwd",
    "/", "//", "/ ", "/start", "/START", "/pick_slot", "/pick_slot{", "/pick_slot{}", "/pick_slot[1]",
    '/pick_slot{"slot_id": }', '/pick_slot{"slot_id": 1}}', "/pick_slot{\"slot_id\": 1} extra", "/ukendt_intent",
    "/crisis_check", "/human_handoff{\"reason\": \"crisis\"}", "/affirm", "/deny", "/cv", '/cv{"do": "delete"}',
]
# The payload intents the dialogs make, a few that do not exist, and the entity names they read.
INTENTS = ["pick_slot", "pick_booking", "choose_type", "choose_mode", "more_slots", "book_meeting", "cancel_meeting",
           "reschedule_meeting", "affirm", "deny", "cv", "rate", "rate_skip", "kb_entry", "kb_more", "handoff_topic",
           "handoff_contact", "handoff_consent", "cancel_handoff", "human_handoff", "youth_answer", "something_else",
           "capabilities", "delete_my_data", "show_my_data", "crisis", "greet", "nlu_fallback", "no_such_intent",
           "x"]
KEYS = ["slot_id", "booking_id", "meeting_type", "meeting_mode", "do", "id", "i", "s", "at", "step", "v", "score",
        "topic", "method", "share", "reason", "text", "__proto__"]
NUMBERS = st.one_of(st.integers(-3, 3), st.integers(-(2**70), 2**70), st.just(2**63), st.floats())
JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), NUMBERS, st.text(ANY_CHAR, max_size=20), st.sampled_from(NASTY[:20])),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6)
FORGED = st.builds(lambda intent, values: f"/{intent}{json.dumps(values)}" if values else f"/{intent}",
                   st.sampled_from(INTENTS), st.dictionaries(st.sampled_from(KEYS), JSON_VALUES, max_size=3))
# 10,000 characters, built in the test (a literal in sampled_from makes hypothesis print 40 kB reprs).
LONG = st.sampled_from(["x", "ø", "🙂", "hej ", "\ud800"]).map(lambda unit: unit * (10_000 // len(unit)))
MESSAGES = st.one_of(st.sampled_from(NASTY), LONG, st.text(max_size=40), st.text(ANY_CHAR, max_size=40), FORGED,
                     st.sampled_from(["hej", "jeg vil booke en jobsamtale på telefon", "ja", "nej", "menu", "cv",
                                      "jeg vil tale med et menneske", "flyt", "aflys", "slet mine data"]))
BROKEN = st.one_of(st.binary(max_size=60), st.sampled_from([
    b"", b"{", b"[", b"null", b"nul", b"{'sender': 'a'}", b'{"sender": "a", "message": ', b"\xff\xfe{}",
    b'{"sender": "a", "message": "\xe9"}', b'{"sender": "a", "message": NaN}', b"[]"]),
    st.sampled_from([(b"[", b"]", 20_000), (b'{"a":', b"}", 5_000)]).map(lambda p: p[0] * p[2] + b"1" + p[1] * p[2]),
    st.just(70_000).map(lambda n: b'{"sender": "a", "message": "' + b"x" * n + b'"}'))
CONTENT_TYPES = st.sampled_from([
    *["application/json"] * 6, "application/json; charset=utf-8", "text/plain", "",
    "application/json; charset=no-such-codec", "application/json; charset=latin-1", "multipart/form-data; boundary=x"])


def weighted(*choices: tuple[int, st.SearchStrategy]) -> st.SearchStrategy:
    """Pick a strategy by weight (st.one_of treats its branches alike, and repeating one does not weigh it)."""
    return st.sampled_from([s for weight, s in choices for _ in range(weight)]).flatmap(lambda s: s)


def encode(value: object, ascii_only: bool) -> bytes:
    """JSON bytes; lone surrogates travel as \\ud800 escapes (ascii) or as raw, invalid UTF-8 (surrogatepass)."""
    return json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


def bodies(fields: dict[str, st.SearchStrategy]) -> st.SearchStrategy[bytes]:
    """A request body: mostly the right fields with odd values, else wrong types, other JSON or broken bytes."""
    right = st.tuples(st.fixed_dictionaries(fields), st.booleans()).map(lambda v: encode(*v))
    wrong = st.fixed_dictionaries({}, optional={k: JSON_VALUES for k in fields})
    return weighted((7, right), (1, st.tuples(wrong, st.booleans()).map(lambda v: encode(*v))),
                    (1, st.tuples(JSON_VALUES, st.booleans()).map(lambda v: encode(*v))), (1, BROKEN))
