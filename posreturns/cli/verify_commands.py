"""`verify`: do the till's records still add up? SQLite's integrity check, the audit log's hash chain,
every sale line's ledger against its returns, every stock level against its movements, and the
high-water marks (the database has not lost returns it had recorded). Reads only.
Exit 0 when everything adds up, 5 when something does not (each finding is one line)."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from posreturns.cli.output import EXIT_OK, Output
from posreturns.cli.till_args import open_from
from posreturns.persistence.integrity import SqlIntegrity

EXIT_RECORDS_DO_NOT_ADD_UP = 5


def register(commands: argparse._SubParsersAction,  # type: ignore[type-arg]
             shared: list[argparse.ArgumentParser]) -> None:
    verify = commands.add_parser("verify", parents=shared,
                                 help="check the database, the audit chain, the sale ledgers and the stock")
    verify.add_argument("--quick", action="store_true", help="skip SQLite's page-by-page check (what the window runs)")
    verify.set_defaults(handler=run_verify)


def run_verify(args: argparse.Namespace, out: Output) -> int:
    with open_from(args) as till:
        findings = [*SqlIntegrity(till.engine).check(full=not args.quick), *till.guard.findings()]
    out.result({"ok": not findings, "findings": [asdict(f) for f in findings]},
               "\n".join(f.en for f in findings)
               or "Everything adds up: database, audit chain, sale ledgers and stock.")
    return EXIT_OK if not findings else EXIT_RECORDS_DO_NOT_ADD_UP
