"""A size on this store's shelf sent to the customer's home from here, promised from this store's own
cut-off, preparation and parcel route in its delivery network (the demo's Rivoli: cut-off 16:00, the
parcel carrier's next working day before 13:00)."""

from __future__ import annotations

from pathlib import Path

from helpers.returns import CASHIER, line, open_shop, request
from integration.test_exchange_promise import ADMIN, NETWORK

from posreturns.app import open_promises
from posreturns.services.promises import with_promises

HOME = {"source": "PARIS-01", "to": "home", "name": "Jeanne Martin", "phone": "06 12 34 56 78",
        "address": {"line1": "3 rue des Lilas", "postal_code": "75011", "city": "Paris"}}


def test_a_size_on_the_shelf_is_offered_and_sent_home_from_this_store(tmp_path: Path) -> None:
    till = open_shop(tmp_path / "shop")
    try:
        promises = open_promises(till)
        promises.load(NETWORK, "demo network", ADMIN)
        shelf = with_promises([{"sku": "TSH-NVY-L", "stock_here": 8}], promises)[0]   # no stock elsewhere given
        here = next(p for p in shelf["promises"]["home"]["promises"] if p["kind"] == "here")
        assert (here["location"], here["when"]["en"]) == ("PARIS-01", "tomorrow before 13:00")  # Thu 10:00
        before = till.return_service.queries.sellable("TSH-NVY-L", "PARIS-01")
        answer = till.returns.complete(request("PA01-000101", line("TSH-NVY-M"), method="exchange", key="h-1",
                                               exchange_lines=[{"code": "TSH-NVY-L", "qty": 1}], delivery=HOME),
                                       CASHIER)
        delivery = answer["delivery"]
        assert (delivery["source_kind"], delivery["to"], delivery["promise"]["arrives_on"]) == (
            "here", "home", "2026-11-27")
        assert delivery["promise"]["sentence"]["en"] == "Delivered to your home tomorrow before 13:00."
        assert till.return_service.queries.sellable("TSH-NVY-L", "PARIS-01") == before - 1   # left the shelf
    finally:
        till.close()
