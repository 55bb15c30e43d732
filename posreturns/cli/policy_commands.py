"""`policy load FILE` (validate, store, activate: an administrator's) and `policy show`."""

from __future__ import annotations

import argparse
from pathlib import Path

from posreturns.cli.output import EXIT_OK, Output
from posreturns.cli.signing import ask
from posreturns.cli.till_args import open_from
from posreturns.domain.permissions import Permission
from posreturns.services.errors import BadInput


def register(commands: argparse._SubParsersAction, shared: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    policy = commands.add_parser("policy", parents=shared, help="the active return policy")
    sub = policy.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    load = sub.add_parser(
        "load", parents=shared, help="validate a TOML policy file and make it the active one"
    )
    load.add_argument("file", type=Path)
    load.set_defaults(handler=run_load)
    show = sub.add_parser("show", parents=shared, help="the active policy's version (and text with --text)")
    show.add_argument("--text", action="store_true", help="print the policy text too")
    show.set_defaults(handler=run_show)


def run_load(args: argparse.Namespace, out: Output) -> int:
    credentials = ask(args, Permission.LOAD_POLICY, "policy load")
    try:
        text = args.file.read_bytes().decode("utf-8")
    except OSError as error:
        raise BadInput(f"Cannot read {args.file}: {error.strerror}; check the path.") from None
    except UnicodeDecodeError:
        raise BadInput(f"{args.file} is not UTF-8 text; save it as UTF-8 and load it again.") from None
    with open_from(args) as till:
        loaded = till.policies.load(text, str(args.file), credentials.sign_in(till, Permission.LOAD_POLICY))
    loaded.pop("text")
    verb = "is now active" if loaded["changed"] else "was already active"
    out.result(loaded, f"Policy {loaded['version']} {verb}.")
    return EXIT_OK


def run_show(args: argparse.Namespace, out: Output) -> int:
    till = open_from(args)
    try:
        shown = till.policies.describe()
    finally:
        till.close()
    if not args.text:
        shown.pop("text")
    summary = f"Policy {shown['version']} ({shown['source']}, {shown['currency']})"
    out.result(shown, summary + ("\n" + shown["text"] if args.text else ""))
    return EXIT_OK
