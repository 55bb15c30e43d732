"""Every step of every push, broken every way, against the real Medusa 2.21: each mutating request of
a card return (restocked and dismissed units, refund), a store-credit return (credit line, voucher
notes), an exchange, an exchange delivered home from another store, a unit graded for second hand
(through the Admin API; through the plugin, its batch meeting the four faults), and a stock move released by a
dismissed return (with the resolution's notes) is failed in turn
through a fault-injecting proxy (tests/helpers/fault_proxy.py) — Medusa answers 500 without doing
it; the answer is dropped after Medusa did it; the uploader times out while Medusa does it; the
uploader's process is killed -9 right after Medusa did it — and the next run resumes.

Three walks per push kind share the work: "lost" fails each step with a 500 then drops its answer;
"crash" alternates a kill and a timeout from one step to the next, and "crash2" the other way round,
so that every step meets all four faults. Each walk ends with the push applied exactly once, the
order unlocked (no pending order change) and the till's outbox delivered. Through the posreturns
plugin a push is one request: a delivered exchange's batch meets the four faults in turn.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from helpers.fault_proxy import FaultProxy
from helpers.medusa import (
    assert_one_exchange,
    ensure_stock,
    events,
    make_order,
    medusa_returns,
    refunds,
    request,
    stocked,
)
from helpers.medusa_delivery import HOME, assert_delivered, delivering_till, exchange_delivered, reserve_in
from helpers.medusa_faults import Walk, pending_changes, start_walk
from helpers.restock import manager
from helpers.returns import CASHIER, MANAGER, line

from posreturns.app import open_restock
from posreturns.domain.resale import Grade
from posreturns.persistence.outbox_exceptions import SqlExceptionQueue
from posreturns.sync.medusa.mapping import QUARANTINE_OF, RESALE_OF

pytestmark = [pytest.mark.oms, pytest.mark.allow_warning_logs]
HeldShoes = tuple[Walk, dict[str, Any], list[Any]]  # the walk till, the sale, the held units
RETURN_STEPS = [("POST", r"^/admin/returns$"), ("DELETE", r"^/admin/returns/[^/]+/request$"),
                ("POST", r"^/admin/returns/[^/]+$"), ("POST", r"/request-items$"),
                ("POST", r"^/admin/returns/[^/]+/request$"),
                ("POST", r"^/admin/returns/[^/]+/receive$"), ("DELETE", r"^/admin/returns/[^/]+/receive$"),
                ("POST", r"/receive-items$"), ("POST", r"/dismiss-items$"), ("POST", r"/receive/confirm$"),
                ("POST", r"^/admin/payments/[^/]+/refund$")]
STORE_CREDIT_STEPS = [("POST", r"/credit-lines$"), ("POST", r"^/admin/orders/[^/]+$"),
                      ("POST", r"^/admin/customers/[^/]+$")]
EXCHANGE_STEPS = [("POST", r"^/admin/exchanges$"), ("DELETE", r"^/admin/exchanges/[^/]+/request$"),
                  ("POST", r"/inbound/items$"), ("POST", r"/outbound/items$"), ("POST", r"/outbound/shipping-method$"),
                  ("POST", r"^/admin/exchanges/[^/]+/request$"), ("POST", r"^/admin/returns/[^/]+/receive$"),
                  ("POST", r"/receive-items$"), ("POST", r"/receive/confirm$"), ("POST", r"/fulfillments$")]
EXCHANGE_REQUEST = ("POST", r"^/admin/exchanges/[^/]+/request$")
DELIVERED_STEPS = [("POST", r"^/admin/orders/[^/]+$"),                          # the customer's address
                   ("POST", r"^/admin/exchanges$"), ("DELETE", r"^/admin/exchanges/[^/]+/request$"),
                   ("POST", r"/inbound/items$"), ("POST", r"/outbound/items$"), ("POST", r"/outbound/shipping-method$"),
                   ("DELETE", r"/outbound/shipping-method/[^/]+$"),   # an exchange made again drops its method
                   ("POST", r"/outbound/shipping-method/[^/]+$"),               # the delivery on the method
                   EXCHANGE_REQUEST, ("POST", r"^/admin/returns/[^/]+/receive$"), ("POST", r"/receive-items$"),
                   ("POST", r"/receive/confirm$"), ("POST", r"^/admin/reservations/[^/]+$")]   # to the source
BATCH = ("POST", r"^/admin/posreturns/events$")
MADE_FOR_RESALE = [("POST", r"^/admin/products$"),                                  # the item, with its variant
                   ("POST", r"^/admin/inventory-items/[^/]+/location-levels$")]     # one unit at second hand
RESALE_STEPS = [("POST", r"^/admin/inventory-items/[^/]+$"),                 # the unit's note: out of quarantine
                ("POST", r"^/admin/inventory-items/[^/]+/location-levels/[^/]+$"),   # the quarantine's count
                ("POST", r"^/admin/orders/[^/]+$"), *MADE_FOR_RESALE]
# through the plugin, which moves the unit, the batch meets the four faults in turn (it is sent again after
# each); the item the connector then makes through the Admin API (the same code as above, walked there
# with every fault) is made once after a fault on each of its steps
PLUGIN_RESALE_FAULTS = [(BATCH, "500"), (BATCH, "drop"), (BATCH, "timeout"), (BATCH, "kill"),
                        (MADE_FOR_RESALE[0], "timeout"), (MADE_FOR_RESALE[1], "kill")]
STOCK_STEPS = [("POST", r"^/admin/inventory-items/[^/]+$"), ("POST", r"/location-levels/[^/]+$"),
               ("POST", r"^/admin/orders/[^/]+$"), ("POST", r"^/admin/customers/[^/]+$"),
               ("POST", r"^/admin/orders/[^/]+$"), ("POST", r"^/admin/customers/[^/]+$")]
WALKS = {"lost": lambda n: ["500", "drop"], "crash": lambda n: ["kill" if n % 2 == 0 else "timeout"],
         "crash2": lambda n: ["timeout" if n % 2 == 0 else "kill"]}


def go(w: Walk, name: str, steps: list[tuple[str, str]],
       after: Callable[[tuple[str, str]], None] | None = None) -> None:
    for n, (method, path) in enumerate(steps):
        for kind in WALKS[name](n):
            w.fail(method, path, kind)
        if after is not None:
            after((method, path))
    w.finish()


@pytest.mark.parametrize("name", list(WALKS))
def test_a_card_return_with_a_dismissed_unit(walk: Callable[[str], Walk], medusa: Any, name: str) -> None:
    w = walk("PARIS-01")
    sale = make_order(medusa, [("TEE-ORG-S", 1), ("SHOE-RUN-43", 1)])
    w.till.lookup.find_receipt(str(sale["display_id"]))                     # fetched into the cache
    tee, shoe = stocked(medusa, "TEE-ORG-S"), stocked(medusa, "SHOE-RUN-43")
    answer = w.till.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-S"),
                                             line("SHOE-RUN-43", reason="DEFECTIVE", condition="USED"),
                                             key=name), CASHIER)
    go(w, name, RETURN_STEPS)
    (completed,) = [r for r in events(w.till) if r.event_type == "ReturnCompleted"]
    (returned,) = medusa_returns(medusa, sale["id"])
    assert returned["status"] == "received" and returned["metadata"]["posreturns_event_id"] in completed.payload_json
    order = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,*items,items.detail.*")["order"]
    detail = {i["variant_sku"]: i["detail"] for i in order["items"]}
    assert (detail["TEE-ORG-S"]["return_received_quantity"],
            detail["SHOE-RUN-43"]["return_dismissed_quantity"]) == (1, 1)
    assert (stocked(medusa, "TEE-ORG-S"), stocked(medusa, "SHOE-RUN-43")) == (tee + 1, shoe)
    assert [r["amount"] for r in refunds(medusa, sale["id"])] == [float(answer["refund_total"])]
    assert pending_changes(medusa, sale["id"]) == []


@pytest.mark.parametrize("name", list(WALKS))
def test_a_store_credit_return_and_its_voucher(walk: Callable[[str], Walk], medusa: Any, name: str) -> None:
    w = walk("PARIS-01")
    sale = make_order(medusa, [("TEE-ORG-M", 1)])
    w.till.lookup.find_receipt(str(sale["display_id"]))
    answer = w.till.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-M"), method="store_credit",
                                             key=name), CASHIER)
    go(w, name, STORE_CREDIT_STEPS)
    (returned,) = medusa_returns(medusa, sale["id"])
    assert returned["status"] == "received" and refunds(medusa, sale["id"]) == []
    order = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,customer_id,metadata,*credit_lines")["order"]
    assert [c["reference"] for c in order["credit_lines"]] == ["posreturns_store_credit"]
    key = f"posreturns_voucher_{answer['voucher']['code']}"
    customer = medusa.admin.get(f"/admin/customers/{order['customer_id']}", fields="id,metadata")["customer"]
    assert order["metadata"][key]["amount"] == customer["metadata"][key]["amount"] == "25.00"
    assert pending_changes(medusa, sale["id"]) == []


@pytest.mark.parametrize("name", list(WALKS))
def test_an_exchange(walk: Callable[[str], Walk], medusa: Any, name: str) -> None:
    w = walk("PARIS-01")
    sale = make_order(medusa, [("TEE-ORG-M", 1)])
    w.till.lookup.find_receipt(str(sale["display_id"]))
    ensure_stock(medusa, "TEE-ORG-L")
    ensure_stock(medusa, "TEE-ORG-L", "LYON-02", at_least=2)  # Medusa may reserve the new line there (exchange test)
    w.engine.puller.run(streams=("stores", "products", "stock"))       # the new size must be known and in stock
    before = stocked(medusa, "TEE-ORG-M"), stocked(medusa, "TEE-ORG-L")
    w.till.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-M"), method="exchange",
                                    exchange_lines=[{"code": "TEE-ORG-L", "qty": 1}], key=name), CASHIER)
    go(w, name, EXCHANGE_STEPS)
    assert_one_exchange(medusa, w.till, sale, before)
    assert pending_changes(medusa, sale["id"]) == []


@pytest.mark.parametrize("name", list(WALKS))
def test_an_exchange_delivered_home_from_another_store(walk: Callable[[str], Walk], medusa: Any, name: str) -> None:
    w = walk("PARIS-01")
    sale = make_order(medusa, [("TEE-ORG-M", 1)])
    delivering_till(w.till, w.engine, medusa)
    exchange_delivered(w.till, sale, HOME, name)

    def reserved_here(step: tuple[str, str]) -> None:  # Medusa may have reserved it in Lyon: then nothing moves
        if step == EXCHANGE_REQUEST:
            reserve_in(medusa, sale, "PARIS-01")

    go(w, name, DELIVERED_STEPS, after=reserved_here)
    assert_delivered(medusa, sale, "home")


def test_a_delivered_exchange_batch_lost_any_way_is_applied_once(walk: Callable[[str], Walk], medusa: Any) -> None:
    """Through the plugin: the batch refused with a 500, its answer dropped, timed out, its uploader killed."""
    w = walk("PARIS-01")
    kinds = ["500", "drop", "timeout", "kill"]
    sale = make_order(medusa, [("TEE-ORG-M", len(kinds))])
    delivering_till(w.till, w.engine, medusa, units=len(kinds) + 2)
    for n, kind in enumerate(kinds):
        exchange_delivered(w.till, sale, HOME, f"batch-{kind}")
        rule = w.proxy.arm(*BATCH, kind)
        (w.run_in_child if kind == "kill" else w.run_here)(*(["plugin"] if kind == "kill" else [w.plugin]))
        assert rule.seen.is_set() and rule.done.wait(120)
        w.finish(w.plugin)
        assert_delivered(medusa, sale, "home", count=n + 1)


@pytest.fixture(scope="module")
def held_shoes(tmp_path_factory: pytest.TempPathFactory, medusa: Any) -> Iterator[HeldShoes]:
    """One walk till, one sale of four pairs of shoes, returned used: four held units in Medusa's
    quarantine, one for each second-hand walk (the same sale and return for all four: they are slow)."""
    opened: list[Any] = []
    w = start_walk(tmp_path_factory.mktemp("second-hand"), medusa, "PARIS-01", opened)
    try:
        sale = make_order(medusa, [("SHOE-RUN-43", len(WALKS) + 1)])
        w.till.lookup.find_receipt(str(sale["display_id"]))
        answer = w.till.returns.complete(request(str(sale["display_id"]), line(
            "SHOE-RUN-43", len(WALKS) + 1, reason="DEFECTIVE", condition="USED"), key="second-hand"), CASHIER)
        w.run_here()
        yield w, sale, [u for u in open_restock(w.till).queue() if u.return_number == answer["return_number"]]
    finally:
        for thing in reversed(opened):
            (thing.stop if isinstance(thing, FaultProxy) else thing.close)()


@pytest.mark.parametrize("name", list(WALKS))
def test_a_unit_graded_for_second_hand(held_shoes: HeldShoes, medusa: Any,
                                       name: str) -> None:
    """A held unit a manager grades B: out of the store's quarantine, one product of its own in the
    second-hand channel with one unit at the store's second-hand location."""
    w, sale, units = held_shoes
    unit, held, item = _graded(w, medusa, units[list(WALKS).index(name)])
    go(w, name, RESALE_STEPS)
    _assert_one_item(medusa, sale, unit, item, held)


