"""The Fluent catalog: same keys per locale, no unused keys, plurals, errors, buttons and answers, the web page."""
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from bot.page import SCRIPT_KEYS, render_index
from i18n import LOCALES_DIR, Catalog, missing_keys
from i18n.checks import REPO_ROOT, extra_keys, message_variables, source_files, unused_keys, variable_mismatches

CATALOG = Catalog.load()
DA = CATALOG.get("da")
DA_KEYS = DA.keys()
CHAT_JS = REPO_ROOT / "bot" / "static" / "chat.js"


def write_locale(root: Path, locale: str, source: str) -> None:
    (root / locale).mkdir(parents=True)
    (root / locale / "main.ftl").write_text(source, encoding="utf-8")


# 1. Every locale has the default locale's keys (and the same variables), and the check can fail.

def test_every_locale_has_exactly_the_default_keys():
    assert missing_keys(CATALOG) == {}
    assert extra_keys(CATALOG) == {}
    assert variable_mismatches() == {}


def test_english_mirrors_danish_file_by_file_with_the_same_variable_kinds():
    # Same ids per file keeps the copies reviewable side by side; same kinds keeps plurals plurals.
    assert "en" in CATALOG.locales and CATALOG.get(None).locale == "da"
    for da_file in sorted((LOCALES_DIR / "da").glob("*.ftl")):
        da_ids, en_ids = (re.findall(r"(?m)^([a-z][\w-]*) =", path.read_text(encoding="utf-8"))
                          for path in (da_file, LOCALES_DIR / "en" / da_file.name))
        assert da_ids == en_ids, da_file.name
    assert message_variables(LOCALES_DIR / "en") == message_variables(LOCALES_DIR / "da")


def test_english_crisis_reply_keeps_the_numbers_and_says_livslinien_is_danish():
    crisis = CATALOG.get("en").get("crisis")
    assert "112" in crisis and "Livslinien on 70 201 201" in crisis and "Livslinien answers in Danish." in crisis
    assert "chatbot" in crisis and len(crisis.split("\n")) == len(DA.get("crisis").split("\n"))


def test_missing_and_extra_keys_are_reported(tmp_path):
    write_locale(tmp_path, "da", "hello = Hej\nbye-now = Farvel { $name }\n")
    write_locale(tmp_path, "en", "hello = Hello\nstale = Old\n")
    catalog = Catalog.load(tmp_path)
    assert catalog.locales == ("da", "en")
    assert missing_keys(catalog) == {"en": {"bye.now"}}
    assert extra_keys(catalog) == {"en": {"stale"}}


def test_a_translation_dropping_a_variable_is_reported(tmp_path):
    write_locale(tmp_path, "da", "greet = Hej { $name }\n")
    write_locale(tmp_path, "en", "greet = Hello\n")
    assert variable_mismatches(tmp_path) == {"en": {"greet"}}


# 2. No unused keys (quoted in bot/ dialogs/ services/ i18n/, or built from a dynamic prefix), and the check can fail.

def test_no_unused_keys():
    assert unused_keys(DA_KEYS, source_files()) == set()


def test_unused_key_check_reports_a_synthetic_key():
    assert unused_keys({"synthetic.never_used", "booking.confirm"}, source_files()) == {"synthetic.never_used"}


def test_unused_key_check_recognises_each_form_of_use(tmp_path):
    (tmp_path / "code.py").write_text('t.get("a.dotted")\nx = \'a-fluent_id\'\n', encoding="utf-8")
    (tmp_path / "page.html").write_text("<p>{{web.thing}}</p>", encoding="utf-8")
    keys = {"a.dotted", "a.fluent_id", "web.thing", "answers.x.text", "not.used", "a.dotted_more"}
    assert unused_keys(keys, [tmp_path / "code.py", tmp_path / "page.html"]) == {"not.used", "a.dotted_more"}


def test_dynamic_intent_labels_match_the_nlu_intents():
    # intent_labels.<intent> is built from any NLU intent, so the prefix check needs this to close the loop.
    intents = set(yaml.safe_load((REPO_ROOT / "nlu" / "domain.yml").read_text(encoding="utf-8"))["intents"])
    assert {k.removeprefix("intent_labels.") for k in DA_KEYS if k.startswith("intent_labels.")} == intents


# 3. Plurals and rendering of every message with plausible values.

@pytest.mark.parametrize(("n", "expected"), [
    (0, "Jeg har gemt 0 beskeder, 0 aftaler og 0 henvendelser til en medarbejder fra dig. Hent en kopi her:"),
    (1, "Jeg har gemt 1 besked, 1 aftale og 1 henvendelse til en medarbejder fra dig. Hent en kopi her:"),
    (2, "Jeg har gemt 2 beskeder, 2 aftaler og 2 henvendelser til en medarbejder fra dig. Hent en kopi her:"),
    (5, "Jeg har gemt 5 beskeder, 5 aftaler og 5 henvendelser til en medarbejder fra dig. Hent en kopi her:"),
])
def test_privacy_summary_plurals(n, expected):
    assert DA.get("privacy.summary", messages=n, bookings=n, handoffs=n) == expected


def test_counts_are_chosen_independently_and_without_thousands_separators():
    text = DA.get("privacy.summary", messages=1200, bookings=1, handoffs=0)
    assert text.startswith("Jeg har gemt 1200 beskeder, 1 aftale og 0 henvendelser ")
    assert "(højst 1000 tegn)" in DA.get("input.too_long", limit=1000)


