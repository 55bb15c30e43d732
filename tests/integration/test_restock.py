"""The restock queue through the service and the real SQLite store: every action moves the unit
between stock buckets, is audited and sent to the outbox, or changes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import dump
from helpers.restock import held_shop, hold, manager
from helpers.returns import CASHIER, check_whole, rows

from posreturns.app import Till, open_restock
from posreturns.domain.held_units import AlreadyActed, UnitAction, UnitState
from posreturns.domain.resale import Grade, is_valid_ean13
from posreturns.persistence.audit import chain_breaks
from posreturns.persistence.catalog import SqlCatalog
from posreturns.services.errors import BadInput, NotFound, PermissionDenied

UNIT1, UNIT2 = "UPARIS01-T1-000001-1", "UPARIS01-T1-000001-2"


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[tuple[Till, object]]:
    till, restock = held_shop(tmp_path / "shop")
    yield till, restock
    till.close()


def levels(till: Till, sku: str) -> dict[str, int]:
    return {r["bucket"]: r["qty"] for r in rows(till.data_dir / "posreturns.db",
                                                "SELECT bucket, qty FROM stock_levels WHERE location = 'PARIS-01' "
                                                "AND sku = ?", (sku,))}


def events(till: Till, kind: str) -> list[dict]:
    return [json.loads(r["payload_json"]) for r in rows(till.data_dir / "posreturns.db",
                                                        "SELECT payload_json FROM outbox WHERE event_type = ? "
                                                        "ORDER BY seq", (kind,))]


def test_a_return_that_holds_units_puts_each_unit_in_the_queue_with_its_alert(shop) -> None:
    till, restock = shop
    queue = restock.queue()
    assert [u.id for u in queue] == [UNIT1, UNIT2]
    unit = queue[0]
    assert (unit.return_number, unit.order_number, unit.sku, unit.reason, unit.condition, unit.disposition) == (
        "RPARIS01-T1-000001", "PA01-000101", "TSH-NVY-M", "DEFECTIVE", "OPENED", "INSPECT")
    assert unit.alerts == ("notify_buyer",) and unit.state is UnitState.HELD and unit.refund_minor == 2990
    assert levels(till, "TSH-NVY-M")["quarantine"] == 2
    [alert] = restock.alerts()
    assert alert.code == "notify_buyer" and alert.units == (UNIT1, UNIT2) and alert.status == "open"


def test_a_restocked_return_holds_nothing(tmp_path: Path) -> None:
    from helpers.returns import line, open_shop, request

    till = open_shop(tmp_path / "s")
    till.returns.complete(request("PA01-000101", line("TSH-NVY-M")), CASHIER)
    assert open_restock(till).queue() == [] and open_restock(till).alerts() == []
    till.close()


def test_release_puts_the_unit_back_on_sale_audited_and_sent(shop) -> None:
    till, restock = shop
    sellable = levels(till, "TSH-NVY-M")["sellable"]
    [unit] = restock.act(manager(till), UnitAction.RELEASE, [UNIT1.lower()], note="checked, fine")
    assert unit.state is UnitState.RELEASED and unit.acted_by == "mgr1" and unit.note == "checked, fine"
    assert levels(till, "TSH-NVY-M") == {"sellable": sellable + 1, "quarantine": 1}
    [event] = events(till, "HeldUnitMoved")
    assert event["data"]["unit_id"] == UNIT1 and event["data"]["to_bucket"] == "sellable"
    assert event["operator_id"] == "mgr1" and event["aggregate"] == {"type": "held_unit", "id": UNIT1}
    audit = rows(till.data_dir / "posreturns.db", "SELECT actor, subject FROM audit_log WHERE action = 'unit.release'")
    assert [(a["actor"], a["subject"]) for a in audit] == [("mgr1", UNIT1)]
    assert [u.id for u in restock.queue()] == [UNIT2]
    with till.engine.connect() as connection:
        assert list(chain_breaks(connection)) == []
    check_whole(till.data_dir / "posreturns.db")


def test_a_second_action_is_refused_with_who_did_what_and_changes_nothing(shop) -> None:
    till, restock = shop
    mgr = manager(till)
    restock.act(mgr, UnitAction.SCRAP, [UNIT1], note="torn seam")
    before = dump(till)
    with pytest.raises(AlreadyActed, match=r"already scrapped by mgr1 on 2026-11-26 09:00 UTC"):
        restock.act(mgr, UnitAction.RELEASE, [UNIT2, UNIT1])
    assert dump(till) == before  # UNIT2 was not released either: a selection is all or nothing


def test_two_tills_of_one_folder_acting_on_one_unit_end_as_one_action(tmp_path: Path) -> None:
    from helpers.returns import open_shop

    till, restock = held_shop(tmp_path / "shop")
    other = open_shop(tmp_path / "shop", setup=False, till_id="T2")
    stale = open_restock(other).find(UNIT1)  # read before the first manager acts
    restock.act(manager(till), UnitAction.RELEASE, [UNIT1])
    from posreturns.persistence.restock_store import SqlRestockStore
    from posreturns.services.restock_ports import Actor, UnitChange

    store = SqlRestockStore(other.engine)
    store.unit = lambda code: stale  # type: ignore[method-assign]  # the second manager's screen is stale
    with pytest.raises(AlreadyActed, match="already released to sale by mgr1"):
        store.act(Actor("mgr1", "PARIS-01", "T2", other.clock.now()), [UnitChange(UNIT1, UnitAction.SCRAP, "x")])
    assert len(events(till, "HeldUnitMoved")) == 1
    other.close()
    till.close()


def test_refurbish_keeps_the_unit_held_with_its_note(shop) -> None:
    till, restock = shop
    with pytest.raises(BadInput, match="Give note"):
        restock.act(manager(till), UnitAction.REFURBISH, [UNIT1])
    [unit] = restock.act(manager(till), UnitAction.REFURBISH, [UNIT1], note="new zip ordered")
    assert unit.state is UnitState.REFURBISHING and unit.note == "new zip ordered"
    assert levels(till, "TSH-NVY-M")["quarantine"] == 2  # still held
    assert UNIT1 in [u.id for u in restock.queue()]
    [unit] = restock.act(manager(till), UnitAction.RELEASE, [UNIT1])
    assert unit.state is UnitState.RELEASED


def test_scrap_needs_a_reason(shop) -> None:
    till, restock = shop
    mgr = manager(till)
    before = dump(till)
    with pytest.raises(BadInput, match="reason for scrapping"):
        restock.act(mgr, UnitAction.SCRAP, [UNIT1], note="  ")
    assert dump(till) == before
    restock.act(manager(till), UnitAction.SCRAP, [UNIT1], note="mould")
    assert levels(till, "TSH-NVY-M")["scrap"] == 1


def test_rtv_groups_units_per_vendor_and_the_batch_closes_when_shipped(shop) -> None:
    till, restock = shop
    hold(till, "PA01-000102", "ROBE-LIN-38", key="hold-2")
    mgr = manager(till)
    with pytest.raises(BadInput, match="vendor"):
        restock.act(mgr, UnitAction.RTV, [UNIT1])
    restock.act(mgr, UnitAction.RTV, [UNIT1], vendor="Coton Bio SA")
    restock.act(mgr, UnitAction.RTV, [UNIT2], vendor="Coton Bio SA")
    restock.act(mgr, UnitAction.RTV, ["UPARIS01-T1-000002-1"], vendor="Lin & Co")
    batches = {b.vendor: b for b in restock.batches("open")}
    assert batches["Coton Bio SA"].units == (UNIT1, UNIT2) and batches["Lin & Co"].units == ("UPARIS01-T1-000002-1",)
    shipped = restock.ship(mgr, batches["Coton Bio SA"].id.lower(), "COLIS-123")
    assert shipped.status == "shipped" and shipped.reference == "COLIS-123" and shipped.shipped_by == "mgr1"
    with pytest.raises(BadInput, match="already shipped by mgr1"):
        restock.ship(mgr, shipped.id, "again")
    assert [e["data"]["batch_id"] for e in events(till, "RtvBatchShipped")] == [shipped.id]
    assert levels(till, "TSH-NVY-M")["rtv"] == 2
    restock.act(mgr, UnitAction.RTV, [hold_and_id(till, restock)], vendor="Coton Bio SA")
    assert len(restock.batches("open")) == 2  # the shipped batch is closed: a new one opens


def hold_and_id(till: Till, restock) -> str:
    number = hold(till, "PA01-000106", "TSH-WHT-M", key="hold-3")
    return "U" + number[1:] + "-1"


def test_resale_makes_a_second_hand_item_that_scans_at_the_till(shop) -> None:
    till, restock = shop
    assert str(restock.resale_quote(UNIT1, Grade.B)) == "14.90"
    item = restock.resell(manager(till), UNIT1, Grade.B)
    assert is_valid_ean13(item.ean13) and item.ean13.startswith("2")
    assert (item.price_minor, item.refund_minor, item.grade) == (1490, 2990, Grade.B)
    found = SqlCatalog(till.engine).find_variant(item.ean13)
    assert found is not None and found["sku"] == item.sku and found["price"] == "14.90"
    assert levels(till, item.sku) == {"resale": 1} and levels(till, "TSH-NVY-M")["quarantine"] == 1
    second = restock.resell(manager(till), UNIT2, Grade.C)
    assert second.ean13 != item.ean13 and second.price_minor == 890
    assert [i.sku for i in restock.resale_items()] == [item.sku, second.sku]
    [moved, _] = events(till, "HeldUnitMoved")
    assert moved["data"]["resale"]["ean13"] == item.ean13 and moved["data"]["to_bucket"] == "resale"
    with pytest.raises(AlreadyActed):
        restock.resell(manager(till), UNIT1, Grade.A)
    check_whole(till.data_dir / "posreturns.db")


def test_a_cashier_may_not_act_and_the_refusal_is_audited(shop) -> None:
    till, restock = shop
    before = rows(till.data_dir / "posreturns.db", "SELECT state FROM held_units")
    with pytest.raises(PermissionDenied, match="Only a manager"):
        restock.act(CASHIER, UnitAction.RELEASE, [UNIT1])
    with pytest.raises(PermissionDenied):
        restock.resell(CASHIER, UNIT1, Grade.A)
    assert rows(till.data_dir / "posreturns.db", "SELECT state FROM held_units") == before
    denied = rows(till.data_dir / "posreturns.db", "SELECT subject FROM audit_log WHERE action = 'access.denied'")
    assert denied[0]["subject"] == UNIT1


def test_an_unknown_unit_is_named(shop) -> None:
    till, restock = shop
    with pytest.raises(NotFound, match="No held unit 'UNOPE-1'"):
        restock.act(manager(till), UnitAction.RELEASE, ["UNOPE-1"])


def test_alerts_are_acknowledged_then_resolved_with_a_note(shop) -> None:
    till, restock = shop
    [alert] = restock.alerts("open")
    assert restock.open_alert_count() == 1
    acknowledged = restock.settle_alert(manager(till), alert.id, resolve=False, note="calling the buyer")
    assert acknowledged.status == "acknowledged" and acknowledged.acknowledged_by == "mgr1"
    assert restock.open_alert_count() == 1  # someone is on it, not done
    with pytest.raises(BadInput, match="what was done"):
        restock.settle_alert(manager(till), alert.id, resolve=True)
    resolved = restock.settle_alert(manager(till), alert.id, resolve=True, note="buyer informed by mail")
    assert resolved.status == "resolved" and resolved.note == "buyer informed by mail"
    assert restock.open_alert_count() == 0
    with pytest.raises(BadInput, match="already resolved by mgr1"):
        restock.settle_alert(manager(till), alert.id, resolve=True, note="again")
    assert [e["data"]["status"] for e in events(till, "StaffAlertSettled")] == ["acknowledged", "resolved"]
