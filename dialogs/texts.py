"""Citizen-facing copy, loaded from a data file by key (no Danish text in Python)."""
from pathlib import Path
from typing import Any

import yaml

from dialogs.turn import Button

TEXTS_DIR = Path(__file__).resolve().parent / "texts"


class Texts:
    """Lookup of texts and button sets by key, with {placeholders} filled in."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    @classmethod
    def load(cls, language: str = "da") -> "Texts":
        with open(TEXTS_DIR / f"{language}.yml", encoding="utf-8") as f:
            return cls(yaml.safe_load(f))

    def get(self, key: str, **values: Any) -> str:
        """The text at a dotted key, e.g. 'menu.intro'; KeyError if missing (a bug, caught by tests)."""
        node: Any = self._data
        for part in key.split("."):
            node = node[part]
        if not isinstance(node, str):
            raise KeyError(f"{key} is not a text")
        return node.format(**values) if values else node

    def has(self, key: str) -> bool:
        try:
            self.get(key)
        except KeyError:
            return False
        return True

    def buttons(self, key: str) -> list[Button]:
        """A named button set from the 'buttons' section: [{title, payload}, ...]."""
        return [Button(b["title"], b["payload"]) for b in self._data["buttons"][key]]

    def section(self, key: str) -> Any:
        """A raw sub-tree (for data-driven answers)."""
        node: Any = self._data
        for part in key.split("."):
            node = node[part]
        return node