@pytest.mark.parametrize("locale", CATALOG.locales)
def test_every_message_renders_with_plausible_values(locale):
    texts = CATALOG.get(locale)
    variables = message_variables(LOCALES_DIR / locale)
    keys = texts.keys()
    assert set(variables) >= keys
    for key in sorted(keys):
        for number in (0, 1, 2, 5):
            values = {name: number if kind == "number" else f"<{name}>" for name, kind in variables[key].items()}
            text = texts.get(key, **values)
            assert text.strip() and "{" not in text and "\u2068" not in text, key
            assert all(f"<{name}>" in text for name, kind in variables[key].items() if kind == "string"), key


def test_multi_line_texts_keep_their_line_breaks():
    assert DA.get("crisis").split("\n") == [
        "Det lyder alvorligt, og jeg er glad for, at du skriver.",
        "Er du i fare lige nu, så ring 112.",
        "Har du tanker om selvmord, så ring til Livslinien på 70 201 201. De er der for dig.",
        "Jeg er en chatbot. Vil du tale med en medarbejder her?",
    ]
    assert len(DA.get("privacy.about", days=180, anonymous_days=30).split("\n")) == 7


def test_values_are_filled_in_without_bidi_marks():
    assert DA.get("booking.confirm", type="Jobsamtale", when="tir. 1. dec. kl. 10:00", mode="telefon") == \
        "Vil du booke: Jobsamtale, tir. 1. dec. kl. 10:00, telefon?"


# 4. Errors are raised, never silently broken text.

def test_missing_key_raises():
    assert not DA.has("booking.no_such_text") and DA.has("booking.confirm")
    with pytest.raises(KeyError):
        DA.get("booking.no_such_text")
    with pytest.raises(KeyError):
        DA.get("booking")  # a section is not a text


def test_missing_variable_raises():
    with pytest.raises(KeyError):
        DA.get("booking.confirm", type="Jobsamtale")


def test_unsupported_value_type_raises():
    with pytest.raises(TypeError):
        DA.get("input.too_long", limit=None)


def test_unknown_or_regional_locale_gives_the_default():
    assert CATALOG.default == "da"
    for locale in (None, "", "xx", "da-DK", "DA_dk"):
        assert CATALOG.get(locale).locale == "da"


@pytest.mark.parametrize("source", ["hello = Hej\nbroken = { $x\n", "hello = Hej\nhello = Igen\n"])
def test_syntax_errors_and_duplicate_ids_fail_loading(tmp_path, source):
    write_locale(tmp_path, "da", source)
    with pytest.raises(ValueError):
        Catalog.load(tmp_path)


# Button sets and answers (structure in dialogs/, copy in the catalog).

def test_button_titles_are_text_keys():
    sets = yaml.safe_load((REPO_ROOT / "dialogs" / "buttons.yml").read_text(encoding="utf-8"))
    assert {"menu", "person", "crisis", "privacy", "confirm_delete"} <= set(sets)
    for buttons in sets.values():
        for button in buttons:
            assert DA.has(button["title"]) and button["payload"].startswith("/"), button


def test_answers_have_texts_and_known_button_sets():
    sets = yaml.safe_load((REPO_ROOT / "dialogs" / "buttons.yml").read_text(encoding="utf-8"))
    answers = yaml.safe_load((REPO_ROOT / "dialogs" / "answers.yml").read_text(encoding="utf-8"))
    for intent, answer in answers.items():
        assert DA.has(f"answers.{intent}.text") and (answer["buttons"] is None or answer["buttons"] in sets), intent
    # answers.<intent>.text is a dynamic prefix for the unused-key check; this closes that loop.
    assert {k.split(".")[1] for k in DA_KEYS if k.startswith("answers.")} == set(answers)


# The web page: texts from the server, none in chat.js.

def ui_texts(page: str) -> dict[str, str]:
    match = re.search(r'<script type="application/json" id="ui-texts">(.*?)</script>', page, re.DOTALL)
    assert match
    return json.loads(match.group(1))


def test_index_page_is_filled_in():
    page = render_index(DA)
    assert "{{" not in page and "}}" not in page
    assert '<html lang="da">' in page and "<title>Jobassistenten \u2013 chat</title>" in page
    assert 'role="log"' in page and "<label for=\"message\">Skriv din besked</label>" in page
    texts = ui_texts(page)
    assert texts == {key.removeprefix("web."): DA.get(key) for key in SCRIPT_KEYS}


def test_index_page_escapes_texts(tmp_path):
    shutil.copytree(LOCALES_DIR / "da", tmp_path / "xx")
    web = tmp_path / "xx" / "web.ftl"
    source = web.read_text(encoding="utf-8")
    source = re.sub(r"(?m)^web-heading = .*$", 'web-heading = <b>"A" & B</b>', source)
    source = re.sub(r"(?m)^web-typing = .*$", "web-typing = </script><!-- x", source)
    web.write_text(source, encoding="utf-8")
    page = render_index(Catalog.load(tmp_path, default="xx").get("xx"))
    assert "<h1>&lt;b&gt;&quot;A&quot; &amp; B&lt;/b&gt;</h1>" in page and '<html lang="xx">' in page
    assert "</script><!--" not in page and ui_texts(page)["typing"] == "</script><!-- x"


def test_chat_js_has_no_danish_and_reads_exactly_the_served_texts():
    script = CHAT_JS.read_text(encoding="utf-8")
    assert not re.search("[æøåÆØÅ]", script)
    old = ["Beklager", "Jobassistenten skriver", '"Du: "', '"Jobassistenten: "', "Hent fil", '"fil"',
           "Svarmuligheder", "Ny samtale", "samtale"]
    assert [s for s in old if s in script] == []
    assert set(re.findall(r"\bTEXT\.(\w+)", script)) == {key.removeprefix("web.") for key in SCRIPT_KEYS}
