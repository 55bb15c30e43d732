"""`posreturns audit list [--who ID] [--action A] [--subject S] [--since D] [--until D] [--limit N]
[--csv FILE]`: the audit log, newest first, filtered (reading needs nobody, like `verify`)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from posreturns.cli.output import EXIT_OK, Output
from posreturns.cli.till_args import day_argument, open_from
from posreturns.services.audit_view import AuditFilter, audit_csv
from posreturns.services.errors import BadInput


def register(commands: argparse._SubParsersAction, shared: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    audit = commands.add_parser("audit", parents=shared, help="read the audit log")
    sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", parents=shared, help="audit rows, newest first")
    listing.add_argument("--who", default="", metavar="ID", help="only what this user did")
    listing.add_argument("--action", default="", help="an action or its start (return., user., day.closed…)")
    listing.add_argument("--subject", default="", metavar="TEXT", help="a return number, unit id, Z1… (part of it)")
    listing.add_argument("--since", type=day_argument, metavar="YYYY-MM-DD", help="from this day (UTC)")
    listing.add_argument("--until", type=day_argument, metavar="YYYY-MM-DD", help="to this day (UTC), inclusive")
    listing.add_argument("--limit", type=int, default=200, help="at most this many rows (default 200, at most 5000)")
    listing.add_argument("--csv", type=Path, metavar="FILE", help="write them as CSV (UTF-8 with BOM)")
    listing.add_argument("--language", choices=["en", "fr"], default="en", help="of the CSV: fr uses ';'")
    listing.set_defaults(handler=run_list)


def run_list(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_audit

    wanted = AuditFilter(args.who.strip(), args.action.strip(), args.subject.strip(), args.since, args.until,
                         args.limit)
    with open_from(args) as till:
        records = open_audit(till).search(wanted)
    if args.csv:
        try:
            args.csv.write_bytes(audit_csv(records, args.language))
        except OSError as error:
            raise BadInput(f"Cannot write {args.csv}: {error.strerror}; choose another file.") from None
        out.result({"csv": str(args.csv), "rows": len(records)}, f"Wrote {len(records)} row(s) to {args.csv}.")
        return EXIT_OK
    rows = [{"id": r.id, "at": r.at.strftime("%Y-%m-%dT%H:%M:%SZ"), "actor": r.actor, "action": r.action,
             "subject": r.subject, "detail": json.loads(r.detail_json)} for r in records]
    out.result({"audit": rows}, "\n".join(f"{r['at']}  {r['actor'] or '-':<12} {r['action']:<28} {r['subject'] or ''}"
                                          for r in rows) or "No audit row matches.")
    return EXIT_OK
