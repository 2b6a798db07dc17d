"""Server-rendered SVG bar charts (no script, no external library); the table under each chart carries the numbers."""
import math
from html import escape

from services.stats.tables import Chart

# Each colour has at least 3:1 contrast to white (WCAG 1.4.11) and they differ in lightness, too.
COLOURS = ("#0b4f8a", "#b35900", "#6b6b6b", "#1b6e3a", "#6a1b9a", "#a4261e")
WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 760, 300, 56, 12, 16, 64


def nice_max(value: float) -> float:
    """The axis maximum: 1, 2, 2.5 or 5 times a power of ten, at least the value."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= value)


def _number(value: float, unit: str) -> str:
    text = f"{value:g}".replace(".", ",")
    return f"{text} %" if unit == "%" else text


def svg(chart: Chart, label: str, element_id: str) -> str:
    """A bar chart: one group per label, series side by side (or stacked); hidden values are left out."""
    if chart.horizontal:
        return _horizontal(chart, label, element_id)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    n = max(1, len(chart.labels))
    if chart.stacked:
        tops = [sum(v or 0 for _, vals in chart.series for v in [vals[i]]) for i in range(len(chart.labels))]
    else:
        tops = [v or 0 for _, vals in chart.series for v in vals]
    top = nice_max(max(tops, default=0))
    top = min(top, 100.0) if chart.unit == "%" else top
    slot = plot_w / n
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT + 28 * _legend_rows(chart)}" '
             f'role="img" aria-labelledby="{element_id}-t" class="chart" id="{element_id}">',
             f'<title id="{element_id}-t">{escape(label)}</title>']
    for i in range(5):  # grid lines and y-axis numbers
        value = top * i / 4
        y = TOP + plot_h - plot_h * i / 4
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{_number(value, chart.unit)}</text>')
    bars = len(chart.series) if not chart.stacked else 1
    bar_w = max(1.0, min(40.0, slot * 0.8 / bars))
    for i, name in enumerate(chart.labels):
        x0 = LEFT + slot * i + (slot - bar_w * bars) / 2
        base = TOP + plot_h
        for s, (series, values) in enumerate(chart.series):
            value = values[i]
            if value is None:
                continue
            h = plot_h * min(value, top) / top
            x = x0 if chart.stacked else x0 + s * bar_w
            y = base - h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                         f'fill="{COLOURS[s % len(COLOURS)]}"><title>{escape(name)}, {escape(series)}: '
                         f'{_number(round(value, 1), chart.unit)}</title></rect>')
            if chart.stacked:
                base = y
        every = max(1, math.ceil(n / 16))  # at most 16 labels under the axis; the table has them all
        if i % every == 0:
            cx = LEFT + slot * i + slot / 2
            parts.append(f'<text x="{cx:.1f}" y="{TOP + plot_h + 16}" text-anchor="end" '
                         f'transform="rotate(-35 {cx:.1f} {TOP + plot_h + 16})">{escape(_short(name))}</text>')
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" class="axis"/>')
    parts.extend(_legend(chart))
    parts.append("</svg>")
    return "\n".join(parts)


def _short(label: str) -> str:
    return label if len(label) <= 18 else label[:17] + "…"


def _legend_rows(chart: Chart) -> int:
    return math.ceil(len(chart.series) / 3)


def _legend(chart: Chart) -> list[str]:
    out = []
    for s, (series, _) in enumerate(chart.series):
        x = LEFT + (s % 3) * 230
        y = HEIGHT + 28 * (s // 3) + 4
        out.append(f'<rect x="{x}" y="{y}" width="14" height="14" fill="{COLOURS[s % len(COLOURS)]}"/>')
        out.append(f'<text x="{x + 20}" y="{y + 12}">{escape(series)}</text>')
    return out


def _horizontal(chart: Chart, label: str, element_id: str) -> str:
    """One row per category: its name, a bar, and the number at the bar's end (first series only)."""
    name_w, row_h, values = 300, 30, chart.series[0][1]
    top = nice_max(max((v or 0 for v in values), default=0))
    plot_w = WIDTH - name_w - 70
    height = TOP + row_h * len(chart.labels) + 8
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
             f'aria-labelledby="{element_id}-t" class="chart" id="{element_id}">',
             f'<title id="{element_id}-t">{escape(label)}</title>']
    for i, (name, value) in enumerate(zip(chart.labels, values)):
        y = TOP + row_h * i
        short = name if len(name) <= 42 else name[:41] + "…"
        parts.append(f'<text x="{name_w - 8}" y="{y + 19}" text-anchor="end">{escape(short)}</text>')
        if value is None:
            parts.append(f'<text x="{name_w + 4}" y="{y + 19}">–</text>')
            continue
        w = plot_w * min(value, top) / top
        parts.append(f'<rect x="{name_w}" y="{y + 5}" width="{w:.1f}" height="{row_h - 10}" fill="{COLOURS[0]}">'
                     f'<title>{escape(name)}: {_number(round(value, 1), chart.unit)}</title></rect>')
        parts.append(f'<text x="{name_w + w + 6:.1f}" y="{y + 19}">{_number(round(value, 1), chart.unit)}</text>')
    parts.append(f'<line x1="{name_w}" x2="{name_w}" y1="{TOP - 4}" y2="{height - 4}" class="axis"/></svg>')
    return "\n".join(parts)
