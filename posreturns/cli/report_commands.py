"""`posreturns report --from D --to D [--store] [--json|--csv FILE|--pdf FILE] [--behind KEY]`: the
returns report of a period (default: today), and the returns behind any of its figures;
`posreturns report --serial-returners`: the store's customers by returns over the policy's window.
Reading needs nobody, like the other lists of the command line."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from posreturns.cli.output import EXIT_OK, Output
from posreturns.cli.till_args import day_argument, open_from
from posreturns.domain.report_rows import ReportReturn
from posreturns.domain.returns_report import ReturnsReport
from posreturns.services.errors import BadInput
from posreturns.services.report_export import amount, report_csv, report_dict

TEXT_DIMENSIONS = (("reason", "By reason"), ("category", "By category"), ("sku", "Top SKUs"),
                   ("tender", "By tender"), ("cashier", "By cashier"), ("channel", "By channel"),
                   ("till", "By till"), ("method", "By refund method"), ("disposition", "Units by disposition"),
                   ("customer", "Customers returning most"), ("kept", "Sales kept and delivered exchanges"))



def register(commands: argparse._SubParsersAction, shared: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    report = commands.add_parser("report", parents=shared, help="the returns report of a day or a period")
    report.add_argument("--from", dest="start", type=day_argument, metavar="YYYY-MM-DD",
                        help="first day (default: today)")
    report.add_argument("--to", dest="end", type=day_argument, metavar="YYYY-MM-DD", help="last day (default: --from)")
    report.add_argument("--store", action="store_true",
                        help="the whole store: this till's returns and the other tills' returns pulled from the OMS")
    report.add_argument("--csv", type=Path, metavar="FILE", help="write the figures as CSV (UTF-8, for spreadsheets)")
    report.add_argument("--pdf", type=Path, metavar="FILE", help="write the report with its charts as PDF")
    report.add_argument("--language", choices=["en", "fr"],
                        help="of the CSV and PDF (default: the till's language); "
                             "French CSV uses ';' and decimal commas")
    report.add_argument("--behind", metavar="KEY",
                        help="list the returns behind one figure: reason:DEFECTIVE, tender:cash, cashier:ID, "
                             "day:YYYY-MM-DD, flag:receiptless, kept:delivered, total:all…")
    report.add_argument("--serial-returners", action="store_true",
                        help="the store's customers by number and value of returns (default period: the policy's "
                             "serial-returner window), those at the policy's limit marked; their returns with "
                             "--behind customer:ID")
    report.set_defaults(handler=run_report)


def _period(args: argparse.Namespace, today: date) -> tuple[date, date]:
    start = args.start or args.end or today
    return start, args.end or start


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as error:
        raise BadInput(f"Cannot write {path}: {error.strerror}; choose another file.") from None


def run_report(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_reports

    if args.csv and args.pdf:
        raise BadInput("Give --csv or --pdf, not both; run the command twice for both files.")
    if args.serial_returners:
        return run_serial_returners(args, out)
    with open_from(args) as till:
        reports = open_reports(till, getattr(args, "till", None))
        today = till.clock.now().astimezone(ZoneInfo(till.settings.store_timezone())).date()
        start, end = _period(args, today)
        language = args.language or (till.settings.get("language") or "en")[:2]
        if args.behind:
            found = reports.behind(start, end, args.behind, store_wide=args.store)
            currency = till.policies.active().currency
            out.result({"figure": args.behind, "returns": [_return_json(r) for r in found]},
                       "\n".join(_return_line(r, currency) for r in found) or f"No return behind {args.behind}.")
            return EXIT_OK
        report = reports.report(start, end, store_wide=args.store)
    if args.csv:
        _write(args.csv, report_csv(report, "fr" if language == "fr" else "en"))
        out.result({"csv": str(args.csv)}, f"Wrote {args.csv}.")
    elif args.pdf:
        from posreturns.ui.report_pdf import write_pdf

        write_pdf(report, args.pdf, "fr" if language == "fr" else "en")
        out.result({"pdf": str(args.pdf)}, f"Wrote {args.pdf}.")
    else:
        out.result(report_dict(report), report_text(report))
    return EXIT_OK


def run_serial_returners(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_serial_returners

    if args.csv or args.pdf or args.behind:
        raise BadInput("--serial-returners lists customers only; list one's returns with --behind customer:ID.")
    with open_from(args) as till:
        found = open_serial_returners(till).customers(args.start or args.end, args.end or args.start)
    currency = found.currency
    limit = (f"the policy asks a manager from a customer's return number {found.max_returns} in {found.days} days"
             + (f" or over {amount(found.max_amount_minor, currency)} {currency} refunded"
                if found.max_amount_minor is not None else "") if found.rule_enabled
             else "the policy's serial-returner rule is off")
    lines = [f"Customers by returns, {found.start} to {found.end} ({limit}):"]
    lines += [f"{'!' if c.over_limit else ' '} {c.customer_id:<14} {c.name[:24]:<24} {c.phone:<6} {c.email[:26]:<26} "
              f"{c.returns:>4} ret. {amount(c.refunded_minor, currency):>10} {currency}" for c in found.customers]
    data = {"from": found.start.isoformat(), "to": found.end.isoformat(), "currency": currency,
            "rule": {"enabled": found.rule_enabled, "max_returns": found.max_returns, "days": found.days,
                     "max_amount": amount(found.max_amount_minor, currency)
                     if found.max_amount_minor is not None else None},
            "customers": [{"customer_id": c.customer_id, "name": c.name, "phone": c.phone, "email": c.email,
                           "returns": c.returns, "refunded": amount(c.refunded_minor, currency),
                           "last_return_at": c.last_return_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                           "over_limit": c.over_limit} for c in found.customers]}
    out.result(data, "\n".join(lines) if found.customers else f"No customer returned anything from {found.start} "
                                                              f"to {found.end}.")
    return EXIT_OK


def _return_json(r: ReportReturn) -> dict[str, object]:
    return {"number": r.number, "id": r.id, "created_at": r.created_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "till": r.till, "cashier": r.cashier, "channel": r.channel, "refund_method": r.refund_method,
            "refund_minor": r.refund_minor, "units": r.units}


def _return_line(r: ReportReturn, currency: str) -> str:
    return (f"{r.number:<24} {r.created_at:%Y-%m-%d %H:%M}Z  till {r.till:<6} {r.cashier:<12} {r.channel:<11} "
            f"{r.refund_method:<12} {amount(r.refund_minor, currency):>10} {currency}  {r.units} unit(s)")


def report_text(report: ReturnsReport) -> str:
    def money(minor: int) -> str:
        return f"{amount(minor, report.currency)} {report.currency}"

    def rate(key: str) -> str:
        return "—" if report.rates[key] is None else f"{report.rates[key]} %"

    flags, kept = report.flags, {f.key: f for f in report.by["kept"]}
    lines = [f"Returns {report.start} to {report.end}, {report.scope}",
             f"  {report.total.returns} return(s), {report.total.units} unit(s), {money(report.total.value_minor)}",
             f"  receipt-less: {flags['receiptless'].returns} ({rate('receiptless_share')}); "
             f"approved overrides: {flags['overridden'].returns}",
             f"  kept as exchange or store credit: {flags['kept'].returns} ({rate('conversion')}), "
             f"bonus granted {money(flags['bonus'].value_minor)}",
             f"  sales kept instead of refunded: {money(kept['all'].value_minor)} ({rate('kept_value_share')} of "
             f"refunded); delivered exchanges: {kept['delivered'].returns} ({money(kept['delivered'].value_minor)}; "
             f"{kept['delivered_confirmed'].returns} confirmed, {kept['delivered_provisional'].returns} provisional, "
             f"{kept['delivered_exception'].returns} exception)",
             f"  restocked at once: {rate('restocked_at_once')} of units; second-hand recovery "
             f"{money(report.recovery_minor)}",
             f"  estimated cost: {money(report.estimated_cost_minor)} (handling {money(report.handling_cost_minor)}, "
             f"written off {money(report.written_off_minor)}); net of recovery {money(report.net_cost_minor)}",
             f"  return rate against sales: {rate('return_rate')}"]
    for dimension, title in TEXT_DIMENSIONS:
        figures = report.by[dimension]
        if figures:
            lines.append(f"{title}:")
            lines += [f"  {f.key:<24} {f.returns:>6} ret. {f.units:>6} u. {money(f.value_minor):>16}" for f in figures]
    return "\n".join(lines)
