"""`python -m bot stats --since 2026-11-01 --format csv`: the statistics page's tables, for IT and open data."""
import argparse
import csv
import sys
from datetime import date

from bot.settings import Settings
from bot.wiring import build_stats, utc_clock
from i18n import Catalog
from knowledge import KnowledgeBase
from services.dates_format import to_local
from services.municipality import load_all
from services.stats.report import Query
from store.db import make_engine, make_sessions, migrate


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=date.fromisoformat, required=True, help="first day (YYYY-MM-DD)")
    parser.add_argument("--until", type=date.fromisoformat, help="last day (default: today)")
    parser.add_argument("--by", choices=("day", "week"), default="day")
    parser.add_argument("--municipality", choices=sorted(load_all()))
    parser.add_argument("--channel", choices=("web", "telegram", "terminal"))
    parser.add_argument("--table", help="only this table (samtaler, forstaaet, ubesvarede, ...)")
    parser.add_argument("--format", choices=("csv", "text"), default="csv")


async def run(settings: Settings, args: argparse.Namespace) -> int:
    """Each table: a line with its title, its header and rows (CSV), then an empty line."""
    await migrate(settings.database_url)
    db = make_engine(settings.database_url)
    try:
        report = build_stats(make_sessions(db), Catalog.load(), KnowledgeBase.load())
        until = args.until or to_local(utc_clock()).date()
        tables = await report.tables(Query(args.since, until, args.by, args.municipality, args.channel))
    finally:
        await db.dispose()
    tables = [t for t in tables if args.table in (None, t.name)]
    if not tables:
        print(f"stats: no table named {args.table}", file=sys.stderr)
        return 2
    out = csv.writer(sys.stdout, lineterminator="\n", delimiter="," if args.format == "csv" else "\t")
    for table in tables:
        out.writerow([f"# {table.title}"])
        out.writerows(table.csv_rows())
        print()
    return 0
