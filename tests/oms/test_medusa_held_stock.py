"""Held units in a real Medusa 2.21: a return's held units enter the store's quarantine stock location
(in no sales channel: visible, not sellable); a manager's release takes one out of it and back into
the store's sellable stock, a scrap takes one out of Medusa's stock; a retried push changes nothing.
Two tills of one store: a unit held at one shows in the other's queue; two managers acting on it end
as one action and one exception."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.medusa import events, make_order, open_store_till, request, resent, stocked
from helpers.restock import manager
from helpers.returns import CASHIER, MANAGER, line

from posreturns.app import Till, open_restock
from posreturns.domain.held_units import UnitAction
from posreturns.persistence.outbox import SqlOutbox
from posreturns.services.sync_ports import Outcome
from posreturns.sync.medusa.gateway import MedusaConfig, MedusaGateway
from posreturns.sync.medusa.mapping import QUARANTINE_OF

pytestmark = pytest.mark.oms
SKU = "SHOE-RUN-43"


def quarantine(medusa: Any, store: str = "PARIS-01") -> dict[str, Any]:
    locations = medusa.admin.get("/admin/stock-locations", fields="id,name,metadata,*sales_channels",
                                 limit=200)["stock_locations"]
    (found,) = [loc for loc in locations if (loc.get("metadata") or {}).get(QUARANTINE_OF) == store]
    return dict(found)


def quarantined(medusa: Any, sku: str = SKU) -> int:
    """The stocked level of `sku` at PARIS-01's quarantine location (0 before anything was held there)."""
    locations = medusa.admin.get("/admin/stock-locations", fields="id,metadata", limit=200)["stock_locations"]
    ids = [loc["id"] for loc in locations if (loc.get("metadata") or {}).get(QUARANTINE_OF) == "PARIS-01"]
    if not ids:
        return 0
    item = medusa.variant(sku)["inventory_item_id"]
    levels = medusa.admin.get(f"/admin/inventory-items/{item}/location-levels", location_id=ids[0])["inventory_levels"]
    return int(levels[0]["stocked_quantity"]) if levels else 0


def test_held_units_sit_in_the_store_quarantine_location_until_a_manager_moves_them(
        store: tuple[Till, Any], medusa: Any) -> None:
    till, engine = store
    sale = make_order(medusa, [(SKU, 2)])
    engine.run_once()
    held_before, shelf_before = quarantined(medusa), stocked(medusa, SKU)
    answer = till.returns.complete(request(str(sale["display_id"]), line(SKU, 2, reason="DEFECTIVE", condition="USED"),
                                           key="held-stock-1"), CASHIER)
    assert [li["bucket"] for li in answer["lines"]] == ["quarantine"]
    report = engine.run_once()
    assert report.online and report.upload.counts["rejected"] == 0, report.error
    assert quarantined(medusa) == held_before + 2          # visible in Medusa...
    assert stocked(medusa, SKU) == shelf_before            # ...and not on sale
    location = quarantine(medusa)
    assert "quarantine" in location["name"] and not location.get("sales_channels")

    restock = open_restock(till)
    first, second = [u.id for u in restock.queue() if u.return_number == answer["return_number"]]
    restock.act(manager(till), UnitAction.RELEASE, [first])
    restock.act(manager(till), UnitAction.SCRAP, [second], note="sole torn off")
    pending = [e for e in SqlOutbox(till.engine).chains(till.clock.now(), 50) if e.event_type == "HeldUnitMoved"]
    assert [e.order_key for e in pending] == [sale["id"], sale["id"]]  # pushed after their return, in order
    report = engine.run_once()
    assert report.online and report.upload.counts["rejected"] == 0, report.error
    assert quarantined(medusa) == held_before              # both out of quarantine
    assert stocked(medusa, SKU) == shelf_before + 1        # only the released one back on sale
    moved = [e for e in events(till) if e.event_type == "HeldUnitMoved"]
    assert [e.status for e in moved] == ["applied", "applied"]

    # a push resumed after a crash (the Admin API path, one event at a time) moves nothing twice
    admin_api = MedusaGateway(MedusaConfig(medusa.base_url, medusa.api_key, use_plugin=False), till.clock)
    try:
        for event in pending:
            result = admin_api.push(resent(event))
            assert result.outcome in (Outcome.APPLIED, Outcome.DUPLICATE), result.reason
        assert quarantined(medusa) == held_before
        assert stocked(medusa, SKU) == shelf_before + 1
    finally:
        admin_api.close()
    notes = medusa.admin.get(f"/admin/inventory-items/{medusa.variant(SKU)['inventory_item_id']}",
                             fields="id,metadata")["inventory_item"]["metadata"]
    assert {notes[f"posreturns_held_{first}"]["state"], notes[f"posreturns_held_{second}"]["state"]} == {
        "released", "scrapped"}


