"""`order show NUMBER`, `order search QUERY`, `order match NUMBER CODE`."""

from __future__ import annotations

import argparse
from zoneinfo import ZoneInfo

from posreturns.cli.output import EXIT_NOT_FOUND, EXIT_OK, Output
from posreturns.cli.quick_reads import Reader, read
from posreturns.domain.orders import Order
from posreturns.services.lookup import ItemMatch
from posreturns.services.presenting import line_json, order_json, summary_json

NO_SALE_MATCHES = "No sale matches this search; try the receipt number, a phone number or an e-mail."


def register(commands: argparse._SubParsersAction, shared: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    order = commands.add_parser("order", parents=shared, help="find sales")
    sub = order.add_subparsers(dest="order_command", metavar="ACTION", required=True)
    show = sub.add_parser("show", parents=shared, help="show a sale by receipt/order number with returnable lines")
    show.add_argument("number")
    show.set_defaults(handler=run_show)
    search = sub.add_parser("search", parents=shared,
                            help="search by phone, e-mail, name, 'LAST4 DATE' or 'DATE AMOUNT'")
    search.add_argument("query", nargs="+")
    search.set_defaults(handler=run_search)
    match = sub.add_parser("match", parents=shared, help="which lines of a sale a scanned item matches")
    match.add_argument("number")
    match.add_argument("code")
    match.set_defaults(handler=run_match)


def run_show(args: argparse.Namespace, out: Output) -> int:
    def show(till: Reader) -> tuple[Order, ZoneInfo]:
        return till.lookup.find_receipt(args.number), ZoneInfo(till.settings.store_timezone())

    order, zone = read(args, show)
    rows = [f"{order.number}  {order.channel.value}  {order.placed_at.astimezone(zone):%Y-%m-%d %H:%M %Z}  "
            f"{order.customer_name or '-'}  total {order.total.format()}"]
    rows.append(f"  {'SKU':<16} {'title':<44} sold returned returnable  unit paid")
    for line in order.lines:
        rows.append(f"  {line.sku:<16} {line.title[:44]:<44} {line.qty:>4} {line.returned_qty:>8} "
                    f"{line.returnable_qty:>10}  {line.unit_paid.format():>10}")
    out.result(order_json(order), "\n".join(rows))
    return EXIT_OK


def run_search(args: argparse.Namespace, out: Output) -> int:
    found = read(args, lambda till: till.lookup.search(" ".join(args.query)))
    if not found:
        out.error("not_found", NO_SALE_MATCHES)
        return EXIT_NOT_FOUND
    rows = [f"{s.number:<14} {s.placed_at:%Y-%m-%d} {s.channel:<5} {s.total.format():>12}  {s.customer_name or '-'}"
            for s in found]
    out.result({"orders": [summary_json(s) for s in found]}, "\n".join(rows))
    return EXIT_OK


def run_match(args: argparse.Namespace, out: Output) -> int:
    def match_item(till: Reader) -> ItemMatch:
        return till.lookup.match_item(till.lookup.find_receipt(args.number), args.code)

    match = read(args, match_item)
    if match.problem:
        out.error(match.problem, match.message or "")
        return EXIT_NOT_FOUND
    out.result({"sku": match.sku, "lines": [line_json(line) for line in match.lines]},
               "\n".join(f"{line.id}  {line.sku}  returnable {line.returnable_qty}" for line in match.lines))
    return EXIT_OK
