"""Caseworker CLI: publish and list bookable slots (`python -m bot slots add|list`)."""
import argparse
from datetime import date, datetime, time, timedelta, timezone

from bot.settings import Settings
from services.dates import format_slot
from services.municipality import Municipality
from services.slots import SlotAdmin
from store.db import make_engine, make_sessions, migrate


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="slots_command", required=True)
    add = sub.add_parser("add", help="publish free times")
    add.add_argument("--caseworker", required=True, help="name, created if new")
    add.add_argument("--date", required=True, type=date.fromisoformat, help="first day, YYYY-MM-DD")
    add.add_argument("--days", type=int, default=1, help="number of consecutive weekdays")
    add.add_argument("--times", required=True, help="comma-separated local times, e.g. 09:00,10:00")
    add.add_argument("--type", required=True, dest="meeting_type", help="meeting type key, e.g. jobsamtale")
    sub.add_parser("list", help="list upcoming slots")


def _weekdays(first: date, count: int) -> list[date]:
    days, day = [], first
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


async def run(settings: Settings, args: argparse.Namespace) -> int:
    await migrate(settings.database_url)
    engine = make_engine(settings.database_url)
    admin = SlotAdmin(make_sessions(engine), Municipality.load(settings.municipality))
    try:
        if args.slots_command == "add":
            times = [time.fromisoformat(t.strip()) for t in args.times.split(",")]
            added = await admin.add(args.caseworker, _weekdays(args.date, args.days), times, args.meeting_type)
            print(f"{added} slots added")
        else:
            for slot in await admin.listing(datetime.now(timezone.utc)):
                print(f"{slot.id:>5}  {format_slot(slot.starts_at):<24} {slot.meeting_type:<16} {slot.municipality}")
    finally:
        await engine.dispose()
    return 0
