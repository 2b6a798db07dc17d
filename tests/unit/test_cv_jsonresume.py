"""The CV in the JSON Resume schema: valid against the vendored schema, and mapped field by field."""
import json
from datetime import datetime, timezone

from i18n import Catalog
from services.cv.jsonresume import SCHEMA, errors, to_json_resume, validate
from services.cv.model import CV
from tests.unit.test_cv_pdf import sample_cv

TEXTS = Catalog.load().get("da")
MODIFIED = datetime(2026, 11, 23, 9, 30, tzinfo=timezone.utc)


def test_the_sample_cv_validates_and_maps_each_section():
    resume = validate(to_json_resume(sample_cv(), TEXTS, MODIFIED))
    assert resume["basics"] == {
        "name": "Mette Ærø Sørensen", "label": "Lagermedarbejder", "email": "mette.soerensen@example.dk",
        "phone": "12 34 56 78", "summary": sample_cv().profile.text}
    first, _, hidden = resume["work"]
    assert first == {"name": "Coop Logistik, Høje-Taastrup", "position": "Lagermedarbejder", "startDate": "2022-05",
                     "summary": "Plukkede og pakkede ordrer til 40 butikker\nKørte truck og styrede varemodtagelsen\n"
                                "Talte lager op hver måned",
                     "highlights": ["Færre fejl i plukningen: fra 12 til 3 om ugen", "Oplærte 5 nye kolleger"]}
    assert "name" not in hidden and hidden["startDate"] == "2016-08" and hidden["endDate"] == "2018-06"
    assert resume["education"][1] == {"institution": "Ballerup Gymnasium", "area": "HF", "startDate": "2012",
                                      "endDate": "2014"}
    assert resume["certificates"] == [{"name": "Førstehjælp (2023)"}, {"name": "Hygiejnebevis"},
                                      {"name": "Kursus i lagerstyring – SAP"}, {"name": "Kørekort B"},
                                      {"name": "Kørekort C"}]
    assert resume["languages"][0] == {"language": "Dansk", "fluency": "modersmål"}
    assert resume["skills"][0] == {"name": "Truckkørsel"}
    assert resume["meta"] == {"version": "v1.0.0", "lastModified": "2026-11-23T09:30:00", "jobWishes": {
        "titles": ["Lagermedarbejder", "Truckfører", "Chauffør"], "area": "Ballerup og omegn", "hours": "Fuldtid",
        "availableFrom": "Med det samme"}}


def test_an_empty_cv_is_a_valid_document():
    assert validate(to_json_resume(CV(), TEXTS)) == {"meta": {"version": "v1.0.0"}}


def test_the_validation_can_fail():
    bad = to_json_resume(sample_cv(), TEXTS)
    bad["work"][0]["startDate"] = "maj 2022"
    bad["basics"]["email"] = "not an e-mail"
    bad["hobbies"] = []
    found = errors(bad)
    assert any(e.startswith("work/0/startDate") for e in found)
    assert any(e.startswith("basics/email") for e in found)
    assert any("hobbies" in e for e in found)


def test_the_vendored_schema_is_json_resume():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"] == "Resume Schema" and schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert {"basics", "work", "education", "certificates", "skills", "languages", "meta"} <= set(schema["properties"])
    assert (SCHEMA.parent / "LICENSE").read_text(encoding="utf-8").startswith("The MIT License")
