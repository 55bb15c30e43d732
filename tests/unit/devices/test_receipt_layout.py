"""Golden tests of the printed documents: the text the paper shows, per width and language.

Set POSRETURNS_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, then review
the diff like any other change.
"""

from __future__ import annotations

import dataclasses
import os
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from posreturns.app import Till
from posreturns.devices.documents import Barcode, Cut, QrCode, Text, render_text
from posreturns.devices.labels import InspectionTag, ResaleLabel, inspection_tag, resale_label
from posreturns.devices.receipt_layout import ReturnReceipt, StoreHeader, return_receipt, voucher_slip
from posreturns.domain.context import PolicyContext, PriceInfo
from posreturns.domain.policy.toml import parse_policy
from posreturns.domain.quote import quote_return
from posreturns.domain.quote_json import quote_to_dict
from posreturns.domain.returns import Condition, ExchangeLine, Reason, RefundMethod, ReturnDraft, ReturnLineRequest

GOLDEN = Path(__file__).with_name("golden")
PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 11, 26, 10, 30, tzinfo=PARIS)
DEFAULT_POLICY = parse_policy((Path(__file__).parents[3] / "posreturns" / "resources" / "policy" / "default.toml")
                              .read_text("utf-8"))
HEADER = StoreHeader("Maison Lumière — Paris Rivoli", "PARIS-01", "T1", "12 rue de Rivoli, 75004 Paris")


def _result(till: Till, receipt: str, lines: list[tuple[str, Reason, Condition]], method: RefundMethod,
            exchange: tuple[ExchangeLine, ...] = ()) -> tuple[Any, dict[str, Any]]:
    order = till.lookup.find_receipt(receipt)
    draft = ReturnDraft(order=order, refund_method=method, exchange_lines=exchange, lines=tuple(
        ReturnLineRequest(qty=1, reason=reason, condition=condition, order_line_id=line_id)
        for line_id, reason, condition in lines))
    context = PolicyContext(now=NOW, store_id="PARIS-01",
                            prices={x.sku: PriceInfo(x.unit_price) for x in exchange})
    quote = quote_return(draft, DEFAULT_POLICY, context, voucher_codes=lambda: "V-7Q2M-K8XD")
    return order, quote_to_dict(quote)


SCENARIOS = {
    "discounted-card-cash": ("PA01-000102", [("ORD-1002-L1", Reason.WRONG_SIZE, Condition.NEW_WITH_TAGS),
                                             ("ORD-1002-L3", Reason.DEFECTIVE, Condition.OPENED)],
                             RefundMethod.ORIGINAL),
    "sale-item-store-credit": ("PA01-000103", [("ORD-1003-L1", Reason.CHANGED_MIND, Condition.NEW_WITH_TAGS)],
                               RefundMethod.STORE_CREDIT),
}


