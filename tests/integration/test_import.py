"""Importing canonical files: everything or nothing, and the same file twice changes nothing."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import DEMO_DAY, dump

from posreturns.app import Till
from posreturns.demo.store import demo_document
from posreturns.services.errors import ImportRejected
from posreturns.services.importing import import_bytes, import_file


def _import(till: Till, document: dict[str, Any]) -> dict[str, int]:
    return import_bytes(json.dumps(document).encode(), "test.json", till.cache_writer)


def test_the_demo_imports_with_prices_ledgers_and_stock(demo_till: Till) -> None:
    order = demo_till.lookup.find_receipt("PA01-000102")
    assert str(order.total) == "257.00"
    assert [str(line.order_discount_share) for line in order.lines] == ["7.80", "10.04", "2.16"]
    partly_returned = demo_till.lookup.find_receipt("PA01-000106")
    assert partly_returned.lines[0].returned_qty == 1 and str(partly_returned.lines[0].refunded) == "29.90"
    assert str(partly_returned.tenders[0].refunded) == "29.90"
    with demo_till.engine.connect() as connection:
        # 35 variants in 4 places
        assert connection.exec_driver_sql("SELECT count(*) FROM stock_levels").scalar() == 35 * 4


def test_importing_the_same_file_again_changes_nothing(demo_till: Till) -> None:
    before = dump(demo_till)
    counts = _import(demo_till, demo_document(DEMO_DAY))
    assert counts["returns_applied"] == 0
    assert dump(demo_till) == before


def test_import_file_reads_from_disk(till: Till, tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    path.write_text(json.dumps(demo_document(DEMO_DAY)), encoding="utf-8")
    assert import_file(path, till.cache_writer)["orders"] == 10


def _broken(mutate: Any) -> dict[str, Any]:
    document = copy.deepcopy(demo_document(DEMO_DAY))
    mutate(document)
    return document


BAD = {
    "missing field": (lambda d: d["orders"][3]["lines"][0].pop("qty"), "$.orders[3].lines[0].qty", "missing"),
    "number instead of a decimal string": (lambda d: d["orders"][0]["lines"][1].update(unit_price=89.0),
                                           "$.orders[0].lines[1].unit_price", "decimal string"),
    "tenders do not add up": (lambda d: d["orders"][2]["tenders"][0].update(amount="80.00"),
                              "$.orders[2].tenders", "add up to 80.00 EUR"),
    "unknown SKU": (lambda d: d["orders"][9]["lines"][0].update(sku="NOPE-1"), "$.orders[9].lines[0].sku",
                    'SKU "NOPE-1" is unknown'),
    "wrong check digit": (lambda d: d["products"][4]["barcodes"].append("4006381333932"),
                          "$.products[4].barcodes[1]", "check digit"),
    "bad channel": (lambda d: d["orders"][1].update(channel="phone"), "$.orders[1].channel", '"store" or "web"'),
    "time without offset": (lambda d: d["orders"][1].update(placed_at="2026-11-20T10:00:00"),
                            "$.orders[1].placed_at", "offset"),
    "duplicate order id": (lambda d: d["orders"][4].update(id="ORD-1001"), "$.orders[4].id", "twice"),
    "return beyond what was sold": (lambda d: d["returns"].append(
        {"id": "RET-NEW", "order_id": "ORD-1006",
         "lines": [{"order_line_id": "ORD-1006-L1", "qty": 3, "amount": "29.90"}],
         "tenders": [{"method": "card", "amount": "29.90"}]}), "$.returns[1].lines[0].qty", "exceed"),
    "unknown customer": (lambda d: d["orders"][0].update(customer_id="CUS-999"), "$.orders[0].customer_id", "unknown"),
    "wrong format": (lambda d: d.update(format="posreturns/9"), "$.format", "posreturns/1"),
    "unknown field": (lambda d: d["orders"][2].update(colour="red"), "$.orders[2].colour", "unknown"),
    "unknown field in a line": (lambda d: d["orders"][2]["lines"][0].update(Qty=1),
                                "$.orders[2].lines[0].Qty", "unknown"),
    "unknown top-level field": (lambda d: d.update(order=[]), "$.order", "unknown"),
    "not an ISO 4217 currency": (lambda d: d["orders"][1].update(currency="EUX"), "$.orders[1].currency", "ISO 4217"),
    "order not in its store's currency": (lambda d: d["orders"][1].update(currency="USD"), "$.orders[1].currency",
                                          "sells in EUR"),
    "card number in a tender reference": (
        lambda d: d["orders"][0]["tenders"][0].update(reference="4111 1111 1111 1111"),
        "$.orders[0].tenders[0].reference", "card number"),
    "card number in a customer name": (lambda d: d["customers"][0].update(name="5555555555554444"),
                                       "$.customers[0].name", "card number"),
    "huge quantity": (lambda d: d["orders"][3]["lines"][0].update(qty=10**12), "$.orders[3].lines[0].qty", "1,000,000"),
    "huge amount": (lambda d: d["orders"][3]["lines"][0].update(unit_price="9" * 40), "$.orders[3].lines[0].unit_price",
                    "out of range"),
    "year out of range": (lambda d: d["orders"][1].update(placed_at="0001-01-01T00:00:00+05:00"),
                          "$.orders[1].placed_at", "out of range"),
    "time zone that is a path": (lambda d: d["stores"][0].update(timezone="../../etc/passwd"), "$.stores[0].timezone",
                                 "time zone"),
    "tax rate in scientific notation": (lambda d: d["orders"][1]["lines"][0].update(tax_rate="2e1"),
                                        "$.orders[1].lines[0].tax_rate", "tax rate"),
    "control character": (lambda d: d["orders"][1].update(number="PA01\u0007"), "$.orders[1].number", "control"),
    "two stores with the same return-number code": (lambda d: d["stores"].append({**d["stores"][0], "id": "Paris 01"}),
                                                    "$.stores[3].id", "store code"),  # after the demo's three
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_file_is_refused_with_its_path_and_imports_nothing(demo_till: Till, case: str) -> None:
    mutate, path, reason = BAD[case]
    before = dump(demo_till)
    document = _broken(mutate)
    document["orders"].append({**copy.deepcopy(document["orders"][0]), "id": "ORD-NEW", "number": "PA01-999999",
                               "lines": [{**document["orders"][0]["lines"][0], "id": "ORD-NEW-L1"}],
                               "tenders": [{"method": "cash", "amount": "59.80"}]})
    with pytest.raises(ImportRejected) as raised:
        _import(demo_till, document)
    assert raised.value.path == path
    assert reason in raised.value.reason
    assert str(raised.value).startswith("test.json: " + path)
    assert dump(demo_till) == before


def test_a_line_id_belongs_to_one_order_for_ever(demo_till: Till) -> None:
    """Reusing a line id would move the line, with what was already returned from it, to another sale."""
    before = dump(demo_till)
    taken = demo_document(DEMO_DAY)["orders"][5]  # PA01-000106: a unit of its first line is already returned
    later = {"format": "posreturns/1", "orders": [{
        **taken, "id": "ORD-LATER", "number": "PA01-000900",
        "tenders": [{"method": "cash", "amount": str(sum(Decimal(t["amount"]) for t in taken["tenders"]))}]}]}
    with pytest.raises(ImportRejected) as raised:
        _import(demo_till, later)
    assert raised.value.path == "$.orders[0].lines[0].id"
    assert "PA01-000106" in raised.value.reason and "PA01-000900" in raised.value.reason
    assert dump(demo_till) == before


def test_a_store_whose_return_numbers_would_clash_with_a_known_store_is_refused(demo_till: Till) -> None:
    before = dump(demo_till)
    with pytest.raises(ImportRejected, match='"paris-01" would print the same return numbers as the store "PARIS-01"'):
        _import(demo_till, {"format": "posreturns/1", "stores": [{"id": "paris-01", "name": "Autre", "currency": "EUR",
                                                                  "prices_include_tax": True,
                                                                  "timezone": "Europe/Paris"}]})
    assert dump(demo_till) == before


def test_a_return_of_a_known_order_in_another_currency_is_refused(demo_till: Till) -> None:
    document = {"format": "posreturns/1", "returns": [{
        "id": "RET-JPY", "order_id": "ORD-1001", "currency": "JPY", "lines": [{"order_line_id": "ORD-1001-L1", "qty": 1,
                                                                             "amount": "2990"}],
        "tenders": [{"method": "card", "amount": "2990"}]}]}
    with pytest.raises(ImportRejected, match="is in EUR, not JPY") as raised:
        _import(demo_till, document)
    assert raised.value.path == "$.returns[0].currency"


def test_malformed_json_is_refused_with_a_clear_sentence(till: Till) -> None:
    with pytest.raises(ImportRejected, match="not valid JSON"):
        import_bytes(b'{"format": "posreturns/1", "orders": [', "cut.json", till.cache_writer)
    with pytest.raises(ImportRejected, match="not valid JSON"):
        import_bytes(b"\xff\xfe garbage", "binary.json", till.cache_writer)


def test_an_order_can_reference_a_catalogue_imported_earlier(demo_till: Till) -> None:
    later = {"format": "posreturns/1", "orders": [{
        "id": "ORD-LATER", "number": "PA01-000900", "channel": "store", "store_id": "PARIS-01",
        "placed_at": "2026-11-25T10:00:00+01:00", "currency": "EUR", "prices_include_tax": True, "customer_id": None,
        "lines": [{"id": "ORD-LATER-L1", "sku": "TSH-RED-M", "qty": 1, "unit_price": "29.90", "tax_rate": "20"}],
        "tenders": [{"method": "cash", "amount": "29.90"}]}]}
    assert _import(demo_till, later)["orders"] == 1
    assert demo_till.lookup.find_receipt("PA01-000900").lines[0].title.startswith("T-shirt")


def test_tax_rates_are_stored_and_shown_as_written_not_in_scientific_notation(demo_till: Till) -> None:
    with demo_till.engine.connect() as connection:
        rates = {r for (r,) in connection.exec_driver_sql(
            "SELECT tax_rate FROM variants UNION SELECT tax_rate FROM order_lines")}
    assert rates and all("E" not in rate for rate in rates), rates
    assert "20" in rates


def test_a_card_number_sent_by_mistake_is_refused_without_being_repeated(till: Till) -> None:
    document = demo_document(DEMO_DAY)
    document["orders"][0]["tenders"][0]["card_last4"] = "4111111111111111"
    with pytest.raises(ImportRejected) as raised:
        _import(till, document)
    assert raised.value.path == "$.orders[0].tenders[0].card_last4"
    assert "4111" not in str(raised.value) and "full payment card number" in str(raised.value)


def test_ids_made_by_machines_are_not_taken_for_card_numbers(till: Till) -> None:
    luhn_valid_uuid = "b0dcd503-ca7a-4506-8206-55480afae157"  # its digit groups pass the Luhn check
    document = demo_document(DEMO_DAY)
    document["orders"][0]["lines"][0]["id"] = luhn_valid_uuid
    assert _import(till, document)["orders"] == len(document["orders"])
    document = demo_document(DEMO_DAY)
    document["orders"][0]["tenders"][0]["reference"] = luhn_valid_uuid  # a reference is not an id: checked
    with pytest.raises(ImportRejected) as raised:
        _import(till, document)
    assert raised.value.path == "$.orders[0].tenders[0].reference"
