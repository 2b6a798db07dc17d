"""The CV in the JSON Resume schema (https://jsonresume.org/schema), so other tools can read it.

Mapping (also in dialogs/flows/cv.md, next to Jobnet's sections):
- contact → basics.name, basics.phone, basics.email; profile text → basics.summary;
  the first job wish → basics.label
- jobs → work[]: position, name (the workplace, left out when hidden), startDate/endDate (ISO 8601 'YYYY' or
  'YYYY-MM'; no endDate while ongoing), summary (the tasks), highlights (the results)
- education → education[]: area (the education's name), institution, startDate/endDate
- courses and driving licences → certificates[] (a licence as 'Kørekort B')
- skills → skills[].name; languages → languages[]: language, fluency (in the CV's language)
- job wishes (titles, area, hours, from when) have no place in the schema: meta.jobWishes
  (meta allows extra properties); meta.version names the schema version.
"""
from __future__ import annotations

import json
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from jsonschema import Draft4Validator

from services.cv.model import CV, Period, YearMonth
from services.cv.present import LEVEL_KEYS, hours_value, start_value
from services.cv.words import language_name
from services.outgoing import Text

SCHEMA = Path(__file__).resolve().parent / "schema" / "resume.schema.json"
SCHEMA_VERSION = "v1.0.0"


class Lookup(Protocol):
    locale: str

    def get(self, key: str, **values: Any) -> str: ...


@lru_cache(maxsize=1)
def validator() -> Draft4Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)


def _date(ym: YearMonth | None) -> str | None:
    if ym is None:
        return None
    return f"{ym.year:04d}-{ym.month:02d}" if ym.month else f"{ym.year:04d}"


def _dates(period: Period | None) -> dict[str, str]:
    if period is None or period.start is None:
        return {}
    out = {"startDate": _date(period.start)}
    if not period.ongoing:
        out["endDate"] = _date(period.end or period.start)
    return {k: v for k, v in out.items() if v}


def _clean(value: Any) -> Any:
    """Without empty strings, lists and objects (the schema allows every field to be absent)."""
    if isinstance(value, dict):
        cleaned = {k: _clean(v) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v not in ("", [], {}, None)}
    if isinstance(value, list):
        return [c for c in (_clean(v) for v in value) if c not in ("", [], {}, None)]
    return value


def _text(value: Text | str, texts: Lookup) -> str:
    return value if isinstance(value, str) else texts.get(value.key, **value.args)  # type: ignore[arg-type]


def to_json_resume(cv: CV, texts: Lookup, modified: datetime | None = None) -> dict[str, Any]:
    """The CV as a JSON Resume document (validate with validate())."""
    c, w = cv.contact, cv.wishes
    resume = {
        "basics": {"name": c.name, "label": w.titles[0] if w.titles else "", "email": c.email, "phone": c.phone,
                   "summary": cv.profile.text},
        "work": [{"name": "" if j.hide_employer else j.employer, "position": j.title, **_dates(j.period),
                  "summary": "\n".join(j.tasks), "highlights": j.results} for j in cv.jobs],
        "education": [{"institution": e.school, "area": e.title, **_dates(e.period)} for e in cv.education],
        "certificates": [{"name": name} for name in cv.courses]
        + [{"name": texts.get("cv.licence.certificate", category=cat)} for cat in cv.licences or []],
        "skills": [{"name": s} for s in cv.skills],
        "languages": [{"language": language_name(lang.name, texts.locale),
                       "fluency": texts.get(LEVEL_KEYS[lang.level]) if lang.level in LEVEL_KEYS else ""}
                      for lang in cv.languages],
        "meta": {"version": SCHEMA_VERSION,
                 "lastModified": modified.strftime("%Y-%m-%dT%H:%M:%S") if modified else "",
                 "jobWishes": {"titles": w.titles, "area": w.area,
                               "hours": _text(hours_value(w.hours), texts) if w.hours else "",
                               "availableFrom": _text(start_value(w.start), texts) if w.start else ""}},
    }
    return _clean(resume)


def errors(resume: dict[str, Any]) -> list[str]:
    """What makes the document invalid against the vendored schema (empty when valid)."""
    return [f"{'/'.join(str(p) for p in e.absolute_path)}: {e.message}" for e in validator().iter_errors(resume)]


def validate(resume: dict[str, Any]) -> dict[str, Any]:
    """The document, or ValueError naming what the schema refuses."""
    found = errors(resume)
    if found:
        raise ValueError("; ".join(found))
    return resume
