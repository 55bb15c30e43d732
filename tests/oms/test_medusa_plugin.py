"""The posreturns plugin (oms/medusa-plugin) in the real Medusa 2.21: it finishes, exactly once, every
half-done return, exchange or delivered exchange the stock Admin API can leave (an answer dropped after
each step), and a return it put back on sale, stopped half-way, is finished once by the Admin API
when the plugin is gone; a batch request dropped, refused with a 500, timed out or its uploader killed is sent again and
applied once; and it fences: a batch of an uploader that a newer one replaced is refused, after
which the till's next uploader catches up with the newest token and goes on."""

from __future__ import annotations

from typing import Any

import pytest
from helpers.medusa import (
    LosingClient,
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
from helpers.medusa_faults import Walk, pending_changes
from helpers.returns import CASHIER, line

from posreturns.persistence.outbox import SqlOutbox, owner_id
from posreturns.sync.backoff import Backoff
from posreturns.sync.medusa.gateway import MedusaConfig, MedusaGateway
from posreturns.sync.uploader import Uploader

pytestmark = [pytest.mark.oms, pytest.mark.allow_warning_logs]
BATCH = ("POST", r"^/admin/posreturns/events$")
HALF_RETURNS = [("POST", r"^/admin/returns$"), ("POST", r"/request-items$"),
                ("POST", r"^/admin/returns/[^/]+/request$"),
                ("POST", r"^/admin/returns/[^/]+/receive$"), ("POST", r"/receive-items$"), ("POST", r"/dismiss-items$"),
                ("POST", r"/receive/confirm$"), ("POST", r"^/admin/payments/[^/]+/refund$")]
HALF_EXCHANGES = [("POST", r"^/admin/exchanges$"), ("POST", r"/inbound/items$"), ("POST", r"/outbound/items$"),
                  ("POST", r"/outbound/shipping-method$"), ("POST", r"^/admin/exchanges/[^/]+/request$"),
                  ("POST", r"^/admin/returns/[^/]+/receive$"), ("POST", r"/receive-items$"),
                  ("POST", r"/receive/confirm$"), ("POST", r"/fulfillments$")]

REQUESTED = ("POST", r"^/admin/exchanges/[^/]+/request$")
# where a delivered exchange can stop, one step per state the plugin resumes from differently: the address
# set and nothing else, an exchange never requested (its delivery already on the shipping method),
# requested, a receive begun, received, the reservation moved to the source
HALF_DELIVERED = [("POST", r"^/admin/orders/[^/]+$"), ("POST", r"/outbound/shipping-method/[^/]+$"), REQUESTED,
                  ("POST", r"/receive-items$"), ("POST", r"/receive/confirm$"),
                  ("POST", r"^/admin/reservations/[^/]+$")]


def delivered(w: Walk) -> set[str]:
    return {r.status for r in events(w.till)}


def test_the_plugin_finishes_what_the_admin_api_left_after_any_step(walk: Any, medusa: Any) -> None:
    w: Walk = walk("PARIS-01")
    sale = make_order(medusa, [("TEE-ORG-S", len(HALF_RETURNS)), ("SHOE-RUN-43", len(HALF_RETURNS))])
    number = str(sale["display_id"])
    w.till.lookup.find_receipt(number)
    for n, (method, path) in enumerate(HALF_RETURNS):
        w.till.returns.complete(request(number, line("TEE-ORG-S"), line("SHOE-RUN-43", reason="DEFECTIVE",
                                                                         condition="USED"), key=f"half-{n}"), CASHIER)
        rule = w.proxy.arm(method, path, "drop")
        w.run_here()                                        # the Admin API stops right after Medusa did it
        assert rule.done.is_set(), f"{method} {path} was never reached"
        w.run_here(w.plugin)                                # the plugin takes over from there
        assert delivered(w) <= {"applied", "duplicate"}, [(r.event_type, r.status, r.last_error)
                                                          for r in events(w.till)]
    received = [r for r in medusa_returns(medusa, sale["id"]) if r["status"] != "canceled"]
    assert len(received) == len(HALF_RETURNS) and {r["status"] for r in received} == {"received"}
    assert len({r["metadata"]["posreturns_event_id"] for r in received}) == len(HALF_RETURNS)   # one per event
    assert len(refunds(medusa, sale["id"])) == len(HALF_RETURNS)
    order = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,*items,items.detail.*")["order"]
    detail = {i["variant_sku"]: i["detail"] for i in order["items"]}
    assert detail["TEE-ORG-S"]["return_received_quantity"] == detail["SHOE-RUN-43"]["return_dismissed_quantity"] == len(
        HALF_RETURNS)
    assert pending_changes(medusa, sale["id"]) == []


@pytest.mark.parametrize("step", range(len(HALF_EXCHANGES)))
def test_the_plugin_finishes_an_exchange_the_admin_api_left_half_done(walk: Any, medusa: Any, step: int) -> None:
    w: Walk = walk("PARIS-01")
    sale = make_order(medusa, [("TEE-ORG-M", 1)])
    ensure_stock(medusa, "TEE-ORG-L")
    ensure_stock(medusa, "TEE-ORG-L", "LYON-02", at_least=2)  # Medusa may reserve the new line there (exchange test)
    w.till.lookup.find_receipt(str(sale["display_id"]))
    w.engine.puller.run(streams=("stores", "products", "stock"))
    before = medusa.stock("TEE-ORG-M")["stocked_quantity"], medusa.stock("TEE-ORG-L")["stocked_quantity"]
    w.till.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-M"), method="exchange",
                                    exchange_lines=[{"code": "TEE-ORG-L", "qty": 1}], key=f"x-{step}"), CASHIER)
    rule = w.proxy.arm(*HALF_EXCHANGES[step], "drop")
    w.run_here()
    assert rule.done.is_set()
    w.finish(w.plugin)
    assert_one_exchange(medusa, w.till, sale, before)
    assert pending_changes(medusa, sale["id"]) == []


