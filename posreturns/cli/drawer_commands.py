"""`posreturns drawer float AMOUNT` records the cash counted into this till's drawer at the start of a
shift (the cashier's or a manager's ID and PIN; audited); `drawer status` shows today's float, the
cash the till paid out since and what should be in the drawer, which the policy's cash rule checks
a cash refund against."""

from __future__ import annotations

import argparse
from typing import Any

from posreturns.cli.output import EXIT_OK, Output
from posreturns.cli.signing import sign_in
from posreturns.cli.till_args import open_from
from posreturns.domain.drawer import DrawerCash, DrawerFloat
from posreturns.domain.permissions import Permission


def register(commands: argparse._SubParsersAction, shared: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    drawer = commands.add_parser("drawer", parents=shared, help="the drawer's float and the cash in it")
    sub = drawer.add_subparsers(dest="drawer_command", metavar="ACTION", required=True)
    float_ = sub.add_parser("float", parents=shared, help="enter today's float: the cash counted into the drawer")
    float_.add_argument("amount", metavar="AMOUNT", help="e.g. 150.00")
    float_.set_defaults(handler=run_float)
    status = sub.add_parser("status", parents=shared, help="today's float, the cash paid out since, the cash in it")
    status.set_defaults(handler=run_status)


def float_json(entry: DrawerFloat) -> dict[str, Any]:
    return {"till_id": entry.till_id, "day": entry.business_day.isoformat(), "float": str(entry.amount.amount),
            "currency": entry.amount.currency, "set_by": entry.set_by,
            "set_at": entry.set_at.strftime("%Y-%m-%dT%H:%M:%SZ")}


def cash_json(cash: DrawerCash) -> dict[str, Any]:
    return {**float_json(cash.float), "cash_paid_out": str(cash.paid_out.amount),
            "cash_in_drawer": str(cash.in_drawer.amount)}


def run_float(args: argparse.Namespace, out: Output) -> int:
    with open_from(args) as till:
        actor = sign_in(args, till, Permission.SET_DRAWER_FLOAT, "drawer float")
        entry = till.drawer.set_float(actor, args.amount)  # a bad amount: one sentence, exit 2
    out.result(float_json(entry), f"Float of till {entry.till_id} for {entry.business_day}: "
                                  f"{entry.amount.amount} {entry.amount.currency}.")
    return EXIT_OK


def run_status(args: argparse.Namespace, out: Output) -> int:
    with open_from(args) as till:
        cash, day = till.drawer.cash(), till.drawer.today()
    if cash is None:
        out.result({"day": day.isoformat(), "float": None},
                   f"No float was entered for {day}: the cash rule has no drawer limit. "
                   "Enter it with `posreturns drawer float AMOUNT`.")
        return EXIT_OK
    data = cash_json(cash)
    out.result(data, f"Float {data['float']} {data['currency']} (by {cash.float.set_by}), cash paid out since "
                     f"{data['cash_paid_out']}, in the drawer {data['cash_in_drawer']} {data['currency']}.")
    return EXIT_OK
