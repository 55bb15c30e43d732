"""`return quote`, `return complete` (JSON request in, JSON answer out), `return confirm` and
`return show NUMBER`. Completing and confirming need the cashier to sign in (`--user`, PIN); with
--pin-stdin the PIN is the first line of stdin and the request follows."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from posreturns.app import open_drawer_control, open_printing
from posreturns.cli.output import EXIT_OK, Output
from posreturns.cli.signing import ask
from posreturns.cli.till_args import open_from, read_json
from posreturns.domain.errors import UserFacingError
from posreturns.domain.permissions import Permission
from posreturns.services.returns.request import parse_request


def register(commands: argparse._SubParsersAction, shared: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    ret = commands.add_parser("return", parents=shared, help="quote, complete and show returns (JSON)")
    sub = ret.add_subparsers(dest="return_command", metavar="ACTION", required=True)
    actions = (
        ("quote", run_quote, "what the policy decides and what would be refunded; writes nothing"),
        (
            "complete",
            run_complete,
            "complete the return (one transaction); the same key twice gives the first answer",
        ),
    )
    for name, handler, text in actions:
        action = sub.add_parser(name, parents=shared, help=text)
        action.add_argument("--request", type=Path, metavar="FILE", help="the JSON request (default: stdin)")
        action.set_defaults(handler=handler)
    confirm = sub.add_parser("confirm", parents=shared,
                             help="record the host's answer: the card refund was paid out on its terminal, or failed")
    confirm.add_argument("number")
    answer = confirm.add_mutually_exclusive_group(required=True)
    answer.add_argument("--reference", help="the terminal's authorisation / transaction reference")
    answer.add_argument("--failed", metavar="REASON", help="the terminal refused or failed: why")
    confirm.set_defaults(handler=run_confirm)
    show = sub.add_parser("show", parents=shared, help="a completed return by number (or id)")
    show.add_argument("number")
    show.set_defaults(handler=run_show)


def run_quote(args: argparse.Namespace, out: Output) -> int:
    request = read_json(args.request)
    till = open_from(args)
    try:
        out.document(till.returns.quote(request))
    finally:
        till.close()
    return EXIT_OK


def run_complete(args: argparse.Namespace, out: Output) -> int:
    """Complete, then print the receipt when a printer is set (the return is committed first)."""
    credentials = ask(args, Permission.COMPLETE_RETURN, "return complete")
    request = read_json(args.request)
    parse_request(request)  # a malformed request is refused before anyone signs in: nothing is written
    till = open_from(args)
    try:
        answer = till.returns.complete(request, credentials.sign_in(till, Permission.COMPLETE_RETURN))
        printer = getattr(args, "printer", None) or till.settings.get("printer.url")
        if printer:
            answer = {**answer, **drawer_and_receipt(till, printer, answer)}
        out.document(answer)
    finally:
        till.close()
    return EXIT_OK


def drawer_and_receipt(till: Any, printer_url: str, answer: dict[str, Any]) -> dict[str, Any]:
    """The drawer opens first when the return pays cash out here (once per return, audited), then
    the receipt prints; a replayed `complete` (same key) opens nothing again."""
    from posreturns.devices.drawer import pays_cash_at_till  # the drivers: only when a printer is set

    try:
        printing = open_printing(till, printer_url)
        drawer = open_drawer_control(printing).open_for_return(answer["return_number"], pays_cash_at_till(answer),
                                                               answer.get("cashier"))
        outcome = printing.print_return(answer["return_number"])
    except UserFacingError as error:
        return {"print": {"printed": False, "job_id": None, "drawer_opened": False, "message": str(error)}}
    opened = drawer is not None and drawer.opened
    extra: dict[str, Any] = {"drawer": {"opened": opened, "message": drawer.message}} if drawer is not None else {}
    return {"print": {"printed": outcome.printed, "confirmed": outcome.confirmed, "job_id": outcome.job_id,
                      "copy": outcome.copy, "drawer_opened": opened, "message": outcome.message}, **extra}


def run_confirm(args: argparse.Namespace, out: Output) -> int:
    paid = args.failed is None
    credentials = ask(args, Permission.CONFIRM_HOST_PAYMENT, "return confirm")
    with open_from(args) as till:
        actor = credentials.sign_in(till, Permission.CONFIRM_HOST_PAYMENT)
        till.host_answers.record(args.number, paid, args.reference if paid else args.failed, actor)
    out.document({"return_number": args.number, "host_paid": paid})
    return EXIT_OK


def run_show(args: argparse.Namespace, out: Output) -> int:
    till = open_from(args)
    try:
        out.document(till.returns.show(args.number))
    finally:
        till.close()
    return EXIT_OK
