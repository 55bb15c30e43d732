"""Finding the original sale in the local cache, and matching scanned items to its lines."""

from __future__ import annotations

from typing import Any

import pytest

from posreturns.app import Till
from posreturns.domain.orders import Order
from posreturns.services.errors import BadInput, NotFound


@pytest.mark.parametrize("typed", ["PA01-000101", "pa01 000101", " Pa01-000101 ", "Ticket n° PA01-000101",
                                   "https://receipts.example.fr/r/PA01-000101"])
def test_receipt_numbers_are_found_however_they_are_typed_or_scanned(demo_till: Till, typed: str) -> None:
    assert demo_till.lookup.find_receipt(typed).id == "ORD-1001"


def test_web_orders_are_found_by_their_number(demo_till: Till) -> None:
    order = demo_till.lookup.find_receipt("w-100201")
    assert order.channel.value == "web" and str(order.shipping) == "4.90"


def test_an_unknown_receipt_says_what_to_do(demo_till: Till) -> None:
    with pytest.raises(NotFound, match="search by customer"):
        demo_till.lookup.find_receipt("PA01-999999")


def test_each_line_shows_sold_returned_returnable_and_unit_paid(demo_till: Till) -> None:
    order = demo_till.lookup.find_receipt("PA01-000106")
    shirt = order.lines[0]
    assert (shirt.qty, shirt.returned_qty, shirt.returnable_qty, str(shirt.unit_paid)) == (3, 1, 2, "29.90")
    discounted = demo_till.lookup.find_receipt("PA01-000102").lines[0]
    assert str(discounted.unit_paid) == "100.20"  # 120.00 - 12.00 line discount - 7.80 order discount share


@pytest.mark.parametrize("query, numbers", [
    ("+33 6 12 34 56 78", {"PA01-000101", "PA01-000106"}),
    ("0612345678", {"PA01-000101", "PA01-000106"}),
    ("helene.dup", {"PA01-000102", "PA01-000107"}),
    ("HELENE.DUPRE@EXAMPLE.FR", {"PA01-000102", "PA01-000107"}),
    ("dupré", {"PA01-000102", "PA01-000107"}),
    ("ines lef", {"PA01-000104", "W-100201"}),
    ("4242 2026-11-23", {"PA01-000101"}),
    ("23/11/2026 4242", {"PA01-000101"}),
    ("2026-11-20 257.00", {"PA01-000102"}),
    ("2026-11-20 257,00", {"PA01-000102"}),
])
def test_search_finds_sales_by_customer_card_or_amount(demo_till: Till, query: str, numbers: set[str]) -> None:
    assert {s.number for s in demo_till.lookup.search(query)} == numbers


def test_card_search_is_limited_to_the_day_in_the_store_time_zone(demo_till: Till) -> None:
    assert demo_till.lookup.search("4242 2026-11-22") == []


def test_a_search_too_short_to_be_useful_is_refused(demo_till: Till) -> None:
    with pytest.raises(BadInput):
        demo_till.lookup.search("a")
    with pytest.raises(BadInput, match="unreadable"):
        demo_till.lookup.search("\x00\x01garbage")


def test_an_item_barcode_finds_its_line(demo_till: Till) -> None:
    order = demo_till.lookup.find_receipt("PA01-000101")
    barcode = _barcode(demo_till, "JEAN-SLIM-40")
    match = demo_till.lookup.match_item(order, barcode)
    assert match.problem is None and [line.id for line in match.lines] == ["ORD-1001-L2"]
    assert demo_till.lookup.match_item(order, "0" + barcode).lines  # the same GTIN sent as 14 digits


def test_an_item_that_does_not_match_says_why(demo_till: Till) -> None:
    order = demo_till.lookup.find_receipt("PA01-000101")
    assert demo_till.lookup.match_item(order, "3760009999990").problem == "unknown_product"
    not_on = demo_till.lookup.match_item(order, _barcode(demo_till, "ROBE-LIN-38"))
    assert not_on.problem == "not_on_receipt" and "PA01-000101" in str(not_on.message)


