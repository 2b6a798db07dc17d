"""The one model of an outgoing message: text by key and values, buttons, a stored file, sources.

Turn replies, reminders and caseworker replies are all `OutMessage`s. They are stored as JSON
(`to_json`) and rendered in the conversation's language only when delivered (`render`), so a
message queued in Danish can be read in another language if the citizen switches.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Mapping, Protocol, Union

from services.redact import redact


class Lookup(Protocol):
    """What rendering needs from a locale's texts (i18n.Texts)."""

    locale: str

    def get(self, key: str, **values: Any) -> str: ...


@dataclass(frozen=True)
class Text:
    """A text by key with its values; a value may itself be a Text, a date, a label or a list of Texts."""

    key: str
    args: Mapping[str, "Value"] = field(default_factory=dict)


@dataclass(frozen=True)
class When:
    """A moment, formatted at delivery in the reader's language ('slot', 'long' or 'date' style)."""

    at: datetime
    style: str = "long"


@dataclass(frozen=True)
class Label:
    """A label from configuration (e.g. a municipality's meeting type), one text per language."""

    by_locale: Mapping[str, str]


@dataclass(frozen=True)
class Verbatim:
    """Text that is not ours to translate (a caseworker's reply); redacted before it is stored."""

    text: str


Value = Union[str, int, float, Text, When, Label, Verbatim, list]  # list: of Texts, one per line


@dataclass(frozen=True)
class Button:
    """A choice: a title and the payload sent back when it is pressed; or, with url, a link the browser opens."""

    title: Text
    payload: str
    url: str | None = None  # a link button (Rasa's web_url): our own absolute URL, payload empty


@dataclass(frozen=True)
class Source:
    """Where an answer comes from (knowledge entries), shown with it."""

    title: str
    reviewed: str = ""


@dataclass(frozen=True)
class FileRef:
    """A stored file (services' FileStore token) and the name the citizen sees."""

    token: str
    name: str


@dataclass(frozen=True)
class OutMessage:
    """One message to the citizen; text and/or buttons and/or a stored file.

    clear_transcript: the citizen's data was just deleted, so a channel that shows a transcript (the web
    page) clears it before showing this message.
    language_changed: the conversation's language was just chosen, so a channel with texts of its own (the
    web page's labels) switches them to the language this message is rendered in.
    """

    text: Text | Verbatim | None = None
    buttons: tuple[Button, ...] = ()
    file: FileRef | None = None
    sources: tuple[Source, ...] = ()
    clear_transcript: bool = False
    language_changed: bool = False


@dataclass(frozen=True)
class Choice:
    """A rendered button."""

    title: str
    payload: str
    url: str | None = None  # a link button: channels open it instead of sending a payload


@dataclass(frozen=True)
class Rendered:
    """A message in one language, ready for a channel."""

    text: str | None
    buttons: list[Choice]
    file: FileRef | None = None
    sources: list[Source] = field(default_factory=list)
    clear_transcript: bool = False
    language: str | None = None  # the locale it is rendered in, set only on a message that changed the language


def _value_json(v: Value) -> Any:
    if isinstance(v, Text):
        return {"k": v.key, "a": {n: _value_json(x) for n, x in v.args.items()}}
    if isinstance(v, When):
        return {"t": v.at.isoformat(), "s": v.style}
    if isinstance(v, Label):
        return {"l": dict(v.by_locale)}
    if isinstance(v, Verbatim):
        return {"v": redact(v.text)}
    if isinstance(v, list):
        return [_value_json(x) for x in v]
    if isinstance(v, str):
        return redact(v)
    if isinstance(v, (int, float)):
        return v
    raise TypeError(f"not a message value: {type(v).__name__}")


