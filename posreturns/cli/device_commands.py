"""`device …` (virtual devices, printer status, test print, drawer) and `print …` (reprint, jobs).
Reprints, retries and cancelling a job need a signed-in user, and opening the drawer a manager."""

from __future__ import annotations

import argparse
from typing import Any

from posreturns.app import open_drawer_control, open_printing
from posreturns.cli import restock_commands
from posreturns.cli.output import EXIT_FAILED, EXIT_OK, Output
from posreturns.cli.signing import sign_in
from posreturns.cli.till_args import open_from
from posreturns.devices.documents import Block, Cut, Feed, Text
from posreturns.domain.permissions import Permission
from posreturns.paths import resolve_data_dir


def register(commands: argparse._SubParsersAction,  # type: ignore[type-arg]
             shared: list[argparse.ArgumentParser]) -> None:
    device = commands.add_parser("device", parents=shared, help="receipt printer, cash drawer, virtual devices")
    sub = device.add_subparsers(dest="device_command", metavar="ACTION", required=True)
    printer = sub.add_parser("virtual-printer", parents=shared, help="run a virtual ESC/POS network printer")
    printer.add_argument("--port", type=int, default=9100)
    printer.add_argument("--host", default="127.0.0.1")
    printer.add_argument("--control-port", type=int, default=None)
    printer.add_argument("--jobs-dir", default=None, help="default: virtual-printer/ in the data folder")
    printer.add_argument("--profile", default="epson-tm-t20iii")
    printer.add_argument("--fault", default="none")
    printer.set_defaults(handler=run_virtual_printer)
    scanner = sub.add_parser("virtual-scanner", parents=shared,
                             help="a virtual serial scanner that types codes into a pty")
    scanner.add_argument("--code", action="append", default=[])
    scanner.add_argument("--link", help="a stable symlink to the pty, e.g. /tmp/scanner")
    scanner.add_argument("--terminator", default="CR")
    scanner.set_defaults(handler=run_virtual_scanner)
    for name, helptext, handler in (("status", "read the printer's status", run_status),
                                    ("test-print", "print a test page", run_test_print),
                                    ("open-drawer", "open the cash drawer (manager test)", run_open_drawer)):
        command = sub.add_parser(name, parents=shared, help=helptext)
        command.set_defaults(handler=handler)
    printing = commands.add_parser("print", parents=shared, help="receipts: reprint, jobs kept after a failure")
    psub = printing.add_subparsers(dest="print_command", metavar="ACTION", required=True)
    reprint = psub.add_parser("reprint", parents=shared, help="print a return receipt again by its return number")
    reprint.add_argument("number")
    reprint.set_defaults(handler=run_reprint)
    jobs = psub.add_parser("jobs", parents=shared, help="list print jobs waiting for the printer")
    jobs.set_defaults(handler=run_jobs)
    retry = psub.add_parser("retry", parents=shared,
                            help="send waiting jobs again, to the printer configured now (all, or one by id)")
    retry.add_argument("job_id", nargs="?", type=int)
    retry.set_defaults(handler=run_retry)
    cancel = psub.add_parser("cancel", parents=shared, help="never print a waiting job (the return can be reprinted)")
    cancel.add_argument("job_id", type=int)
    cancel.set_defaults(handler=run_cancel)
    restock_commands.register_print(psub, shared)


def run_virtual_printer(args: argparse.Namespace, out: Output) -> int:
    from posdrivers.virtual.printer_cli import run

    jobs_dir = args.jobs_dir or str(resolve_data_dir(args.data_dir) / "virtual-printer")
    argv = ["--port", str(args.port), "--host", args.host, "--jobs-dir", jobs_dir, "--profile", args.profile,
            "--fault", args.fault]
    if args.control_port is not None:
        argv += ["--control-port", str(args.control_port)]
    return int(run(argv))


def run_virtual_scanner(args: argparse.Namespace, out: Output) -> int:
    from posdrivers.virtual.scanner import main

    argv = [part for code in args.code for part in ("--code", code)] + ["--terminator", args.terminator]
    if args.link:
        argv += ["--link", args.link]
    return int(main(argv))


