"""Disposition rules: reason + condition + category -> disposition, stock bucket and alerts."""

from __future__ import annotations

import pytest
from helpers.domain_builders import LineSpec, codes, ctx, draft, make_order, policy, req

from posreturns.domain.disposition import decide_disposition
from posreturns.domain.quote import quote_return
from posreturns.domain.returns import Condition, Disposition, Reason, StockBucket

R, C, D = Reason, Condition, Disposition
POLICY = policy()


@pytest.mark.parametrize(
    ("reason", "condition", "category", "expected", "alerts"),
    [
        (R.DEFECTIVE, C.USED, "shoes", D.INSPECT, ["notify_buyer"]),
        (R.DEFECTIVE, C.DAMAGED, "electronics", D.INSPECT, ["notify_buyer"]),  # first rule wins
        (R.DAMAGED_IN_TRANSIT, C.DAMAGED, "shoes", D.INSPECT, ["carrier_claim"]),
        (R.WRONG_SIZE, C.NEW_WITH_TAGS, "shoes", D.RESTOCK, []),
        (R.CHANGED_MIND, C.NEW_WITH_TAGS, "", D.RESTOCK, []),
        (R.NOT_AS_DESCRIBED, C.NEW_WITH_TAGS, "", D.INSPECT, []),  # default
        (R.CHANGED_MIND, C.DAMAGED, "electronics", D.RTV, []),
        (R.CHANGED_MIND, C.DAMAGED, "shoes", D.SCRAP, []),
        (R.CHANGED_MIND, C.OPENED, "electronics", D.INSPECT, []),
        (R.OTHER, C.MISSING_PARTS, "toys", D.INSPECT, ["missing_parts"]),
        (R.CHANGED_MIND, C.USED, "shoes", D.INSPECT, []),
    ],
)
def test_default_disposition_table(
    reason: Reason, condition: Condition, category: str, expected: Disposition, alerts: list[str]
) -> None:
    result = decide_disposition(POLICY, reason, condition, category)
    assert result.disposition is expected
    assert [a.code for a in result.alerts] == alerts
    assert result.trace.rule == "disposition" and result.trace.en and result.trace.fr


def test_each_disposition_goes_to_its_stock_bucket() -> None:
    assert {d: d.bucket for d in Disposition} == {
        D.RESTOCK: StockBucket.SELLABLE,
        D.INSPECT: StockBucket.QUARANTINE,
        D.REFURBISH: StockBucket.QUARANTINE,
        D.RESALE: StockBucket.QUARANTINE,  # held until graded
        D.RTV: StockBucket.RTV,
        D.SCRAP: StockBucket.SCRAP,
    }


def test_custom_rules_with_wildcards_and_a_custom_default() -> None:
    custom = policy("""
        [alerts.grade]
        en = "Grade it for second hand."
        fr = "À classer pour la seconde main."
        [[dispositions]]
        name = "used-clothes"
        conditions = ["USED"]
        categories = ["clothes"]
        disposition = "RESALE"
        alerts = ["grade"]
        [disposition_default]
        disposition = "REFURBISH"
    """)
    used = decide_disposition(custom, R.CHANGED_MIND, C.USED, "clothes")
    assert used.disposition is D.RESALE and used.alerts[0].fr == "À classer pour la seconde main."
    assert 'rule "used-clothes"' in used.trace.en
    other = decide_disposition(custom, R.DEFECTIVE, C.USED, "shoes")
    assert other.disposition is D.REFURBISH and "default rule" in other.trace.en


def test_quote_moves_returned_units_into_the_bucket_of_their_disposition() -> None:
    order = make_order([LineSpec(2000, qty=2), LineSpec(5000, category="electronics")])
    q = quote_return(
        draft(order, req("L1", 2), req("L2", reason=R.DEFECTIVE, condition=C.USED)),
        POLICY,
        ctx(),
        voucher_codes=codes(),
    )
    assert [(m.sku, m.bucket, m.delta) for m in q.stock_moves] == [
        ("SKU-1", StockBucket.SELLABLE, 2),
        ("SKU-2", StockBucket.QUARANTINE, 1),
    ]
    assert q.lines[1].alerts[0].code == "notify_buyer"
