"""`user add|pin|unlock|list`: an administrator's work (a user may change their own PIN). PINs are
never echoed or printed; with --pin-stdin they come one per line: yours first, then the new one."""

from __future__ import annotations

import argparse
import getpass
import sys

from posreturns.cli.output import EXIT_OK, Output
from posreturns.cli.signing import ask, read_line
from posreturns.cli.till_args import open_from
from posreturns.domain.permissions import Permission
from posreturns.domain.users import Role, User
from posreturns.services.errors import BadInput


def register(commands: argparse._SubParsersAction, shared: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    user = commands.add_parser("user", parents=shared, help="till users and their PINs")
    sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", parents=shared, help="add a user (an administrator's job; see --first-admin)")
    add.add_argument("id")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=[role.value for role in Role])
    add.add_argument("--first-admin", action="store_true",
                     help="the new till's first administrator (only while the till has none; no --user)")
    add.set_defaults(handler=run_add)
    pin = sub.add_parser("pin", parents=shared, help="set a new PIN (your own, or anyone's as an administrator)")
    pin.add_argument("id")
    pin.set_defaults(handler=run_pin)
    unlock = sub.add_parser("unlock", parents=shared, help="unlock an account locked by wrong PINs (administrators)")
    unlock.add_argument("id")
    unlock.set_defaults(handler=run_unlock)
    for name, helptext in (("disable", "disable an account: it keeps its history but may not sign in (administrators)"),
                           ("enable", "enable a disabled account again (administrators)")):
        toggle = sub.add_parser(name, parents=shared, help=helptext)
        toggle.add_argument("id")
        toggle.set_defaults(handler=run_enable, enable=name == "enable")
    listing = sub.add_parser("list", parents=shared, help="the till's users (never their PINs)")
    listing.set_defaults(handler=run_list)


def _new_pin(args: argparse.Namespace, user_id: str) -> str:
    if getattr(args, "pin_stdin", False):
        return read_line(args, "", f"{user_id}'s new PIN")
    if not sys.stdin.isatty():
        raise BadInput("No terminal to type the new PIN in; send it on standard input with --pin-stdin.")
    pin = getpass.getpass(f"New PIN for {user_id}: ")
    if getpass.getpass("The same PIN again: ") != pin:
        raise BadInput("The two PINs differ; run the command again.")
    return pin


def _shown(user: User) -> dict[str, object]:
    shown: dict[str, object] = {"id": user.id, "name": user.name, "role": user.role.value,
                                "has_pin": user.pin_hash is not None}
    if user.disabled:
        shown["disabled"] = True
    return shown


def run_add(args: argparse.Namespace, out: Output) -> int:
    if args.first_admin:
        if args.role != Role.ADMIN.value:
            raise BadInput("--first-admin adds an administrator; use --role admin.")
        new_pin = _new_pin(args, args.id)
        with open_from(args) as till:
            user = till.users.first_admin(args.id, args.name, new_pin)
    else:
        credentials = ask(args, Permission.MANAGE_USERS, "user add")
        new_pin = _new_pin(args, args.id)
        with open_from(args) as till:
            actor = credentials.sign_in(till, Permission.MANAGE_USERS)
            user = till.users.add(actor, args.id, args.name, args.role, new_pin)
    out.result(_shown(user), f"User {user.id} ({user.name}, {user.role.value}) added.")
    return EXIT_OK


def run_pin(args: argparse.Namespace, out: Output) -> int:
    """Your own PIN (sign in as yourself), or anyone's when you are an administrator."""
    own = (getattr(args, "user", None) or "") == args.id
    needed = Permission.COMPLETE_RETURN if own else Permission.MANAGE_USERS
    credentials = ask(args, needed, "user pin")
    new_pin = _new_pin(args, args.id)
    with open_from(args) as till:
        actor = credentials.sign_in(till, needed)
        user = till.users.set_pin(actor, args.id, new_pin)
    out.result(_shown(user), f"{user.id} has a new PIN.")
    return EXIT_OK


def run_unlock(args: argparse.Namespace, out: Output) -> int:
    credentials = ask(args, Permission.MANAGE_USERS, "user unlock")
    with open_from(args) as till:
        actor = credentials.sign_in(till, Permission.MANAGE_USERS)
        user = till.users.unlock(actor, args.id)
    out.result(_shown(user), f"{user.id} is unlocked and may sign in again.")
    return EXIT_OK


def run_enable(args: argparse.Namespace, out: Output) -> int:
    credentials = ask(args, Permission.MANAGE_USERS, f"user {'enable' if args.enable else 'disable'}")
    with open_from(args) as till:
        actor = credentials.sign_in(till, Permission.MANAGE_USERS)
        user = till.users.set_enabled(actor, args.id, args.enable)
    out.result(_shown(user), f"{user.id} is {'enabled' if args.enable else 'disabled: they may not sign in'}.")
    return EXIT_OK


def run_list(args: argparse.Namespace, out: Output) -> int:
    with open_from(args) as till:
        users = till.users.list()
    rows = [_shown(u) for u in users]
    out.result({"users": rows}, "\n".join(f"{u['id']:<16} {u['role']:<8} {u['name']}" for u in rows) or "No users.")
    return EXIT_OK
