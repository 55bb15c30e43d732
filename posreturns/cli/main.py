"""Argument parsing and dispatch. Global options work before or after the subcommand."""

from __future__ import annotations

import argparse
import functools
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

import posreturns
from posreturns.cli.language import answer_language
from posreturns.cli.output import EXIT_BAD_INPUT, EXIT_NOT_FOUND, EXIT_OK, Output
from posreturns.domain.errors import PinError, UserFacingError
from posreturns.paths import resolve_data_dir
from posreturns.services.errors import (
    AlreadyUsedKey,
    ApprovalRequired,
    BadInput,
    NotFound,
    PermissionDenied,
    ReturnRefused,
    StorageError,
)
from posreturns.services.input_checks import storable

Command = Callable[[argparse.Namespace, Output], int]


def global_options(suppress: bool) -> argparse.ArgumentParser:
    """Options valid anywhere on the line; in subcommands they must not reset what came before."""
    parent = argparse.ArgumentParser(add_help=False)
    default = argparse.SUPPRESS if suppress else None
    parent.add_argument("--data-dir", default=default,
                        help="the till's data folder (default: the platform's user data folder, "
                             "or $POSRETURNS_DATA_DIR)")
    parent.add_argument("--json", action="store_true", default=argparse.SUPPRESS if suppress else False,
                        help="print results as JSON")
    parent.add_argument("--till", default=default, metavar="ID",
                        help="this till's id (default: the till.id setting, T1)")
    parent.add_argument("--printer", default=default, metavar="URL",
                        help="receipt printer for this command: tcp://HOST:PORT, serial:PORT, file:PATH, usblp:DEVICE")
    parent.add_argument("--now", default=default, metavar="ISO-8601",
                        help="fix the clock (training tills only; audited)")
    parent.add_argument("--user", default=default, metavar="ID",
                        help="who runs a command that changes something (their PIN is asked for)")
    parent.add_argument("--pin-stdin", action="store_true", default=argparse.SUPPRESS if suppress else False,
                        help="read PINs from standard input, one per line (yours first), instead of a prompt")
    parent.add_argument("--version", action=_PrintVersion, help="print the version and exit")
    return parent


