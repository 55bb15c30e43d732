"""`posreturns oms repair ORDER` against the real Medusa: the state an older version left after a kill
between creating a return and requesting its items — an open, empty return whose receive change
stays pending, the order locked, the event refused — is repaired: the till's leftovers are cancelled,
a change made by someone else is left alone, and the refused event sent again makes one whole return.
An exchange left never requested is cancelled with its shipping method (Medusa's own cancel leaves
it on the order, where it shows up at the order's next version)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers.medusa import (
    assert_one_exchange,
    ensure_stock,
    events,
    make_order,
    medusa_returns,
    open_store_till,
    refunds,
    request,
    stocked,
)
from helpers.returns import CASHIER, MANAGER, PIN, line

from oms.harness import AdminApiError
from posreturns.persistence.outbox_exceptions import SqlExceptionQueue

pytestmark = pytest.mark.oms


def pending_changes(medusa: Any, order_id: str) -> list[dict[str, Any]]:
    changes = medusa.admin.get(f"/admin/orders/{order_id}/changes", fields="id,change_type,status,return_id")
    return [c for c in changes["order_changes"] if c["status"] == "pending" and c["change_type"]]


def old_version_leftovers(medusa: Any, sale: dict[str, Any], event_id: str) -> str:
    """What the version before resumable pushes did after a kill following POST /admin/returns."""
    rid = medusa.admin.post("/admin/returns", {"order_id": sale["id"], "location_id": medusa.location_id("PARIS-01"),
                                               "metadata": {"posreturns_event_id": event_id}})["return"]["id"]
    with pytest.raises(AdminApiError, match="active order change"):
        medusa.admin.post(f"/admin/returns/{rid}/receive", {})
    medusa.admin.delete(f"/admin/returns/{rid}/receive")       # its "receive left half-done" fix
    medusa.admin.post(f"/admin/returns/{rid}/receive", {})      # now a receive of an empty return
    return str(rid)


def cli(data_dir: Path, medusa: Any, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POSRETURNS_OMS_API_KEY": medusa.api_key}
    return subprocess.run([sys.executable, "-m", "posreturns", "--data-dir", str(data_dir), *args],
                          input=stdin, capture_output=True, text=True, env=env, timeout=120, check=False)


def repair(data_dir: Path, medusa: Any, order: str, *options: str) -> subprocess.CompletedProcess[str]:
    """`oms repair ORDER`, signed in as the manager (PIN on stdin)."""
    return cli(data_dir, medusa, *options, "oms", "repair", order, "--user", MANAGER, "--pin-stdin", stdin=PIN + "\n")


@pytest.mark.allow_warning_logs
def test_repair_unlocks_an_order_an_older_version_left_locked(tmp_path: Path, medusa: Any) -> None:
    till, engine = open_store_till(tmp_path / "paris", medusa)
    try:
        till.settings.set("oms.url", medusa.base_url)
        sale = make_order(medusa, [("TEE-ORG-S", 1)])
        till.lookup.find_receipt(str(sale["display_id"]))
        till.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-S"), offline=True, key="old"), CASHIER)
        completed = next(e for e in events(till) if e.event_type == "ReturnCompleted")
        shell = old_version_leftovers(medusa, sale, json.loads(completed.payload_json)["event_id"])
        with till.engine.connect() as connection, connection.begin():  # ... and the event it refused
            connection.exec_driver_sql("UPDATE outbox SET status = 'rejected', last_error = 'Items with ids … does "
                                       "not exist in Return', sent_at = created_at WHERE seq = ?", (completed.seq,))
            connection.exec_driver_sql("UPDATE outbox SET status = 'held' WHERE seq > ?", (completed.seq,))
        assert [c["change_type"] for c in pending_changes(medusa, sale["id"])] == ["return_receive"]

        dry = cli(till.data_dir, medusa, "--json", "oms", "repair", str(sale["display_id"]), "--dry-run")
        assert dry.returncode == 0, dry.stderr
        assert [c["type"] for c in json.loads(dry.stdout)["cancelled"]] == ["return_receive", "empty_return"]
        assert pending_changes(medusa, sale["id"]) != []               # a dry run changes nothing

        nobody = cli(till.data_dir, medusa, "oms", "repair", str(sale["display_id"]), "--user", "nobody",
                     "--pin-stdin", stdin="0000\n")
        assert nobody.returncode == 2 and pending_changes(medusa, sale["id"]) != []   # not signed in: nothing done
        done = repair(till.data_dir, medusa, f"#{sale['display_id']}")
        assert done.returncode == 0, done.stderr
        assert "cancelled 2 change(s)" in done.stdout and f"sync resolve {completed.seq} --retry" in done.stdout
        assert pending_changes(medusa, sale["id"]) == []               # unlocked
        assert medusa.admin.get(f"/admin/returns/{shell}", fields="id,status")["return"]["status"] == "canceled"
        again = repair(till.data_dir, medusa, str(sale["display_id"]))
        assert "Nothing locks this order." in again.stdout
        assert repair(till.data_dir, medusa, "999999").returncode == 3
        fresh = make_order(medusa, [("TEE-ORG-M", 1)])     # a web sale made minutes ago: fetched on demand
        shown = cli(till.data_dir, medusa, "--json", "order", "show", str(fresh["display_id"]))
        assert shown.returncode == 0 and json.loads(shown.stdout)["id"] == fresh["id"], shown.stderr
        theirs = medusa.admin.post("/admin/returns", {"order_id": sale["id"],      # opened in Medusa by someone
                                                      "location_id": medusa.location_id("LYON-02")})["return"]["id"]
        kept = repair(till.data_dir, medusa, str(sale["display_id"]), "--json")
        assert json.loads(kept.stdout)["cancelled"] == [] and len(json.loads(kept.stdout)["left_alone"]) == 1
        medusa.admin.delete(f"/admin/returns/{theirs}/request")

        SqlExceptionQueue(till.engine).resolve(completed.seq, "retry", MANAGER, till.clock.now())
        report = engine.uploader.run()
        assert report.counts["rejected"] == 0, report
        received = [r for r in medusa_returns(medusa, sale["id"]) if r["status"] == "received"]
        assert len(received) == 1 and len(refunds(medusa, sale["id"])) == 1
        assert {e.status for e in events(till)} <= {"applied", "duplicate"}
        assert pending_changes(medusa, sale["id"]) == []
    finally:
        engine.gateway.close()
        till.close()


@pytest.mark.allow_warning_logs
def test_repair_cancels_an_exchange_left_unrequested_with_its_shipping_method(tmp_path: Path, medusa: Any) -> None:
    till, engine = open_store_till(tmp_path / "paris", medusa)
    try:
        till.settings.set("oms.url", medusa.base_url)
        sale = make_order(medusa, [("TEE-ORG-M", 1)])
        till.lookup.find_receipt(str(sale["display_id"]))
        for store in ("PARIS-01", "LYON-02"):  # Medusa may reserve the new line in either
            ensure_stock(medusa, "TEE-ORG-L", store, at_least=2)
        engine.puller.run(streams=("stores", "products", "stock"))
        before = stocked(medusa, "TEE-ORG-M"), stocked(medusa, "TEE-ORG-L")
        methods = len(shipping_methods(medusa, sale["id"]))
        till.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-M"), method="exchange",
                                      exchange_lines=[{"code": "TEE-ORG-L", "qty": 1}], key="old-x"), CASHIER)
        completed = next(e for e in events(till) if e.event_type == "ReturnCompleted")
        old_version_exchange(medusa, sale, json.loads(completed.payload_json)["event_id"])
        with till.engine.connect() as connection, connection.begin():  # the event it refused
            connection.exec_driver_sql("UPDATE outbox SET status = 'rejected', last_error = 'active order change', "
                                       "sent_at = created_at WHERE seq = ?", (completed.seq,))
        assert [c["change_type"] for c in pending_changes(medusa, sale["id"])] == ["exchange"]

        dry = cli(till.data_dir, medusa, "--json", "oms", "repair", str(sale["display_id"]), "--dry-run")
        (planned,) = json.loads(dry.stdout)["cancelled"]
        assert planned["type"] == "exchange" and "/outbound/shipping-method/" in planned["request"], planned
        done = repair(till.data_dir, medusa, str(sale["display_id"]))
        assert done.returncode == 0 and "cancelled 1 change(s)" in done.stdout, done.stderr
        assert pending_changes(medusa, sale["id"]) == []               # unlocked

        SqlExceptionQueue(till.engine).resolve(completed.seq, "retry", MANAGER, till.clock.now())
        assert engine.uploader.run().counts["rejected"] == 0
        assert_one_exchange(medusa, till, sale, before)
        # one method more: the exchange's; the cancelled one's would show up here too, at this version
        assert len(shipping_methods(medusa, sale["id"])) == methods + 1
        assert pending_changes(medusa, sale["id"]) == []
    finally:
        engine.gateway.close()
        till.close()


def old_version_exchange(medusa: Any, sale: dict[str, Any], event_id: str) -> None:
    """An exchange of the M for an L as the till makes it, killed before its request: the order locked."""
    xid = medusa.admin.post("/admin/exchanges", {"order_id": sale["id"],
                                                 "metadata": {"posreturns_event_id": event_id}})["exchange"]["id"]
    m_line = next(i["id"] for i in sale["items"] if i["variant_sku"] == "TEE-ORG-M")
    medusa.admin.post(f"/admin/exchanges/{xid}/inbound/items", {"location_id": medusa.location_id("PARIS-01"),
                                                                "items": [{"id": m_line, "quantity": 1}]})
    medusa.admin.post(f"/admin/exchanges/{xid}/outbound/items",
                      {"items": [{"variant_id": medusa.variant("TEE-ORG-L")["id"], "quantity": 1}]})
    medusa.admin.post(f"/admin/exchanges/{xid}/outbound/shipping-method", {
        "shipping_option_id": medusa.seed["shipping_options"]["PARIS-01"]["outbound"], "custom_amount": 0})


def shipping_methods(medusa: Any, order_id: str) -> list[dict[str, Any]]:
    return list(medusa.admin.get(f"/admin/orders/{order_id}", fields="id,*shipping_methods")["order"][
        "shipping_methods"])


def test_a_resent_event_heals_the_same_leftovers_by_itself(tmp_path: Path, medusa: Any) -> None:
    till, engine = open_store_till(tmp_path / "paris", medusa)
    try:
        sale = make_order(medusa, [("TEE-ORG-S", 1)])
        till.lookup.find_receipt(str(sale["display_id"]))
        till.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-S"), offline=True, key="heal"), CASHIER)
        completed = next(e for e in events(till) if e.event_type == "ReturnCompleted")
        shell = old_version_leftovers(medusa, sale, json.loads(completed.payload_json)["event_id"])
        with till.engine.connect() as connection, connection.begin():   # the kill left the event pending
            connection.exec_driver_sql("UPDATE outbox SET sent_at = created_at WHERE seq = ?", (completed.seq,))
        report = engine.uploader.run()
        assert report.counts["rejected"] == 0 and report.counts["retry"] == 0, report
        statuses = {r["id"]: r["status"] for r in medusa_returns(medusa, sale["id"])}
        assert statuses.pop(shell) == "canceled" and list(statuses.values()) == ["received"]
        assert len(refunds(medusa, sale["id"])) == 1 and pending_changes(medusa, sale["id"]) == []
    finally:
        engine.gateway.close()
        till.close()