def test_the_plugin_finishes_a_delivered_exchange_the_admin_api_left_after_any_step(walk: Any, medusa: Any) -> None:
    w: Walk = walk("PARIS-01")
    sale = make_order(medusa, [("TEE-ORG-M", len(HALF_DELIVERED))])
    delivering_till(w.till, w.engine, medusa, units=len(HALF_DELIVERED) + 2)
    for n, (method, path) in enumerate(HALF_DELIVERED):
        exchange_delivered(w.till, sale, HOME, f"half-delivered-{n}")
        if n >= HALF_DELIVERED.index(REQUESTED):  # stopped after the request, reserved here (Medusa may pick Lyon)
            rule = w.proxy.arm(*REQUESTED, "drop")
            w.run_here()
            assert rule.done.is_set()
            reserve_in(medusa, sale, "PARIS-01")
        if (method, path) != REQUESTED:
            rule = w.proxy.arm(method, path, "drop")
            w.run_here()                                    # the Admin API stops right after Medusa did it
            assert rule.done.is_set(), f"{method} {path} was never reached"
        w.run_here(w.plugin)                                # the plugin takes over from there
        assert delivered(w) <= {"applied", "duplicate"}, [(r.event_type, r.status, r.last_error)
                                                          for r in events(w.till)]
        assert_delivered(medusa, sale, "home", count=n + 1)


@pytest.mark.parametrize("kind", ["500", "drop", "timeout", "kill"])
def test_a_batch_lost_any_way_is_applied_once(walk: Any, medusa: Any, kind: str) -> None:
    w: Walk = walk("PARIS-01")
    sale = make_order(medusa, [("TEE-ORG-S", 1), ("TEE-ORG-M", 1)])
    number = str(sale["display_id"])
    w.till.lookup.find_receipt(number)
    w.till.returns.complete(request(number, line("TEE-ORG-S"), key=f"card-{kind}"), CASHIER)
    answer = w.till.returns.complete(request(number, line("TEE-ORG-M"), method="store_credit",
                                             key=f"credit-{kind}"), CASHIER)
    rule = w.proxy.arm(*BATCH, kind)
    (w.run_in_child if kind == "kill" else w.run_here)(*(["plugin"] if kind == "kill" else [w.plugin]))
    assert rule.seen.is_set() and rule.done.wait(120)
    w.finish(w.plugin)
    returned = [r for r in medusa_returns(medusa, sale["id"]) if r["status"] != "canceled"]
    assert len(returned) == 2 and {r["status"] for r in returned} == {"received"}
    assert len(refunds(medusa, sale["id"])) == 1
    order = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,metadata,*credit_lines")["order"]
    assert len(order["credit_lines"]) == 1 and f"posreturns_voucher_{answer['voucher']['code']}" in order["metadata"]
    assert pending_changes(medusa, sale["id"]) == []


