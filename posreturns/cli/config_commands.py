"""`config set|get|list|import`: till settings stored with the data (printer URL, store, till, language…).
Reading is free; `config set` and `config import` need a manager (devices, language) or an
administrator (the rest)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from posreturns.cli.output import EXIT_OK, Output
from posreturns.cli.signing import ask
from posreturns.cli.till_args import open_from
from posreturns.domain.permissions import Permission, least_role
from posreturns.services.errors import BadInput
from posreturns.services.provisioning import read_provisioning
from posreturns.services.settings_admin import permission_for


def register(commands: argparse._SubParsersAction,  # type: ignore[type-arg]
             shared: list[argparse.ArgumentParser]) -> None:
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
    import_ = sub.add_parser("import", parents=shared,
                             help="set up this till from a provisioning file (TOML; see docs/install.md)")
    import_.add_argument("file", help="the provisioning file; - reads it from stdin")
    import_.add_argument("--dry-run", action="store_true",
                         help="check the file and show what would change; write nothing")
    import_.set_defaults(handler=run_import)


def run_set(args: argparse.Namespace, out: Output) -> int:
    """Device settings (printer.*, scanner.*) are checked first: a wrong one is refused, nothing stored.
    Moving a till that has pulled from an OMS to another OMS or store asks first (or wants --yes)."""
    from posreturns.cli.sync_commands import confirm_new_source, pull_from
    from posreturns.devices.device_settings import check_setting

    needed = permission_for(args.key)
    credentials = ask(args, needed, "config set")
    value = check_setting(args.key, args.value)
    with open_from(args) as till:
        value = till.settings_admin.check({args.key: value})[args.key]  # a wrong value: refused before signing in
        source = args.key in ("oms.url", "store.id") and till.settings.get("oms.url")
        url = (value.rstrip("/") if args.key == "oms.url" else till.settings.get("oms.url")) or ""
        store = value if args.key == "store.id" else till.settings.store_id() or ""
        if source:  # where the till pulls from changes: its cursors too (asked first)
            confirm_new_source(till, url, store, args.yes)
        actor = credentials.sign_in(till, needed)
        till.settings_admin.change(actor, {args.key: value})
        if source:
            pull_from(till, url, store)
        value = till.settings.get(args.key) or ""
    out.result({args.key: value}, f"{args.key} = {value}")
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


def run_import(args: argparse.Namespace, out: Output) -> int:
    """The whole file is checked before anything is written; then it is stored as one audited change by
    someone allowed to change every key in it (`--dry-run` writes nothing and needs nobody)."""
    source = "stdin" if args.file == "-" else args.file
    credentials = None if args.dry_run else ask(args, Permission.CHANGE_DEVICE_SETTINGS, "config import")
    try:
        text = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as error:
        raise BadInput(f"Cannot read {source} ({error.strerror}); check the path.") from None
    values = read_provisioning(text, source)
    if args.till:  # one shared file for a store's tills, the till id on the command line
        values["till.id"] = args.till
    from posreturns.devices.device_settings import check_setting  # the drivers: only for the commands that need them

    try:  # the printer and scanner settings, checked with the drivers before anything is written
        values = {key: check_setting(key, value) for key, value in values.items()}
    except BadInput as error:
        raise BadInput(f"{source}: {error}") from None
    with open_from(args) as till:
        values = till.settings_admin.check(values)  # the till id and OMS address too: all before anything is written
        changed = {key: value for key, value in values.items() if till.settings.get(key) != value}
        if credentials is not None:
            needed = max((permission_for(key) for key in values), key=lambda p: least_role(p).rank,
                         default=Permission.CHANGE_DEVICE_SETTINGS)
            actor = credentials.sign_in(till, needed)
            till.settings_admin.change(actor, changed)  # all or nothing, with the till id and OMS address checks
    verb = "would change" if args.dry_run else "changed"
    lines = [f"{key} = {value}" for key, value in sorted(changed.items())] or ["(nothing: the till already has these)"]
    out.result({"file": source, "changed": changed, "dry_run": args.dry_run},
               f"{source}: {len(changed)} setting(s) {verb}.\n" + "\n".join(lines))
    return EXIT_OK
