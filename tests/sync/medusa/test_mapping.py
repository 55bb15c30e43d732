"""Medusa records -> canonical records, from exact decimal strings, never floats."""

from __future__ import annotations

import orjson

from posreturns.services.canonical import load_document
from posreturns.sync.medusa import mapping
from posreturns.sync.medusa.pull import delta_page, next_delta, parse_delta


def item(line_id: str, sku: str, unit: str, qty: int, discount: str = "0") -> dict[str, object]:
    return {"id": line_id, "variant_sku": sku, "raw_unit_price": {"value": unit}, "unit_price": float(unit),
            "raw_quantity": {"value": str(qty)},
            "adjustments": [{"raw_amount": {"value": discount}}] if discount != "0" else [],
            "tax_lines": [], "raw_tax_total": {"value": "0"}, "is_tax_inclusive": False}


ORDER = {"id": "order_1", "display_id": 7, "created_at": "2026-11-26T07:43:52.201Z", "currency_code": "eur",
         "customer_id": "cus_1", "metadata": {"store_code": "PARIS-01"}, "raw_shipping_total": {"value": "0"},
         "items": [item("ordli_1", "TEE-ORG-M", "25", 1, "2.5"), item("ordli_2", "SHOE-RUN-42", "89.9", 1, "8.99")],
         "payment_collections": [{"payments": [{"id": "pay_1", "captured_at": "x", "raw_amount": {"value": "103.41"},
                                                "amount": 103.41000000000001}]}],
         "returns": [{"id": "return_9", "status": "received", "metadata": {}, "received_at": "2026-11-27T10:00:00Z",
                      "items": [{"item_id": "ordli_2", "raw_received_quantity": {"value": "1"}}]},
                     {"id": "return_10", "status": "received",
                      "metadata": {"posreturns_return_id": "ret-local", "posreturns_till": "T2",
                                   "posreturns_return_number": "RPARIS01-T2-000003"},
                      "items": [{"item_id": "ordli_1", "raw_received_quantity": {"value": "1"}}]}]}


def test_an_order_becomes_a_valid_canonical_order_with_its_prior_returns() -> None:
    order = mapping.order(ORDER, "EUR")
    assert order["number"] == "7" and order["channel"] == "store" and order["store_id"] == "PARIS-01"
    assert [(li["unit_price"], li["discount"]) for li in order["lines"]] == [("25.00", "2.50"), ("89.90", "8.99")]
    assert order["tenders"] == [{"method": "card", "amount": "103.41", "reference": "pay_1"}]
    returns = mapping.prior_returns(ORDER, order)
    assert [(r["id"], r["lines"][0]["amount"]) for r in returns] == [("return_9", "80.91"), ("ret-local", "22.50")]
    products = [mapping.item_product(i, "EUR") for i in ORDER["items"]]  # type: ignore[arg-type]
    document = {"format": "posreturns/1", "stores": [{"id": "PARIS-01", "name": "P", "currency": "EUR",
                                                      "prices_include_tax": False, "timezone": "Europe/Paris"}],
                "customers": [{"id": "cus_1"}], "products": products, "orders": [order], "returns": returns}
    parsed = load_document(orjson.dumps(document), "test")
    assert parsed.orders[0].total_minor == 10341 and len(parsed.returns) == 2
    # another till's return keeps the till and number posreturns wrote into Medusa's metadata
    assert [(r.id, r.till_id, r.number) for r in parsed.returns] == [("return_9", None, None),
                                                                       ("ret-local", "T2", "RPARIS01-T2-000003")]