def outcome_json(outcome: Any) -> dict[str, Any]:
    """A print's outcome as `print reprint --json` (and the host API's reprint) answer it."""
    return {"job_id": outcome.job_id, "printed": outcome.printed, "confirmed": outcome.confirmed,
            "copy": outcome.copy, "drawer_opened": False, "message": outcome.message}


def _outcome(out: Output, outcome: Any) -> int:
    data = outcome_json(outcome)
    if outcome.printed:
        out.result(data, f"Printed (job {outcome.job_id})." if outcome.confirmed else outcome.message)
        return EXIT_OK
    out.error("printer", outcome.said)
    return EXIT_FAILED


def run_reprint(args: argparse.Namespace, out: Output) -> int:
    with open_from(args) as till:
        sign_in(args, till, Permission.REPRINT_RECEIPT, "print reprint")
        return _outcome(out, open_printing(till, args.printer).print_return(args.number))


def run_test_print(args: argparse.Namespace, out: Output) -> int:
    with open_from(args) as till:
        printing = open_printing(till, args.printer)
        blocks: list[Block] = [Text("posreturns", "center", bold=True, large=True),
                               Text("Test d'impression — Test print", "center"),
                  Text("àâçéèêëîïôœùûü € ÀÇÉÈ", "center"), Feed(2), Cut()]
        return _outcome(out, printing.print_document("test", None, blocks))


def run_status(args: argparse.Namespace, out: Output) -> int:
    with open_from(args) as till:
        status = open_printing(till, args.printer).status()
    out.result(status, status["sentence"])
    return EXIT_OK if status["ready"] else EXIT_FAILED


def run_open_drawer(args: argparse.Namespace, out: Output) -> int:
    """A deliberate opening, written to the audit log (by the drawer) with the manager who signed in."""
    with open_from(args) as till:
        actor = sign_in(args, till, Permission.OPEN_DRAWER, "device open-drawer")
        outcome = open_drawer_control(open_printing(till, args.printer)).open(actor.user_id)
    if not outcome.opened:
        out.error("drawer", outcome.said or "")
        return EXIT_FAILED
    out.result({"drawer": "opened"}, "Drawer opened.")
    return EXIT_OK


def run_jobs(args: argparse.Namespace, out: Output) -> int:
    with open_from(args) as till:
        jobs = open_printing(till, args.printer).waiting()
    rows = [{"id": j.id, "kind": j.kind, "reference": j.reference, "status": j.status, "attempts": j.attempts,
             "copy": j.copy, "created_at": j.created_at, "last_error": j.last_error} for j in jobs]
    out.result({"jobs": rows}, "\n".join(f"{r['id']:>5} {r['kind']:<15} {r['reference'] or '-':<24} {r['status']:<8} "
                                         f"{r['last_error'] or ''}" for r in rows) or "No print job is waiting.")
    return EXIT_OK


def run_retry(args: argparse.Namespace, out: Output) -> int:
    with open_from(args) as till:
        sign_in(args, till, Permission.REPRINT_RECEIPT, "print retry")
        printing = open_printing(till, args.printer)
        outcomes = [printing.retry(args.job_id)] if args.job_id is not None else printing.retry_unprinted()
    failed = [o for o in outcomes if not o.printed]
    out.result({"printed": len(outcomes) - len(failed), "failed": len(failed)},
               f"{len(outcomes) - len(failed)} printed, {len(failed)} still waiting.")
    return EXIT_OK if not failed else EXIT_FAILED


def run_cancel(args: argparse.Namespace, out: Output) -> int:
    with open_from(args) as till:
        sign_in(args, till, Permission.REPRINT_RECEIPT, "print cancel")
        cancelled = open_printing(till, args.printer).cancel(args.job_id)
    if not cancelled:
        out.error("not_waiting", f"Print job {args.job_id} is not waiting (printed, cancelled, replaced or unknown): "
                                 "see `posreturns print jobs`.")
        return EXIT_FAILED
    out.result({"cancelled": args.job_id}, f"Job {args.job_id} cancelled; it will not print.")
    return EXIT_OK