def test_a_unit_graded_for_second_hand_through_the_plugin(held_shoes: HeldShoes,
                                                          medusa: Any) -> None:
    w, sale, units = held_shoes
    unit, held, item = _graded(w, medusa, units[-1])
    for (method, path), kind in PLUGIN_RESALE_FAULTS:
        w.fail(method, path, kind, plugin=True)
    w.finish(w.plugin)
    _assert_one_item(medusa, sale, unit, item, held)


def _graded(w: Walk, medusa: Any, unit: Any) -> tuple[Any, int, Any]:
    """`unit` graded B: the unit, the quarantine's count in Medusa before, the second-hand item."""
    held = _level(medusa, medusa.variant("SHOE-RUN-43")["inventory_item_id"], QUARANTINE_OF)
    return unit, held, open_restock(w.till).resell(manager(w.till), unit.id, Grade.B)


def _assert_one_item(medusa: Any, sale: dict[str, Any], unit: Any, item: Any, held: int) -> None:
    (variant,) = medusa.admin.get("/admin/product-variants", sku=item.sku,
                                  fields="id,barcode,inventory_items.*")["variants"]   # one product, made once
    assert variant["barcode"] == item.ean13
    inventory = variant["inventory_items"][0]["inventory_item_id"]
    levels = medusa.admin.get(f"/admin/inventory-items/{inventory}/location-levels")["inventory_levels"]
    assert [(lv["location_id"], int(lv["stocked_quantity"])) for lv in levels] == [
        (_location(medusa, RESALE_OF), 1)]                                            # one unit, at second hand
    original = medusa.variant("SHOE-RUN-43")["inventory_item_id"]
    assert _level(medusa, original, QUARANTINE_OF) == held - 1                       # out of quarantine, once
    notes = medusa.admin.get(f"/admin/inventory-items/{original}", fields="id,metadata")["inventory_item"]["metadata"]
    assert notes[f"posreturns_held_{unit.id}"]["state"] == "resale"
    order = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,metadata")["order"]
    assert order["metadata"][f"posreturns_held_{unit.id}"]["action"] == "resale"
    assert pending_changes(medusa, sale["id"]) == []


