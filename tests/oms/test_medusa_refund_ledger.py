"""A refund is two records in Medusa 2.21: the refund on the payment (the money), then the order's
transaction of it (the order's balance). Its refund workflow writes them in two steps and never undoes the
first, so Medusa stopped in between leaves the payment refunded and the order still owing the customer.
The fault is made where Medusa makes it, in its database: a trigger fails the insert of the order's
transaction once, as a kill -9 at that point would leave it (the workflow engine is in memory: nothing
resumes it). The resumed event then completes the missing half once (the plugin), or says so and refunds
nothing again (the stock Admin API, which cannot write it). And a return refunded by the till through
either path leaves the order's payment collection and summary as Medusa's own admin refund does."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import pytest
from helpers.medusa import events, make_order, medusa_returns, request
from helpers.medusa_faults import Walk, pending_changes
from helpers.returns import CASHIER, MANAGER, line

from oms import harness, postgres
from posreturns.persistence.outbox_exceptions import SqlExceptionQueue

pytestmark = [pytest.mark.oms, pytest.mark.allow_warning_logs]
ORDER_VIEW = ("id,display_id,summary,*transactions,*payment_collections,*payment_collections.payments,"
              "*payment_collections.payments.refunds")


def sql(medusa: Any, statement: str) -> str:
    pg = medusa.state["postgres"]
    return postgres.psql(harness.Settings(), int(pg["port"]), statement, str(pg["database"]))


@contextmanager
def refund_stopped_before_the_order(medusa: Any, order_id: str) -> Iterator[None]:
    """The next order transaction of a refund of `order_id` fails (once: a sequence is not rolled back)."""
    name = "posreturns_test_" + order_id.lower().replace("-", "_")
    sql(medusa, f"""CREATE SEQUENCE {name};
        CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
          IF NEW.reference = 'refund' AND NEW.order_id = '{order_id}' AND nextval('{name}') = 1 THEN
            RAISE EXCEPTION 'test fault: Medusa stopped inside its refund workflow';
          END IF;
          RETURN NEW; END $$;
        CREATE TRIGGER {name} BEFORE INSERT ON order_transaction FOR EACH ROW EXECUTE FUNCTION {name}();""")
    try:
        yield
    finally:
        sql(medusa, f"DROP TRIGGER {name} ON order_transaction; DROP FUNCTION {name}(); DROP SEQUENCE {name};")


def ledger(medusa: Any, order_id: str) -> dict[str, Any]:
    order = medusa.admin.get(f"/admin/orders/{order_id}", fields=ORDER_VIEW)["order"]
    paid_back = [r for c in order["payment_collections"] for p in c["payments"] for r in p["refunds"]]
    return {"refunds": sorted(Decimal(str(r["amount"])) for r in paid_back),
            "booked": sorted(Decimal(str(t["amount"])) for t in order["transactions"] if t["reference"] == "refund"
                             and t["reference_id"] in {r["id"] for r in paid_back}),
            "summary": {k: order["summary"][k] for k in ("paid_total", "refunded_total", "pending_difference",
                                                         "transaction_total", "current_order_total")},
            "collections": sorted((c["status"], c["amount"], c["captured_amount"], c["refunded_amount"])
                                  for c in order["payment_collections"])}


def returned_and_refunded(w: Walk, medusa: Any, key: str) -> tuple[dict[str, Any], Decimal]:
    sale = make_order(medusa, [("TEE-ORG-S", 2)])
    w.till.lookup.find_receipt(str(sale["display_id"]))
    answer = w.till.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-S"), key=key), CASHIER)
    return sale, Decimal(str(answer["refund_total"]))


@pytest.mark.parametrize("by", ["plugin", "admin_api"])
def test_a_refund_medusa_stopped_before_booking_on_the_order_is_completed_once(walk: Any, medusa: Any,
                                                                               by: str) -> None:
    w: Walk = walk("PARIS-01")
    sale, amount = returned_and_refunded(w, medusa, f"stopped-refund-{by}")
    gateway = w.plugin if by == "plugin" else w.gateway
    with refund_stopped_before_the_order(medusa, sale["id"]):
        w.run_here(gateway)
    half = ledger(medusa, sale["id"])
    assert half["refunds"] == [amount] and half["booked"] == []         # the payment refunded, the order not
    assert Decimal(str(half["summary"]["pending_difference"])) == -amount
    if by == "plugin":
        w.finish(w.plugin)
    else:                           # the Admin API cannot write it: it refunds nothing again and says so
        w.run_here(w.gateway)
        (refused,) = [e for e in SqlExceptionQueue(w.till.engine).exceptions() if e.status == "rejected"]
        assert "stopped before writing it on the order" in (refused.reason or "")
        assert ledger(medusa, sale["id"]) == half
        SqlExceptionQueue(w.till.engine).resolve(refused.seq, "retry", MANAGER, w.clock.now())
        w.finish(w.plugin)          # the plugin installed, the event retried
    whole = ledger(medusa, sale["id"])
    assert whole["refunds"] == [amount] and whole["booked"] == [-amount]                 # refunded once, booked once
    assert Decimal(str(whole["summary"]["pending_difference"])) == 0
    assert Decimal(str(whole["summary"]["refunded_total"])) == amount
    (returned,) = medusa_returns(medusa, sale["id"])
    assert returned["status"] == "received" and pending_changes(medusa, sale["id"]) == []
    w.run_here(w.plugin)
    assert ledger(medusa, sale["id"]) == whole and {r.status for r in events(w.till)} <= {"applied", "duplicate"}


def _by_hand(medusa: Any, sale: dict[str, Any], amount: Decimal) -> None:
    """The return and its refund as a retailer makes them in Medusa's admin (its API's own routes)."""
    rid = medusa.admin.post("/admin/returns", {"order_id": sale["id"],
                                               "location_id": medusa.location_id("PARIS-01")})["return"]["id"]
    item = next(i["id"] for i in sale["items"] if i["variant_sku"] == "TEE-ORG-S")
    for step, body in (("request-items", {"items": [{"id": item, "quantity": 1}]}), ("request", {}), ("receive", {}),
                       ("receive-items", {"items": [{"id": item, "quantity": 1}]}), ("receive/confirm", {})):
        medusa.admin.post(f"/admin/returns/{rid}/{step}", body)
    order = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,*payment_collections.payments")["order"]
    payment = order["payment_collections"][0]["payments"][0]["id"]
    medusa.admin.post(f"/admin/payments/{payment}/refund", {"amount": float(amount)})


def test_the_order_balance_after_a_refund_is_the_same_by_every_path(walk: Any, medusa: Any) -> None:
    """The payment collection (status, refunded amount) and the order's summary after a return refunded
    through the stock Admin API, through the plugin, and by hand in Medusa's admin."""
    w: Walk = walk("PARIS-01")
    seen = {}
    for by, gateway in (("admin_api", w.gateway), ("plugin", w.plugin)):
        sale, amount = returned_and_refunded(w, medusa, f"balance-{by}")
        w.run_here(gateway)
        seen[by] = ledger(medusa, sale["id"])
    sale = make_order(medusa, [("TEE-ORG-S", 2)])
    _by_hand(medusa, sale, amount)
    seen["by_hand"] = ledger(medusa, sale["id"])
    assert seen["admin_api"] == seen["plugin"] == seen["by_hand"]
    assert seen["plugin"]["refunds"] == [amount] and seen["plugin"]["booked"] == [-amount]
