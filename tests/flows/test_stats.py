"""Staff statistics over a fixed event set, on SQLite and PostgreSQL: every figure, suppression, deletion."""
from datetime import date, datetime, timedelta, timezone

import pytest

from bot.wiring import build_stats
from i18n import Catalog
from knowledge import KnowledgeBase
from services.stats.report import Query
from store.db import make_engine, make_sessions
from store.models import Event
from store.stats import StatsStore

START = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)  # Monday 10:00 in Copenhagen
QUERY = Query(date(2026, 11, 2), date(2026, 11, 3), "day")
BRILLER = ["hvordan får jeg tilskud til briller", "kan jeg få tilskud til nye briller",
           "tilskud til briller?", "hjælp til briller tilskud", "får man tilskud til briller"]


class Log:
    """Writes events with explicit times, as the engine and the handoff store would."""

    def __init__(self) -> None:
        self.rows: list[Event] = []

    def add(self, anon: str, kind: str, at: datetime, **data: object) -> None:
        self.rows.append(Event(conversation_id=None, anon_id=anon, kind=kind, data=data, created_at=at))

    def conversation(self, anon: str, at: datetime, municipality: str = "ballerup", channel: str = "web") -> None:
        self.add(anon, "conversation_started", at, channel=channel, municipality=municipality, locale="da")
        self.add(anon, "turn", at, intent="greet", confidence=0.9, fallback=False, payload=False, channel=channel,
                 municipality=municipality)


def fixed_events() -> list[Event]:
    log = Log()
    for i in range(10):  # ten conversations in Ballerup on the web, one minute apart
        anon, at = f"c{i}", START + timedelta(minutes=i)
        log.conversation(anon, at)
        if i < 5:  # a person within 24 hours: 23 h after the first message
            log.add(anon, "handoff_requested", at + timedelta(hours=23), reason="human_handoff", new=True,
                    outside_hours=i == 0)
            log.add(anon, "handoff_claimed", at + timedelta(hours=23, minutes=i + 1), seconds=60 * (i + 1))
            log.add(anon, "handoff_ended", at + timedelta(hours=24), seconds=3600)
        elif i == 5:  # 25 hours later: the conversation was contained
            log.add(anon, "handoff_requested", at + timedelta(hours=25), reason="human_handoff", new=True,
                    outside_hours=True)
        if i < 6:  # six fallbacks (each from another conversation), then 'did you mean' and the outcome
            log.add(anon, "turn", at + timedelta(minutes=1), intent="nlu_fallback", fallback=True, payload=False,
                    channel="web", municipality="ballerup")
            log.add(anon, "not_understood", at + timedelta(minutes=1), intent="nlu_fallback")
            log.add(anon, "clarify_offered", at + timedelta(minutes=1), options=["book_meeting"])
            if i < 5:
                log.add(anon, "turn", at + timedelta(minutes=2), intent="book_meeting", fallback=False, payload=True,
                        channel="web", municipality="ballerup")
        if i < 5:
            log.add(anon, "answer_given", at + timedelta(minutes=3), entry_id="fgu")
            log.add(anon, "no_answer", at + timedelta(minutes=4, seconds=i), text=BRILLER[i])
            log.add(anon, "booking_made", at + timedelta(minutes=5), meeting_type="jobsamtale")
            log.add(anon, "rating", at + timedelta(hours=24, minutes=1), score=1, of="caseworker")
        if i >= 3:  # seven 👍/👎 on the bot's answers: 5 up, 2 down (each from its own conversation)
            log.add(anon, "rating", at + timedelta(minutes=7), score=int(i < 8), of="bot", entry_id="fgu")
        log.add(anon, "crisis_reply", at + timedelta(minutes=6)) if i == 9 else None
    log.add("c9", "no_answer", START + timedelta(minutes=30), text="hvor kan jeg parkere")
    for i in range(5, 10):
        log.add(f"c{i}", "answer_given", START + timedelta(minutes=31), entry_id="kui")
    log.add("c9", "answer_given", START + timedelta(minutes=32), entry_id="ivaerksaetter")
    for i in range(2):  # two conversations on Telegram in Gentofte: too few to show on their own
        log.conversation(f"g{i}", START + timedelta(hours=2, minutes=i), "gentofte", "telegram")
    return log.rows


@pytest.fixture
async def report(any_db_url):
    engine = make_engine(any_db_url)
    sessions = make_sessions(engine)
    async with sessions.begin() as s:
        s.add_all(fixed_events())
    yield build_stats(sessions, Catalog.load(), KnowledgeBase.load())
    await engine.dispose()


def by_name(tables):
    return {t.name: t for t in tables}


def texts(table):
    return [[label, *(c.text() for c in cells)] for label, cells in zip(table.labels, table.rows)]


