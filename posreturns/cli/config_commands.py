"""`config set|get|list`: till settings stored with the data (printer URL, store, till, language…)."""

from __future__ import annotations

import argparse

from posreturns.app import open_till
from posreturns.cli.output import EXIT_OK, Output
from posreturns.paths import resolve_data_dir


def register(commands: argparse._SubParsersAction, shared: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    config = commands.add_parser("config", parents=shared, help="read and change the till's settings")
    sub = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    set_ = sub.add_parser("set", parents=shared, help="set KEY to VALUE (e.g. printer.url tcp://10.0.0.5:9100)")
    set_.add_argument("key")
    set_.add_argument("value")
    set_.add_argument("--yes", action="store_true", help="confirm a change of oms.url or store.id")
    set_.set_defaults(handler=run_set)
    get = sub.add_parser("get", parents=shared, help="print one setting")
    get.add_argument("key")
    get.set_defaults(handler=run_get)
    list_ = sub.add_parser("list", parents=shared, help="print every setting")
    list_.set_defaults(handler=run_list)


def run_set(args: argparse.Namespace, out: Output) -> int:
    from posreturns.cli.sync_commands import confirm_new_source, pull_from

    with open_till(resolve_data_dir(args.data_dir)) as till:
        source = args.key in ("oms.url", "store.id") and till.settings.get("oms.url")
        url = (args.value.rstrip("/") if args.key == "oms.url" else till.settings.get("oms.url")) or ""
        store = args.value if args.key == "store.id" else till.settings.store_id() or ""
        if source:  # where the till pulls from changes: its cursors too (asked first)
            confirm_new_source(till, url, store, args.yes)
        till.settings.set(args.key, args.value)
        if source:
            pull_from(till, url, store)
    out.result({args.key: args.value}, f"{args.key} = {args.value}")
    return EXIT_OK


def run_get(args: argparse.Namespace, out: Output) -> int:
    with open_till(resolve_data_dir(args.data_dir)) as till:
        value = till.settings.get(args.key)
    out.result({args.key: value}, value or "")
    return EXIT_OK


def run_list(args: argparse.Namespace, out: Output) -> int:
    with open_till(resolve_data_dir(args.data_dir)) as till:
        values = till.settings.all()
    out.result(values, "\n".join(f"{key} = {value}" for key, value in sorted(values.items())))
    return EXIT_OK
