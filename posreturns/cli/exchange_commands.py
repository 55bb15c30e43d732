"""`exchange promise CODE [--home|--store]`, `exchange network load FILE` (an administrator's),
`exchange network show [--text]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from posreturns.app import open_promises
from posreturns.cli.output import EXIT_OK, Output
from posreturns.cli.signing import ask
from posreturns.cli.till_args import open_from
from posreturns.domain.permissions import Permission
from posreturns.domain.promise import Destination
from posreturns.domain.promise_wording import calendar_day
from posreturns.services.errors import BadInput
from posreturns.services.promises import PromiseOptions


def register(commands: argparse._SubParsersAction, shared: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    exchange = commands.add_parser("exchange", parents=shared, help="replacements from other stores and the warehouse")
    sub = exchange.add_subparsers(dest="exchange_command", metavar="ACTION", required=True)
    promise = sub.add_parser("promise", parents=shared,
                             help="where a replacement can come from and when it reaches the customer, best first")
    promise.add_argument("code", help="the replacement's SKU or barcode")
    where = promise.add_mutually_exclusive_group()
    where.add_argument("--home", action="store_const", dest="destination", const=Destination.HOME,
                       help="delivered to the customer's home")
    where.add_argument("--store", action="store_const", dest="destination", const=Destination.STORE,
                       help="picked up in this store (the default)")
    promise.set_defaults(handler=run_promise, destination=Destination.STORE)
    network = sub.add_parser("network", parents=shared, help="this store's delivery network file")
    network_sub = network.add_subparsers(dest="network_command", metavar="ACTION", required=True)
    load = network_sub.add_parser("load", parents=shared, help="check a delivery network file (TOML) and use it")
    load.add_argument("file", type=Path)
    load.set_defaults(handler=run_load)
    show = network_sub.add_parser("show", parents=shared, help="the sources, cut-offs and routes in use")
    show.add_argument("--text", action="store_true", help="print the file too")
    show.set_defaults(handler=run_show)


def run_promise(args: argparse.Namespace, out: Output) -> int:
    with open_from(args) as till:
        options = open_promises(till).options(args.code, args.destination)
    out.result(options.to_dict(), _table(options))
    return EXIT_OK


def _table(options: PromiseOptions) -> str:
    where = "home delivery" if options.destination is Destination.HOME else "pickup in this store"
    asked = f"{calendar_day(options.asked_at.date(), 'en')} {options.asked_at:%H:%M}"
    rows = [f"{options.sku}  {options.title}: {where}, asked {asked}"]
    if not options.promises:
        rows.append("  No source holding it can deliver there.")
    for rank, line in enumerate(options.promises, 1):
        source = line.promise.source
        age = ""
        if line.stock_as_of is not None and line.stock_age is not None:
            seen = line.stock_as_of.astimezone(options.asked_at.tzinfo)
            shown = f"{seen:%H:%M}" if seen.date() == options.asked_at.date() else f"{seen:%d/%m %H:%M}"
            age = f" (as of {shown}, {_age(line.stock_age.total_seconds())} ago)"
        rows.append(f"  {rank}. {source.name:<26} {line.available:>4} in stock{age}")
        rows.append(f"     {line.sentence['en']}  (route cost {line.promise.cost.format()})")
    if options.elsewhere:
        rows.append("  Also in stock, without a route: " + ", ".join(f"{k} {v}" for k, v in options.elsewhere.items()))
    return "\n".join(rows)


def _age(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h {minutes % 60:02d}"
    return f"{minutes // 1440} days"


def run_load(args: argparse.Namespace, out: Output) -> int:
    credentials = ask(args, Permission.LOAD_DELIVERY_NETWORK, "exchange network load")
    try:
        text = args.file.read_bytes().decode("utf-8")
    except OSError as error:
        raise BadInput(f"Cannot read {args.file}: {error.strerror}; check the path.") from None
    except UnicodeDecodeError:
        raise BadInput(f"{args.file} is not UTF-8 text; save it as UTF-8 and load it again.") from None
    with open_from(args) as till:
        actor = credentials.sign_in(till, Permission.LOAD_DELIVERY_NETWORK)
        loaded = open_promises(till).load(text, str(args.file), actor)
    verb = "is now in use" if loaded["changed"] else "was already in use"
    out.result(loaded, f"The delivery network of {loaded['store_id']} ({len(loaded['sources'])} sources) {verb}.")
    return EXIT_OK


def run_show(args: argparse.Namespace, out: Output) -> int:
    with open_from(args) as till:
        shown = open_promises(till).describe()
    if not shown["loaded"]:
        out.result(shown, f"No delivery network is loaded for store {shown['store_id'] or '(none)'}.")
        return EXIT_OK
    text = shown.pop("text") if not args.text else shown["text"]
    rows = [f"Delivery network of {shown['store_id']} ({shown['timezone']}), loaded {shown['loaded_at']}"]
    for source in shown["sources"]:
        routes = "; ".join(f"{d}: {r['transit_days']} day(s) by {r['carrier']}"
                           + (f" before {r['before']}" if r["before"] else "") + f", {r['cost']}"
                           for d, r in source["routes"].items())
        rows.append(f"  {source['location']:<12} {source['kind']:<9} cut-off {source['cutoff']}, "
                    f"{source['preparation_days']} day(s) to prepare; {routes or 'hands over here'}")
    out.result(shown, "\n".join(rows) + (f"\n\n{text}" if args.text else ""))
    return EXIT_OK
