"""`user add ID --name N --role R [--pin-stdin]` and `user list`. PINs are never echoed or printed."""

from __future__ import annotations

import argparse
import getpass
import sys

from posreturns.cli.output import EXIT_OK, Output
from posreturns.cli.till_args import open_from
from posreturns.services.errors import BadInput


def register(commands: argparse._SubParsersAction, shared: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    user = commands.add_parser("user", parents=shared, help="till users and manager PINs")
    sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", parents=shared, help="add a user (managers and admins need a PIN)")
    add.add_argument("id")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=["cashier", "manager", "admin"])
    add.add_argument("--pin-stdin", action="store_true", help="read the PIN from the first line of stdin")
    add.set_defaults(handler=run_add)
    listing = sub.add_parser("list", parents=shared, help="the till's users (never their PINs)")
    listing.set_defaults(handler=run_list)


def _read_pin(args: argparse.Namespace) -> str | None:
    if args.pin_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if args.role == "cashier":
        return None
    if not sys.stdin.isatty():
        raise BadInput("No terminal to type the PIN in; pipe it with --pin-stdin.")
    pin = getpass.getpass("PIN: ")
    if getpass.getpass("PIN again: ") != pin:
        raise BadInput("The two PINs differ; run the command again.")
    return pin


def run_add(args: argparse.Namespace, out: Output) -> int:
    pin = _read_pin(args)
    till = open_from(args)
    try:
        user = till.users.add(args.id, args.name, args.role, pin)
    finally:
        till.close()
    out.result(
        {"id": user.id, "name": user.name, "role": user.role.value, "has_pin": user.pin_hash is not None},
        f"User {user.id} ({user.name}, {user.role.value}) added.",
    )
    return EXIT_OK


def run_list(args: argparse.Namespace, out: Output) -> int:
    till = open_from(args)
    try:
        users = till.users.list()
    finally:
        till.close()
    rows = [
        {"id": u.id, "name": u.name, "role": u.role.value, "has_pin": u.pin_hash is not None} for u in users
    ]
    out.result(
        {"users": rows}, "\n".join(f"{u['id']:<16} {u['role']:<8} {u['name']}" for u in rows) or "No users."
    )
    return EXIT_OK