def _value_from(raw: Any) -> Value:
    if isinstance(raw, list):
        return [_value_from(x) for x in raw]
    if not isinstance(raw, dict):
        return raw
    if "k" in raw:
        return Text(raw["k"], {n: _value_from(x) for n, x in raw.get("a", {}).items()})
    if "t" in raw:
        return When(datetime.fromisoformat(raw["t"]), raw.get("s", "long"))
    if "l" in raw:
        return Label(raw["l"])
    if "v" in raw:
        return Verbatim(raw["v"])
    raise ValueError(f"unknown message value: {sorted(raw)}")


def _button_json(b: Button) -> dict[str, Any]:
    # A link is built by us (never citizen text), so it is stored as it is: redaction could break its token.
    return {"title": _value_json(b.title), "payload": b.payload, **({"url": b.url} if b.url else {})}


def to_json(msg: OutMessage) -> dict[str, Any]:
    """The stored form; every string value is redacted on the way in."""
    return {"text": _value_json(msg.text) if msg.text else None,
            "buttons": [_button_json(b) for b in msg.buttons],
            "file": {"token": msg.file.token, "name": msg.file.name} if msg.file else None, "sources": [{"title": s.title, "reviewed": s.reviewed} for s in msg.sources],
            **({"clear": True} if msg.clear_transcript else {}), **({"lang": True} if msg.language_changed else {})}


def from_json(raw: Mapping[str, Any]) -> OutMessage:
    text = _value_from(raw["text"]) if raw.get("text") else None
    if text is not None and not isinstance(text, (Text, Verbatim)):
        raise ValueError("message text must be a Text or Verbatim")
    buttons = []
    for b in raw.get("buttons", []):
        title = _value_from(b["title"])
        if not isinstance(title, Text):
            raise ValueError("button title must be a Text")
        buttons.append(Button(title, b["payload"], b.get("url")))
    file = FileRef(raw["file"]["token"], raw["file"]["name"]) if raw.get("file") else None
    return OutMessage(text, tuple(buttons), file,
                      tuple(Source(s["title"], s.get("reviewed", "")) for s in raw.get("sources", [])),
                      raw.get("clear") is True, raw.get("lang") is True)


def render_value(v: Value, texts: Lookup, format_when: Any) -> str | int | float:
    """A value as the reader sees it; numbers stay numbers so plural rules can use them."""
    if isinstance(v, Text):
        return render_text(v, texts, format_when)
    if isinstance(v, When):
        return format_when(v.at, v.style, texts.locale)
    if isinstance(v, Label):
        return v.by_locale.get(texts.locale) or next(iter(v.by_locale.values()), "")
    if isinstance(v, Verbatim):
        return v.text
    if isinstance(v, list):
        return "\n".join(str(render_value(x, texts, format_when)) for x in v)
    return v


def render_text(t: Text | Verbatim, texts: Lookup, format_when: Any) -> str:
    if isinstance(t, Verbatim):
        return t.text
    return texts.get(t.key, **{n: render_value(x, texts, format_when) for n, x in t.args.items()})


def render(msg: OutMessage, texts: Lookup, format_when: Any) -> Rendered:
    """The message in the reader's language."""
    return Rendered(render_text(msg.text, texts, format_when) if msg.text else None,
                    [Choice(render_text(b.title, texts, format_when), b.payload, b.url) for b in msg.buttons],
                    msg.file, list(msg.sources), msg.clear_transcript,
                    texts.locale if msg.language_changed else None)


class Catalog(Protocol):
    """i18n.Catalog: the texts of a locale."""

    def get(self, locale: str | None) -> Lookup: ...


class Renderer:
    """Renders stored or new messages in a conversation's language."""

    def __init__(self, catalog: Catalog, format_when: Callable[[datetime, str, str], str]) -> None:
        self._catalog, self._format_when = catalog, format_when

    def render(self, msg: OutMessage, locale: str | None) -> Rendered:
        return render(msg, self._catalog.get(locale), self._format_when)

    def render_stored(self, body: Mapping[str, Any], locale: str | None) -> Rendered:
        return self.render(from_json(body), locale)