def test_a_fully_returned_line_is_reported_as_already_returned(demo_till: Till) -> None:
    with demo_till.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE order_lines SET returned_qty = qty WHERE id = 'ORD-1001-L2'")
    order = demo_till.lookup.find_receipt("PA01-000101")
    assert demo_till.lookup.match_item(order, "JEAN-SLIM-40").problem == "already_returned"


def _barcode(till: Till, sku: str) -> str:
    with till.engine.connect() as connection:
        code = connection.exec_driver_sql("SELECT code FROM barcodes WHERE sku = ?", (sku,)).scalar_one()
    return str(code)[1:]  # as an EAN-13 scanner sends it


class _Recording:
    """The order repository port, with every call written down (method name, then its arguments)."""

    def __init__(self, real: object) -> None:
        self.real, self.calls = real, []

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.real, name)

        def recorded(*args: Any) -> Any:
            self.calls.append((name, *args))
            return method(*args)
        return recorded


def _statements(till: Till) -> list[str]:
    """Every SQL statement the till runs from now on, on this thread: a listener on its engine, and the
    trace of its plain sqlite3 reader's connection (which reads the sales)."""
    from sqlalchemy import event

    run: list[str] = []
    event.listen(till.engine, "before_cursor_execute", lambda *args: run.append(args[2]))
    with till.reader.connect() as connection:
        connection.connection.set_trace_callback(run.append)
    return run


def test_a_scanned_receipt_that_looks_like_a_phone_is_one_lookup_that_loads_it(demo_till: Till) -> None:
    """The customer CUS-001's phone is 06 12 34 56 78: the receipt with those digits is still what was
    scanned, found by its number alone, and loaded in that one lookup; no phone search runs, and the
    window does not load the sale again."""
    import json

    from posreturns.services.importing import import_bytes
    from posreturns.services.lookup import OrderLookup

    order = {"id": "ORD-PHONE", "number": "06-1234-5678", "channel": "store", "store_id": "PARIS-01",
             "placed_at": "2026-11-25T10:00:00+01:00", "currency": "EUR", "prices_include_tax": True,
             "customer_id": None, "lines": [{"id": "ORD-PHONE-L1", "sku": "TSH-RED-M", "qty": 1,
                                             "unit_price": "29.90", "tax_rate": "20"}],
             "tenders": [{"method": "cash", "amount": "29.90"}]}
    import_bytes(json.dumps({"format": "posreturns/1", "orders": [order]}).encode(), "phone.json",
                 demo_till.cache_writer)
    port = _Recording(demo_till.orders)
    lookup = OrderLookup(port)  # type: ignore[arg-type]
    statements = _statements(demo_till)
    for scanned in (True, False):  # from the scanner, and typed into the scan field
        port.calls.clear()
        found = lookup.find("06-1234-5678", scanned=scanned)
        assert isinstance(found, Order) and found.id == "ORD-PHONE"
        assert port.calls == [("by_number_keys", ["0612345678"])]
    assert not any("phone_key" in sql for sql in statements)
    assert sum("FROM orders o" in sql for sql in statements) == 2  # one head read per lookup
    port.calls.clear()
    assert {s.number for s in lookup.find("+33 6 12 34 56 78")} == {"PA01-000101", "PA01-000106"}  # type: ignore[union-attr]
    assert [call[0] for call in port.calls] == ["by_number_keys", "by_customer_phone"]


def test_a_scan_that_is_no_receipt_here_searches_nothing_else(demo_till: Till) -> None:
    from posreturns.services.lookup import OrderLookup

    port = _Recording(demo_till.orders)
    assert OrderLookup(port).find("06 12 34 56 78", scanned=True) == []  # type: ignore[arg-type]
    assert [call[0] for call in port.calls] == ["by_number_keys"]


