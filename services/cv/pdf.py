"""The CV as a PDF: A4, one or two pages, DejaVu Sans embedded (æ, ø, å, '–' and '•' in any PDF reader).

Headings and periods come from the conversation's texts (services.cv.present), so the PDF reads like the
chat. If the content does not fit on two pages at the normal size, it is set once or twice smaller.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from services.cv.model import CV
from services.cv.present import SECTION_KEYS, hours_value, language_value, period_value, start_value
from services.outgoing import Text, render_value

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVu"
ACCENT = (31, 78, 121)
GREY = (95, 95, 95)
INK = (25, 25, 25)
RULE = (200, 208, 216)
MARGIN = 18.0
DATE_COLUMN = 38.0  # mm for the period to the left of a job or an education
SIZES = (10.0, 9.2, 8.5)  # body text sizes tried until the CV fits on MAX_PAGES
MAX_PAGES = 2


class Lookup(Protocol):
    locale: str

    def get(self, key: str, **values: Any) -> str: ...


def _no_when(*_: Any) -> str:
    raise TypeError("a CV has no moments to format")


class _Doc(FPDF):
    """A4 with the fonts, margins and a page footer ('Side 1 af 2')."""

    def __init__(self, texts: Lookup, size: float) -> None:
        super().__init__(format="A4", unit="mm")
        self.texts, self.size = texts, size
        self.add_font(FAMILY, "", FONTS / "DejaVuSans.ttf")
        self.add_font(FAMILY, "B", FONTS / "DejaVuSans-Bold.ttf")
        self.set_margins(MARGIN, 16.0, MARGIN)
        self.set_auto_page_break(True, margin=16.0)
        self.alias_nb_pages("{nb}")
        self.set_lang(texts.locale)
        self.set_creator("Jobassistenten")
        self.set_title(texts.get("cv.pdf.title"))

    def footer(self) -> None:
        self.set_y(-11)
        self.font(self.size - 2, colour=GREY)
        self.cell(0, 4, self.texts.get("cv.pdf.page", page=str(self.page_no()), pages="{nb}"), align="C")

    def font(self, size: float, bold: bool = False, colour: tuple[int, int, int] = INK) -> None:
        self.set_font(FAMILY, "B" if bold else "", size)
        self.set_text_color(*colour)

    @property
    def width(self) -> float:
        return self.w - self.l_margin - self.r_margin

    def text_value(self, value: Text | str | None) -> str:
        if value is None:
            return ""
        return value if isinstance(value, str) else str(render_value(value, self.texts, _no_when))

    def heading(self, key: str) -> None:
        if self.will_page_break(self.size * 2.6):
            self.add_page()
        self.ln(self.size * 0.45)
        self.font(self.size + 2, bold=True, colour=ACCENT)
        self.cell(0, self.size * 0.62, self.texts.get(key), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(*RULE)
        self.set_line_width(0.3)
        self.line(self.l_margin, self.get_y() + 0.6, self.w - self.r_margin, self.get_y() + 0.6)
        self.ln(self.size * 0.28)

    def paragraph(self, text: str, x: float | None = None, bold: bool = False, colour: tuple[int, int, int] = INK,
                  size: float | None = None) -> None:
        x = self.l_margin if x is None else x
        self.set_x(x)
        self.font(size or self.size, bold=bold, colour=colour)
        self.multi_cell(self.w - self.r_margin - x, (size or self.size) * 0.5, text, align="L",
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def bullets(self, items: list[str], x: float | None = None) -> None:
        x = self.l_margin if x is None else x
        for item in items:
            self.set_x(x)
            self.font(self.size)
            self.cell(4, self.size * 0.5, "•")
            self.multi_cell(self.w - self.r_margin - x - 4, self.size * 0.5, item, align="L",
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def entry(self, period: str, title: str, place: str, tasks: list[str], results: list[str]) -> None:
        """A job or an education: the period on the left, title and place, then tasks and results as bullets."""
        if self.will_page_break(self.size * 1.6):
            self.add_page()
        top, page = self.get_y() + self.size * 0.12, self.page
        self.set_xy(self.l_margin, top)
        self.font(self.size - 0.8, colour=GREY)
        if self.get_string_width(period) > DATE_COLUMN - 3:  # 'aug. 2016 –' over 'juni 2018', not mid-date
            period = period.replace(" – ", " –\n", 1)
        self.multi_cell(DATE_COLUMN - 3, self.size * 0.5, period, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        after_period = self.get_y()
        self.set_xy(self.l_margin + DATE_COLUMN, top)
        x = self.l_margin + DATE_COLUMN
        self.paragraph(title, x=x, bold=True)
        if place:
            self.paragraph(place, x=x, colour=GREY)
        self.bullets(tasks, x=x)
        self.bullets([self.texts.get("cv.pdf.result", text=r) for r in results], x=x)
        same_page = self.page == page  # a page break in the right column: the period's y is of the last page
        self.set_y((max(self.get_y(), after_period) if same_page else self.get_y()) + self.size * 0.18)


def _unbroken(item: str) -> str:
    """An item of an inline list kept on one line (no-break spaces), unless it is long."""
    return item.replace(" ", "\u00a0") if len(item) <= 30 else item


def _render(cv: CV, texts: Lookup, size: float, today: datetime) -> _Doc:
    doc = _Doc(texts, size)
    doc.set_creation_date(today)
    doc.add_page()
    c = cv.contact
    doc.font(size + 10, bold=True, colour=ACCENT)
    doc.multi_cell(doc.width, (size + 10) * 0.5, c.name or texts.get("cv.pdf.title"), align="L",
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    reach = [texts.get("cv.pdf.phone", phone=c.phone) if c.phone else "",
             texts.get("cv.pdf.email", email=c.email) if c.email else ""]
    if any(reach):
        doc.ln(1)
        doc.paragraph("   ·   ".join(r for r in reach if r), colour=GREY)
    if cv.wishes.titles:
        doc.ln(1)
        doc.paragraph(texts.get("cv.pdf.seeking", titles=", ".join(cv.wishes.titles)), bold=True, size=size + 1)
    if cv.profile.text:
        doc.heading(SECTION_KEYS["profile"])
        doc.paragraph(cv.profile.text)
    if cv.jobs:
        doc.heading(SECTION_KEYS["jobs"])
        for job in cv.jobs:
            doc.entry(doc.text_value(period_value(job.period)), job.title,
                      "" if job.hide_employer else job.employer, job.tasks, job.results)
    if cv.education:
        doc.heading(SECTION_KEYS["education"])
        for edu in cv.education:
            doc.entry(doc.text_value(period_value(edu.period)), edu.title, edu.school, [], [])
    if cv.courses:
        doc.heading(SECTION_KEYS["courses"])
        doc.bullets(cv.courses)
    if cv.skills:
        doc.heading(SECTION_KEYS["skills"])
        doc.paragraph("  ·  ".join(_unbroken(s) for s in cv.skills))
    if cv.languages:
        doc.heading(SECTION_KEYS["languages"])
        shown = [doc.text_value(language_value(lang, texts.locale)) for lang in cv.languages]
        doc.paragraph("  ·  ".join(_unbroken(s) for s in shown))
    if cv.licences:
        doc.heading(SECTION_KEYS["licence"])
        doc.paragraph(texts.get("cv.pdf.licence", categories=", ".join(cv.licences)))
    _wishes(doc, cv, texts)
    return doc


def _wishes(doc: _Doc, cv: CV, texts: Lookup) -> None:
    w = cv.wishes
    rows = [("cv.pdf.wish_titles", ", ".join(w.titles)), ("cv.pdf.wish_area", w.area),
            ("cv.pdf.wish_hours", doc.text_value(hours_value(w.hours)) if w.hours else ""),
            ("cv.pdf.wish_start", doc.text_value(start_value(w.start)) if w.start else "")]
    rows = [(k, v) for k, v in rows if v]
    if not rows:
        return
    doc.heading(SECTION_KEYS["wishes"])
    for key, value in rows:
        top = doc.get_y()
        doc.font(doc.size - 0.8, colour=GREY)
        doc.cell(DATE_COLUMN, doc.size * 0.5, texts.get(key))
        doc.set_y(top)
        doc.paragraph(value, x=doc.l_margin + DATE_COLUMN)


def render_pdf(cv: CV, texts: Lookup, now: datetime | None = None) -> bytes:
    """The CV as PDF bytes; at most MAX_PAGES pages unless even the smallest size cannot hold it."""
    now = now or datetime.now(timezone.utc)
    doc = _render(cv, texts, SIZES[0], now)
    for size in SIZES[1:]:
        if doc.pages_count <= MAX_PAGES:
            break
        doc = _render(cv, texts, size, now)
    return bytes(doc.output())