def _location(medusa: Any, kind: str, store: str = "PARIS-01") -> str:
    locations = medusa.admin.get("/admin/stock-locations", fields="id,metadata", limit=200)["stock_locations"]
    (found,) = [loc["id"] for loc in locations if (loc.get("metadata") or {}).get(kind) == store]
    return str(found)


def _level(medusa: Any, inventory_item: str, kind: str) -> int:
    levels = medusa.admin.get(f"/admin/inventory-items/{inventory_item}/location-levels",
                              location_id=_location(medusa, kind))["inventory_levels"]
    return int(levels[0]["stocked_quantity"]) if levels else 0


@pytest.mark.parametrize("name", list(WALKS))
def test_the_stock_of_a_dismissed_double_return(walk: Callable[[str], Walk], medusa: Any, name: str) -> None:
    """Lyon took back offline a T-shirt already returned elsewhere: Medusa refuses the return, the
    manager dismisses it, and the unit on Lyon's shelf is added to Lyon's stock in Medusa, once."""
    w = walk("LYON-02")
    sale = make_order(medusa, [("TEE-ORG-S", 1)])
    w.till.lookup.find_receipt(str(sale["display_id"]))
    w.till.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-S"), offline=True,
                                    till_id=w.till.settings.get("till.id"), method="store_credit", key=name), CASHIER)
    _return_in_medusa(medusa, sale, "TEE-ORG-S")
    w.run_here()
    (refused,) = [e for e in SqlExceptionQueue(w.till.engine).exceptions() if e.status == "rejected"]
    assert refused.detail["conflict"]["competing"][0]["store"] == "PARIS-01"
    SqlExceptionQueue(w.till.engine).resolve(refused.seq, "dismiss", MANAGER, w.clock.now(), note="voucher voided")
    lyon = stocked(medusa, "TEE-ORG-S", "LYON-02")
    go(w, name, STOCK_STEPS)
    assert stocked(medusa, "TEE-ORG-S", "LYON-02") == lyon + 1
    order = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,customer_id,metadata")["order"]
    customer = medusa.admin.get(f"/admin/customers/{order['customer_id']}", fields="id,metadata")["customer"]
    key = f"posreturns_refused_{refused.payload['data']['return_number']}"
    for note in (order["metadata"][key], customer["metadata"][key]):
        assert note["status"] == "dismissed" and [r["note"] for r in note["resolutions"]] == ["voucher voided"]
        assert note["amount"] == "25.00" and note["tenders"] == [{"method": "store_credit", "amount": "25.00"}]
    assert pending_changes(medusa, sale["id"]) == []


def _return_in_medusa(medusa: Any, sale: dict[str, Any], sku: str) -> None:
    """The same unit returned in Paris, straight in Medusa."""
    rid = medusa.admin.post("/admin/returns", {"order_id": sale["id"],
                                               "location_id": medusa.location_id("PARIS-01")})["return"]["id"]
    item = next(i["id"] for i in sale["items"] if i["variant_sku"] == sku)
    for step, body in (("request-items", {"items": [{"id": item, "quantity": 1}]}), ("request", {}), ("receive", {}),
                       ("receive-items", {"items": [{"id": item, "quantity": 1}]}), ("receive/confirm", {})):
        medusa.admin.post(f"/admin/returns/{rid}/{step}", body)
