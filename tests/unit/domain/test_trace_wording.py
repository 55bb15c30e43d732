"""The decision's explanation (trace entries and "why this amount" steps) is worded only when read, and the
words are those the quote wrote when it built every sentence up front: the golden file was recorded from
that eager code, in English and French, over returns that fire most rules of the default policy.

Regenerate (only when a sentence or a scenario changes on purpose):
    PYTHONPATH=tests .venv/bin/python tests/unit/domain/test_trace_wording.py
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from helpers.domain_builders import NOW, LineSpec, codes, ctx, draft, eur, make_order, policy, prices, req

from posreturns.domain.context import PriceInfo
from posreturns.domain.orders import Channel, TenderMethod
from posreturns.domain.quote import Quote, quote_return
from posreturns.domain.quote_json import quote_to_dict
from posreturns.domain.returns import Condition, Reason, RefundMethod

GOLDEN = Path(__file__).parent / "golden" / "trace_wording.json"
POLICY = policy()
INCENTIVE = policy('[incentive]\nenabled = true\npercent = 10\nmethods = ["store_credit", "exchange"]')
CHF = policy('currency = "CHF"')


def scenarios() -> Iterator[tuple[str, Quote]]:
    def q(name: str, d: Any, pol: Any = POLICY, **context: object) -> tuple[str, Quote]:
        return name, quote_return(d, pol, ctx(**context), voucher_codes=codes())

    recent, late = NOW - timedelta(days=5), NOW - timedelta(days=31)
    yield q("window", draft(make_order([LineSpec(2000, qty=3, discount=100)], order_discount=250,
                                       placed_at=recent), req("L1", 2)))
    yield q("late", draft(make_order([LineSpec(2000)], placed_at=late)))
    yield q("override", draft(make_order([LineSpec(2000)], placed_at=late)), refusal_path="override",
            manager_approval=True)
    yield q("goodwill", draft(make_order([LineSpec(2000)], placed_at=late), method=RefundMethod.STORE_CREDIT),
            refusal_path="goodwill", manager_approval=True)
    yield q("final_sale", draft(make_order([LineSpec(2000, final_sale=True)])))
    yield q("sale_item", draft(make_order([LineSpec(10000, discount=3000)])))
    rows = [req(None, sku="SKU-9", claimed_unit_price=eur("20.00"))]
    yield q("receiptless_no_contact", draft(None, *rows, method=RefundMethod.STORE_CREDIT, contact=False),
            prices=prices(**{"SKU-9": "25.00"}))
    yield q("receiptless_capped", draft(None, *rows, method=RefundMethod.STORE_CREDIT),
            prices=prices(**{"SKU-9": "25.00"}))
    yield q("receiptless_big", draft(None, req(None, 3, sku="SKU-9"), method=RefundMethod.STORE_CREDIT),
            prices=prices(**{"SKU-9": "25.00"}))
    yield q("receiptless_unknown", draft(None, req(None, sku="NOPE"), method=RefundMethod.STORE_CREDIT))
    lowest = {"SKU-9": PriceInfo(eur("39.90"), Decimal(20), "shoes", lowest=eur("29.90"),
                                 lowest_from=NOW.date() - timedelta(days=12), lowest_days=30, serial_tracked=True)}
    yield q("receiptless_lowest", draft(None, req(None, 2, sku="SKU-9"), method=RefundMethod.STORE_CREDIT),
            prices=lowest)
    yield q("serial_returner", draft(make_order([LineSpec(2000)])), customer_recent_returns=3,
            manager_approval=True)
    yield q("high_value", draft(make_order([LineSpec(50001)])))
    yield q("fee", draft(make_order([LineSpec(19999, category="electronics")]), req(condition=Condition.OPENED)))
    yield q("offline_return", draft(make_order([LineSpec(15001)])), offline=True)
    yield q("offline_till", draft(make_order([LineSpec(10000)])), offline=True, offline_refunded_today=eur("900.01"))
    yield q("offline_foreign", draft(make_order([LineSpec(2000)], store_id="LYON-02")), offline=True)
    yield q("offline_stale", draft(make_order([LineSpec(2000)])), offline=True,
            cache_as_of=NOW - timedelta(hours=73))
    yield q("offline_receiptless", draft(None, req(None, sku="S"), method=RefundMethod.STORE_CREDIT),
            offline=True, prices=prices(S="10.00"))
    yield q("incentive_offer", draft(make_order([LineSpec(3000)])), INCENTIVE)
    yield q("incentive", draft(make_order([LineSpec(3000)]), method=RefundMethod.STORE_CREDIT), INCENTIVE)
    web = make_order([LineSpec(2000), LineSpec(1000)], channel=Channel.WEB, shipping=599)
    yield q("shipping", draft(web, req("L1", reason=Reason.DEFECTIVE, condition=Condition.USED)))
    yield q("no_cash_tender", draft(make_order([LineSpec(3000)]), cash_for_card=True))
    yield q("drawer_short", draft(make_order([LineSpec(3000)], tenders=[(TenderMethod.CASH, 1)])),
            drawer_cash=eur("20.00"))
    yield q("cash_rounding", draft(make_order([LineSpec(1233)], tenders=[(TenderMethod.CASH, 1)],
                                              currency="CHF")), CHF)
    yield q("tax_added", draft(make_order([LineSpec(1999, qty=3)], inclusive=False, order_discount=100),
                               req("L1", 2)))


def wording(quote: Quote) -> dict[str, Any]:
    """Every sentence of the quote as its JSON carries them (both languages), and as the window reads one."""
    document = quote_to_dict(quote)
    entries = [*quote.trace, *(e for line in quote.lines for e in line.trace)]
    return {
        "trace": document["trace"],
        "lines": [{"trace": line["trace"], "breakdown": [{k: s[k] for k in ("key", "en", "fr")} for s in
                                                         line["breakdown"]]} for line in document["lines"]],
        "read": [[e.text("en"), e.text("fr-FR")] for e in entries],
        "key_line": None if quote.key_line is None else [quote.key_line.en, quote.key_line.fr],
    }


def recorded() -> dict[str, Any]:
    return {name: wording(quote) for name, quote in scenarios()}


def test_the_explanation_read_lazily_is_word_for_word_what_the_eager_quote_wrote() -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    now = recorded()
    assert now.keys() == golden.keys()
    for name in golden:
        assert now[name] == golden[name], name


def test_sentences_worded_again_for_the_next_quotes_are_the_same_words() -> None:
    assert recorded() == recorded()  # the second time from the process's cache of worded sentences


def test_a_sentence_whose_argument_cannot_be_a_key_is_still_worded() -> None:
    from posreturns.domain.messages import translate
    from posreturns.domain.quote_json import _Wording

    listed = translate("domain.quote", "{0}").format(["a list", "of words"])
    assert _Wording()(listed) == ("['a list', 'of words']",) * 2


def test_the_golden_file_covers_the_rules_and_both_languages() -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    rules = {t["rule"] for g in golden.values()
             for t in [*g["trace"], *(t for line in g["lines"] for t in line["trace"])]}
    assert {"window", "refusal_override", "approval", "final_sale", "sale_item", "receiptless_contact",
            "receiptless_limit", "serial_returner", "high_value", "fee", "offline_till", "incentive_offer",
            "incentive", "shipping", "cash", "cash_drawer", "cash_rounding", "disposition"} <= rules
    steps = {s["key"] for g in golden.values() for line in g["lines"] for s in line["breakdown"]}
    assert {"price", "line_discount", "order_discount", "tax", "rounding", "current_price", "lowest_price",
            "price_cap", "fee", "refund"} <= steps
    french = [t["fr"] for g in golden.values() for t in g["trace"]]
    assert all(french) and any("é" in text for text in french)


if __name__ == "__main__":
    GOLDEN.write_text(json.dumps(recorded(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
