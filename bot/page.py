"""The web chat page: the template bot/static/index.html filled in with the texts of one locale."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from i18n import Texts
from nlu.client import make_payload

INDEX = Path(__file__).resolve().parent / "static" / "index.html"
# The strings chat.js shows; it reads each under its key without "web." (TEXT.connection_error, ...).
SCRIPT_KEYS = ("web.connection_error", "web.typing", "web.speaker_user", "web.speaker_bot", "web.download",
               "web.file_fallback", "web.choices_label")
# The header's language button offers the other language (two locales: Danish and English).
OTHER_LOCALE = {"da": "en", "en": "da"}
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z][\w.\-]*)\s*\}\}")


def ui_texts_json(texts: Texts) -> str:
    """The strings for chat.js as JSON that is safe inside a <script> element."""
    data = {key.removeprefix("web."): texts.get(key) for key in SCRIPT_KEYS}
    # The HTML parser ends a script at "</script" and treats "<!--" specially, whatever the JSON means;
    # \u escapes of < > & keep the JSON identical for JSON.parse and inert for the HTML parser.
    raw = json.dumps(data, ensure_ascii=False)
    return raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_index(texts: Texts) -> str:
    """The page in the texts' locale: {{web.*}} texts HTML-escaped, {{locale}} and {{ui_texts}} filled in."""
    other = OTHER_LOCALE.get(texts.locale, "da")
    specials = {"locale": html.escape(texts.locale), "ui_texts": ui_texts_json(texts),
                "other_locale": other, "language_payload": html.escape(make_payload("set_language", locale=other))}

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        # An unknown placeholder raises KeyError (from texts.get): a broken page must fail in tests, not in a browser.
        return specials[name] if name in specials else html.escape(texts.get(name))

    return PLACEHOLDER.sub(fill, INDEX.read_text(encoding="utf-8"))
