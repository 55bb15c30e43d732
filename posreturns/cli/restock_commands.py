"""The store manager's commands: `restock list|show|release|refurbish|scrap|resale|rtv`, `rtv list|ship`,
`resale list`, `alerts list|resolve`, and `print label CODE` (registered under `print`). Reading needs
nobody; every action needs a manager's ID and PIN (`--user`/`--by`, PIN at a prompt or with
`--pin-stdin`). A unit is named by its id, which is the code on its inspection tag."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from posreturns.cli.output import EXIT_OK, Output
from posreturns.cli.signing import ask
from posreturns.cli.till_args import open_from
from posreturns.domain.held_units import HeldUnit, UnitAction
from posreturns.domain.money import Money
from posreturns.domain.permissions import Permission
from posreturns.domain.resale import Grade
from posreturns.domain.utc import format_utc

SORTS = {"age": lambda u: u.received_at, "reason": lambda u: (u.reason, u.received_at),
         "category": lambda u: (u.category, u.received_at), "sku": lambda u: (u.sku, u.received_at)}


def _by(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--by", dest="user", default=argparse.SUPPRESS, metavar="MANAGER",
                        help="the manager acting (same as --user; the PIN is asked for, or read with --pin-stdin)")


def register(commands: argparse._SubParsersAction,  # type: ignore[type-arg]
             shared: list[argparse.ArgumentParser]) -> None:
    restock = commands.add_parser("restock", parents=shared, help="the restock queue: units held by returns")
    sub = restock.add_subparsers(dest="restock_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", parents=shared, help="held units, oldest first")
    listing.add_argument("--all", action="store_true", help="also the units already acted on")
    listing.add_argument("--sort", choices=sorted(SORTS), default="age")
    listing.add_argument("--reason", help="only this return reason (e.g. DEFECTIVE)")
    listing.add_argument("--category", help="only this product category")
    listing.set_defaults(handler=run_list)
    show = sub.add_parser("show", parents=shared, help="one unit, by its id or tag code")
    show.add_argument("unit")
    show.set_defaults(handler=run_show)
    for name, action, helptext in (("release", UnitAction.RELEASE, "put units back on sale"),
                                   ("refurbish", UnitAction.REFURBISH,
                                    "keep units held for refurbishment, with a note"),
                                   ("scrap", UnitAction.SCRAP, "scrap or recycle units, with a reason"),
                                   ("rtv", UnitAction.RTV, "return units to their vendor (added to its open batch)")):
        command = sub.add_parser(name, parents=shared, help=helptext)
        command.add_argument("units", nargs="+", metavar="UNIT")
        if action is UnitAction.SCRAP:
            command.add_argument("--reason", dest="note", required=True, help="why the units are scrapped")
        else:
            command.add_argument("--note", default="", required=action is UnitAction.REFURBISH)
        if action is UnitAction.RTV:
            command.add_argument("--vendor", required=True)
        _by(command)
        command.set_defaults(handler=run_act, action=action)
    resale = sub.add_parser("resale", parents=shared, help="grade a unit for second hand and print its label")
    resale.add_argument("unit")
    resale.add_argument("--grade", required=True, choices=[g.value for g in Grade], help="A like new, B good, C fair")
    _by(resale)
    resale.set_defaults(handler=run_resale)

    rtv = commands.add_parser("rtv", parents=shared, help="return-to-vendor batches")
    rsub = rtv.add_subparsers(dest="rtv_command", metavar="ACTION", required=True)
    batches = rsub.add_parser("list", parents=shared, help="batches and their units")
    batches.add_argument("--status", choices=["open", "shipped"])
    batches.set_defaults(handler=run_batches)
    ship = rsub.add_parser("ship", parents=shared, help="close a batch as shipped and print its slip")
    ship.add_argument("batch")
    ship.add_argument("--reference", default="", help="the carrier's tracking number or the vendor's RMA")
    _by(ship)
    ship.set_defaults(handler=run_ship)

    second = commands.add_parser("resale", parents=shared, help="second-hand items")
    ssub = second.add_subparsers(dest="resale_command", metavar="ACTION", required=True)
    ssub.add_parser("list", parents=shared, help="second-hand items with their price and recovery").set_defaults(
        handler=run_resale_list)

    alerts = commands.add_parser("alerts", parents=shared, help="staff alerts raised by returns")
    asub = alerts.add_subparsers(dest="alerts_command", metavar="ACTION", required=True)
    alist = asub.add_parser("list", parents=shared, help="alerts not resolved yet (all with --all)")
    alist.add_argument("--all", action="store_true")
    alist.set_defaults(handler=run_alerts)
    resolve = asub.add_parser("resolve", parents=shared, help="resolve an alert (or --acknowledge it), with a note")
    resolve.add_argument("alert_id", type=int)
    resolve.add_argument("--note", default="")
    resolve.add_argument("--acknowledge", action="store_true", help="someone is on it; not done yet")
    _by(resolve)
    resolve.set_defaults(handler=run_resolve)


def register_print(psub: argparse._SubParsersAction,  # type: ignore[type-arg]
                   shared: list[argparse.ArgumentParser]) -> None:
    label = psub.add_parser("label", parents=shared,
                            help="print a held unit's inspection tag, a second-hand label or an RTV batch's slip")
    label.add_argument("code", help="a unit id (tag code), a second-hand SKU or EAN-13, or an RTV batch id")
    label.set_defaults(handler=run_print_label)


def plain(value: Any) -> Any:
    """Dataclasses as JSON: enums by value, times in UTC ISO-8601."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return format_utc(value)
    return value


