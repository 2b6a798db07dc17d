"""Pure parts of the staff statistics: periods, small-cell suppression, percentiles, grouping, charts, CSV."""
from datetime import date, datetime, timedelta, timezone

import pytest

from bot.stats_web import parse_query, to_csv
from services.stats.chart import nice_max, svg
from services.stats.figures import Cell, Row, fold_small, period, quantile
from services.stats.grouping import Asked, group_questions, handled_at, overlap, terms
from services.stats.report import clarify_outcome
from services.stats.tables import Chart, Table

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)


def test_days_follow_copenhagen_time_across_the_dst_change():
    p = period(date(2026, 10, 24), date(2026, 10, 26), "day")
    assert p.labels == ("2026-10-24", "2026-10-25", "2026-10-26")
    assert p.edges[0] == datetime(2026, 10, 23, 22, 0, tzinfo=timezone.utc)  # midnight in summer time
    assert [b - a for a, b in zip(p.edges, p.edges[1:])] == [timedelta(hours=24), timedelta(hours=25),
                                                            timedelta(hours=24)]


def test_weeks_start_on_monday_and_are_named_by_iso_week():
    p = period(date(2026, 11, 4), date(2026, 11, 16), "week")
    assert p.labels == ("2026-U45", "2026-U46", "2026-U47")
    assert p.edges[1] == datetime(2026, 11, 8, 23, 0, tzinfo=timezone.utc)  # Monday 9 November, local midnight


def row(label: str, base: int) -> Row:
    return Row(label, [base], [base], base)


@pytest.mark.parametrize(("bases", "expected"), [
    ([9, 7], [("a", 9), ("b", 7)]),  # nothing small
    ([9, 3, 2], [("a", 9), ("andet", 5)]),  # the small ones together are large enough
    ([9, 7, 1], [("a", 9), ("andet", 8)]),  # 1 alone would show: the smallest shown row joins it
    ([3, 1], [("andet", 0)]),  # everything together is still too small: nothing shown
    ([0, 6], [("a", 0), ("b", 6)][1:]),  # an empty row is no small row
])
def test_small_cells_fold_into_andet(bases, expected):
    rows = [row(chr(ord("a") + i), b) for i, b in enumerate(bases) if b]
    assert [(r.label, r.base) for r in fold_small(rows, "andet")] == expected


@pytest.mark.parametrize(("cell", "text", "shown"), [
    (Cell(4, 4), "<5", None), (Cell(0, 0), "0", 0.0), (Cell(12, 9), "12", 12.0), (Cell(None), "–", None),
    (Cell(33.333, percent=True), "33,3 %", 33.333), (Cell(2.25), "2,2", 2.25), (Cell("Åben", 0), "Åben", None),
])
def test_a_cell_hides_what_comes_from_fewer_than_5_conversations(cell, text, shown):
    assert (cell.text(), cell.shown()) == (text, shown)


@pytest.mark.parametrize(("values", "q", "expected"), [
    ([1, 2, 3, 4, 5], 0.5, 3), ([1, 2, 3, 4, 5], 0.9, 4.6), ([10], 0.9, 10), ([], 0.5, None), ([4, 1], 0.5, 2.5)])
def test_quantiles_interpolate_between_ranks(values, q, expected):
    assert quantile(values, q) == pytest.approx(expected) if expected is not None else quantile(values, q) is None


@pytest.mark.parametrize(("key", "outcome"), [
    ("book_meeting|1", "chose"), ("something_else|1", "something_else"), ("human_handoff|1", "person"),
    ("greet|0", "typed"), ("|0", "typed"), ("", "left")])
def test_clarification_outcome_is_the_next_turn(key, outcome):
    assert clarify_outcome(key) == outcome


def asked(texts: list[str]) -> list[Asked]:
    return [Asked(t, T0 + timedelta(minutes=i), f"c{i}") for i, t in enumerate(texts)]


def test_similar_questions_group_and_the_newest_group_comes_first():
    groups = group_questions(asked(["hvordan får jeg tilskud til briller", "hvornår har I åbent i dag",
                                    "kan jeg få tilskud til nye briller", "tilskud til briller?",
                                    "hvor kan jeg parkere ved jobcentret"]))
    assert [(g.count, g.conversations) for g in groups] == [(1, 1), (3, 3), (1, 1)]
    assert groups[1].examples() == ["tilskud til briller?", "kan jeg få tilskud til nye briller",
                                    "hvordan får jeg tilskud til briller"]
    assert set(groups[1].signature()) >= {"tilskud", "bril"}


def test_questions_without_words_form_no_group_and_stems_match():
    assert group_questions(asked(["?!", "og jeg"])) == []
    assert overlap(terms("Tilskuddet til brillerne"), terms("tilskud til briller")) == 1.0


def test_a_handled_mark_covers_its_group_until_a_newer_question():
    group = group_questions(asked(["tilskud til briller", "briller tilskud"]))[0]
    sig = group.signature()
    assert handled_at(group, [(sig, T0 + timedelta(hours=1))]) == T0 + timedelta(hours=1)
    assert handled_at(group, [(sig, T0)]) is None  # the second question came after the mark
    assert handled_at(group, [(("parkering",), T0 + timedelta(hours=1))]) is None


def test_the_chart_is_an_accessible_svg_with_one_bar_per_shown_value():
    chart = Chart(["2026-11-02", "2026-11-03"], [("Uden", [7.0, None]), ("Med", [5.0, 6.0])], stacked=True)
    out = svg(chart, "Diagram: Samtaler", "c-samtaler")
    assert out.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and 'role="img"' in out
    assert '<title id="c-samtaler-t">Diagram: Samtaler</title>' in out
    assert out.count("<rect") == 3 + 2  # three bars (one value hidden) and two legend keys
    assert [nice_max(v) for v in (0, 7, 12, 260)] == [1.0, 10, 20, 500]


def test_csv_has_the_header_and_the_shown_texts():
    table = Table("x", "X", ["Periode", "Samtaler"], ["2026-11-02", "andet"], [[Cell(12, 12)], [Cell(3, 3)]])
    assert to_csv(table) == "Periode,Samtaler\r\n2026-11-02,12\r\nandet,<5\r\n"


def test_the_form_defaults_to_the_last_30_days_and_rejects_bad_dates():
    q = parse_query({}, date(2026, 11, 30), ["ballerup"])
    assert (q.first, q.last, q.by, q.municipality) == (date(2026, 11, 1), date(2026, 11, 30), "day", None)
    q = parse_query({"first": "2025-01-01", "last": "2026-11-30", "municipality": "ballerup", "channel": "x"},
                    date(2026, 11, 30), ["ballerup"])
    assert (q.by, q.municipality, q.channel) == ("week", "ballerup", None)  # over 400 days: by week
    assert parse_query({"first": "1. november"}, date(2026, 11, 30), ["ballerup"]) is None
