"""Named button sets and the data-driven answers (dialogs/buttons.yml, dialogs/answers.yml): structure, not copy."""
from dataclasses import dataclass
from pathlib import Path

import yaml

from services.outgoing import Button, Text

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Answer:
    """A catch-all answer for an intent: its text is answers.<intent>.text, with an optional button set.

    interrupts: ends an active flow when confidently recognised (menu, goodbye, complaint);
    side_remark: answered without ending the active flow (greeting, thanks).
    """

    intent: str
    buttons: str | None
    interrupts: bool = False
    side_remark: bool = False


class ButtonSets:
    """Button sets by name; titles are text keys rendered in the conversation's language."""

    def __init__(self, sets: dict[str, tuple[Button, ...]], answers: dict[str, Answer]) -> None:
        self._sets, self.answers = sets, answers

    @classmethod
    def load(cls, buttons: Path = HERE / "buttons.yml", answers: Path = HERE / "answers.yml") -> "ButtonSets":
        raw = yaml.safe_load(buttons.read_text(encoding="utf-8"))
        sets = {name: tuple(Button(Text(b["title"]), b["payload"]) for b in items) for name, items in raw.items()}
        raw_answers = yaml.safe_load(answers.read_text(encoding="utf-8"))
        parsed = {intent: Answer(intent, (a or {}).get("buttons"), bool((a or {}).get("interrupts")),
                                 bool((a or {}).get("side_remark"))) for intent, a in raw_answers.items()}
        for a in parsed.values():
            if a.buttons is not None and a.buttons not in sets:
                raise ValueError(f"answer {a.intent} names an unknown button set {a.buttons!r}")
        return cls(sets, parsed)

    def get(self, name: str) -> tuple[Button, ...]:
        return self._sets[name]

    def names(self) -> set[str]:
        return set(self._sets)
