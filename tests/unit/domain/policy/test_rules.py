"""The default policy, rule by rule: decision, allowed methods, and the trace in English and French."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from helpers.domain_builders import NOW, STORE, LineSpec, codes, ctx, draft, eur, make_order, policy, prices, req

from posreturns.domain.context import PriceInfo
from posreturns.domain.decision import DecisionStatus, TraceEntry
from posreturns.domain.orders import Channel, TenderMethod
from posreturns.domain.quote import Quote, quote_return
from posreturns.domain.returns import Condition, Reason, RefundMethod, ReturnDraft

ALLOWED, APPROVAL, REFUSED = DecisionStatus.ALLOWED, DecisionStatus.NEEDS_APPROVAL, DecisionStatus.REFUSED
POLICY = policy()


def quote(d: ReturnDraft, **context: object) -> Quote:
    return quote_return(d, POLICY, ctx(**context), voucher_codes=codes())


def entry(q: Quote, rule: str) -> TraceEntry:
    entries = [*q.trace, *(e for line in q.lines for e in line.trace)]
    found = [e for e in entries if e.rule == rule]
    assert found, f"no trace entry {rule!r} in {[e.rule for e in entries]}"
    return found[0]


def test_within_the_window_is_allowed_and_says_why_in_both_languages() -> None:
    q = quote(draft(make_order([LineSpec(2000)], placed_at=NOW - timedelta(days=30))))
    assert q.status is ALLOWED and q.policy_version == "2026-11"
    e = entry(q, "window")
    assert e.en == "Within the 30-day return window (policy 2026-11)."
    assert e.fr == "Dans le délai de retour de 30 jours (politique 2026-11)."
    assert q.key_line is not None


def test_past_the_window_is_refused_with_the_end_date() -> None:
    q = quote(draft(make_order([LineSpec(2000)], placed_at=NOW - timedelta(days=31))))
    assert q.status is REFUSED and q.tenders == () and q.stock_moves == ()
    e = entry(q, "window")
    assert "ended on 2026-11-25" in e.en and "terminé le 25/11/2026" in e.fr
    assert q.key_line == e


def test_a_refusal_the_policy_lets_managers_lift_offers_its_paths_and_needs_a_manager() -> None:
    late = make_order([LineSpec(2000)], placed_at=NOW - timedelta(days=31))
    refused = quote(draft(late))
    assert refused.status is REFUSED and refused.refusal_paths == ("override", "goodwill")
    asked = quote(draft(late), refusal_path="override")
    assert asked.status is APPROVAL and "(override)" in entry(asked, "refusal_override").en
    granted = quote(draft(late), refusal_path="override", manager_approval=True)
    assert granted.status is ALLOWED and granted.refund_total == eur("20.00") and granted.tenders
    assert granted.key_line is not None and granted.key_line.rule == "refusal_override"  # what the receipt says
    goodwill = quote(draft(late, method=RefundMethod.STORE_CREDIT), refusal_path="goodwill", manager_approval=True)
    assert goodwill.status is ALLOWED and goodwill.voucher is not None
    assert goodwill.allowed_methods == (RefundMethod.STORE_CREDIT,)
    assert quote(draft(late), refusal_path="goodwill").status is REFUSED  # goodwill is store credit
    strict = policy("[refusals]\npaths = []")
    assert quote_return(draft(late), strict, ctx(refusal_path="override")).status is REFUSED
    unknown = quote(draft(None, req(None, sku="NOPE"), method=RefundMethod.STORE_CREDIT), refusal_path="override")
    assert unknown.status is REFUSED and unknown.refusal_paths == ()  # no price: nothing to lift it to


def test_window_per_category_wins_over_channel_and_holidays_extend_it() -> None:
    pol = policy("""
        [window]
        categories = { electronics = 15 }
        channels = { web = 60 }
        extensions = [{ name = "fêtes", sold_from = 2026-09-01, sold_to = 2026-10-15, until = 2026-11-30 }]
    """)
    web = make_order(
        [LineSpec(2000, category="electronics")], channel=Channel.WEB, placed_at=NOW - timedelta(days=20)
    )
    assert quote_return(draft(web), pol, ctx()).status is REFUSED
    web_shoes = make_order([LineSpec(2000)], channel=Channel.WEB, placed_at=NOW - timedelta(days=50))
    assert quote_return(draft(web_shoes), pol, ctx()).status is ALLOWED
    holiday = make_order([LineSpec(2000)], placed_at=NOW - timedelta(days=50))
    q = quote_return(draft(holiday), pol, ctx(), voucher_codes=codes())
    assert q.status is ALLOWED
    assert 'Holiday extension "fêtes": returnable until 2026-11-30' in entry(q, "window").en
    assert "jusqu'au 30/11/2026" in entry(q, "window").fr


def test_final_sale_items_are_refused() -> None:
    q = quote(draft(make_order([LineSpec(2000, final_sale=True)])))
    assert q.status is REFUSED and q.lines[0].status is REFUSED
    assert entry(q, "final_sale").fr.startswith("Article vendu en soldes définitives")


def test_sale_items_allow_store_credit_or_exchange_only() -> None:
    order = make_order([LineSpec(10000, discount=3000)])  # 30 % off
    refused = quote(draft(order))
    assert refused.status is REFUSED
    assert refused.allowed_methods == (RefundMethod.STORE_CREDIT, RefundMethod.EXCHANGE)
    assert entry(refused, "sale_item").en == "Sale item (30 % off): store credit or exchange only."
    assert entry(refused, "refund_method").en.endswith("change the refund method.")
    ok = quote(draft(order, method=RefundMethod.STORE_CREDIT))
    assert ok.status is ALLOWED and ok.voucher is not None and ok.voucher.amount == eur("70.00")
    assert quote(draft(make_order([LineSpec(10000, discount=2999)]))).status is ALLOWED  # 29.99 % off


def test_receiptless_needs_contact_gives_store_credit_at_current_price_and_approval_above_50() -> None:
    rows = [req(None, sku="SKU-9", claimed_unit_price=eur("30.00"))]
    no_contact = quote(
        draft(None, *rows, method=RefundMethod.STORE_CREDIT, contact=False),
        prices=prices(**{"SKU-9": "25.00"}),
    )
    assert no_contact.status is REFUSED
    assert (
        entry(no_contact, "receiptless_contact").fr
        == "Sans ticket : le téléphone ou l'e-mail du client est obligatoire."
    )
    q = quote(draft(None, *rows, method=RefundMethod.STORE_CREDIT), prices=prices(**{"SKU-9": "25.00"}))
    assert q.status is ALLOWED and q.refund_total == eur("25.00")  # capped at today's price
    assert q.allowed_methods == (RefundMethod.STORE_CREDIT,)
    assert "at most the lowest price of the last 30 days (€25.00)" in entry(q, "receiptless").en
    today_only = quote_return(draft(None, *rows, method=RefundMethod.STORE_CREDIT),
                              policy("[receiptless]\nlowest_price_days = 0"), ctx(prices=prices(**{"SKU-9": "25.00"})),
                              voucher_codes=codes())
    assert "at most the current price (€25.00)" in entry(today_only, "receiptless").en
    cheaper = quote(
        draft(
            None, req(None, sku="SKU-9", claimed_unit_price=eur("20.00")), method=RefundMethod.STORE_CREDIT
        ),
        prices=prices(**{"SKU-9": "25.00"}),
    )
    assert cheaper.refund_total == eur("20.00")
    big = quote(
        draft(None, req(None, 3, sku="SKU-9"), method=RefundMethod.STORE_CREDIT),
        prices=prices(**{"SKU-9": "25.00"}),
    )
    assert big.status is APPROVAL and big.voucher is not None  # quoted in full for the manager to see
    assert entry(big, "receiptless_limit").en == "No receipt and above €50.00: manager approval."
    assert quote(draft(None, *rows), prices=prices(**{"SKU-9": "25.00"})).status is REFUSED  # original refund
    unknown = quote(draft(None, req(None, sku="NOPE"), method=RefundMethod.STORE_CREDIT))
    assert unknown.status is REFUSED and entry(unknown, "receiptless_price").effect is REFUSED


def test_receiptless_item_is_valued_at_its_lowest_recent_price_and_says_since_when() -> None:
    catalogue = {"SKU-9": PriceInfo(eur("39.90"), Decimal(20), "shoes", lowest=eur("29.90"),
                                    lowest_from=NOW.date() - timedelta(days=12), lowest_days=30)}
    q = quote(draft(None, req(None, 2, sku="SKU-9"), method=RefundMethod.STORE_CREDIT), prices=catalogue)
    assert q.refund_total == eur("59.80")
    step = next(s for s in q.lines[0].breakdown if s.key == "lowest_price")
    assert step.amount == eur("-20.00")
    assert step.en == "Lowest price of the last 30 days: 29.90 since 2026-11-14"
    assert step.fr == "Prix le plus bas des 30 derniers jours : 29,90 depuis le 14/11/2026"
    assert "(€29.90)" in entry(q, "receiptless").en


def test_receiptless_serial_tracked_item_without_its_serial_is_never_put_back_on_sale() -> None:
    catalogue = {"SKU-9": PriceInfo(eur("25.00"), Decimal(20), "shoes", serial_tracked=True)}
    unknown_unit = quote(draft(None, req(None, sku="SKU-9"), method=RefundMethod.STORE_CREDIT), prices=catalogue)
    assert unknown_unit.lines[0].disposition.value == "INSPECT"
    assert "not put back on sale" in entry(unknown_unit, "serial_missing").en
    known = quote(draft(None, req(None, sku="SKU-9", serial="SN-1"), method=RefundMethod.STORE_CREDIT),
                  prices=catalogue)
    assert known.lines[0].disposition.value == "RESTOCK"


def test_receiptless_final_sale_item_by_catalogue_is_refused() -> None:
    catalogue = {"SKU-9": PriceInfo(eur("25.00"), Decimal(20), "shoes", final_sale=True)}
    q = quote(draft(None, req(None, sku="SKU-9"), method=RefundMethod.STORE_CREDIT), prices=catalogue)
    assert q.status is REFUSED


def test_serial_returners_need_approval_from_their_fourth_return_in_30_days() -> None:
    order = make_order([LineSpec(2000)])
    assert quote(draft(order), customer_recent_returns=2).status is ALLOWED
    q = quote(draft(order), customer_recent_returns=3)
    assert q.status is APPROVAL and q.approval_required
    e = entry(q, "serial_returner")
    assert (e.en, e.fr) == (
        "Return number 4 in 30 days: manager approval.",
        "4e retour en 30 jours : accord d'un responsable.",
    )
    approved = quote(draft(order), customer_recent_returns=3, manager_approval=True)
    assert approved.status is ALLOWED and approved.approval_required
    assert entry(approved, "approval").fr == "Accordé par un responsable."


def test_refund_above_500_needs_approval_and_approval_never_lifts_a_refusal() -> None:
    q = quote(draft(make_order([LineSpec(50001)])))
    assert q.status is APPROVAL and entry(q, "high_value").en == "Refund above €500.00: manager approval."
    assert quote(draft(make_order([LineSpec(50000)]))).status is ALLOWED
    late = make_order([LineSpec(50001)], placed_at=NOW - timedelta(days=40))
    assert quote(draft(late), manager_approval=True).status is REFUSED


def test_opened_electronics_pay_a_10_percent_restocking_fee_unless_defective() -> None:
    order = make_order([LineSpec(19999, category="electronics")])
    q = quote(draft(order, req(condition=Condition.OPENED)))
    line = q.lines[0]
    assert (line.value, line.fee, line.refund) == (eur("199.99"), eur("20.00"), eur("179.99"))
    assert entry(q, "fee").en == "Opened electronics: 10 % restocking fee."
    assert entry(q, "fee").fr == "Électronique ouverte : frais de remise en stock de 10 %."
    assert [s.key for s in line.breakdown] == ["price", "tax", "fee", "refund"]
    defective = quote(draft(order, req(reason=Reason.DEFECTIVE, condition=Condition.OPENED)))
    assert defective.lines[0].fee == eur("0.00")


def test_offline_limits_per_return_and_per_till_day() -> None:
    order = make_order([LineSpec(15001)])
    q = quote(draft(order), offline=True)
    assert q.status is APPROVAL and q.offline and entry(q, "offline_return").effect is APPROVAL
    small = make_order([LineSpec(10000)])
    assert quote(draft(small), offline=True).status is ALLOWED
    assert "within the offline limits" in entry(quote(draft(small), offline=True), "offline").en
    q = quote(draft(small), offline=True, offline_refunded_today=eur("900.01"))
    assert q.status is APPROVAL and "€1,000.00" in entry(q, "offline_till").en
    assert quote(draft(small, offline=True)).status is ALLOWED  # the draft's own offline flag counts too


def test_offline_other_store_web_or_stale_orders_get_store_credit_only() -> None:
    other = make_order([LineSpec(2000)], store_id="LYON-02")
    q = quote(draft(other), offline=True)
    assert q.status is REFUSED and q.allowed_methods == (RefundMethod.STORE_CREDIT,)
    assert (
        entry(q, "offline_foreign_store").en
        == "Offline, order from another store or the web: store credit only."
    )
    assert quote(draft(other), offline=False).status is ALLOWED
    stale = quote(draft(make_order([LineSpec(2000)])), offline=True, cache_as_of=NOW - timedelta(hours=73))
    assert stale.allowed_methods == (RefundMethod.STORE_CREDIT,)
    receiptless = quote(
        draft(None, req(None, sku="S"), method=RefundMethod.STORE_CREDIT),
        offline=True,
        prices=prices(S="10.00"),
    )
    assert receiptless.status is ALLOWED and entry(receiptless, "offline_receiptless").fr.endswith(
        "avoir uniquement."
    )


def test_incentive_bonus_for_store_credit_when_enabled() -> None:
    pol = policy('[incentive]\nenabled = true\npercent = 10\nmethods = ["store_credit", "exchange"]')
    order = make_order([LineSpec(3000)])
    offer = quote_return(draft(order), pol, ctx(), voucher_codes=codes())
    assert offer.incentive_offer == eur("3.00") and "€3.00" in entry(offer, "incentive_offer").en
    q = quote_return(draft(order, method=RefundMethod.STORE_CREDIT), pol, ctx(), voucher_codes=codes())
    assert q.voucher is not None and (q.voucher.amount, q.voucher.bonus) == (eur("33.00"), eur("3.00"))
    assert q.refund_total == eur("30.00") and sum(d.amount.minor for d in q.ledger) == 3000
    assert entry(q, "incentive").en == "Bonus of 10 % for choosing store credit."
    assert quote(draft(order, method=RefundMethod.STORE_CREDIT)).voucher.bonus == eur("0.00")  # type: ignore[union-attr]


def test_shipping_goes_back_for_a_defective_web_item_only() -> None:
    web = make_order([LineSpec(2000), LineSpec(1000)], channel=Channel.WEB, shipping=599)
    assert quote(draft(web, req("L1"))).shipping == eur("0.00")
    q = quote(draft(web, req("L1", reason=Reason.DEFECTIVE, condition=Condition.USED)))
    assert q.shipping == eur("5.99") and q.refund_total == eur("25.99")
    assert entry(q, "shipping").fr.startswith("Livraison remboursée")
    store = make_order([LineSpec(2000)], shipping=599)
    assert quote(draft(store, req(reason=Reason.DEFECTIVE))).shipping == eur("0.00")


@pytest.mark.parametrize("method", [TenderMethod.CARD, TenderMethod.CASH])
def test_store_id_and_tenders_do_not_change_an_ordinary_decision(method: TenderMethod) -> None:
    q = quote(draft(make_order([LineSpec(2000)], tenders=[(method, 1)])))
    assert q.status is ALLOWED and q.stock_moves[0].location == STORE
