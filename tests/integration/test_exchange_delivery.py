"""An exchange delivered from the network, on the till's real cache: the size missing here is
reserved at the source, the promise is stored with the return and travels in the event for the
OMS with the delivery address or the pickup here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.returns import CASHIER, line, open_shop, request
from integration.test_exchange_promise import ADMIN, NETWORK, set_stock

from posreturns.app import Till, open_promises
from posreturns.persistence.outbox import SqlOutbox
from posreturns.services.errors import BadInput

HOME = {"source": "WAREHOUSE", "to": "home", "name": "Jeanne Martin", "phone": "06 12 34 56 78",
        "address": {"line1": "3 rue des Lilas", "postal_code": "75011", "city": "Paris"}}
PICKUP = {"source": "PARIS-03", "to": "store", "name": "Jeanne Martin", "email": "jeanne@example.fr"}


@pytest.fixture
def shop(tmp_path: Path) -> Till:
    till = open_shop(tmp_path / "shop")
    open_promises(till).load(NETWORK, "demo network", ADMIN)
    return till


def delivered(delivery: dict[str, Any], key: str = "d-1", **extra: Any) -> dict[str, Any]:
    """Baskets 41 bought on PA01-000102, exchanged for a 42 (sold out here)."""
    return request("PA01-000102", line("BASK-CUIR-41"), method="exchange", key=key,
                   exchange_lines=[{"code": "BASK-CUIR-42", "qty": 1}], delivery=delivery, **extra)


def sellable(till: Till, sku: str, location: str) -> int:
    return till.return_service.queries.sellable(sku, location)


def test_a_size_sold_out_here_is_delivered_home_from_the_warehouse(shop: Till) -> None:
    before = sellable(shop, "BASK-CUIR-42", "WAREHOUSE")
    answer = shop.returns.complete(delivered(HOME), CASHIER)
    delivery = answer["delivery"]
    assert answer["refund_method"] == "exchange" and answer["exchange"]["difference"] == "0.00"
    assert (delivery["source"], delivery["to"], delivery["provisional"]) == ("WAREHOUSE", "home", False)
    assert delivery["promise"]["arrives_on"] == "2026-11-27"          # Thursday 10:00, cut-off 14:00, 1 day
    assert delivery["promise"]["sentence"]["fr"] == "Livré à domicile demain avant 13:00."
    assert delivery["address"]["city"] == "Paris" and delivery["recipient"]["phone"] == "06 12 34 56 78"
    assert sellable(shop, "BASK-CUIR-42", "WAREHOUSE") == before - 1    # reserved at its source
    assert sellable(shop, "BASK-CUIR-41", "PARIS-01") >= 1              # the returned pair is on the shelf
    events = SqlOutbox(shop.engine).chains(shop.clock.now(), 10)
    completed = next(e for e in events if e.event_type == "ReturnCompleted")
    sent = completed.payload["data"]["exchange"]["delivery"]
    assert sent == delivery
    moves = next(e for e in events if e.event_type == "StockAdjusted").payload["data"]["deltas"]
    assert {"sku": "BASK-CUIR-42", "location": "WAREHOUSE", "delta": -1,
            "reason": "exchange_delivery"}.items() <= next(m for m in moves if m["delta"] < 0).items()
    assert shop.returns.show(answer["return_number"])["delivery"] == delivery       # stored with the return


def test_a_pickup_here_from_a_nearby_store_and_the_same_key_answers_the_same(shop: Till) -> None:
    first = shop.returns.complete(delivered(PICKUP), CASHIER)
    again = shop.returns.complete(delivered(PICKUP), CASHIER)
    assert again == first
    delivery = first["delivery"]
    assert (delivery["to"], delivery["pickup_store"], delivery["address"]) == ("store", "PARIS-01", None)
    assert delivery["promise"]["sentence"]["en"] == "Ready in store today before 19:00."


def test_a_source_that_cannot_deliver_is_refused_and_nothing_is_recorded(shop: Till) -> None:
    set_stock(shop, "BASK-CUIR-42", "PARIS-03", 0, "2026-11-26T08:00:00Z")
    with pytest.raises(BadInput, match="not in stock at Paris Marais"):
        shop.returns.complete(delivered(PICKUP), CASHIER)
    with pytest.raises(BadInput, match="not a source of this store's delivery network"):
        shop.returns.complete(delivered({**PICKUP, "source": "NOWHERE"}), CASHIER)
    with pytest.raises(BadInput, match="needs the customer's address"):
        shop.returns.complete(delivered({**HOME, "address": None}), CASHIER)
    with pytest.raises(BadInput, match='"delivery" is for an exchange'):
        shop.returns.complete(request("PA01-000102", line("BASK-CUIR-41"), delivery=HOME), CASHIER)
    assert SqlOutbox(shop.engine).due(shop.clock.now(), 10) == []


def test_offline_the_promise_is_provisional_and_shows_the_stock_age(shop: Till) -> None:
    set_stock(shop, "BASK-CUIR-42", "WAREHOUSE", 2, "2026-11-26T06:00:00Z")   # 07:00 in Paris, now is 10:00
    answer = shop.returns.complete(delivered(HOME, offline=True), CASHIER)
    delivery = answer["delivery"]
    assert delivery["provisional"] is True and delivery["stock_age_minutes"] == 180
    completed = SqlOutbox(shop.engine).due(shop.clock.now(), 10)[0]
    assert completed.payload["offline"] is True
    assert completed.payload["data"]["exchange"]["delivery"]["provisional"] is True


def test_a_delivered_exchange_the_oms_refused_shows_the_contact_given_for_it(shop: Till) -> None:
    from helpers.returns import MANAGER, PIN
    from integration.test_failed_card_refunds import refuse

    from posreturns.app import open_queues
    from posreturns.domain.permissions import Permission

    answer = shop.returns.complete(delivered(PICKUP, offline=True), CASHIER)
    seq = refuse(shop, answer["return_number"])
    queues = open_queues(shop)
    (summary,) = queues.sync_exceptions()
    assert summary["customer"] == {"name": "Jeanne Martin", "email": "jeanne@example.fr"}   # not the sale's
    assert summary["delivery"]["source"] == "PARIS-03" and summary["delivery"]["to"] == "store"
    boss = shop.access.sign_in(MANAGER, PIN, Permission.RESOLVE_SYNC)
    assert queues.customer_contact(boss, seq) == {"name": "Jeanne Martin", "email": "jeanne@example.fr"}