def unit_json(unit: HeldUnit, now: datetime) -> dict[str, Any]:
    return {**plain(asdict(unit)), "age_hours": round(unit.age_hours(now), 1)}


def unit_line(unit: HeldUnit, now: datetime) -> str:
    alerts = f"  ! {', '.join(unit.alerts)}" if unit.alerts else ""
    by = f" by {unit.acted_by}" if unit.acted_by else ""
    state = "" if unit.state.value == "held" else f" [{unit.state.value}{by}]"
    return (f"{unit.id:<24} {unit.age_hours(now):>6.0f} h  {unit.sku:<16} {unit.reason:<18} {unit.condition:<14} "
            f"{unit.return_number}{state}{alerts}")


def _printing(till: Any, args: argparse.Namespace) -> Any:
    from posreturns.app import open_labels, open_printing

    if not (getattr(args, "printer", None) or till.settings.get("printer.url")):
        return None
    return open_labels(till, open_printing(till, args.printer))


def _printed(outcome: Any) -> dict[str, Any]:
    return {"printed": outcome.printed, "confirmed": outcome.confirmed, "job_id": outcome.job_id,
            "message": outcome.message}


def run_list(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_restock

    with open_from(args) as till:
        units, now = open_restock(till).queue(include_done=args.all), till.clock.now()
    units = [u for u in units if (not args.reason or u.reason == args.reason.upper())
             and (not args.category or u.category == args.category)]
    units.sort(key=SORTS[args.sort])
    text = "\n".join(unit_line(u, now) for u in units) or "No unit is held: the restock queue is empty."
    out.result({"units": [unit_json(u, now) for u in units]}, text)
    return EXIT_OK


def run_show(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_restock

    with open_from(args) as till:
        unit, now = open_restock(till).find(args.unit), till.clock.now()
    data = unit_json(unit, now)
    out.result(data, "\n".join(f"{k}: {v}" for k, v in data.items() if v not in (None, "", [])))
    return EXIT_OK


def run_act(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_restock

    action: UnitAction = args.action
    credentials = ask(args, Permission.MANAGE_RESTOCK, f"restock {action.value}")
    with open_from(args) as till:
        actor = credentials.sign_in(till, Permission.MANAGE_RESTOCK)
        units = open_restock(till).act(actor, action, args.units, note=args.note, vendor=getattr(args, "vendor", ""))
        now = till.clock.now()
    batches = sorted({u.batch_id for u in units if u.batch_id})
    text = "\n".join(unit_line(u, now) for u in units) + (f"\nRTV batch: {', '.join(batches)}" if batches else "")
    out.result({"action": action.value, "units": [unit_json(u, now) for u in units], "batches": batches}, text)
    return EXIT_OK


def run_resale(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_restock

    credentials = ask(args, Permission.MANAGE_RESTOCK, "restock resale")
    with open_from(args) as till:
        actor = credentials.sign_in(till, Permission.MANAGE_RESTOCK)
        item = open_restock(till).resell(actor, args.unit, Grade(args.grade))
        labels = _printing(till, args)  # after the commit: nothing prints for an action that was not saved
        printed = _printed(labels.print_resale(item.unit_id)) if labels is not None else None
    data = {**plain(asdict(item)), "print": printed}
    out.result(data, f"{item.unit_id} is now second-hand item {item.sku}, grade {item.grade.value}, "
                     f"EAN {item.ean13}, {Money.from_minor(item.price_minor, item.currency)} {item.currency}"
                     + ("" if printed is None
                        else f"; label {'printed' if printed['printed'] else 'kept: ' + printed['message']}"))
    return EXIT_OK


def recovery_percent(price_minor: int, refund_minor: int) -> str:
    """The resale price as a share of the refund, to a tenth of a percent (a decimal string, not a float)."""
    return str((Decimal(100 * price_minor) / refund_minor).quantize(Decimal("0.1")))


def run_batches(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_restock

    with open_from(args) as till:
        batches = open_restock(till).batches(args.status)
    text = ("\n".join(f"{b.id:<24} {b.status:<8} {b.vendor:<24} {len(b.units)} unit(s)" for b in batches)
            or "No RTV batch.")
    out.result({"batches": plain([asdict(b) for b in batches])}, text)
    return EXIT_OK


def run_ship(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_restock

    credentials = ask(args, Permission.MANAGE_RESTOCK, "rtv ship")
    with open_from(args) as till:
        actor = credentials.sign_in(till, Permission.MANAGE_RESTOCK)
        batch = open_restock(till).ship(actor, args.batch, args.reference)
        labels = _printing(till, args)
        printed = _printed(labels.print_slip(batch.id)) if labels is not None else None
    out.result({**plain(asdict(batch)), "print": printed},
               f"RTV batch {batch.id} to {batch.vendor} is shipped ({len(batch.units)} unit(s)).")
    return EXIT_OK


def run_resale_list(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_restock

    with open_from(args) as till:
        items = open_restock(till).resale_items()
    text = "\n".join(f"{i.sku:<24} {i.ean13}  {i.grade.value}  {Money.from_minor(i.price_minor, i.currency)!s:>8}  "
                     f"(refunded {Money.from_minor(i.refund_minor, i.currency)})  {i.title}" for i in items) \
        or "No second-hand item."
    out.result({"items": [{**plain(asdict(i)), "recovery_percent": recovery_percent(i.price_minor, i.refund_minor)
                           if i.refund_minor else None} for i in items]}, text)
    return EXIT_OK


def run_alerts(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_restock

    with open_from(args) as till:
        alerts = open_restock(till).alerts()
    alerts = [a for a in alerts if args.all or a.status != "resolved"]
    text = "\n".join(f"{a.id:>5}  {a.status:<12} {a.code:<16} {a.return_number}  {a.sku}  {' '.join(a.units)}"
                     f"{'  — ' + a.note if a.note else ''}" for a in alerts) or "No alert waiting."
    out.result({"alerts": plain([asdict(a) for a in alerts])}, text)
    return EXIT_OK


def run_resolve(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_restock

    credentials = ask(args, Permission.RESOLVE_ALERTS, "alerts resolve")
    with open_from(args) as till:
        actor = credentials.sign_in(till, Permission.RESOLVE_ALERTS)
        alert = open_restock(till).settle_alert(actor, args.alert_id, resolve=not args.acknowledge, note=args.note)
    out.result(plain(asdict(alert)), f"Alert {alert.id} ({alert.code}) is {alert.status}.")
    return EXIT_OK


def run_print_label(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_labels, open_printing
    from posreturns.cli.signing import sign_in

    with open_from(args) as till:
        sign_in(args, till, Permission.PRINT_LABELS, "print label")
        outcome = open_labels(till, open_printing(till, args.printer)).print_label(args.code)
    data = _printed(outcome)
    out.result(data, "Printed." if outcome.printed else outcome.message)
    return EXIT_OK if outcome.printed else 1
