"""Argument parsing and dispatch. Global options work before or after the subcommand."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from posreturns.cli import config_commands, data_commands, order_commands
from posreturns.cli.output import EXIT_BAD_INPUT, EXIT_NOT_FOUND, Output
from posreturns.domain.errors import UserFacingError
from posreturns.services.errors import NotFound

Command = Callable[[argparse.Namespace, Output], int]


def global_options(suppress: bool) -> argparse.ArgumentParser:
    """Options valid anywhere on the line; in subcommands they must not reset what came before."""
    parent = argparse.ArgumentParser(add_help=False)
    default = argparse.SUPPRESS if suppress else None
    parent.add_argument("--data-dir", default=default, help="the till's data folder (default: the platform's user data folder, or $POSRETURNS_DATA_DIR)")
    parent.add_argument("--json", action="store_true", default=argparse.SUPPRESS if suppress else False, help="print results as JSON")
    return parent


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="posreturns", description="In-store returns for store tills.",
                                     parents=[global_options(suppress=False)])
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    shared = [global_options(suppress=True)]
    data_commands.register(commands, shared)
    order_commands.register(commands, shared)
    config_commands.register(commands, shared)
    gui = commands.add_parser("gui", parents=shared, help="open the till window")
    gui.set_defaults(handler=_run_gui)
    return parser


def _run_gui(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_till
    from posreturns.paths import resolve_data_dir
    from posreturns.ui.launch import run_window

    till = open_till(resolve_data_dir(args.data_dir))
    try:
        return run_window(till.lookup)
    finally:
        till.close()


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    out = Output(args.json)
    handler: Command = args.handler
    try:
        return handler(args, out)
    except NotFound as error:
        out.error("not_found", str(error))
        return EXIT_NOT_FOUND
    except UserFacingError as error:
        out.error("bad_input", str(error))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
