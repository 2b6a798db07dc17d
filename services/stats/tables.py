"""The statistics as tables (each with an optional chart): built from aggregate counts, suppressed, labelled."""
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from services.stats.figures import MIN_CELL, Cell, Row, fold_small, share

Key = Callable[[str], str]  # a text by key (i18n.Texts.get)


@dataclass(frozen=True)
class Chart:
    """Bars per label: several series side by side, or stacked; unit '%' draws shares."""

    labels: list[str]
    series: list[tuple[str, list[float | None]]]
    stacked: bool = False
    unit: str = ""
    horizontal: bool = False  # categories (reasons, entries) read better as rows of bars


@dataclass
class Table:
    """A titled table: the first column holds the row labels; cells know whether they may be shown."""

    name: str  # used in the CSV file name and element ids
    title: str
    columns: list[str]
    labels: list[str]
    rows: list[list[Cell]]
    chart: Chart | None = None
    note: str = ""
    row_keys: list[tuple[str, ...] | None] = field(default_factory=list)  # per row, for actions (handled marks)

    def csv_rows(self) -> list[list[str]]:
        return [self.columns, *([label, *(c.text() for c in cells)] for label, cells in zip(self.labels, self.rows))]


def grid(items: Iterable[tuple[str, str, int, int]], rows: Sequence[str], cols: Sequence[str]) -> list[Row]:
    """(row, column, events, conversations) summed into rows in the given order; unknown columns are dropped."""
    acc: dict[str, list[list[int]]] = defaultdict(lambda: [[0] * len(cols), [0] * len(cols)])
    for row, col, events, conversations in items:
        if col in cols:
            i = cols.index(col)
            acc[row][0][i] += events
            acc[row][1][i] += conversations
    out = []
    for label in [*rows, *sorted(set(acc) - set(rows))]:
        if label in acc:
            counts, convs = acc[label]
            out.append(Row(label, counts, convs, max(convs)))
    return out


def base_from(rows: list[Row], bases: dict[str, int]) -> list[Row]:
    """Give rows their conversation base from another figure (conversations per bucket)."""
    for r in rows:
        r.base = bases.get(r.label, r.base)
    return rows


def count_cells(row: Row) -> list[Cell]:
    if row.base == 0:  # a folded 'andet' row still too small: nothing shown
        return [Cell(None) for _ in row.counts]
    return [Cell(n, c) for n, c in zip(row.counts, row.conversations)]


def hidden(row: Row) -> bool:
    return row.base < MIN_CELL


def conversations_table(t: Key, rows: list[Row]) -> Table:
    """Containment: rows with counts [contained, handoff]."""
    labels, cells = [], []
    for r in fold_small(rows, t("stats.other")):
        contained, handed = r.counts
        total = contained + handed
        labels.append(r.label)
        if hidden(r):
            cells.append([Cell(None)] * 5)
        elif 0 < contained < MIN_CELL or 0 < handed < MIN_CELL:  # one part is small: the other would reveal it
            cells.append([Cell(total, total), *([Cell(None)] * 4)])
        else:
            cells.append([Cell(total, total), Cell(contained, contained), Cell(share(contained, total), percent=True),
                          Cell(handed, handed), Cell(share(handed, total), percent=True)])
    chart = Chart(labels, [(t("stats.col.contained"), [c[1].shown() for c in cells]),
                           (t("stats.col.handoff"), [c[3].shown() for c in cells]),
                           (t("stats.col.split_hidden"), [c[0].shown() if c[1].value is None else None
                                                          for c in cells])], stacked=True)
    return Table("samtaler", t("stats.table.conversations"),
                 [t("stats.col.period"), t("stats.col.conversations"), t("stats.col.contained"),
                  t("stats.col.contained_share"), t("stats.col.handoff"), t("stats.col.handoff_share")],
                 labels, cells, chart, t("stats.note.containment"))


