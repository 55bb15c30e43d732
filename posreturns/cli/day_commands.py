"""`posreturns day status|close|list|print`: the close of this till's day. `status` shows what a close
would record now and what is still open; `close --cash-counted AMOUNT` records it (a manager's ID
and PIN; `--override REASON` closes with items open) and prints the Z summary when a printer is set;
`list` shows the closes; `print Z` prints one again."""

from __future__ import annotations

import argparse
from typing import Any

from posreturns.cli.output import EXIT_OK, Output
from posreturns.cli.signing import ask
from posreturns.cli.till_args import day_argument, open_from
from posreturns.domain.day_close import DayClose, DayTotals, DayWindow, OpenItems
from posreturns.domain.money import Money, parse_minor
from posreturns.domain.permissions import Permission
from posreturns.services.errors import BadInput


def register(commands: argparse._SubParsersAction, shared: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    day = commands.add_parser("day", parents=shared, help="close this till's day (Z summary)")
    sub = day.add_subparsers(dest="day_command", metavar="ACTION", required=True)
    status = sub.add_parser("status", parents=shared, help="what closing the day now would record, and what is open")
    status.add_argument("--day", type=day_argument, metavar="YYYY-MM-DD", help="default: today")
    status.set_defaults(handler=run_status)
    close = sub.add_parser("close", parents=shared, help="close the day: totals by tender, cash count, Z summary")
    close.add_argument("--day", type=day_argument, metavar="YYYY-MM-DD", help="default: today")
    close.add_argument("--cash-counted", required=True, metavar="AMOUNT",
                       help="the cash in the drawer, as counted, when a float was entered (`drawer float`); "
                            "else the cash the drawer paid out for returns (e.g. 29.90)")
    close.add_argument("--override", default="", metavar="REASON",
                       help="close although sync exceptions or unconfirmed card refunds are open, and say why")
    close.add_argument("--by", dest="user", default=argparse.SUPPRESS, metavar="MANAGER",
                       help="the manager closing (same as --user; the PIN is asked for, or read with --pin-stdin)")
    close.set_defaults(handler=run_close)
    listing = sub.add_parser("list", parents=shared, help="the closes of this till (of one day with --day)")
    listing.add_argument("--day", type=day_argument, metavar="YYYY-MM-DD")
    listing.set_defaults(handler=run_list)
    reprint = sub.add_parser("print", parents=shared, help="print a close's Z summary again")
    reprint.add_argument("z_number", type=int, metavar="Z")
    reprint.set_defaults(handler=run_print)


def _amount(minor: int, currency: str) -> str:
    return str(Money.from_minor(minor, currency).amount)


def totals_json(totals: DayTotals, currency: str) -> dict[str, Any]:
    return {"returns": totals.returns, "refunded": _amount(totals.refund_total_minor, currency),
            "tenders": [{"method": t.method, "executed_by": t.executed_by, "returns": t.returns,
                         "amount": _amount(t.amount_minor, currency)} for t in totals.tenders],
            "cash_paid_out": _amount(totals.cash_paid_minor, currency)}


def window_json(window: DayWindow) -> dict[str, Any]:
    return {"till_id": window.till_id, "day": window.business_day.isoformat(), "seq": window.seq,
            "from": window.start.strftime("%Y-%m-%dT%H:%M:%S%z"), "to": window.end.strftime("%Y-%m-%dT%H:%M:%S%z")}


def items_json(items: OpenItems) -> dict[str, Any]:
    return {"sync_exceptions": items.sync_exceptions, "unconfirmed_card_refunds": list(items.unconfirmed_card_refunds)}


def close_json(close: DayClose) -> dict[str, Any]:
    c = close.currency
    return {"z_number": close.z_number, **window_json(close.window), "closed_at": close.closed_at.isoformat(),
            "closed_by": close.closed_by, "currency": c, **totals_json(close.totals, c),
            "float": None if close.float_minor is None else _amount(close.float_minor, c),
            "cash_expected": _amount(close.cash_expected_minor, c),
            "cash_counted": _amount(close.cash_counted_minor, c),
            "difference": _amount(close.difference_minor, c), "open_items": items_json(close.open_items),
            "override_reason": close.override_reason}


def close_text(close: DayClose) -> str:
    data = close_json(close)
    lines = [f"Z {close.z_number}: day {data['day']} of till {data['till_id']}"
             + (f" (correction {close.window.seq - 1})" if close.window.seq > 1 else ""),
             f"  {data['returns']} return(s), {data['refunded']} {close.currency} refunded"]
    lines += [f"  {t['method']} ({t['executed_by']}): {t['amount']}" for t in data["tenders"]]
    if close.float_minor is None:
        lines.append(f"  cash paid out {data['cash_expected']}, counted {data['cash_counted']}, "
                     f"difference {data['difference']}")
    else:
        lines.append(f"  float {data['float']}, paid out since {_amount(close.float_paid_minor, close.currency)}, "
                     f"expected in the drawer {data['cash_expected']}, counted {data['cash_counted']}, "
                     f"difference {data['difference']}")
    if close.override_reason:
        lines.append(f"  closed with {close.open_items.sentence()} open: {close.override_reason}")
    return "\n".join(lines)


def run_status(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_day_close

    with open_from(args) as till:
        days = open_day_close(till, getattr(args, "till", None))
        window, totals, items = days.preview(args.day)
        drawer = days.drawer_cash(window.business_day)
        currency = till.policies.active().currency
    data = {**window_json(window), "currency": currency, **totals_json(totals, currency),
            "float": None if drawer is None else str(drawer.float.amount.amount),
            "cash_in_drawer": None if drawer is None else str(drawer.in_drawer.amount),
            "open_items": items_json(items)}
    open_text = f"open: {items.sentence()}" if items.any else "nothing open"
    out.result(data, f"Day {window.business_day} of till {window.till_id}"
                     + (f", correction {window.seq - 1}" if window.seq > 1 else "")
                     + f": {totals.returns} return(s), cash paid out {data['cash_paid_out']} {currency}"
                     + ("" if drawer is None else f", expected in the drawer {data['cash_in_drawer']} {currency}")
                     + f"; {open_text}.")
    return EXIT_OK


def _printing(till: Any, args: argparse.Namespace) -> Any:
    from posreturns.app import open_printing

    if not (getattr(args, "printer", None) or till.settings.get("printer.url")):
        return None
    return open_printing(till, args.printer)


def _print(till: Any, args: argparse.Namespace, close: DayClose) -> dict[str, Any] | None:
    from posreturns.app import receipt_sources
    from posreturns.devices.z_report import print_z_report

    printing = _printing(till, args)
    if printing is None:
        return None
    sources = receipt_sources(till)
    outcome = print_z_report(printing, close, sources.header().name, sources.local_time)
    return {"printed": outcome.printed, "job_id": outcome.job_id, "message": outcome.message}


def run_close(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_day_close

    credentials = ask(args, Permission.CLOSE_DAY, "day close")
    with open_from(args) as till:
        currency = till.policies.active().currency
        counted = parse_minor(args.cash_counted.strip(), currency)  # InvalidAmount: one sentence, exit 2
        actor = credentials.sign_in(till, Permission.CLOSE_DAY)
        close = open_day_close(till, getattr(args, "till", None)).close(actor, counted, args.day, args.override)
        printed = _print(till, args, close)  # after the commit: the summary prints only what was recorded
    out.result({**close_json(close), "print": printed},
               close_text(close) + ("" if printed is None else
                                    "\nZ summary " + ("printed." if printed["printed"]
                                                      else f"kept: {printed['message']}")))
    return EXIT_OK


def run_list(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_day_close

    with open_from(args) as till:
        closes = open_day_close(till, getattr(args, "till", None)).closes(args.day)
    out.result({"closes": [close_json(c) for c in closes]},
               "\n".join(close_text(c) for c in closes) or "No day of this till is closed yet.")
    return EXIT_OK


def run_print(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_day_close
    from posreturns.cli.signing import sign_in

    with open_from(args) as till:
        sign_in(args, till, Permission.REPRINT_RECEIPT, "day print")
        close = open_day_close(till, getattr(args, "till", None)).by_z(args.z_number)
        printed = _print(till, args, close)
    if printed is None:
        raise BadInput("No receipt printer is set up; give --printer URL or set printer.url.")
    out.result(printed, "Printed." if printed["printed"] else printed["message"])
    return EXIT_OK if printed["printed"] else 1
