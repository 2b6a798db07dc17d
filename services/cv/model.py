"""The CV as stored (one per citizen, JSON in the `cvs` table): sections as Jobnet has them.

Contact details (name, phone, e-mail) live only here: never in flow state, messages or events.
"""
from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SECTIONS = ("contact", "wishes", "jobs", "education", "courses", "skills", "languages", "licence", "profile")
Section = Literal["contact", "wishes", "jobs", "education", "courses", "skills", "languages", "licence", "profile"]
REPEATABLE = ("jobs", "education")
LEVELS = ("native", "fluent", "good", "basic")  # modersmål, flydende, godt, lidt
HOURS = ("full", "part", "both")
# Jobnet marks a CV searchable only when these are filled in (checked by jobnet_missing).
JOBNET_MINIMUM = ("education", "jobs", "contact", "wishes", "conditions")


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class YearMonth(_Model):
    """A point in a period: a year, with the month when the citizen gave one."""

    model_config = ConfigDict(frozen=True)
    year: int
    month: int | None = None

    def index(self, end: bool = False) -> int:
        """Months since year 0; a year alone counts as January (start) or December (end)."""
        return self.year * 12 + ((self.month or (12 if end else 1)) - 1)

    def plus(self, months: int) -> YearMonth:
        """This point moved by a number of months; a year alone stays a year when whole years are added."""
        if self.month is None and months % 12 == 0:
            return YearMonth(year=self.year + months // 12)
        if self.month is None:
            return YearMonth(year=self.year + round(months / 12))
        total = self.index() + months
        return YearMonth(year=total // 12, month=total % 12 + 1)

    @classmethod
    def of(cls, day: date) -> YearMonth:
        return cls(year=day.year, month=day.month)


class Period(_Model):
    """From start to end; ongoing means 'til nu'. A parse may give only part: then months or one end is set."""

    start: YearMonth | None = None
    end: YearMonth | None = None
    ongoing: bool = False
    months: int | None = None  # a duration without dates ('3 år'): the flow asks when it ended

    @property
    def complete(self) -> bool:
        return self.start is not None and (self.end is not None or self.ongoing)


class Job(_Model):
    title: str = ""
    employer: str = ""
    hide_employer: bool = False  # Jobnet lets the citizen hide the workplace from employers
    period: Period | None = None
    tasks: list[str] = Field(default_factory=list)
    results: list[str] = Field(default_factory=list)


class Education(_Model):
    title: str = ""
    school: str = ""
    period: Period | None = None


class Language(_Model):
    name: str
    level: str | None = None  # one of LEVELS


class Contact(_Model):
    name: str = ""
    phone: str = ""
    email: str = ""


class Wishes(_Model):
    titles: list[str] = Field(default_factory=list)
    area: str = ""
    hours: str = ""  # one of HOURS, or the citizen's own words ('30 timer')
    start: str = ""  # 'now' or the citizen's own words ('1. marts')


class Profile(_Model):
    strengths: str = ""  # what are you good at
    described: str = ""  # how would colleagues describe you
    next: str = ""  # what do you want to do next
    text: str = ""  # the composed (or own) profile text


class Progress(_Model):
    """Where the guided walk stopped, so 'jeg skal lave et cv' another day continues there."""

    step: str
    entry: int | None = None


class CV(_Model):
    contact: Contact = Field(default_factory=Contact)
    wishes: Wishes = Field(default_factory=Wishes)
    jobs: list[Job] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    courses: list[str] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    licences: list[str] | None = None  # None: not answered; []: none
    profile: Profile = Field(default_factory=Profile)
    progress: Progress | None = None  # None: the guided walk is finished (or never started)

    def filled(self, section: str) -> bool:
        """Whether a section has content (contact: a name and a way to reach the citizen)."""
        if section == "contact":
            return bool(self.contact.name and (self.contact.phone or self.contact.email))
        if section == "wishes":
            return bool(self.wishes.titles)
        if section == "conditions":
            return bool(self.wishes.hours)
        if section == "licence":
            return self.licences is not None
        if section == "profile":
            return bool(self.profile.text)
        return bool(getattr(self, section))

    def is_empty(self) -> bool:
        return self.model_dump(exclude={"progress"}) == CV().model_dump(exclude={"progress"})


def jobnet_missing(cv: CV) -> list[str]:
    """Jobnet's minimum sections still missing, in Jobnet's order of the words the citizen sees."""
    return [s for s in JOBNET_MINIMUM if not cv.filled(s)]
