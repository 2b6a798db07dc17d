"""The staff statistics page /inbox/stats: server-rendered HTML and SVG, a table under every chart, CSV per table."""
import csv
import hmac
import io
from datetime import date, datetime, timedelta
from html import escape
from pathlib import Path
from typing import Callable, Sequence
from urllib.parse import urlencode

from aiohttp import web

from bot.inbox_api import COOKIE
from services.dates_format import to_local
from services.staff import StaffService
from services.stats.chart import svg
from services.stats.report import Query, StatsReport
from services.stats.tables import Table

STATIC = Path(__file__).resolve().parent / "static" / "stats"
CHANNELS = ("web", "telegram", "terminal")
DEFAULT_DAYS = 30
MAX_DAYS = 400  # more than a year by day is unreadable; weeks are fine


def parse_query(params: "web.MultiDictProxy[str] | dict[str, str]", today: date,
                municipalities: Sequence[str]) -> Query | None:
    """The form's values, with defaults (the last 30 days by day); None when a date is malformed."""
    try:
        last = date.fromisoformat(params.get("last") or today.isoformat())
        first = date.fromisoformat(params.get("first") or (last - timedelta(days=DEFAULT_DAYS - 1)).isoformat())
    except ValueError:
        return None
    by = params.get("by") if params.get("by") in ("day", "week") else "day"
    if abs((last - first).days) > MAX_DAYS:
        by = "week"
    muni = params.get("municipality") if params.get("municipality") in municipalities else None
    channel = params.get("channel") if params.get("channel") in CHANNELS else None
    return Query(min(first, last), max(first, last), by, muni, channel)


def to_csv(table: Table) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(table.csv_rows())
    return out.getvalue()


def _params(q: Query) -> dict[str, str]:
    out = {"first": q.first.isoformat(), "last": q.last.isoformat(), "by": q.by}
    if q.municipality:
        out["municipality"] = q.municipality
    if q.channel:
        out["channel"] = q.channel
    return out


class StatsPage:
    """Renders the page for a query; `t` gives the Danish staff texts (i18n/locales/da/stats.ftl)."""

    def __init__(self, t: Callable[..., str], municipalities: Sequence[str]) -> None:
        self.t, self.municipalities = t, municipalities

    def _select(self, name: str, label: str, options: Sequence[tuple[str, str]], chosen: str) -> str:
        opts = "".join(f'<option value="{escape(v)}"{" selected" if v == chosen else ""}>{escape(text)}</option>'
                       for v, text in options)
        return (f'<div class="field"><label for="{name}">{escape(label)}</label>'
                f'<select id="{name}" name="{name}">{opts}</select></div>')

    def form(self, q: Query, error: str) -> str:
        t = self.t
        every = [("", t("stats.form.all"))]
        return "".join([
            '<form class="filters" method="get" action="/inbox/stats">',
            f'<fieldset><legend>{escape(t("stats.form.legend"))}</legend>',
            f'<div class="error-box" role="alert">{escape(error)}</div>' if error else "",
            f'<div class="field"><label for="first">{escape(t("stats.form.first"))}</label>'
            f'<input id="first" name="first" type="date" value="{q.first.isoformat()}" required></div>',
            f'<div class="field"><label for="last">{escape(t("stats.form.last"))}</label>'
            f'<input id="last" name="last" type="date" value="{q.last.isoformat()}" required></div>',
            self._select("by", t("stats.form.by"), [("day", t("stats.form.day")), ("week", t("stats.form.week"))],
                         q.by),
            self._select("municipality", t("stats.form.municipality"),
                         every + [(m, m.capitalize()) for m in self.municipalities], q.municipality or ""),
            self._select("channel", t("stats.form.channel"), every + [(c, c) for c in CHANNELS], q.channel or ""),
            f'<button type="submit" class="primary">{escape(t("stats.form.show"))}</button></fieldset></form>'])

    def table(self, table: Table, q: Query, csrf: str) -> str:
        t, tid = self.t, f"t-{table.name}"
        parts = [f'<section class="figure" aria-labelledby="{tid}-h"><h2 id="{tid}-h">{escape(table.title)}</h2>']
        if table.chart is not None and table.rows:
            parts.append(svg(table.chart, t("stats.chart.label", title=table.title), f"c-{table.name}"))
        actions = table.name == "ubesvarede"
        head = "".join(f'<th scope="col">{escape(c)}</th>' for c in table.columns)
        if actions:
            head += '<th scope="col"><span class="sr-only">' + escape(t("stats.mark_handled")) + "</span></th>"
        body = []
        for i, (label, cells) in enumerate(zip(table.labels, table.rows)):
            tds = "".join(f'<td class="{"num" if c.shown() is not None or c.text() in ("<5", "–") else ""}">'
                          f'{escape(c.text())}</td>' for c in cells)
            if actions:
                tds += f"<td>{self._handled_form(table, i, q, csrf)}</td>"
            body.append(f'<tr><th scope="row">{escape(label)}</th>{tds}</tr>')
        if not body:
            body.append(f'<tr><td colspan="{len(table.columns)}">{escape(t("stats.chart.empty"))}</td></tr>')
        parts.append(f'<div class="scroll" role="region" aria-label="{escape(t("stats.table_of", title=table.title))}"'
                     f' tabindex="0">'
                     f'<table id="{tid}"><caption class="sr-only">{escape(table.title)}</caption>'
                     f'<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>')
        if table.note:
            parts.append(f'<p class="note">{escape(table.note)}</p>')
        link = f'/inbox/stats/csv/{table.name}?{urlencode(_params(q))}'
        name = f'{t("stats.csv")}: {table.title}'  # the visible words first (WCAG 2.5.3), then which table
        parts.append(f'<p><a class="csv" href="{escape(link)}" download aria-label="{escape(name)}">'
                     f'{escape(t("stats.csv"))}</a></p></section>')
        return "".join(parts)

    def _handled_form(self, table: Table, i: int, q: Query, csrf: str) -> str:
        key = table.row_keys[i] if i < len(table.row_keys) else None
        if not key or table.rows[i][1].text() != self.t("stats.open"):
            return ""
        return (f'<form method="post" action="/inbox/stats/handled?{escape(urlencode(_params(q)))}">'
                f'<input type="hidden" name="csrf" value="{escape(csrf)}">'
                f'<input type="hidden" name="terms" value="{escape(" ".join(key))}">'
                f'<input type="hidden" name="label" value="{escape(table.labels[i][:300])}">'
                f'<button type="submit" class="secondary-dark" aria-label="{escape(self.t("stats.mark_handled"))}: '
                f'{escape(table.labels[i][:80])}">{escape(self.t("stats.mark_handled"))}</button></form>')

    def page(self, body: str, name: str = "") -> str:
        t = self.t
        account = (f'<p class="who">{escape(name)}</p>' if name else "")
        return (f'<!doctype html><html lang="da"><head><meta charset="utf-8">'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">'
                f'<meta name="referrer" content="no-referrer"><title>{escape(t("stats.page.title"))}</title>'
                f'<link rel="stylesheet" href="/inbox/stats/static/stats.css"></head><body>'
                f'<a class="skip" href="#main">Gå til indhold</a>'
                f'<header class="top"><div class="top-row"><p class="brand">Jobassistenten</p>{account}'
                f'<a class="back" href="/inbox/">{escape(t("stats.page.back"))}</a></div></header>'
                f'<main id="main" tabindex="-1"><h1>{escape(t("stats.page.heading"))}</h1>{body}</main></body></html>')

    def report(self, tables: Sequence[Table], q: Query, csrf: str, error: str, notice: str) -> str:
        toc = "".join(f'<li><a href="#t-{tb.name}-h">{escape(tb.title)}</a></li>' for tb in tables)
        return "".join([f'<p class="intro">{escape(self.t("stats.page.intro"))}</p>',
                        f'<p class="notice" role="status">{escape(notice)}</p>' if notice else "",
                        self.form(q, error),
                        f'<nav aria-labelledby="toc-h"><h2 id="toc-h">{escape(self.t("stats.contents"))}</h2>'
                        f'<ul class="toc">{toc}</ul></nav>',
                        *(self.table(tb, q, csrf) for tb in tables)])


