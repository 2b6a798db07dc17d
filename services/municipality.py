"""A municipality's booking setup (meeting types, modes, selvbook deadline, demo calendars)."""
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from services.opening_hours import OpeningHours

DATA = Path(__file__).resolve().parent / "data" / "municipalities"


def _labels(raw: str | dict[str, str]) -> dict[str, str]:
    """A label in the file is Danish text, or a mapping per language ({da: ..., en: ...})."""
    return dict(raw) if isinstance(raw, dict) else {"da": raw}


@dataclass(frozen=True)
class MeetingType:
    key: str
    labels: dict[str, str]
    minutes: int
    modes: tuple[str, ...]

    @property
    def label(self) -> str:
        """The Danish label (the CLI and logs)."""
        return self.labels.get("da") or next(iter(self.labels.values()))


@dataclass(frozen=True)
class Municipality:
    key: str
    name: str
    location: str
    selvbook_days: int
    meeting_types: dict[str, MeetingType]
    modes: dict[str, dict[str, str]]  # mode -> label per language
    demo: dict[str, Any]
    opening_hours: OpeningHours

    @classmethod
    def load(cls, key: str) -> "Municipality":
        path = DATA / f"{key}.yml"
        if not path.exists():
            known = ", ".join(sorted(p.stem for p in DATA.glob("*.yml")))
            raise ValueError(f"unknown municipality '{key}' (known: {known})")
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        types = {k: MeetingType(k, _labels(v["label"]), int(v["minutes"]), tuple(v["modes"]))
                 for k, v in raw["meeting_types"].items()}
        modes = {k: _labels(v) for k, v in raw["modes"].items()}
        return cls(key, raw["name"], raw["location"], int(raw["selvbook_days"]), types, modes,
                   raw.get("demo") or {}, OpeningHours.parse(raw.get("opening_hours") or {}))


def load_all() -> dict[str, Municipality]:
    """Every configured municipality by key (a conversation keeps the one it started with)."""
    return {p.stem: Municipality.load(p.stem) for p in sorted(DATA.glob("*.yml"))}