def test_another_tills_return_comes_down_with_what_its_till_recorded_for_the_report() -> None:
    """Two units of one line, one back on sale, one to inspect, paid as store credit with a 3.00 bonus;
    the line's 2 × 25.00 - 5.00 = 45.00 paid is split 22.50 / 22.50 by units."""
    told = {"cashier": "alice", "approved_by": "mgr1", "decision": "needs_approval", "method": "store_credit",
            "bonus": 300, "lines": [["ordli_1", 1, "CHANGED_MIND", "RESTOCK"], ["ordli_1", 1, "DEFECTIVE", "INSPECT"],
                                    ["ordli_1", "x", 7, None]],
            "paid": [["store_credit", 4800], ["bitcoin", 1]]}
    record = {**ORDER, "items": [item("ordli_1", "TEE-ORG-M", "25", 2, "5")],
              "returns": [{"id": "return_11", "status": "received", "received_at": "2026-11-27T10:00:00Z",
                           "metadata": {"posreturns_return_id": "ret-t2", "posreturns_report": told},
                           "items": [{"item_id": "ordli_1", "raw_received_quantity": {"value": "2"}}]}]}
    ret = mapping.prior_returns(record, mapping.order(record, "EUR"))[0]
    assert ret["lines"] == [{"order_line_id": "ordli_1", "qty": 1, "amount": "22.50", "reason": "CHANGED_MIND",
                             "disposition": "RESTOCK"},
                            {"order_line_id": "ordli_1", "qty": 1, "amount": "22.50", "reason": "DEFECTIVE",
                             "disposition": "INSPECT"}]
    assert (ret["cashier"], ret["approved_by"], ret["decision"], ret["refund_method"], ret["bonus"], ret["paid"]) == (
        "alice", "mgr1", "needs_approval", "store_credit", "3.00", [{"method": "store_credit", "amount": "48.00"}])
    # units Medusa received beyond what the till told stay unlabelled, and a return without the record has none
    record["returns"][0]["items"][0]["raw_received_quantity"] = {"value": "2"}  # type: ignore[index]
    told["lines"] = [["ordli_1", 1, "DEFECTIVE", "INSPECT"]]
    ret = mapping.prior_returns(record, mapping.order(record, "EUR"))[0]
    assert [(x["qty"], x["amount"], x.get("reason")) for x in ret["lines"]] == [(1, "22.50", "DEFECTIVE"),
                                                                                (1, "22.50", None)]
    record["returns"][0]["metadata"] = {}  # type: ignore[index]
    assert "cashier" not in mapping.prior_returns(record, mapping.order(record, "EUR"))[0]


def test_a_web_order_without_captured_payment_still_balances() -> None:
    order = mapping.order({**ORDER, "metadata": {}, "payment_collections": []}, "EUR")
    assert order["channel"] == "web" and order["store_id"] is None
    assert order["tenders"] == [{"method": "card", "amount": "103.41"}]


def test_variants_keep_valid_codes_only() -> None:
    variant = {"sku": "TEE-ORG-S", "product_id": "prod_1", "title": "Size S", "barcode": "3760123400015",
               "ean": "3760123400015", "upc": "081234000012", "product": {"title": "Tee", "handle": "organic-tee"},
               "prices": [{"currency_code": "eur", "amount": 25, "raw_amount": {"value": "25"}}],
               "options": [{"value": "S"}]}
    product = mapping.product(variant, "EUR")
    assert product is not None
    assert product["barcodes"] == ["3760123400015"] and product["price"] == "25.00"   # the UPC's check digit is wrong
    assert product["title"] == "Tee — Size S" and product["category"] == "organic-tee"


def test_delta_cursors_skip_what_was_written_at_the_boundary_instant() -> None:
    page = [{"updated_at": "A"}, {"updated_at": "B"}, {"updated_at": "B"}]
    cursor = next_delta(page, None, 0)
    assert cursor == "v1|B|2" and parse_delta(cursor) == ("B", 2)
    assert next_delta([{"updated_at": "B"}], "B", 2) == "v1|B|3"
    assert next_delta([], "B", 3) == "v1|B|3"


class _Orders:
    """Medusa's list of orders: `updated_at[$gte]`, in `updated_at` order, `offset` and `limit`."""

    def __init__(self, records: list[dict[str, str]]) -> None:
        self.records = records

    def get(self, path: str, params: list[tuple[str, object]]) -> dict[str, object]:
        query = dict(params)
        since = str(query.get("updated_at[$gte]") or "")
        rows = sorted((r for r in self.records if r["updated_at"] >= since), key=lambda r: r["updated_at"])
        offset, limit = int(str(query["offset"])), int(str(query["limit"]))
        return {"orders": rows[offset:offset + limit], "count": len(rows)}


