"""`outbox list [--status S] [--limit N]`: the events waiting for (or sent to) the OMS."""

from __future__ import annotations

import argparse

from posreturns.cli.output import EXIT_OK, Output
from posreturns.cli.till_args import open_from

STATUSES = ["pending", "applied", "duplicate", "rejected", "held"]


def register(commands: argparse._SubParsersAction, shared: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    outbox = commands.add_parser("outbox", parents=shared, help="events for the OMS")
    sub = outbox.add_subparsers(dest="outbox_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", parents=shared, help="events in sequence order")
    listing.add_argument("--status", choices=STATUSES)
    listing.add_argument("--limit", type=int, default=1000)
    listing.set_defaults(handler=run_list)


def run_list(args: argparse.Namespace, out: Output) -> int:
    till = open_from(args)
    try:
        events = till.queries.outbox(args.status, args.limit)
    finally:
        till.close()
    rows = [
        f"{e['seq']:>6}  {e['status']:<9} {e['event_type']:<16} "
        f"{e['aggregate']['type']}:{e['aggregate']['id']}"
        for e in events
    ]
    out.result({"events": events}, "\n".join(rows) or "The outbox is empty.")
    return EXIT_OK
