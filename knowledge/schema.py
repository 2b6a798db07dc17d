"""The shape of a knowledge entry, validated when the knowledge base is loaded (and by the tests).

An entry is reviewed by people and lives in a YAML file under `knowledge/entries/<municipality>/`.
`python -m knowledge.schema` prints the JSON Schema (also in `knowledge/entry.schema.json`, which
editors can use to check the YAML files while they type).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

MUNICIPALITIES = ("national", "ballerup", "gentofte", "hvidovre")
Municipality = Literal["national", "ballerup", "gentofte", "hvidovre"]
Kind = Literal["offer", "term", "tip", "education"]
Status = Literal["gældende", "udfases", "afskaffet", "ændres"]
Action = Literal["book_meeting", "human_handoff", "read_more", "youth_education_guide", "none"]

MAX_ANSWER_SENTENCES = 3
MAX_ANSWER_CHARS = 480

# A sentence ends at . ! or ? followed by a space and a capital letter (so "10. klasse", "1. juli",
# "fx." and "bl.a." inside a sentence do not end it).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ\"'»])")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


def _short_answer(v: str) -> str:
    n = len(sentences(v))
    if n > MAX_ANSWER_SENTENCES:
        raise ValueError(f"answer has {n} sentences; at most {MAX_ANSWER_SENTENCES}")
    return v


def _one_sentence(v: str | None) -> str | None:
    if v is not None and len(sentences(v)) != 1:
        raise ValueError("status_note is one plain sentence")
    return v


def _distinct(v: tuple[str, ...]) -> tuple[str, ...]:
    if len({q.strip().lower() for q in v}) != len(v):
        raise ValueError("questions repeat")
    return v


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NextStep(_Strict):
    """What the assistant offers after the answer."""

    action: Action
    text: str = Field(min_length=3, max_length=120)


class Source(_Strict):
    """Where the entry's content comes from: a seed document (file + section) or a named national page."""

    title: str = Field(min_length=3)
    publisher: str = Field(min_length=2, description="e.g. 'Ballerup Kommune', 'STAR', 'Børne- og Undervisningsministeriet'")
    section: str | None = None
    url: str | None = None
    seed: str | None = Field(default=None, pattern=r"^\d{3}_[0-9a-f]{16}\.txt$")
    year: str | None = Field(default=None, description="the document's year, e.g. '2020' or '2021-2022'")

    @model_validator(mode="after")
    def _where(self) -> "Source":
        if not (self.section or self.url):
            raise ValueError("a source needs a section heading or a url")
        return self


class LegalRef(_Strict):
    """A reference into knowledge/legal_sources.yml, with what this entry takes from it."""

    ref: str = Field(pattern=r"^[a-z0-9_]+$")
    note: str | None = None


class LegalSource(_Strict):
    """A law, bill or official page that changes a scheme (knowledge/legal_sources.yml)."""

    title: str
    id: str | None = None  # "LOV nr 1750 af 29/12/2025", "L 66 (2025-26)"
    url: str | None = None
    in_force: str | None = None  # a date, or words ("forventet 1. januar 2027")
    confirmed: bool = True  # False: the date or detail could not be confirmed; the note says what
    note: str | None = None


class _Texts(_Strict):
    """The rules an entry and its translations share: a short answer, a one-sentence note, distinct questions."""

    @field_validator("answer", check_fields=False)
    @classmethod
    def _short(cls, v: str) -> str:
        return _short_answer(v)

    @field_validator("status_note", check_fields=False)
    @classmethod
    def _one_sentence(cls, v: str | None) -> str | None:
        return _one_sentence(v)

    @field_validator("questions", check_fields=False)
    @classmethod
    def _distinct(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return _distinct(v)


class Entry(_Texts):
    id: str = Field(pattern=r"^[a-z0-9_]+$", max_length=40)
    municipality: Municipality
    kind: Kind
    title: str = Field(min_length=2, max_length=80)
    synonyms: tuple[str, ...] = Field(default=(), description="names and entity values that mean exactly this entry")
    keywords: tuple[str, ...] = Field(default=(), max_length=40,
                                      description="everyday words citizens use about it (trades, conditions); retrieval only")
    questions: tuple[str, ...] = Field(min_length=6, max_length=20)
    answer: str = Field(min_length=20, max_length=MAX_ANSWER_CHARS)
    details: str = Field(min_length=10, max_length=700)
    for_whom: str = Field(min_length=5, max_length=300)
    next_step: NextStep
    source: Source
    status: Status
    status_note: str | None = Field(default=None, max_length=300)
    legal_source: LegalRef | None = None
    reviewed: dt.date

    @model_validator(mode="after")
    def _status(self) -> "Entry":
        if self.status != "gældende":
            if not self.status_note:
                raise ValueError(f"status '{self.status}' needs a status_note (one plain sentence)")
            if not self.legal_source:
                raise ValueError(f"status '{self.status}' needs a legal_source")
        return self

    @property
    def current(self) -> bool:
        return self.status == "gældende"

    def citation(self, section: str = "afsnit") -> str:
        """'Ballerup Kommune, Indsats- og aktiveringsstrategi (2020), afsnit "Unge"' (without the review date).

        section: the word before the section's name in the reader's language; publications keep their Danish names.
        """
        s = self.source
        text = f"{s.publisher}, {s.title}"
        if s.year:
            text += f" ({s.year})"
        if s.section:
            text += f", {section} '{s.section}'"
        return text


class EntryFile(_Strict):
    """One YAML file: a list of entries."""

    entries: tuple[Entry, ...]


class Translation(_Texts):
    """An entry's text in another language, written and reviewed by people (knowledge/translations/<locale>/)."""

    id: str = Field(pattern=r"^[a-z0-9_]+$", max_length=40, description="the id of the entry in the same layer")
    title: str = Field(min_length=2, max_length=100)
    questions: tuple[str, ...] = Field(min_length=6, max_length=12,
                                       description="how a second-language speaker asks (typos, Danish words)")
    keywords: tuple[str, ...] = Field(default=(), max_length=30,
                                      description="everyday English words citizens use about it; retrieval only")
    answer: str = Field(min_length=20, max_length=MAX_ANSWER_CHARS + 60)  # English runs a little longer
    details: str = Field(min_length=10, max_length=800)
    for_whom: str = Field(min_length=5, max_length=340)
    next_step: str = Field(min_length=3, max_length=120)
    status_note: str | None = Field(default=None, max_length=340)
    translated_by: str = Field(min_length=2, description="who wrote it: the text is by people, never generated")
    reviewed: dt.date



class TranslationFile(_Strict):
    """One layer's translations: knowledge/translations/<locale>/<municipality>.yml."""

    locale: Literal["en"]
    municipality: Municipality
    # local entries whose national translation says the same (checked by a person): they use it
    same_as_national: tuple[str, ...] = ()
    translations: tuple[Translation, ...]


class LegalSourcesFile(_Strict):
    sources: dict[str, LegalSource]


def json_schema() -> dict:
    return EntryFile.model_json_schema()


if __name__ == "__main__":
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
