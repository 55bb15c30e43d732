"""The returns report as JSON data and as CSV for spreadsheet software.

CSV: UTF-8 with a byte-order mark (so spreadsheet software reads accents right), `;` between fields
and a decimal comma in French (`,` and a decimal point in English), one row per figure with the
columns `figure, key, returns, units, amount, currency, percent` (docs/manager.md lists them).
Amounts are decimal strings made from integer minor units, never floats."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from posreturns.domain.money import Money
from posreturns.domain.returns_report import DIMENSIONS, Figure, ReturnsReport, percent

COLUMNS = {"en": ("figure", "key", "returns", "units", "amount", "currency", "percent"),
           "fr": ("indicateur", "cle", "retours", "unites", "montant", "devise", "pourcentage")}
SUMMARY = ("handling_cost", "written_off", "estimated_cost", "recovery", "net_cost", "sales")


def amount(minor: int, currency: str) -> str:
    return str(Money.from_minor(minor, currency).amount)


def summary_minor(report: ReturnsReport) -> dict[str, int | None]:
    return {"handling_cost": report.handling_cost_minor, "written_off": report.written_off_minor,
            "estimated_cost": report.estimated_cost_minor, "recovery": report.recovery_minor,
            "net_cost": report.net_cost_minor,
            "sales": report.sales.value_minor if report.sales else None}


def _figure(figure: Figure, report: ReturnsReport) -> dict[str, Any]:
    share = percent(figure.value_minor, report.total.value_minor)
    return {"key": figure.key, "trace": figure.trace, "returns": figure.returns, "units": figure.units,
            "amount": amount(figure.value_minor, report.currency), "amount_minor": figure.value_minor,
            "share_percent": None if share is None else str(share)}


def report_dict(report: ReturnsReport) -> dict[str, Any]:
    """Everything in the report, for `--json` and the window's exports."""
    return {
        "from": report.start.isoformat(), "to": report.end.isoformat(), "scope": report.scope,
        "currency": report.currency,
        "total": _figure(report.total, report),
        "by": {d: [_figure(f, report) for f in report.by[d]] for d in DIMENSIONS},
        "flags": {k: _figure(f, report) for k, f in report.flags.items()},
        "summary": {k: None if v is None else amount(v, report.currency) for k, v in summary_minor(report).items()},
        "sales_orders": report.sales.orders if report.sales else None,
        "rates_percent": {k: None if v is None else str(v) for k, v in report.rates.items()},
    }


def csv_rows(report: ReturnsReport) -> Iterator[tuple[str, str, int | None, int | None, int | None, Decimal | None]]:
    """(figure, key, returns, units, amount in minor units, percent) for every figure."""
    total = report.total.value_minor
    yield "total", "all", report.total.returns, report.total.units, total, None
    for dimension in DIMENSIONS:
        for f in report.by[dimension]:
            yield dimension, f.key, f.returns, f.units, f.value_minor, percent(f.value_minor, total)
    for key, f in report.flags.items():
        yield "flag", key, f.returns, f.units, f.value_minor, percent(f.returns, report.total.returns)
    for key, minor in summary_minor(report).items():
        yield "summary", key, None, None, minor, None
    for key, rate in report.rates.items():
        yield "rate", key, None, None, None, rate


def report_csv(report: ReturnsReport, language: str) -> bytes:
    french = language == "fr"

    def number(value: Decimal | str | None) -> str:
        text = "" if value is None else str(value)
        return text.replace(".", ",") if french else text

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if french else ",", lineterminator="\r\n")
    writer.writerow(COLUMNS["fr" if french else "en"])
    for figure, key, returns, units, minor, share in csv_rows(report):
        writer.writerow([figure, key, "" if returns is None else returns, "" if units is None else units,
                         "" if minor is None else number(amount(minor, report.currency)),
                         "" if minor is None else report.currency, number(share)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
