"""The jobcentre's directions per language: a mapping in the municipality file, or a plain (Danish) string."""
from services.case.jobcentre import load_place
from services.case.values import directions
from services.outgoing import render_value


class _Texts:
    def __init__(self, locale: str) -> None:
        self.locale = locale

    def get(self, key: str, **values) -> str:
        return key


def _place(tmp_path, block: str):
    (tmp_path / "x.yml").write_text(f"jobcentre:\n  address: Vej 1\n{block}", encoding="utf-8")
    return load_place("x", "Jobcenter X", tmp_path)


def test_directions_per_language_are_rendered_in_the_readers_language(tmp_path):
    place = _place(tmp_path, '  directions: {en: "Bus 1.", da: "Bus 1 herfra."}\n')
    assert place.directions_in("en") == "Bus 1." and place.directions_in("da") == "Bus 1 herfra."
    assert render_value(directions(place), _Texts("en"), str) == "Bus 1."
    assert render_value(directions(place), _Texts("uk"), str) == "Bus 1 herfra."  # not translated: Danish


def test_a_plain_string_is_danish_for_everyone(tmp_path):
    place = _place(tmp_path, '  directions: "Ved rådhuset."\n')
    assert dict(place.directions) == {"da": "Ved rådhuset."}
    assert place.directions_in("en") == "Ved rådhuset."
    assert render_value(directions(place), _Texts("en"), str) == "Ved rådhuset."


def test_no_directions_render_as_nothing(tmp_path):
    place = _place(tmp_path, "")
    assert place.directions_in("en") == "" and render_value(directions(place), _Texts("da"), str) == ""


def test_the_three_municipalities_have_english_directions():
    for key in ("ballerup", "gentofte", "hvidovre"):
        place = load_place(key, key)
        assert place.directions_in("en") and place.directions_in("en") != place.directions_in("da")