def test_the_name_index_follows_new_renamed_and_upserted_customers(demo_till: Till) -> None:
    """Customers come through imports and pulls as upserts: the name index (FTS5) keeps up."""
    import json

    from posreturns.services.importing import import_bytes

    def customers(name: str) -> None:
        document = {"format": "posreturns/1", "customers": [{"id": "CUS-001", "name": name}],
                    "orders": []}
        import_bytes(json.dumps(document).encode(), "customers.json", demo_till.cache_writer)

    assert {s.number for s in demo_till.lookup.search("cam mar")} == {"PA01-000101", "PA01-000106"}
    customers("Zoé Étienne-Ñúñez")
    assert demo_till.lookup.search("cam mar") == []
    assert {s.number for s in demo_till.lookup.search("ZOE nun")} == {"PA01-000101", "PA01-000106"}
    assert {s.number for s in demo_till.lookup.search("etien")} == {"PA01-000101", "PA01-000106"}
    customers("Zoé Étienne-Ñúñez")  # the same again: still found once
    assert len(demo_till.lookup.search("zoe")) == 2


def test_a_receipt_missing_from_the_cache_is_asked_of_the_oms_after_the_phones(demo_till: Till) -> None:
    """The OMS is asked (the sync's `fetch_missing`) only when neither the cache's receipts nor its
    customers' phones know the number; what it fetched is then found."""
    import json

    from posreturns.services.importing import import_bytes

    asked: list[str] = []

    def fetch(number: str) -> bool:
        asked.append(number)
        order = {"id": "ORD-OMS", "number": number, "channel": "store", "store_id": "PARIS-01",
                 "placed_at": "2026-11-25T10:00:00+01:00", "currency": "EUR", "prices_include_tax": True,
                 "lines": [{"id": "ORD-OMS-L1", "sku": "TSH-RED-M", "qty": 1, "unit_price": "29.90", "tax_rate": "20"}],
                 "tenders": [{"method": "cash", "amount": "29.90"}]}
        import_bytes(json.dumps({"format": "posreturns/1", "orders": [order]}).encode(), "oms", demo_till.cache_writer)
        return True

    demo_till.lookup.fetch_missing = fetch
    assert {s.number for s in demo_till.lookup.search("06 12 34 56 78")} == {"PA01-000101", "PA01-000106"}
    assert asked == []
    assert [s.id for s in demo_till.lookup.search("77-5555-0001")] == ["ORD-OMS"]
    assert asked == ["77-5555-0001"]


def test_a_search_gives_the_newest_sales_first_and_equal_times_in_the_order_they_were_written(
        demo_till: Till) -> None:
    """The newest `limit` sales of the customers found, newest first; sales of the same second come
    newest-written first, so that the same search always shows the same list."""
    import json

    from posreturns.services.importing import import_bytes
    from posreturns.services.lookup import OrderLookup

    def sale(number: str, placed_at: str) -> dict[str, Any]:
        return {"id": f"ORD-{number}", "number": number, "channel": "store", "store_id": "PARIS-01",
                "placed_at": placed_at, "currency": "EUR", "prices_include_tax": True, "customer_id": "CUS-LOYAL",
                "lines": [{"id": f"ORD-{number}-L1", "sku": "TSH-RED-M", "qty": 1, "unit_price": "29.90",
                           "tax_rate": "20"}],
                "tenders": [{"method": "cash", "amount": "29.90"}]}

    document = {"format": "posreturns/1", "customers": [{"id": "CUS-LOYAL", "name": "Quentin Loyal"}],
                "orders": [sale("LY-1", "2026-11-01T10:00:00Z"), sale("LY-2", "2026-11-03T10:00:00Z"),
                           sale("LY-3", "2026-11-02T10:00:00Z"), sale("LY-4", "2026-11-03T10:00:00Z"),
                           sale("LY-5", "2026-10-30T10:00:00Z")]}
    import_bytes(json.dumps(document).encode(), "loyal", demo_till.cache_writer)
    newest_three = OrderLookup(demo_till.orders, limit=3)
    assert [s.number for s in newest_three.search("loyal quen")] == ["LY-4", "LY-2", "LY-3"]
    assert [s.number for s in demo_till.lookup.search("quen")] == ["LY-4", "LY-2", "LY-3", "LY-1", "LY-5"]