def fallback_table(t: Key, rows: list[Row]) -> Table:
    """Messages: rows with counts [all messages, not understood]."""
    labels, cells = [], []
    for r in fold_small(rows, t("stats.other")):
        messages, fallback = r.counts
        labels.append(r.label)
        cells.append([Cell(None)] * 3 if hidden(r) else
                     [Cell(messages, r.base), Cell(fallback, r.conversations[1]),
                      Cell(None if 0 < r.conversations[1] < MIN_CELL else share(fallback, messages), percent=True)])
    chart = Chart(labels, [(t("stats.col.fallback_share"), [c[2].shown() for c in cells])], unit="%")
    return Table("forstaaet", t("stats.table.fallback"),
                 [t("stats.col.period"), t("stats.col.messages"), t("stats.col.fallback"),
                  t("stats.col.fallback_share")], labels, cells, chart, t("stats.note.fallback"))


def shares_table(t: Key, name: str, title: str, first: str, rows: list[Row], chart: bool = True,
                 ranked: bool = False) -> Table:
    """One count per row (reasons, outcomes, entries) with its share of the shown total; ranked: largest first."""
    folded = fold_small(sorted(rows, key=lambda r: -r.counts[0]) if ranked else rows, t("stats.other"))
    total = sum(r.counts[0] for r in folded if r.base)
    labels = [r.label for r in folded]
    cells = [[Cell(None), Cell(None)] if r.base == 0 else
             [Cell(r.counts[0], r.base), Cell(share(r.counts[0], total), percent=True)] for r in folded]
    drawn = Chart(labels, [(t("stats.col.count"), [c[0].shown() for c in cells])], horizontal=True) if chart else None
    return Table(name, title, [first, t("stats.col.count"), t("stats.col.share")], labels, cells, drawn)


def activity_table(t: Key, rows: list[Row], columns: list[str]) -> Table:
    """Counts per period of several kinds (crisis replies, bookings, CV builds); small cells masked."""
    folded = fold_small(rows, t("stats.other"))
    labels = [r.label for r in folded]
    cells = [count_cells(r) for r in folded]
    chart = Chart(labels, [(col, [c[i].shown() for c in cells]) for i, col in enumerate(columns)])
    return Table("aktivitet", t("stats.table.activity"), [t("stats.col.period"), *columns], labels, cells, chart,
                 t("stats.note.masked"))


def waiting_table(t: Key, rows: list[tuple[str, Sequence[float]]], quantile: Callable[..., float | None]) -> Table:
    """Minutes from request to claim and to close: count, median, 90th percentile (hidden under 5)."""
    labels, cells = [], []
    for label, seconds in rows:
        minutes = [s / 60 for s in seconds]
        labels.append(label)
        if len(minutes) < MIN_CELL:
            cells.append([Cell(len(minutes), len(minutes)), Cell(None), Cell(None)])
        else:
            cells.append([Cell(len(minutes)), Cell(quantile(minutes, 0.5)), Cell(quantile(minutes, 0.9))])
    return Table("ventetid", t("stats.table.waiting"),
                 [t("stats.col.measure"), t("stats.col.count"), t("stats.col.median"), t("stats.col.p90")],
                 labels, cells, None, t("stats.note.waiting"))


def ratings_table(t: Key, rows: list[Row]) -> Table:
    """👍/👎 per who was rated (bot, caseworker): rows with counts [up, down]."""
    folded = fold_small(rows, t("stats.other"))
    labels = [r.label for r in folded]
    cells = [[Cell(None)] * 3 if r.base == 0 else
             [Cell(r.counts[0], r.conversations[0]), Cell(r.counts[1], r.conversations[1]),
              Cell(None if any(0 < c < MIN_CELL for c in r.conversations) else share(r.counts[0], sum(r.counts)),
                   percent=True)] for r in folded]
    chart = Chart(labels, [(t("stats.col.up"), [c[0].shown() for c in cells]),
                           (t("stats.col.down"), [c[1].shown() for c in cells])], stacked=True)
    return Table("bedoemmelser", t("stats.table.ratings"),
                 [t("stats.col.rated"), t("stats.col.up"), t("stats.col.down"), t("stats.col.up_share")],
                 labels, cells, chart)