@pytest.mark.allow_warning_logs  # the second action's refusal is logged
def test_two_tills_of_a_store_see_the_same_held_unit_and_only_the_first_action_counts(
        tmp_path: Path, medusa: Any) -> None:
    first_till, first_sync = open_store_till(tmp_path / "t1", medusa, till_id="T1")
    second_till, second_sync = open_store_till(tmp_path / "t2", medusa, till_id="T2")
    try:
        sale = make_order(medusa, [(SKU, 1)])
        first_sync.run_once()
        held_before, shelf_before = quarantined(medusa), stocked(medusa, SKU)
        answer = first_till.returns.complete(request(str(sale["display_id"]), line(
            SKU, reason="DEFECTIVE", condition="USED", note="heel glue gone"), key="two-tills-1"), CASHIER)
        report = first_sync.run_once()
        assert report.online and report.upload.counts["rejected"] == 0, report.error
        assert quarantined(medusa) == held_before + 1

        report = second_sync.run_once()  # the second till pulls the order, its return and the held unit
        assert report.online, report.error
        (seen,) = [u for u in open_restock(second_till).queue() if u.return_number == answer["return_number"]]
        (own,) = [u for u in open_restock(first_till).queue() if u.return_number == answer["return_number"]]
        assert (seen.id, seen.till_id, seen.sku, seen.reason, seen.cashier_note) == (
            own.id, "T1", SKU, "DEFECTIVE", "heel glue gone")

        # both managers act before either till syncs
        open_restock(first_till).act(manager(first_till), UnitAction.RELEASE, [own.id])
        open_restock(second_till).act(manager(second_till), UnitAction.SCRAP, [seen.id], note="beyond repair")
        report = first_sync.run_once()
        assert report.upload.counts["rejected"] == 0, report.error
        report = second_sync.run_once()
        assert report.upload.counts["rejected"] == 1
        (refused,) = [e for e in events(second_till) if e.event_type == "HeldUnitMoved"]
        assert refused.status == "rejected" and f"unit {own.id} was already released" in refused.last_error
        assert quarantined(medusa) == held_before               # out of quarantine once
        assert stocked(medusa, SKU) == shelf_before + 1          # back on sale once, never scrapped too
        note = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,metadata")["order"]["metadata"][
            f"posreturns_held_{own.id}"]
        assert (note["state"], note["acted_till"], note["till"]) == ("released", "T1", "T1")
    finally:
        for till, sync in ((first_till, first_sync), (second_till, second_sync)):
            sync.gateway.close()
            till.close()


def test_a_unit_another_till_released_leaves_this_till_queue_at_the_next_pull(tmp_path: Path, medusa: Any) -> None:
    first_till, first_sync = open_store_till(tmp_path / "t1", medusa, till_id="T1")
    second_till, second_sync = open_store_till(tmp_path / "t2", medusa, till_id="T2")
    try:
        sale = make_order(medusa, [(SKU, 1)])
        first_sync.run_once()
        answer = first_till.returns.complete(request(str(sale["display_id"]), line(
            SKU, reason="DEFECTIVE", condition="USED"), key="two-tills-2"), CASHIER)
        first_sync.run_once()
        second_sync.run_once()
        (seen,) = [u for u in open_restock(second_till).queue() if u.return_number == answer["return_number"]]
        open_restock(first_till).act(manager(first_till), UnitAction.RELEASE, [seen.id])
        first_sync.run_once()
        second_sync.run_once()
        assert seen.id not in {u.id for u in open_restock(second_till).queue()}
        (done,) = [u for u in open_restock(second_till).queue(include_done=True) if u.id == seen.id]
        assert (done.state.value, done.acted_by) == ("released", MANAGER)
    finally:
        for till, sync in ((first_till, first_sync), (second_till, second_sync)):
            sync.gateway.close()
            till.close()


def test_units_for_the_vendor_stay_in_quarantine_until_their_batch_ships(store: tuple[Till, Any], medusa: Any) -> None:
    till, engine = store
    sale = make_order(medusa, [(SKU, 2)])
    engine.run_once()
    held_before = quarantined(medusa)
    answer = till.returns.complete(request(str(sale["display_id"]), line(SKU, 2, reason="DEFECTIVE", condition="USED"),
                                           key="rtv-ship-1"), CASHIER)
    engine.run_once()
    restock = open_restock(till)
    units = [u.id for u in restock.queue() if u.return_number == answer["return_number"]]
    (unit,) = restock.act(manager(till), UnitAction.RTV, units[:1], vendor="Acme Shoes")[:1]
    report = engine.run_once()
    assert report.upload.counts["rejected"] == 0, report.error
    assert quarantined(medusa) == held_before + 2          # still on the store's back shelf

    restock.ship(manager(till), unit.batch_id or "", "1Z999AA10123456784")
    (pending,) = [e for e in SqlOutbox(till.engine).chains(till.clock.now(), 50) if e.event_type == "RtvBatchShipped"]
    report = engine.run_once()
    assert report.upload.counts["rejected"] == 0, report.error
    (shipped,) = [e for e in events(till) if e.event_type == "RtvBatchShipped"]
    assert shipped.status == "applied"
    assert quarantined(medusa) == held_before + 1          # the shipped unit left; the other is still held
    metadata = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,metadata")["order"]["metadata"]
    batch_note = metadata[f"posreturns_rtv_{unit.batch_id}"]
    assert (batch_note["vendor"], batch_note["reference"], batch_note["units"]) == (
        "Acme Shoes", "1Z999AA10123456784", [unit.id])
    assert metadata[f"posreturns_held_{unit.id}"]["state"] == "rtv"  # what the other tills' queues read
    assert metadata[f"posreturns_held_{unit.id}"]["shipped"]["batch_id"] == unit.batch_id

    admin_api = MedusaGateway(MedusaConfig(medusa.base_url, medusa.api_key, use_plugin=False), till.clock)
    try:  # sent again (the Admin API path): nothing leaves twice
        result = admin_api.push(resent(pending))
        assert result.outcome is Outcome.APPLIED and result.detail["rtv_shipped_in_medusa"] == [unit.id]
    finally:
        admin_api.close()
    assert quarantined(medusa) == held_before + 1
    (other,) = units[1:]
    restock.act(manager(till), UnitAction.RELEASE, [other])  # the unit left behind is still the queue's
    assert engine.run_once().upload.counts["rejected"] == 0
    assert quarantined(medusa) == held_before
