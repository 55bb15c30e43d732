"""Shared by the tests against the real Medusa (`medusa` fixture of tests/oms): a till of a store
pointed at it, orders made for one test, reading Medusa back, and an HTTP client that loses one
answer after Medusa committed (the lost-response fault, against the real OMS)."""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from helpers.returns import MANAGER, PIN, SHIPPED_POLICY
from helpers.returns import request as base_request
from oms import harness
from posreturns.app import Till, open_sync, open_till
from posreturns.services.clock import SystemClock
from posreturns.services.numbering import RANGE_SIZE, store_code, till_code
from posreturns.services.sync_ports import OmsUnavailable, PendingEvent
from posreturns.sync.medusa.gateway import MedusaConfig, MedusaGateway
from posreturns.sync.wire import HttpJsonClient

NOW = datetime.now(ZoneInfo("Europe/Paris")).replace(microsecond=0)
_keys = itertools.count(1)
# The tests of a session share one Medusa, and many of their tills are "T1" of PARIS-01: each numbers its
# returns, and so its held units (`U<return number>-n`, noted on the shared SKU's inventory item), from a
# block of 100 numbers of its own, and its second-hand EAN-13 codes (a barcode Medusa keeps unique) from a
# block of codes of its own (OWN_EAN_BLOCKS and up: the tills that claim theirs get the lowest free ones).
# The first block is drawn at random for a Medusa reused from earlier sessions (POSRETURNS_OMS_REUSE=1).
_NUMBER_BLOCKS = itertools.count(random.randrange(1, 9000))
OWN_EAN_BLOCKS = 5000


