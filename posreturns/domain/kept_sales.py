"""Kept sales: the returns whose value stayed in the store (store credit, exchanges) instead of going
back to the customer, and the exchanges delivered from another store or the warehouse apart.

Each figure is under the report's `kept` dimension (trace `kept:KEY`), in the fixed order of
`KEPT_KEYS`; its value is the part of the refund kept (`ReportReturn.kept_minor`), except
`paid_more`, which is what customers paid on top of the returned items for a dearer replacement.
A return counts under several keys (an exchange delivered and even is under `all`, `exchange_even`,
`delivered` and its state).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from posreturns.domain.report_rows import ReportReturn

KEPT = "kept"


def _exchange(r: ReportReturn) -> bool:
    return r.refund_method == "exchange"


def _given_back(r: ReportReturn) -> bool:
    return r.kept_minor < r.refund_minor


KEPT_TESTS: dict[str, Callable[[ReportReturn], bool]] = {
    "all": lambda r: r.kept,
    "store_credit": lambda r: r.refund_method == "store_credit",
    "exchange_even": lambda r: _exchange(r) and not r.collected_minor and not _given_back(r),
    "exchange_paid_more": lambda r: _exchange(r) and r.collected_minor > 0,
    "exchange_given_back": lambda r: _exchange(r) and _given_back(r),
    "exchange_here": lambda r: _exchange(r) and not r.delivery,
    "delivered": lambda r: _exchange(r) and bool(r.delivery),
    "delivered_confirmed": lambda r: _exchange(r) and r.delivery == "confirmed",
    "delivered_provisional": lambda r: _exchange(r) and r.delivery == "provisional",
    "delivered_exception": lambda r: _exchange(r) and r.delivery == "exception",
    "paid_more": lambda r: _exchange(r) and r.collected_minor > 0,
}
KEPT_KEYS = tuple(KEPT_TESTS)


def kept_tallies(returns: Iterable[ReportReturn]) -> dict[str, tuple[int, int, int]]:
    """(returns, units, value) under each of `KEPT_KEYS`."""
    found = {key: [0, 0, 0] for key in KEPT_KEYS}
    for r in returns:
        if not r.kept:
            continue
        units, kept = r.units, r.kept_minor
        for key, test in KEPT_TESTS.items():
            if test(r):
                tally = found[key]
                tally[0] += 1
                tally[1] += units
                tally[2] += r.collected_minor if key == "paid_more" else kept
    return {key: (t[0], t[1], t[2]) for key, t in found.items()}