def test_a_replaced_uploader_is_refused_and_the_next_one_catches_up(walk: Any, medusa: Any) -> None:
    w: Walk = walk("PARIS-01")
    sale = make_order(medusa, [("TEE-ORG-S", 1)])
    w.till.lookup.find_receipt(str(sale["display_id"]))
    w.till.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-S"), key="fenced"), CASHIER)
    outbox = SqlOutbox(w.till.engine)
    scope = outbox.fencing_scope(w.clock.now())
    # a newer uploader of this till database already spoke to Medusa (e.g. before a restore from a backup)
    w.plugin.client.post("/admin/posreturns/events", {"till_id": "T1", "uploader": scope, "fence": 7, "events": []})
    uploader = Uploader(outbox, w.plugin, w.clock, Backoff(random=lambda: 0.0), owner_id())
    stale = uploader.run()
    assert stale.lost_lock and stale.sent == 0 and delivered(w) == {"pending"}
    assert medusa_returns(medusa, sale["id"]) == []                       # nothing applied by the stale one
    fresh = Uploader(outbox, w.plugin, w.clock, Backoff(random=lambda: 0.0), owner_id()).run()
    assert not fresh.lost_lock and delivered(w) == {"applied"}
    assert [r["status"] for r in medusa_returns(medusa, sale["id"])] == ["received"]


def _as_medusa_holds_it(medusa: Any, sale: dict[str, Any], before: dict[str, int]) -> dict[str, Any]:
    """A return of `sale` as Medusa ends up holding it, without the ids that differ from sale to sale."""
    (made,) = medusa.admin.get("/admin/returns", order_id=sale["id"],
                               fields="id,status,location_id,no_notification,created_by,metadata,*items")["returns"]
    order = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,summary,*items,items.detail.*")["order"]
    sku = {i["id"]: i["variant_sku"] for i in order["items"]}
    changes = medusa.admin.get(f"/admin/orders/{sale['id']}/changes", fields="id,change_type,status")["order_changes"]
    paid_back = refunds(medusa, sale["id"])
    transactions = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,*transactions")["order"]["transactions"]
    return {"status": made["status"], "location": made["location_id"], "no_notification": made["no_notification"],
            "marked": made["metadata"]["posreturns_event_id"] is not None, "by": made["created_by"] is not None,
            "report": {k: v for k, v in made["metadata"]["posreturns_report"].items() if k != "lines"},
            "items": sorted((sku[i["item_id"]], i["quantity"], i["received_quantity"], i["damaged_quantity"],
                             i["reason_id"] or "", i["note"] or "") for i in made["items"]),
            "detail": {i["variant_sku"]: {k: i["detail"][k] for k in ("return_requested_quantity",
                                                                      "return_received_quantity",
                                                                      "return_dismissed_quantity")}
                       for i in order["items"]},
            "summary": order["summary"],
            "refunds": sorted((r["amount"], r["created_by"] is not None, r["refund_reason_id"] is not None,
                               r["note"].rsplit(":", 1)[-1]) for r in paid_back),
            "transactions": sorted((t["amount"], t["reference"], t["reference_id"] in {r["id"] for r in paid_back})
                                   for t in transactions),
            "stock": {s: stocked(medusa, s) - n for s, n in before.items()},
            "changes": sorted((c["change_type"] or "", c["status"]) for c in changes)}


def test_a_return_put_back_on_sale_ends_in_medusa_as_the_admin_api_makes_it(walk: Any, medusa: Any) -> None:
    """The plugin makes such a return with the order module's own actions, not Medusa's eight workflows:
    the return, its items and reasons, the order's quantities and balance, the changes and the stock
    end the same as through the stock Admin API."""
    w: Walk = walk("PARIS-01")
    seen = []
    for n, gateway in enumerate([w.gateway, w.plugin]):
        sale = make_order(medusa, [("TEE-ORG-S", 3), ("SHOE-RUN-43", 1)])
        number = str(sale["display_id"])
        w.till.lookup.find_receipt(number)
        before = {s: stocked(medusa, s) for s in ("TEE-ORG-S", "SHOE-RUN-43")}
        w.till.returns.complete(request(number, line("TEE-ORG-S", 2), line("SHOE-RUN-43", reason="CHANGED_MIND"),
                                        key=f"same-{n}"), CASHIER)
        w.run_here(gateway)
        assert delivered(w) == {"applied"}
        seen.append(_as_medusa_holds_it(medusa, sale, before))
    by_admin_api, by_plugin = seen
    assert by_plugin == by_admin_api
    assert by_plugin["stock"] == {"TEE-ORG-S": 2, "SHOE-RUN-43": 1} and by_plugin["status"] == "received"
    assert by_plugin["no_notification"] is True and by_plugin["location"] == medusa.location_id("PARIS-01")
    assert {reason for *_, reason, _note in by_plugin["items"]} == {medusa.reason_id("wrong_size"),
                                                                    medusa.reason_id("changed_mind")}


