"""A municipality's booking setup (meeting types, modes, selvbook deadline, demo calendars)."""
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data" / "municipalities"


@dataclass(frozen=True)
class MeetingType:
    key: str
    label: str
    minutes: int
    modes: tuple[str, ...]


@dataclass(frozen=True)
class Municipality:
    key: str
    name: str
    location: str
    selvbook_days: int
    meeting_types: dict[str, MeetingType]
    modes: dict[str, str]
    demo: dict[str, Any]

    @classmethod
    def load(cls, key: str) -> "Municipality":
        path = DATA / f"{key}.yml"
        if not path.exists():
            known = ", ".join(sorted(p.stem for p in DATA.glob("*.yml")))
            raise ValueError(f"unknown municipality '{key}' (known: {known})")
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        types = {k: MeetingType(k, v["label"], int(v["minutes"]), tuple(v["modes"]))
                 for k, v in raw["meeting_types"].items()}
        return cls(key, raw["name"], raw["location"], int(raw["selvbook_days"]), types, dict(raw["modes"]),
                   raw.get("demo") or {})
