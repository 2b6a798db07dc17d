"""Citizen-facing texts per locale, read from Project Fluent files (i18n/locales/<locale>/*.ftl)."""
from __future__ import annotations

from pathlib import Path

from fluent.runtime import FluentBundle
from fluent.runtime.errors import FluentReferenceError
from fluent.syntax import FluentParser
from fluent.syntax import ast as ftl

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
DEFAULT_LOCALE = "da"

Value = str | int | float


def to_id(key: str) -> str:
    """The Fluent message id of a dotted key: Fluent ids cannot contain dots, so dots become dashes."""
    return key.replace(".", "-")


def to_key(message_id: str) -> str:
    """The dotted key of a Fluent message id (keys never contain dashes, so this is the exact inverse)."""
    return message_id.replace("-", ".")


def read_resources(folder: Path) -> list[ftl.Resource]:
    """The parsed *.ftl files of a locale folder; ValueError on a syntax error or an id defined twice."""
    parser = FluentParser()
    resources: list[ftl.Resource] = []
    seen: set[str] = set()
    for path in sorted(folder.glob("*.ftl")):
        resource = parser.parse(path.read_text(encoding="utf-8"))
        junk = [e for e in resource.body if isinstance(e, ftl.Junk)]
        if junk:
            # FluentBundle skips junk silently; a typo must not make a text disappear.
            notes = "; ".join(str(a.message) for a in junk[0].annotations)
            raise ValueError(f"{path}: syntax error near {(junk[0].content or '').strip()[:60]!r}: {notes}")
        for entry in resource.body:
            if isinstance(entry, ftl.Message | ftl.Term):
                full_id = ("-" if isinstance(entry, ftl.Term) else "") + entry.id.name
                if full_id in seen:
                    # FluentBundle keeps the first of two equal ids silently; either one would be a bug.
                    raise ValueError(f"{path}: {full_id!r} is defined twice")
                seen.add(full_id)
        resources.append(resource)
    return resources


def messages_of(resources: list[ftl.Resource]) -> dict[str, ftl.Message]:
    """The messages (not terms) of parsed resources, by Fluent id."""
    return {e.id.name: e for r in resources for e in r.body if isinstance(e, ftl.Message)}


class Texts:
    """The texts of one locale: get(key, **values) formats a message, with plural selection for numbers."""

    def __init__(self, locale: str, resources: list[ftl.Resource]) -> None:
        self.locale = locale
        # No bidi isolation marks: these texts go to plain-text channels (Telegram, terminal, ics files).
        self._bundle = FluentBundle([locale], use_isolating=False)
        for resource in resources:
            self._bundle.add_resource(resource)
        # A message with only attributes has no text to get.
        self._keys = frozenset(to_key(i) for i, m in messages_of(resources).items() if m.value is not None)

    def get(self, key: str, **values: Value) -> str:
        """The text at a dotted key; KeyError if it or a variable is missing, ValueError on other format errors."""
        message_id = to_id(key)
        if key not in self._keys:
            raise KeyError(f"no text {key!r} (Fluent id {message_id!r}) in locale {self.locale!r}")
        for name, value in values.items():
            # bool is an int, and dates or None would be formatted by Fluent in surprising ways.
            if isinstance(value, bool) or not isinstance(value, str | int | float):
                raise TypeError(f"text {key!r}: value {name!r} must be str, int or float, not {type(value).__name__}")
        pattern = self._bundle.get_message(message_id).value
        if pattern is None:  # cannot happen: _keys holds only messages with a value
            raise KeyError(key)
        text, errors = self._bundle.format_pattern(pattern, values)
        if errors:
            # Fluent still returns a text with the gaps filled by placeholders; never let that reach a citizen.
            detail = "; ".join(str(e) for e in errors)
            missing = any(isinstance(e, FluentReferenceError) for e in errors)
            raise (KeyError if missing else ValueError)(f"text {key!r} in locale {self.locale!r}: {detail}")
        return str(text)

    def has(self, key: str) -> bool:
        """Whether the locale has a text at this dotted key."""
        return key in self._keys

    def keys(self) -> set[str]:
        """The dotted keys of every text in this locale."""
        return set(self._keys)


class Catalog:
    """All locales found under a root folder; get(locale) falls back to the default locale."""

    def __init__(self, texts: dict[str, Texts], default: str = DEFAULT_LOCALE) -> None:
        if default not in texts:
            raise ValueError(f"default locale {default!r} has no texts (found {sorted(texts)})")
        self._texts = texts
        self._by_lower = {name.lower(): t for name, t in texts.items()}  # 'en-GB' folder, 'en_gb' asked
        self.default = default
        self.locales: tuple[str, ...] = tuple(sorted(texts))

    @classmethod
    def load(cls, root: Path = LOCALES_DIR, default: str = DEFAULT_LOCALE) -> Catalog:
        """One locale per subfolder of root that holds *.ftl files (read now, so errors show at start-up)."""
        texts = {folder.name: Texts(folder.name, read_resources(folder))
                 for folder in sorted(root.iterdir()) if folder.is_dir() and any(folder.glob("*.ftl"))}
        return cls(texts, default)

    def get(self, locale: str | None) -> Texts:
        """The texts of a locale; 'da-DK' or 'da_DK' find 'da'; unknown or None give the default locale."""
        if locale:
            wanted = locale.replace("_", "-").lower()
            for candidate in (wanted, wanted.split("-", 1)[0]):
                if candidate in self._by_lower:
                    return self._by_lower[candidate]
        return self._texts[self.default]
