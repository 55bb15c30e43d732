"""`config set|get|list`: till settings stored with the data (printer URL, store, till, language…).
Reading is free; `config set` needs a manager (devices, language) or an administrator (the rest)."""

from __future__ import annotations

import argparse

from posreturns.cli.output import EXIT_OK, Output
from posreturns.cli.signing import ask
from posreturns.cli.till_args import open_from
from posreturns.services.settings_admin import permission_for


def register(commands: argparse._SubParsersAction, shared: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    config = commands.add_parser("config", parents=shared, help="read and change the till's settings")
    sub = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    set_ = sub.add_parser("set", parents=shared, help="set KEY to VALUE (e.g. printer.url tcp://10.0.0.5:9100)")
    set_.add_argument("key")
    set_.add_argument("value")
    set_.set_defaults(handler=run_set)
    get = sub.add_parser("get", parents=shared, help="print one setting")
    get.add_argument("key")
    get.set_defaults(handler=run_get)
    list_ = sub.add_parser("list", parents=shared, help="print every setting")
    list_.set_defaults(handler=run_list)


def run_set(args: argparse.Namespace, out: Output) -> int:
    needed = permission_for(args.key)
    credentials = ask(args, needed, "config set")
    with open_from(args) as till:
        actor = credentials.sign_in(till, needed)
        till.settings_admin.change(actor, {args.key: args.value})
    out.result({args.key: args.value}, f"{args.key} = {args.value}")
    return EXIT_OK


def run_get(args: argparse.Namespace, out: Output) -> int:
    with open_from(args) as till:
        value = till.settings.get(args.key)
    out.result({args.key: value}, value or "")
    return EXIT_OK


def run_list(args: argparse.Namespace, out: Output) -> int:
    with open_from(args) as till:
        values = till.settings.all()
    out.result(values, "\n".join(f"{key} = {value}" for key, value in sorted(values.items())))
    return EXIT_OK