def stats_routes(report: StatsReport, staff: StaffService, municipalities: Sequence[str],
                 clock: Callable[[], datetime]) -> list[web.AbstractRouteDef]:
    """Routes for the inbox application (mounted at /inbox/): the page, CSV per table, 'handled' marks, CSS."""
    page = StatsPage(report.texts, municipalities)

    async def who(request: web.Request) -> tuple[str, str] | None:
        found = await staff.session(request.cookies.get(COOKIE, ""))
        return (found[0].name, found[1]) if found else None

    def login_needed() -> web.Response:
        body = (f'<p>{escape(page.t("stats.login.needed"))}</p>'
                f'<p><a href="/inbox/">{escape(page.t("stats.login.link"))}</a></p>')
        return web.Response(text=page.page(body), status=401, content_type="text/html",
                            headers={"Cache-Control": "no-store"})

    def query(request: web.Request) -> tuple[Query, str]:
        today = to_local(clock()).date()
        q = parse_query(request.query, today, municipalities)
        if q is None:
            return parse_query({}, today, municipalities), page.t("stats.form.bad")  # type: ignore[return-value]
        return q, ""

    async def show(request: web.Request) -> web.Response:
        me = await who(request)
        if me is None:
            return login_needed()
        q, error = query(request)
        notice = page.t("stats.marked") if request.query.get("marked") else ""
        html = page.page(page.report(await report.tables(q), q, me[1], error, notice), me[0])
        return web.Response(text=html, content_type="text/html", headers={"Cache-Control": "no-store"})

    async def csv_table(request: web.Request) -> web.Response:
        if await who(request) is None:
            return login_needed()
        q, _ = query(request)
        name = request.match_info["name"]
        table = next((tb for tb in await report.tables(q) if tb.name == name), None)
        if table is None:
            raise web.HTTPNotFound()
        filename = f"statistik-{name}-{q.first.isoformat()}-{q.last.isoformat()}.csv"
        return web.Response(text=to_csv(table), content_type="text/csv", charset="utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{filename}"',
                                     "Cache-Control": "no-store"})

    async def handled(request: web.Request) -> web.Response:
        me = await who(request)
        if me is None:
            return login_needed()
        form = await request.post()
        if not hmac.compare_digest(str(form.get("csrf", "")), me[1]):
            raise web.HTTPForbidden(text="missing or wrong CSRF token")
        terms = str(form.get("terms", "")).split()
        if terms:
            await report.mark_handled(terms, str(form.get("label", "")), me[0], clock())
        q, _ = query(request)
        raise web.HTTPSeeOther(f"/inbox/stats?{urlencode({**_params(q), 'marked': '1'})}#t-ubesvarede-h")

    return [web.get("/stats", show), web.get("/stats/csv/{name}", csv_table), web.post("/stats/handled", handled),
            web.static("/stats/static", STATIC)]
