"""The returns report: what returns cost and what they kept, by reason, category, SKU, tender,
cashier, channel, till, day, disposition and refund method.

Every figure has a trace key (`reason:DEFECTIVE`, `tender:cash`, `flag:receiptless`…) and `behind`
gives the returns it counts, so any number on the screen, in an export or on the printed summary
can be opened to its rows. Amounts are integer minor units; rates are `Decimal` percentages.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from posreturns.domain.kept_sales import KEPT, KEPT_KEYS, KEPT_TESTS, kept_tallies
from posreturns.domain.report_rows import RECEIPTLESS, RecoveredItem, ReportLine, ReportReturn, Sales

TOP_SKUS = 10
LINE_DIMENSIONS = ("reason", "category", "sku", "disposition")
RETURN_DIMENSIONS = ("channel", "cashier", "till", "method", "decision", "day", "customer")
NO_CUSTOMER = "-"  # a return with no customer recorded (a receipt-less one without contact, an anonymous sale)
DIMENSIONS = (*LINE_DIMENSIONS, "tender", *RETURN_DIMENSIONS, KEPT)
FLAGS = ("receiptless", "overridden", "kept", "bonus", "recovered")

LINE_KEY: dict[str, Callable[[ReportLine], str]] = {
    "reason": lambda line: line.reason, "category": lambda line: line.category,
    "sku": lambda line: line.sku, "disposition": lambda line: line.disposition}
RETURN_KEY: dict[str, Callable[[ReportReturn], str]] = {
    "channel": lambda r: r.channel, "cashier": lambda r: r.cashier, "till": lambda r: r.till,
    "method": lambda r: r.refund_method, "decision": lambda r: r.decision, "day": lambda r: r.day.isoformat(),
    "customer": lambda r: r.customer_id or NO_CUSTOMER}


@dataclass(frozen=True, slots=True)
class Figure:
    """Returns, units and money counted under one key of one dimension."""

    dimension: str
    key: str
    returns: int = 0
    units: int = 0
    value_minor: int = 0

    @property
    def trace(self) -> str:
        return f"{self.dimension}:{self.key}"


@dataclass(frozen=True, slots=True)
class ReturnsReport:
    start: date
    end: date
    scope: str  # "till T1" or "store"
    currency: str
    total: Figure
    by: Mapping[str, tuple[Figure, ...]]
    flags: Mapping[str, Figure]
    handling_cost_minor: int
    written_off_minor: int  # refunded value of scrapped units
    recovery_minor: int  # second-hand prices of units graded from these returns
    recovery_refund_minor: int  # what was refunded for those units
    sales: Sales | None
    rates: Mapping[str, Decimal | None] = field(default_factory=dict)

    @property
    def estimated_cost_minor(self) -> int:
        return self.handling_cost_minor + self.written_off_minor

    @property
    def net_cost_minor(self) -> int:
        """The estimated cost less what second hand recovers."""
        return self.estimated_cost_minor - self.recovery_minor

    def figure(self, trace: str) -> Figure | None:
        dimension, _, key = trace.partition(":")
        if dimension == "total":
            return self.total
        if dimension == "flag":
            return self.flags.get(key)
        return next((f for f in self.by.get(dimension, ()) if f.key == key), None)


def percent(part: int, whole: int) -> Decimal | None:
    """`part` as a percentage of `whole`, to a tenth (half up); None when there is no whole."""
    if whole <= 0:
        return None
    return (Decimal(100 * part) / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


class _Tally:
    """Returns, units and value under one key. Returns are added one after the other, so a return
    counts once when it is not the last one counted (no set of ids: 100,000 returns stay cheap)."""

    __slots__ = ("last", "returns", "units", "value")

    def __init__(self) -> None:
        self.last: str | None = None
        self.returns = self.units = self.value = 0

    def add(self, return_id: str, units: int, value: int) -> None:
        if return_id != self.last:
            self.last = return_id
            self.returns += 1
        self.units += units
        self.value += value


def _figures(dimension: str, tallies: Mapping[str, _Tally], top: int | None = None) -> tuple[Figure, ...]:
    """The figures of a dimension in the report's order; with `top`, only the first `top` (a store's
    month has thousands of SKUs and customers: only those shown are made into figures)."""
    if dimension == "day":
        return tuple(Figure(dimension, key, t.returns, t.units, t.value) for key, t in sorted(tallies.items()))
    items: Iterable[tuple[str, _Tally]] = tallies.items()
    order: Callable[[tuple[str, _Tally]], tuple[int, int, str]]
    if dimension == "customer":  # serial returners first: by number of returns, then value
        items = ((key, t) for key, t in items if key != NO_CUSTOMER)
        order = lambda item: (-item[1].returns, -item[1].value, item[0])  # noqa: E731
    else:
        order = lambda item: (-item[1].value, -item[1].units, item[0])  # noqa: E731
    chosen = heapq.nsmallest(top, items, key=order) if top is not None else sorted(items, key=order)
    return tuple(Figure(dimension, key, t.returns, t.units, t.value) for key, t in chosen)


def compute_report(returns: Sequence[ReportReturn], recovered: Iterable[RecoveredItem], *, start: date, end: date,
                   scope: str, currency: str, handling_costs: Mapping[str, int], sales: Sales | None,
                   top: int = TOP_SKUS) -> ReturnsReport:
    """The report of `returns` (already limited to the period and scope). `handling_costs` is the
    cost of one unit by disposition, in minor units; a disposition not listed costs nothing."""
    tallies: dict[str, dict[str, _Tally]] = {d: defaultdict(_Tally) for d in DIMENSIONS}
    flags: dict[str, _Tally] = {f: _Tally() for f in FLAGS}
    day = start
    while day <= end:  # every day of the period, so the trend shows the quiet ones too
        tallies["day"][day.isoformat()] = _Tally()
        day += timedelta(days=1)
    handling = written_off = total_units = 0
    # the loop a 30-day store report runs for thousands of returns: keys read straight from the rows
    # (the same as LINE_KEY / RETURN_KEY) and the tallies looked up once
    reasons, categories, skus, dispositions = (tallies[d] for d in LINE_DIMENSIONS)
    tenders = tallies["tender"]
    # in the order of the keys read below
    by_return = [tallies[d] for d in ("channel", "cashier", "till", "method", "decision", "day", "customer")]
    days: dict[date, str] = {}
    for ret in returns:
        rid, refund = ret.id, ret.refund_minor
        units = 0
        for line in ret.lines:
            qty, value, disposition = line.qty, line.refund_minor, line.disposition
            units += qty
            reasons[line.reason].add(rid, qty, value)
            categories[line.category].add(rid, qty, value)
            skus[line.sku].add(rid, qty, value)
            dispositions[disposition].add(rid, qty, value)
            handling += handling_costs.get(disposition, 0) * qty
            if disposition == "SCRAP":
                written_off += value
        total_units += units
        for tender in ret.tenders:
            tenders[tender.method].add(rid, 0, tender.amount_minor)
        day_key = days.get(ret.day) or days.setdefault(ret.day, ret.day.isoformat())
        for tally, key in zip(by_return, (ret.channel, ret.cashier, ret.till, ret.refund_method, ret.decision,
                                          day_key, ret.customer_id or NO_CUSTOMER), strict=True):
            tally[key].add(rid, units, refund)
        if ret.channel == RECEIPTLESS:
            flags["receiptless"].add(rid, units, refund)
        if ret.overridden:
            flags["overridden"].add(rid, units, refund)
        if ret.kept:
            flags["kept"].add(rid, units, refund)
        if ret.bonus_minor > 0:
            flags["bonus"].add(rid, units, ret.bonus_minor)
    counted = {r.id for r in returns}
    recovery = recovery_refund = 0
    for item in sorted(recovered, key=lambda i: i.return_id):  # a return's items together: it counts once
        if item.return_id in counted:
            flags["recovered"].add(item.return_id, 1, item.price_minor)
            recovery += item.price_minor
            recovery_refund += item.refund_minor
    total = Figure("total", "all", len(returns), total_units, sum(r.refund_minor for r in returns))
    by = {d: _figures(d, tallies[d], top if d in ("sku", "customer") else None) for d in DIMENSIONS if d != KEPT}
    by[KEPT] = tuple(Figure(KEPT, key, *tally) for key, tally in kept_tallies(returns).items())
    flag_figures = {f: Figure("flag", f, t.returns, t.units, t.value) for f, t in flags.items()}
    restocked = sum(f.units for f in by["disposition"] if f.key == "RESTOCK")
    rates = {
        "receiptless_share": percent(flag_figures["receiptless"].returns, total.returns),
        "conversion": percent(flag_figures["kept"].returns, total.returns),
        "overridden_share": percent(flag_figures["overridden"].returns, total.returns),
        "restocked_at_once": percent(restocked, total.units),
        "recovery": percent(recovery, recovery_refund),
        "return_rate": percent(total.value_minor, sales.value_minor) if sales else None,
        "kept_value_share": percent(by[KEPT][0].value_minor, total.value_minor),
    }
    return ReturnsReport(start, end, scope, currency, total, by, flag_figures, handling, written_off, recovery,
                         recovery_refund, sales, rates)


def behind(returns: Iterable[ReportReturn], recovered: Iterable[RecoveredItem], trace: str) -> list[ReportReturn]:
    """The returns a figure counts, oldest first. `ValueError` for a trace key no figure has."""
    dimension, _, key = trace.partition(":")
    test: Callable[[ReportReturn], bool]
    if dimension == "total":
        test = lambda r: True  # noqa: E731
    elif dimension in LINE_KEY:
        test = lambda r: any(LINE_KEY[dimension](line) == key for line in r.lines)  # noqa: E731
    elif dimension == "tender":
        test = lambda r: any(t.method == key for t in r.tenders)  # noqa: E731
    elif dimension in RETURN_KEY:
        test = lambda r: RETURN_KEY[dimension](r) == key  # noqa: E731
    elif dimension == KEPT and key in KEPT_KEYS:
        test = lambda r: r.kept and KEPT_TESTS[key](r)  # noqa: E731
    elif dimension == "flag" and key in FLAGS:
        graded = {item.return_id for item in recovered}
        test = {"receiptless": lambda r: r.channel == RECEIPTLESS, "overridden": lambda r: r.overridden,
                "kept": lambda r: r.kept, "bonus": lambda r: r.bonus_minor > 0,
                "recovered": lambda r: r.id in graded}[key]
    else:
        raise ValueError(trace)
    return sorted((r for r in returns if test(r)), key=lambda r: (r.created_at, r.number))