class _PrintVersion(argparse.Action):
    """argparse's version action, reading the version only when asked."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        print(f"posreturns {posreturns.__version__}")
        parser.exit()


# Each module of posreturns/cli and the commands it registers, in the order `--help` lists them. A call
# imports and builds only its own command's module (a host's lookup pays for nothing else); `--help`,
# and a line the partial parser does not accept, get every command (the usage errors come from there).
COMMAND_MODULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("data_commands", ("init", "demo", "import", "generate")), ("order_commands", ("order",)),
    ("return_commands", ("return",)), ("exchange_commands", ("exchange",)), ("mail_commands", ("mail",)),
    ("sms_commands", ("sms",)),
    ("user_commands", ("user",)), ("policy_commands", ("policy",)), ("outbox_commands", ("outbox",)),
    ("config_commands", ("config",)), ("device_commands", ("device", "print")), ("sync_commands", ("sync", "oms")),
    ("storage_commands", ("backup", "restore")), ("verify_commands", ("verify",)),
    ("restock_commands", ("restock", "rtv", "resale", "alerts")), ("report_commands", ("report",)),
    ("day_commands", ("day",)), ("drawer_commands", ("drawer",)), ("audit_commands", ("audit",)),
    ("serve_commands", ("serve",)), ("main", ("gui",)))
MODULE_OF = {name: module for module, names in COMMAND_MODULES for name in names}
ALL_MODULES = tuple(module for module, _ in COMMAND_MODULES)


class _NotThisParser(Exception):
    """A partial parser met a line it cannot judge alone: the whole parser parses it again."""


class _PartialParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotThisParser(message)


@functools.cache  # built once per process (a test calls main() many times)
def build_parser(modules: tuple[str, ...] = ALL_MODULES, partial: bool = False) -> argparse.ArgumentParser:
    """The parser of the commands of `modules` (all by default); `partial`: its usage errors raise
    `_NotThisParser` instead of exiting, for `main` to ask the whole parser."""
    kind = _PartialParser if partial else argparse.ArgumentParser
    parser = kind(prog="posreturns", description="In-store returns for store tills.",
                  parents=[global_options(suppress=False)])
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    shared = [global_options(suppress=True)]
    for module in modules:
        if module == "main":
            _register_gui(commands, shared)
        else:
            importlib.import_module(f"posreturns.cli.{module}").register(commands, shared)
    return parser


def _register_gui(commands: argparse._SubParsersAction, shared: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    gui = commands.add_parser("gui", parents=shared, help="open the till window")
    gui.add_argument("--virtual-devices", action="store_true",
                     help="print on a virtual printer started for this session (make run uses it)")
    gui.add_argument("--fullscreen", action="store_true", help="open full screen (a kiosk till; see docs/install.md)")
    gui.add_argument("--self-check", type=float, metavar="SECONDS",
                     help="open the window, then after SECONDS print (JSON) whether the translations, style and icons "
                          "loaded, and close; exit 1 if something is missing (installer smoke tests)")
    gui.set_defaults(handler=_run_gui)


def _run_gui(args: argparse.Namespace, out: Output) -> int:
    from contextlib import ExitStack

    from posreturns import app_ui  # noqa: F401  (before Qt: PySide6 inspects every module imported after it)
    from posreturns.bootstrap import bootstrap
    from posreturns.devices.device_settings import wedge_config
    from posreturns.ui.i18n import choose_language
    from posreturns.ui.launch import run_window
    from posreturns.ui.presenters.return_flow import Session

    data_dir = resolve_data_dir(args.data_dir)
    try:
        runtime = bootstrap(data_dir, "window", till_id=getattr(args, "till", None))
    except StorageError as error:  # damaged, locked, unreadable: one sentence in a box, no window
        from posreturns.ui.launch import show_fatal

        return show_fatal(error)
    if args.virtual_devices and not runtime.till.training:
        runtime.close()
        raise BadInput("--virtual-devices is for training tills (the demo store, or init --training); this "
                       "till prints on its real printer.")
    quiet_terminal()
    settings = runtime.till.settings
    scanner_port, virtual_scan = None, None
    with runtime, ExitStack() as stack:
        session = Session(till_id=runtime.till_id, offline=runtime.offline, store_id=runtime.store_id)
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
            return run_window(lambda language: runtime.ui_services(language, printer_url, receipt_images),
                              lambda: choose_language(settings.get("language")), session,
                              runtime.scan_interpreter(), runtime.serial_scanner(scanner_port), virtual_scan,
                              wedge=wedge_config(settings.get),
                              notice=runtime.till.guard.problem, checked=runtime.till.guard.checked,
                              self_check_after=args.self_check,
                              fullscreen=args.fullscreen or settings.get("window.fullscreen") == "yes",
                              unexpected_end=runtime.unexpected_end)
        except Exception:  # only a window that returned ends its session cleanly (the runtime's exit)
            logging.getLogger("posreturns").exception("the window stopped on an unexpected error")
            raise


ERROR_CODES: tuple[tuple[type[Exception], str], ...] = (
    (ReturnRefused, "refused"), (ApprovalRequired, "approval_required"), (PinError, "pin_refused"),
    (AlreadyUsedKey, "idempotency_conflict"), (StorageError, "storage"), (PermissionDenied, "permission_denied"))


def error_code(error: Exception) -> str:
    """The `error.code` of a user-facing error in JSON output (exit code 2 for all of them)."""
    return next((code for kind, code in ERROR_CODES if isinstance(error, kind)), "bad_input")


# Commands that write nothing (and backup/restore, which check the database themselves); every other
# one first reads the whole database when its last check is old (`PRAGMA quick_check`, see
# persistence.database_guard); the window checks at each start.
# (module.function: the other commands' modules are not imported by this one)
READ_ONLY: frozenset[str] = frozenset({
    "config_commands.run_get", "config_commands.run_list", "order_commands.run_show", "order_commands.run_search",
    "order_commands.run_match", "outbox_commands.run_list", "policy_commands.run_show", "return_commands.run_quote",
    "return_commands.run_show", "sync_commands.run_status", "sync_exception_commands.run_exceptions",
    "user_commands.run_list", "device_commands.run_virtual_printer", "device_commands.run_virtual_scanner",
    "device_commands.run_status", "device_commands.run_jobs", "exchange_commands.run_promise",
    "exchange_commands.run_show", "mail_commands.run_status", "mail_commands.run_list",
    "sms_commands.run_status", "verify_commands.run_verify",
    "restock_commands.run_list", "restock_commands.run_show", "restock_commands.run_batches",
    "restock_commands.run_resale_list", "restock_commands.run_alerts", "report_commands.run_report",
    "day_commands.run_status", "day_commands.run_list",
    "drawer_commands.run_status", "audit_commands.run_list", "storage_commands.run_backup",
    "storage_commands.run_restore"})


def read_only(handler: Command) -> bool:
    return handler is _run_gui or f"{handler.__module__.rpartition('.')[2]}.{handler.__name__}" in READ_ONLY


def quiet_terminal() -> None:
    """The window logs INFO to its log folder; a terminal it was started from shows warnings and worse."""
    for terminal in logging.getLogger().handlers:
        terminal.setLevel(max(terminal.level, logging.WARNING))


def till_main() -> int:
    """`posreturns-till`, the launcher of menus and shortcuts: the window, with the same options as `gui`."""
    return main(["gui", *sys.argv[1:]])


def parse(words: list[str]) -> argparse.Namespace:
    """The line parsed by the parser of its command alone when it names one, else by the whole parser."""
    modules = modules_named(words)
    if modules is not None:
        try:
            return build_parser(modules, partial=True).parse_args(words)
        except _NotThisParser:
            pass
    return build_parser().parse_args(words)


def modules_named(words: list[str]) -> tuple[str, ...] | None:
    """The module of the command `words` name (none for a line without one, e.g. `--version`); None
    when the whole parser must answer: help asked before the command (it lists every command), or a
    word that is not a command."""
    takes_value = _options_with_value()
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word == "--" or word == "-h" or word.startswith("--h"):
            return None
        elif word.startswith("-"):
            skip = word in takes_value
        else:
            module = MODULE_OF.get(word)
            return None if module is None else (module,)
    return ()


@functools.cache
def _options_with_value() -> frozenset[str]:
    return frozenset(option for action in global_options(suppress=False)._actions if action.nargs != 0
                     for option in action.option_strings)


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    words = list(sys.argv[1:] if argv is None else argv)
    garbled = next((n for n, word in enumerate(words, 1) if not storable(word)), None)
    if garbled is not None:  # e.g. bytes that are not UTF-8: they would reach the database or the screen
        print(f"posreturns: argument {garbled} holds invalid text (not UTF-8, or control characters); "
              "type it again.", file=sys.stderr)
        return EXIT_BAD_INPUT
    args = parse(words)
    out = Output(args.json, lambda: answer_language(getattr(args, "data_dir", None)))
    handler: Command = args.handler
    try:
        if not read_only(handler):
            from posreturns.app import check_storage

            check_storage(resolve_data_dir(args.data_dir))
        return handler(args, out)
    except NotFound as error:
        out.error("not_found", error)
        return EXIT_NOT_FOUND
    except UserFacingError as error:
        out.error(error_code(error), error)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `posreturns order show X | head`: the reader left, not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
