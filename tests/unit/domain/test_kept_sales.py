"""The kept-sales figures hold together whatever the returns: the exchanges split by their difference
and by where the replacement came from add up, the delivered ones split by state add up, and no return
keeps more than it refunded."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from posreturns.domain.kept_sales import kept_tallies
from posreturns.domain.report_rows import DELIVERY_STATES, ReportLine, ReportReturn, ReportTender


@st.composite
def report_returns(draw: st.DrawFn) -> list[ReportReturn]:
    found = []
    for n in range(draw(st.integers(0, 12))):
        method = draw(st.sampled_from(["original", "store_credit", "exchange", "?"]))
        refund = draw(st.integers(0, 50_000))
        given_back = draw(st.integers(0, refund)) if method != "store_credit" else 0
        tenders = ((ReportTender("card", given_back, "host"),) if given_back else ()) + (
            (ReportTender("store_credit", refund, "till"),) if method == "store_credit" else ())
        exchange = method == "exchange"
        found.append(ReportReturn(
            f"r{n}", f"R{n}", datetime(2026, 11, 26, tzinfo=UTC), date(2026, 11, 26), "T1", "alice", "store",
            "allowed", None, method, refund, 0, None, (ReportLine("SKU", "c", draw(st.integers(1, 3)), refund,
                                                                   "WRONG_SIZE", "RESTOCK"),), tenders,
            draw(st.integers(0, 9_000)) if exchange and not given_back else 0,
            draw(st.sampled_from(("", *DELIVERY_STATES))) if exchange else ""))
    return found


@given(report_returns())
def test_the_kept_figures_add_up(returns: list[ReportReturn]) -> None:
    kept = kept_tallies(returns)
    exchanges = [r for r in returns if r.refund_method == "exchange"]
    value = {key: figure[2] for key, figure in kept.items()}
    count = {key: figure[0] for key, figure in kept.items()}
    assert count["all"] == count["store_credit"] + len(exchanges)
    assert value["all"] == value["store_credit"] + sum(r.kept_minor for r in exchanges)
    assert count["exchange_even"] + count["exchange_paid_more"] + count["exchange_given_back"] == len(exchanges)
    assert count["exchange_here"] + count["delivered"] == len(exchanges)
    assert count["delivered"] == sum(count[f"delivered_{state}"] for state in DELIVERY_STATES)
    assert value["delivered"] == sum(value[f"delivered_{state}"] for state in DELIVERY_STATES)
    assert all(0 <= r.kept_minor <= r.refund_minor for r in returns)
    assert value["paid_more"] == sum(r.collected_minor for r in exchanges)