def request(receipt: str, *lines: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """The seeded customer returns a lot: the serial-returner rule asks for a manager every time."""
    return base_request(receipt, *lines, approval={"manager": MANAGER, "pin": PIN}, **extra)


def make_order(medusa: Any, lines: list[tuple[str, int]]) -> dict[str, Any]:
    """A paid order fulfilled from PARIS-01, as the seed makes them."""
    seeder = harness.Seeder(medusa.admin)
    seeder.ids = dict(medusa.seed)
    for sku, qty in lines:  # the tests of one session share the seeded stock: never run out of it
        ensure_stock(medusa, sku, at_least=qty)
    key = f"sync-test-{next(_keys)}-{NOW.timestamp():.0f}"
    draft = seeder._draft(key, {"lines": lines})
    order_id = medusa.admin.post(f"/admin/draft-orders/{draft}/convert-to-order")["order"]["id"]
    seeder._pay(order_id)
    seeder._fulfil(order_id)
    return dict(medusa.admin.get(f"/admin/orders/{order_id}", fields="id,display_id,*items")["order"])


class LosingClient(HttpJsonClient):
    """Sends every request for real; the answer of the first POST whose path matches `lose` is lost
    on the way back (Medusa has committed, the till hears nothing)."""

    def __init__(self, base_url: str, api_key: str, lose: str | None = None) -> None:
        super().__init__(base_url, (api_key, ""))
        self.lose = lose
        self.lost: list[str] = []

    def request(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        answer = super().request(method, path, **kwargs)
        if self.lose and method == "POST" and re.search(self.lose, path.split("?")[0]):
            self.lose = None
            self.lost.append(path)
            raise OmsUnavailable(f"The answer to POST {path} was lost (test).")
        return answer


def open_store_till(path: Path, medusa: Any, store: str = "PARIS-01", till_id: str = "T1",
                    lose: str | None = None, use_plugin: bool = True, claim: bool = False) -> tuple[Till, Any]:
    """`claim`: the till claims its numbers in Medusa at its first sync, as a till does; else it numbers
    from a block of its own (`own_numbers`)."""
    till = open_till(path, clock=SystemClock(), till_id=till_id)
    if not claim:
        own_numbers(till, till_id, store)
    till.settings.set("store.id", store)
    till.settings.set("till.id", till_id)
    till.policies.install(SHIPPED_POLICY.read_text(encoding="utf-8"), "default.toml")
    till.users.seed(MANAGER, "Marie Manager", "manager", PIN)
    client = LosingClient(medusa.base_url, medusa.api_key, lose)
    gateway = MedusaGateway(MedusaConfig(medusa.base_url, medusa.api_key, use_plugin=use_plugin), till.clock, client)
    return till, open_sync(till, gateway=gateway)


def own_numbers(till: Till, till_id: str, store: str = "PARIS-01") -> None:
    """This test till's returns and second-hand codes number from a block no other till of the session uses
    (its returns are numbered after the request's till id, "T1" unless a test says otherwise), held as if
    claimed in the OMS (sync/numbers.py): the tills of test_medusa_till_numbers.py claim theirs for real,
    with other till ids and second-hand blocks below OWN_EAN_BLOCKS."""
    block = next(_NUMBER_BLOCKS) % 9000
    number_range = block // 900  # a block of 100 numbers never near the end of its range: nothing more to claim
    start = str(number_range * RANGE_SIZE + block % 900 * 100)
    ranges = {f"returns.range.{t}": f"{store_code(store)}-{till_code(t)}/{number_range}" for t in (till_id, "T1")}
    till.settings.set_many({f"returns.seq.{till_id}": start, "returns.seq.T1": start, **ranges,
                            "resale.ean_block": str(OWN_EAN_BLOCKS + block % 4000), "resale.ean_seq": "0"})


def resent(event: PendingEvent) -> PendingEvent:
    """The event as the uploader reads it again after an attempt: marked as sent before."""
    return replace(event, first_attempt=False)


def mark_sent(till: Till, event: PendingEvent) -> None:
    """What the uploader writes before it sends an event (the tests that push by hand do it too)."""
    with till.engine.connect() as connection, connection.begin():
        connection.exec_driver_sql("UPDATE outbox SET sent_at = '2026-01-01T00:00:00Z' WHERE seq = ?", (event.seq,))


def ensure_stock(medusa: Any, sku: str, location: str = "PARIS-01", at_least: int = 10) -> None:
    """Enough units on the shelf for an exchange (the tests of one session share the seeded stock)."""
    level = medusa.stock(sku, location)
    if int(level["stocked_quantity"]) - int(level["reserved_quantity"]) < at_least:
        item = medusa.variant(sku)["inventory_item_id"]
        medusa.admin.post(f"/admin/inventory-items/{item}/location-levels/{medusa.location_id(location)}",
                          {"stocked_quantity": int(level["reserved_quantity"]) + at_least})


def stocked(medusa: Any, sku: str, location: str = "PARIS-01") -> int:
    return int(medusa.stock(sku, location)["stocked_quantity"])


def medusa_returns(medusa: Any, order_id: str) -> list[dict[str, Any]]:
    return list(medusa.admin.get("/admin/returns", order_id=order_id,
                                 fields="id,status,metadata,location_id,*items")["returns"])


def refunds(medusa: Any, order_id: str) -> list[dict[str, Any]]:
    order = medusa.admin.get(f"/admin/orders/{order_id}", fields="id,*payment_collections.payments.refunds")["order"]
    return [r for c in order["payment_collections"] for p in c["payments"] for r in p["refunds"]]


def events(till: Till) -> list[Any]:
    with till.engine.connect() as connection:
        return connection.exec_driver_sql(
            "SELECT seq, event_type, status, last_error, payload_json FROM outbox ORDER BY seq").all()


def local_stock(till: Till, sku: str, location: str = "PARIS-01", bucket: str = "sellable") -> int:
    with till.engine.connect() as connection:
        return int(connection.exec_driver_sql(
            "SELECT coalesce(sum(qty), 0) FROM stock_levels WHERE location = ? AND sku = ? AND bucket = ?",
            (location, sku, bucket)).scalar() or 0)


EXCHANGE_FIELDS = "id,return_id,metadata,canceled_at,*additional_items,additional_items.item.*"


def medusa_exchanges(medusa: Any, order_id: str) -> list[dict[str, Any]]:
    return list(medusa.admin.get("/admin/exchanges", order_id=order_id, fields=EXCHANGE_FIELDS)["exchanges"])


def assert_one_exchange(medusa: Any, till: Till, sale: dict[str, Any], before: tuple[int, int]) -> None:
    m_before, l_before = before
    (completed,) = [e for e in events(till) if e.event_type == "ReturnCompleted"]
    found = medusa_exchanges(medusa, sale["id"])
    assert len(found) == 1, found
    exchange = found[0]
    assert exchange["metadata"]["posreturns_event_id"] in completed.payload_json   # found again by its marker
    assert [(i["item"]["variant_sku"], i["quantity"]) for i in exchange["additional_items"]] == [("TEE-ORG-L", 1)]
    returned = medusa.admin.get(f"/admin/returns/{exchange['return_id']}",
                                fields="id,status,location_id,*items")["return"]
    m_line = next(i["id"] for i in sale["items"] if i["variant_sku"] == "TEE-ORG-M")
    assert returned["status"] == "received" and returned["location_id"] == medusa.location_id("PARIS-01")
    assert [(i["item_id"], i["received_quantity"]) for i in returned["items"]] == [(m_line, 1)]
    order = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,*items,items.detail.*,*summary")["order"]
    new_line = next(i for i in order["items"] if i["variant_sku"] == "TEE-ORG-L")
    assert new_line["detail"]["fulfilled_quantity"] == 1                       # handed over at the store
    assert stocked(medusa, "TEE-ORG-M") == m_before + 1
    assert stocked(medusa, "TEE-ORG-L") == l_before - 1
    assert medusa.admin.get("/admin/reservations", line_item_id=new_line["id"], fields="id")["reservations"] == []
    assert order["summary"]["pending_difference"] == 0 and refunds(medusa, sale["id"]) == []
    assert {e.status for e in events(till)} <= {"applied", "duplicate"}