def _receipt(till: Till, name: str) -> ReturnReceipt:
    number, lines, method = SCENARIOS[name]
    order, result = _result(till, number, lines, method)
    titles = {line.sku: line.title for line in order.lines}
    return ReturnReceipt(HEADER, "RPARIS01-T1-000007", NOW, "marie", result, order.number,
                         order.placed_at.astimezone(PARIS), titles)


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("POSRETURNS_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{path.name} differs; review and regenerate if intended"


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("width", [48, 32])
@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_return_receipts_match_their_golden_text(demo_till: Till, scenario: str, width: int, lang: str) -> None:
    text = render_text(return_receipt(_receipt(demo_till, scenario), width, lang), width)
    assert all(len(line) <= width for line in text.splitlines())
    _check_golden(f"receipt-{scenario}-{width}-{lang}", text)


def test_the_receipt_carries_the_return_number_as_code128_and_qr_and_the_voucher_as_code128(demo_till: Till) -> None:
    blocks = return_receipt(_receipt(demo_till, "sale-item-store-credit"), 48, "fr")
    assert Barcode("code128", "RPARIS01-T1-000007") in blocks
    assert QrCode("RPARIS01-T1-000007") in blocks
    assert Barcode("code128", "V-7Q2M-K8XD") in blocks


def test_the_why_this_amount_steps_on_paper_add_up_to_the_line_refund(demo_till: Till) -> None:
    receipt = _receipt(demo_till, "discounted-card-cash")
    text = render_text(return_receipt(receipt, 48, "en"), 48)
    for line in receipt.result["lines"]:
        assert line["refund"] in text.replace("€", "")
        counted = sum(float(s["amount"]) for s in line["breakdown"] if s.get("counted", True))
        assert round(counted, 2) == float(line["refund"])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_labels_match_their_golden_text(lang: str) -> None:
    label = ResaleLabel("Baskets cuir blanc 41", "B", "69.50", "139.00", "EUR", "2000000000121")
    tag = InspectionTag("RPARIS01-T1-000007", "CASQ-BT-NOIR", "Casque Bluetooth, noir", "DEFECTIVE", "OPENED",
                        NOW, note="Ne s'allume plus", serial="SN-CQ-0001")
    voucher = voucher_slip(HEADER, {"code": "V-7Q2M-K8XD", "amount": "53.40"}, "EUR", NOW, lang)
    text = "\n".join(render_text(blocks, 32)
                     for blocks in (resale_label(label, lang), inspection_tag(tag, lang), voucher))
    _check_golden(f"labels-{lang}", text)


def test_the_footer_names_the_version_that_printed_the_receipt(demo_till: Till) -> None:
    receipt = dataclasses.replace(_receipt(demo_till, "discounted-card-cash"), software="posreturns 1.4.2")
    blocks = return_receipt(receipt, 48, "fr")
    assert isinstance(blocks[-1], Cut) and blocks[-2] == Text("posreturns 1.4.2", "center")
    assert "posreturns" not in render_text(return_receipt(_receipt(demo_till, "discounted-card-cash"), 48, "fr"), 48)


def test_an_exchange_receipt_does_not_say_refunded_for_what_paid_the_replacement(demo_till: Till) -> None:
    from posreturns.domain.money import Money

    dearer = ExchangeLine(sku="TSH-NVY-L", qty=1, unit_price=Money.of("59.90", "EUR"), product_id="",
                          in_stock_here=True)
    order, result = _result(demo_till, "PA01-000101", [("ORD-1001-L1", Reason.WRONG_SIZE, Condition.NEW_WITH_TAGS)],
                            RefundMethod.EXCHANGE, (dearer,))
    receipt = ReturnReceipt(HEADER, "RPARIS01-T1-000008", NOW, "marie", result, order.number,
                            order.placed_at.astimezone(PARIS), {"TSH-NVY-L": "T-shirt marine L"})
    text = render_text(return_receipt(receipt, 48, "fr"), 48)
    assert "TOTAL REMBOURSÉ" not in text and "ARTICLES REPRIS" in text
    assert "À payer par le client" in text and "T-shirt marine L" in text


def test_a_delivered_exchange_prints_its_promise_as_a_date_and_says_when_it_is_provisional() -> None:
    from posreturns.devices.delivery_slip import delivery_blocks

    delivery = {"source": "WAREHOUSE", "source_name": "Entrepôt (Orléans)", "to": "home",
                "recipient": {"name": "Jeanne Martin", "phone": "06 12 34 56 78", "email": None},
                "address": {"line1": "3 rue des Lilas", "line2": None, "postal_code": "75011", "city": "Paris",
                            "country_code": "fr"},
                "promise": {"arrives_on": "2026-11-27", "before": "13:00",
                            "when": {"fr": "demain avant 13:00", "en": "tomorrow before 13:00"}},
                "provisional": True}
    french = render_text(delivery_blocks(delivery, "fr"), 48)
    assert "LIVRAISON À DOMICILE" in french and "Prévu le vendredi 27 novembre avant 13:00" in french
    assert "demain" not in french                                   # a reprint tomorrow says the same
    assert "3 rue des Lilas" in french and "75011 Paris" in french and "Promis hors ligne" in french
    english = render_text(delivery_blocks({**delivery, "provisional": False, "to": "store", "address": None}, "en"), 32)
    assert "PICKUP IN THIS STORE" in english and "Expected Friday 27 November" in english
    assert "offline" not in english and delivery_blocks(None, "en") == []
