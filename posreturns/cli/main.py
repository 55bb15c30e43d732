"""Argument parsing and dispatch. Global options work before or after the subcommand."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from posreturns.cli import (
    config_commands,
    data_commands,
    device_commands,
    order_commands,
    outbox_commands,
    policy_commands,
    return_commands,
    sync_commands,
    user_commands,
)
from posreturns.cli.output import EXIT_BAD_INPUT, EXIT_NOT_FOUND, EXIT_OK, Output
from posreturns.domain.errors import PinError, UserFacingError
from posreturns.services.errors import AlreadyUsedKey, ApprovalRequired, NotFound, ReturnRefused

Command = Callable[[argparse.Namespace, Output], int]


def global_options(suppress: bool) -> argparse.ArgumentParser:
    """Options valid anywhere on the line; in subcommands they must not reset what came before."""
    parent = argparse.ArgumentParser(add_help=False)
    default = argparse.SUPPRESS if suppress else None
    parent.add_argument("--data-dir", default=default, help="the till's data folder (default: the platform's user data folder, or $POSRETURNS_DATA_DIR)")
    parent.add_argument("--json", action="store_true", default=argparse.SUPPRESS if suppress else False, help="print results as JSON")
    parent.add_argument("--till", default=default, metavar="ID", help="this till's id (default: the till.id setting, T1)")
    parent.add_argument("--printer", default=default, metavar="URL",
                        help="receipt printer for this command: tcp://HOST:PORT, serial:PORT, file:PATH, usblp:DEVICE")
    parent.add_argument("--now", default=default, metavar="ISO-8601",
                        help="fix the clock (only with POSRETURNS_ALLOW_CLOCK_OVERRIDE=1; audited)")
    return parent


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="posreturns", description="In-store returns for store tills.",
                                     parents=[global_options(suppress=False)])
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    shared = [global_options(suppress=True)]
    data_commands.register(commands, shared)
    order_commands.register(commands, shared)
    return_commands.register(commands, shared)
    user_commands.register(commands, shared)
    policy_commands.register(commands, shared)
    outbox_commands.register(commands, shared)
    config_commands.register(commands, shared)
    device_commands.register(commands, shared)
    sync_commands.register(commands, shared)
    gui = commands.add_parser("gui", parents=shared, help="open the till window")
    gui.add_argument("--virtual-devices", action="store_true",
                     help="print on a virtual printer started for this session (make run uses it)")
    gui.set_defaults(handler=_run_gui)
    return parser


def _run_gui(args: argparse.Namespace, out: Output) -> int:
    from contextlib import ExitStack

    from posreturns.app import open_till
    from posreturns.app_ui import default_cashier, start_sync, ui_services
    from posreturns.devices.scanner import interpret
    from posreturns.paths import resolve_data_dir
    from posreturns.till_session import TillSession
    from posreturns.ui.i18n import choose_language
    from posreturns.ui.launch import run_window
    from posreturns.ui.presenters.return_flow import Session

    data_dir = resolve_data_dir(args.data_dir)
    till = open_till(data_dir)
    session_log = TillSession(data_dir)
    unexpected_end = session_log.open() is not None
    settings = till.settings
    scanner_port = settings.get("scanner.port") if settings.get("scanner.mode") == "serial" else None
    virtual_scan = None
    with ExitStack() as stack:
        sync = start_sync(till)
        if sync is not None:
            stack.callback(sync.stop)
        session = Session(cashier=lambda: default_cashier(till), till_id=lambda: settings.get("till.id") or "T1",
                          offline=lambda: sync is not None and sync.status().get("online") is False,
                          store_id=lambda: settings.store_id() or "")
        printer_url, receipt_images = args.printer, None
        if args.virtual_devices:
            from posdrivers import load_profile
            from posdrivers.virtual.printer import VirtualPrinter

            printer = stack.enter_context(VirtualPrinter("127.0.0.1", 0, jobs_dir=data_dir / "virtual-printer",
                                                         profile=load_profile("epson-tm-t20iii")))
            printer_url = printer.url

            def receipt_images() -> str | None:
                jobs = printer.jobs
                return str(jobs[-1].png_path) if jobs else None

            if sys.platform != "win32":  # the virtual serial scanner is a pty
                from posdrivers.virtual.scanner import VirtualScanner

                scanner = stack.enter_context(VirtualScanner("CR"))
                scanner_port, virtual_scan = str(scanner.path), scanner.scan

        try:
            code = run_window(lambda language: ui_services(till, language, printer_url, receipt_images=receipt_images,
                                                           sync=sync),
                              lambda: choose_language(settings.get("language")), session, interpret, scanner_port,
                              virtual_scan, unexpected_end)
        except Exception:
            logging.getLogger("posreturns").exception("the window stopped on an unexpected error")
            raise
        finally:
            till.close()
    session_log.close()  # only a window that returned ends its session cleanly
    return code


ERROR_CODES: tuple[tuple[type[Exception], str], ...] = (
    (ReturnRefused, "refused"), (ApprovalRequired, "approval_required"), (PinError, "pin_refused"),
    (AlreadyUsedKey, "idempotency_conflict"))


def error_code(error: Exception) -> str:
    """The `error.code` of a user-facing error in JSON output (exit code 2 for all of them)."""
    return next((code for kind, code in ERROR_CODES if isinstance(error, kind)), "bad_input")


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
        out.error(error_code(error), str(error))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `posreturns order show X | head`: the reader left, not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