class StoppingClient(LosingClient):
    """Asks the plugin (Medusa started with POSRETURNS_PLUGIN_FAULTS=1) to end each attempt right after
    `step`, as if Medusa had been killed there."""

    def __init__(self, medusa: Any, step: str) -> None:
        super().__init__(medusa.base_url, medusa.api_key)
        self.step = step

    def request(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        kwargs["headers"] = {**(kwargs.get("headers") or {}), "X-Posreturns-Stop-After": self.step}
        return super().request(method, path, **kwargs)


@pytest.mark.parametrize(("step", "by"), [("created", "plugin"), ("requested", "plugin"), ("received", "plugin"),
                                          ("restocked", "plugin"), ("created", "admin_api"),
                                          ("received", "admin_api"), ("restocked", "admin_api")])
def test_a_return_put_back_on_sale_stopped_after_any_step_is_finished_once(walk: Any, medusa: Any,
                                                                           step: str, by: str) -> None:
    """... by the plugin, or by the stock Admin API when the plugin was removed meanwhile: it finds the
    return by its request's marker, and restocks a return the plugin received but did not restock (and
    not one it restocked but did not mark: the restock's note on the inventory item says so)."""
    w: Walk = walk("PARIS-01")
    sale = make_order(medusa, [("TEE-ORG-S", 1)])
    number = str(sale["display_id"])
    w.till.lookup.find_receipt(number)
    before = stocked(medusa, "TEE-ORG-S")
    w.till.returns.complete(request(number, line("TEE-ORG-S"), key=f"stopped-{step}"), CASHIER)
    stopping = MedusaGateway(MedusaConfig(medusa.base_url, medusa.api_key), w.clock, StoppingClient(medusa, step))
    try:
        w.run_here(stopping)
    finally:
        stopping.close()
    assert "applied" not in delivered(w)                     # the attempt ended half-way, unanswered
    w.finish(w.plugin if by == "plugin" else w.gateway)
    (returned,) = [r for r in medusa_returns(medusa, sale["id"]) if r["status"] != "canceled"]
    assert returned["status"] == "received"
    assert returned["metadata"].get("posreturns_restocked") is (True if by == "plugin" else None)
    assert returned["metadata"]["posreturns_report"]["method"] == "original"
    assert stocked(medusa, "TEE-ORG-S") == before + 1        # restocked once
    item = medusa.variant("TEE-ORG-S")["inventory_item_id"]
    notes = medusa.admin.get(f"/admin/inventory-items/{item}", fields="id,metadata")["inventory_item"]["metadata"]
    noted = [k for k in notes or {} if k.startswith(f"posreturns_stock_{returned['metadata']['posreturns_event_id']}")]
    # the restock's note: gone once the plugin marked the return; the Admin API's (it cannot mark it) stays
    assert len(noted) == (1 if by == "admin_api" and step in ("received", "restocked") else 0)
    assert len(refunds(medusa, sale["id"])) == 1
    assert pending_changes(medusa, sale["id"]) == []


def test_a_return_the_admin_api_restocked_is_not_restocked_again_by_the_plugin(walk: Any, medusa: Any) -> None:
    """The plugin received a return and stopped; the Admin API (the plugin gone) restocked it, and its
    answer was lost before the refund; the plugin, back, finishes the event without restocking again."""
    w: Walk = walk("PARIS-01")
    sale = make_order(medusa, [("TEE-ORG-S", 1)])
    number = str(sale["display_id"])
    w.till.lookup.find_receipt(number)
    before = stocked(medusa, "TEE-ORG-S")
    w.till.returns.complete(request(number, line("TEE-ORG-S"), key="restocked-by-admin-api"), CASHIER)
    stopping = MedusaGateway(MedusaConfig(medusa.base_url, medusa.api_key), w.clock, StoppingClient(medusa, "received"))
    try:
        w.run_here(stopping)
    finally:
        stopping.close()
    rule = w.proxy.arm("POST", r"^/admin/payments/[^/]+/refund$", "500")
    w.run_here(w.gateway)                                    # restocked through the Admin API, not refunded
    assert rule.done.is_set() and stocked(medusa, "TEE-ORG-S") == before + 1
    w.finish(w.plugin)
    assert stocked(medusa, "TEE-ORG-S") == before + 1        # restocked once
    assert len(refunds(medusa, sale["id"])) == 1 and pending_changes(medusa, sale["id"]) == []
