"""List knowledge entries that are due for review (`make kb-check`).

    .venv/bin/python tools/kb_check.py                    # reviewed more than 365 days ago
    .venv/bin/python tools/kb_check.py --max-age-days 90  # stricter
    .venv/bin/python tools/kb_check.py --today 2027-06-01 # as of another day

Prints a table of entries whose `reviewed` date is older than the limit, then the entries whose status
rests on a detail that could not be confirmed (to re-check as laws are passed). Always exits 0 when the
knowledge base loads; exits 1 (with the reason) when an entry is invalid.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge.retrieval import KnowledgeBase  # noqa: E402


def _table(rows: list[tuple[str, ...]], head: tuple[str, ...]) -> str:
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip()  # noqa: E731
    return "\n".join([line(head), line(tuple("-" * w for w in widths)), *map(line, rows)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--max-age-days", type=int, default=365, help="review age limit in days (default 365)")
    ap.add_argument("--today", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD (default: today)")
    ap.add_argument("--root", type=Path, default=None, help="knowledge folder (default: the project's)")
    args = ap.parse_args(argv)
    today = args.today or dt.date.today()

    try:
        kb = KnowledgeBase.load(args.root)
    except ValueError as exc:
        print(f"kb-check: the knowledge base does not load: {exc}", file=sys.stderr)
        return 1

    entries = sorted(kb.all_entries(), key=lambda e: (e.reviewed, e.municipality, e.id))
    due = [e for e in entries if (today - e.reviewed).days > args.max_age_days]
    print(f"Knowledge entries reviewed more than {args.max_age_days} days before {today.isoformat()}: "
          f"{len(due)} of {len(entries)}")
    if due:
        rows = [(e.municipality, e.id, e.kind, e.status, e.reviewed.isoformat(), str((today - e.reviewed).days),
                 e.citation()[:70]) for e in due]
        print(_table(rows, ("municipality", "id", "kind", "status", "reviewed", "days", "source")))
    else:
        print("(none)")

    unconfirmed = []
    for e in entries:
        legal = kb.legal(e)
        note = (e.legal_source.note if e.legal_source else "") or ""
        if e.status != "gældende" and ((legal and not legal.confirmed) or "ikke bekræftet" in note
                                      or "ikke bekræftet" in (e.status_note or "")):
            unconfirmed.append((e.municipality, e.id, e.status, e.legal_source.ref if e.legal_source else "",
                                (legal.in_force or "") if legal else ""))
    print()
    print(f"Entries whose status rests on a detail not yet confirmed (re-check when laws pass): {len(unconfirmed)}")
    if unconfirmed:
        print(_table(unconfirmed, ("municipality", "id", "status", "legal source", "in force")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