def test_a_record_changed_again_after_the_cursor_instant_is_pulled_again() -> None:
    medusa = _Orders([{"id": "o1", "updated_at": "2026-01-01T10:00:00.000Z"},
                      {"id": "o2", "updated_at": "2026-01-01T10:00:05.000Z"}])
    records, cursor, _, _ = delta_page(medusa, "/admin/orders", "orders", "id", None, 50)
    assert [r["id"] for r in records] == ["o1", "o2"] and cursor == "v1|2026-01-01T10:00:05.000Z|1"
    medusa.records[1] = {"id": "o2", "updated_at": "2026-01-01T10:07:00.000Z"}  # another till noted o2
    records, cursor, _, _ = delta_page(medusa, "/admin/orders", "orders", "id", cursor, 50)
    assert [r["id"] for r in records] == ["o2"] and cursor == "v1|2026-01-01T10:07:00.000Z|1"
    records, cursor, _, _ = delta_page(medusa, "/admin/orders", "orders", "id", cursor, 50)
    assert records == [] and cursor == "v1|2026-01-01T10:07:00.000Z|1"


def test_a_held_unit_noted_on_two_orders_is_pulled_once_as_its_newest_note() -> None:
    older = {"id": "UPARIS01-T1-000001-2", "state": "released", "return_id": "R-old"}
    other = {"id": "UPARIS01-T1-000002-1", "state": "held", "return_id": "R-2"}
    newer = {"id": "UPARIS01-T1-000001-2", "state": "held", "return_id": "R-new"}
    assert mapping.latest_of_each([older, other, newer]) == [newer, other]


def test_a_second_hand_product_is_pulled_with_its_grade_as_the_grading_till_wrote_it() -> None:
    variant = {"sku": "SH-R1-000001-1", "product_id": "prod_1", "title": "Grade B", "barcode": "2000000000015",
               "options": [{"value": "B"}], "prices": [{"currency_code": "eur", "amount": 12.9}],
               "product": {"id": "prod_1", "title": "Runner · good (B)", "handle": "posreturns-sh-r1-000001-1",
                           "metadata": {"posreturns_second_hand": "B", "category": "shoes"}}}
    product = mapping.product(variant, "EUR")
    assert product is not None
    assert (product["options"], product["category"], product["price"]) == ({"second_hand": "B"}, "shoes", "12.90")
    variant["product"]["metadata"] = {}
    assert mapping.product(variant, "EUR")["options"] == {"option1": "B"}  # type: ignore[index]


def test_another_tills_exchange_comes_down_with_what_was_paid_on_top_and_its_delivery() -> None:
    """What the store report counts of an exchange made at another till: the 10.00 paid on top and the
    delivery home (never the address: the till writes none); a delivery on a refund is not an exchange's."""
    told = {"method": "exchange", "paid_more": 1000, "delivery": "home", "paid": []}
    record = {**ORDER, "items": [item("ordli_1", "TEE-ORG-M", "25", 2, "5")],
              "returns": [{"id": "return_12", "status": "received", "received_at": "2026-11-27T10:00:00Z",
                           "metadata": {"posreturns_return_id": "ret-t2x", "posreturns_report": told},
                           "items": [{"item_id": "ordli_1", "raw_received_quantity": {"value": "1"}}]}]}
    ret = mapping.prior_returns(record, mapping.order(record, "EUR"))[0]
    assert (ret["refund_method"], ret["paid_more"], ret["delivery"]) == ("exchange", "10.00", "home")
    told.update(method="original", delivery="mars")
    ret = mapping.prior_returns(record, mapping.order(record, "EUR"))[0]
    assert "paid_more" not in ret and "delivery" not in ret
