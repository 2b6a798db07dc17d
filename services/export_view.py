"""The data export as a page a person can read (HTML, the conversation's language): one section per table.

It renders exactly what store.citizens exports (the JSON file holds the same data), so a table that
starts to hold citizen data appears here too, under a generic heading until it is given a title.
Every value is HTML-escaped; the page has no scripts and no external resources.
"""
from datetime import datetime
from html import escape
from typing import Any, Callable, Mapping, Protocol

from services.outgoing import Text
from store.citizens import citizen_links

# Section order and titles; the description is the title key with "_about" added.
SECTIONS = {
    "citizens": "privacy.page.citizens", "conversations": "privacy.page.conversations",
    "messages": "privacy.page.messages", "bookings": "privacy.page.bookings", "handoffs": "privacy.page.handoffs",
    "cvs": "privacy.page.cvs", "files": "privacy.page.files", "outbox": "privacy.page.outbox",
    "events": "privacy.page.events", "audit_log": "privacy.page.audit_log",
    "handoff_notes": "privacy.page.handoff_notes", "turn_tickets": "privacy.page.turn_tickets",
}
ABOUT = {
    "privacy.page.citizens": "privacy.page.citizens_about", "privacy.page.conversations":
    "privacy.page.conversations_about", "privacy.page.messages": "privacy.page.messages_about",
    "privacy.page.bookings": "privacy.page.bookings_about", "privacy.page.handoffs": "privacy.page.handoffs_about",
    "privacy.page.cvs": "privacy.page.cvs_about", "privacy.page.files": "privacy.page.files_about",
    "privacy.page.outbox": "privacy.page.outbox_about", "privacy.page.events": "privacy.page.events_about",
    "privacy.page.audit_log": "privacy.page.audit_log_about",
    "privacy.page.handoff_notes": "privacy.page.handoff_notes_about",
    "privacy.page.turn_tickets": "privacy.page.turn_tickets_about",
}
# What the municipality keeps, anonymised, when a citizen deletes their data, and why (the table's link is SET NULL).
KEPT = {"events": "privacy.kept_events", "audit_log": "privacy.kept_audit_log"}
STYLE = ("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
         "table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #bbb;"
         "padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#eee}ul{margin:0;padding-left:1.2rem}")


class Lookup(Protocol):
    """The texts of one locale (i18n.Texts)."""

    locale: str

    def get(self, key: str, **values: Any) -> str: ...


FormatWhen = Callable[[datetime, str, str], str]


def kept_on_delete() -> list[str]:
    """Tables whose rows stay, unlinked from the citizen, when the citizen is deleted (from the schema)."""
    return sorted({link.table.name for link in citizen_links() if link.on_delete == "SET NULL"})


def kept_messages() -> list[Text]:
    """One line per kept table: what it is and why it is kept (for the chat and the page)."""
    return [Text(KEPT[t]) if t in KEPT else Text("privacy.kept_other", {"table": t}) for t in kept_on_delete()]


def kept_texts(texts: Lookup) -> list[str]:
    return [texts.get(m.key, **m.args) for m in kept_messages()]


class ExportPage:
    """Builds the page for one export."""

    def __init__(self, texts: Lookup, format_when: FormatWhen) -> None:
        self._t, self._when = texts, format_when

    def render(self, data: Mapping[str, list[dict[str, Any]]], now: datetime) -> str:
        t = self._t
        title = escape(t.get("privacy.page.title"))
        parts = [f'<!doctype html>\n<html lang="{escape(t.locale)}"><head><meta charset="utf-8">',
                 '<meta name="viewport" content="width=device-width, initial-scale=1">',
                 f"<title>{title}</title><style>{STYLE}</style></head><body>", f"<h1>{title}</h1>",
                 f"<p>{escape(t.get('privacy.page.intro', date=self._when(now, 'long', t.locale)))}</p>"]
        ordered = [n for n in SECTIONS if n in data] + sorted(n for n in data if n not in SECTIONS)
        for name in ordered:
            parts.append(self._section(name, data[name]))
        kept = "".join(f"<p>{escape(line)}</p>" for line in kept_texts(t))  # each line starts with its bullet
        parts.append(f"<h2>{escape(t.get('privacy.page.kept'))}</h2>{kept}")
        parts.append(f"<p>{escape(t.get('privacy.page.complaint'))}</p></body></html>\n")
        return "\n".join(parts)

    def _section(self, name: str, rows: list[dict[str, Any]]) -> str:
        t = self._t
        key = SECTIONS.get(name)
        heading = t.get(key) if key else t.get("privacy.page.other", table=name)
        about = f"<p>{escape(t.get(ABOUT[key]))}</p>" if key else ""
        if not rows:
            body = f"<p>{escape(t.get('privacy.page.empty'))}</p>"
        elif name == "messages":
            body = self._messages(rows)
        else:
            body = self._table(rows)
        return f'<section id="{escape(name)}"><h2>{escape(heading)}</h2>{about}{body}</section>'

    def _messages(self, rows: list[dict[str, Any]]) -> str:
        """The transcript as a conversation: when, who, what."""
        t = self._t
        head = "".join(f"<th>{escape(t.get(k))}</th>" for k in
                       ("privacy.page.col_time", "privacy.page.col_from", "privacy.page.col_text"))
        lines = []
        for row in rows:
            who = t.get("privacy.page.from_you" if row.get("direction") == "in" else "privacy.page.from_bot")
            lines.append(f"<tr><td>{self._cell(row.get('created_at'))}</td><td>{escape(who)}</td>"
                         f"<td>{self._cell(row.get('text'))}</td></tr>")
        return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(lines)}</tbody></table>"

    def _table(self, rows: list[dict[str, Any]]) -> str:
        """Any table: one row per record, its columns as stored (the JSON file has the same names)."""
        columns = list(rows[0])
        head = "".join(f"<th>{escape(c)}</th>" for c in columns)
        body = "".join("<tr>" + "".join(f"<td>{self._cell(r.get(c))}</td>" for c in columns) + "</tr>"
                       for r in rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def _cell(self, value: Any) -> str:
        if value is None or value == "" or value == [] or value == {}:
            return "–"
        if isinstance(value, bool):
            return escape(self._t.get("privacy.page.yes" if value else "privacy.page.no"))
        if isinstance(value, dict):  # a CV, an event's data, a stored message: nested, readable
            return "<ul>" + "".join(f"<li>{escape(str(k))}: {self._cell(v)}</li>" for k, v in value.items()) + "</ul>"
        if isinstance(value, list):
            return "<ul>" + "".join(f"<li>{self._cell(v)}</li>" for v in value) + "</ul>"
        if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
            try:  # the export writes moments as ISO 8601; show them as the citizen reads dates
                return escape(self._when(datetime.fromisoformat(value), "long", self._t.locale))
            except ValueError:
                pass
        return escape(str(value)).replace("\n", "<br>")
