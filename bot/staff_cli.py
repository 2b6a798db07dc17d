"""`bin/caseworker add|list`: caseworker accounts for the inbox; the password is read from standard input."""
import argparse
import sys

from bot.settings import Settings
from bot.wiring import utc_clock
from services.staff import MIN_PASSWORD, StaffService, WeakPassword
from store.db import make_engine, make_sessions, migrate


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True)
    add = sub.add_parser("add", help="create an account or set a new password (password on stdin)")
    add.add_argument("--email", required=True)
    add.add_argument("--name", default="")
    sub.add_parser("list", help="list accounts")


async def run(settings: Settings, args: argparse.Namespace) -> int:
    await migrate(settings.database_url)
    db = make_engine(settings.database_url)
    try:
        staff = StaffService(make_sessions(db), utc_clock)
        if args.action == "list":
            for s in await staff.list():
                print(f"{s.email}\t{s.name}")
            return 0
        password = sys.stdin.readline().rstrip("\r\n")  # never an argument: it would show in `ps` and history
        try:
            account = await staff.add(args.email, args.name or args.email.split("@")[0], password)
        except WeakPassword:
            print(f"caseworker: the password must have at least {MIN_PASSWORD} characters", file=sys.stderr)
            return 2
        print(f"ok: {account.email} ({account.name})")
        return 0
    finally:
        await db.dispose()