async def test_every_figure_on_the_fixed_events(report):
    tables = by_name(await report.tables(QUERY))
    assert texts(tables["samtaler"]) == [["2026-11-02", "12", "7", "58,3 %", "5", "41,7 %"]]
    assert texts(tables["henvisninger"]) == [["Borgeren vil tale med en medarbejder", "6", "100,0 %"]]
    assert texts(tables["forstaaet"]) == [["2026-11-02", "23", "6", "26,1 %"]]  # 18 typed, 5 pressed
    # 5 chose a suggestion, 1 wrote nothing more: the 1 would show by subtraction, so both fold into 'andet'
    assert texts(tables["afklaring"]) == [["andet", "6", "100,0 %"]]
    assert texts(tables["aktivitet"]) == [["2026-11-02", "<5", "5", "0", "0", "0", "0"]]  # 1 crisis reply: masked
    assert texts(tables["ventetid"]) == [["Fra henvendelse til en medarbejder tager den", "5", "3,0", "4,6"],
                                         ["Fra henvendelse til afslutning", "5", "60,0", "60,0"]]
    assert texts(tables["aabningstid"]) == [["andet", "6", "100,0 %"]]  # 4 inside, 2 outside: folded together
    fgu = report._titles["fgu"]
    assert texts(tables["viden"]) == [["Intet svar fundet", "6", "35,3 %"], [fgu, "5", "29,4 %"],
                                      ["andet", "6", "35,3 %"]]  # kui (5) joins ivaerksaetter (1)
    assert texts(tables["ubesvarede"]) == [
        [" / ".join(reversed(BRILLER[2:])), "2026-11-02 10:08", "Åben", "5", "5"],
        ["Andre spørgsmål (grupper fra færre end 5 samtaler)", "–", "–", "<5", "<5"]]
    # bot: 5 up, 2 down (the 2 shown as <5 and no share, which would reveal it); caseworker: 5 up
    assert texts(tables["bedoemmelser"]) == [["Chatbotten", "5", "<5", "–"], ["Medarbejderen", "5", "0", "100,0 %"]]
    assert texts(tables["steder"]) == [["andet", "12", "7", "58,3 %", "5", "41,7 %"]]  # Gentofte's 2 fold in


async def test_a_marked_group_is_handled_until_a_new_question_joins_it(report):
    group = (await report.tables(QUERY))[8]
    await report.mark_handled(group.row_keys[0], group.labels[0], "Anne Holm", START + timedelta(hours=1))
    assert texts(by_name(await report.tables(QUERY))["ubesvarede"])[0][2] == "Håndteret 2026-11-02 11:00"
    async with report._store._sessions.begin() as s:
        s.add(Event(anon_id="c8", kind="no_answer", data={"text": "tilskud til briller"},
                    created_at=START + timedelta(hours=2)))
    assert texts(by_name(await report.tables(QUERY))["ubesvarede"])[0][1:3] == ["2026-11-02 12:00", "Åben"]


async def test_containment_counts_a_handoff_at_23_hours_but_not_at_25(report):
    store: StatsStore = report._store
    counts = await store.conversations([START, START + timedelta(days=1)])
    web = {c.key: c.conversations for c in counts if c.channel == "web"}
    assert web == {"handoff": 5, "contained": 5}  # c0-c4 at 23 h; c5 at 25 h and c6-c9 without one


async def test_a_filter_keeps_one_municipality_and_channel(report):
    tables = by_name(await report.tables(Query(QUERY.first, QUERY.last, "week", "ballerup", "web")))
    assert texts(tables["samtaler"]) == [["2026-U45", "10", "5", "50,0 %", "5", "50,0 %"]]
    gentofte = by_name(await report.tables(Query(QUERY.first, QUERY.last, "day", "gentofte")))
    assert texts(gentofte["samtaler"]) == [["andet", "–", "–", "–", "–", "–"]]


async def test_the_engine_logs_what_the_figures_need_and_they_survive_deletion(engine, services, sessions):
    from tests.flows.helpers import payloads, say

    for sender in ("a", "b"):
        await say(engine, "hej", sender)
        offered = await say(engine, "blablabla qwerty", sender)  # not understood: 'did you mean ...?'
        await say(engine, payloads(offered)[0], sender)
    report = build_stats(sessions, Catalog.load(), KnowledgeBase.load())
    store: StatsStore = report._store
    hour = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)  # the summaries count by hour
    edges = [hour - timedelta(hours=1), hour + timedelta(hours=2)]
    before = (await store.conversations(edges), await store.turns(edges), await store.clarifications(edges))
    assert [(c.municipality, c.channel, c.key, c.conversations) for c in before[0]] == [
        ("ballerup", "test", "contained", 2)]
    assert {c.key: c.events for c in before[1]} == {"turn": 6, "not_understood": 2}
    assert [(c.key, c.events) for c in before[2]] == [("job_search_tips|1", 2)]
    await services.citizens.delete((await services.conversations.load("test:a")).citizen_id)
    after = (await store.conversations(edges), await store.turns(edges), await store.clarifications(edges))
    assert after == before  # anonymised events: counted once, as before


async def test_the_cli_prints_the_same_tables_as_csv(tmp_path, capsys):
    import argparse

    from bot import stats_cli
    from bot.settings import Settings
    from store.db import migrate

    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    await migrate(url)
    engine = make_engine(url)
    async with make_sessions(engine).begin() as s:
        s.add_all(fixed_events())
    await engine.dispose()
    parser = argparse.ArgumentParser()
    stats_cli.add_arguments(parser)
    args = parser.parse_args(["--since", "2026-11-02", "--until", "2026-11-03", "--table", "samtaler"])
    assert await stats_cli.run(Settings(_env_file=None, database_url=url), args) == 0
    assert capsys.readouterr().out.splitlines() == [
        '"# Samtaler, og hvor mange chatbotten klarede alene"',
        "Periode,Samtaler,Uden medarbejder,Andel uden medarbejder,Med medarbejder inden 24 timer,Andel med medarbejder",
        '2026-11-02,12,7,"58,3 %",5,"41,7 %"', ""]
