"""Staff alerts in a real Medusa 2.21: the alerts a return raised are noted on its order when it is
pushed, and a manager's resolution is added to that note, once, also when the push is resumed."""

from __future__ import annotations

from typing import Any

import pytest
from helpers.medusa import make_order, request, resent
from helpers.restock import manager
from helpers.returns import CASHIER, MANAGER, line

from posreturns.app import Till, open_restock
from posreturns.persistence.outbox import SqlOutbox
from posreturns.services.sync_ports import Outcome
from posreturns.sync.medusa.gateway import MedusaConfig, MedusaGateway

pytestmark = pytest.mark.oms


def alerts_note(medusa: Any, order_id: str, number: str) -> dict[str, Any]:
    metadata = medusa.admin.get(f"/admin/orders/{order_id}", fields="id,metadata")["order"]["metadata"]
    return dict(metadata[f"posreturns_alerts_{number}"])


def test_a_return_alerts_and_their_resolution_are_noted_on_the_order_once(
        store: tuple[Till, Any], medusa: Any) -> None:
    till, engine = store
    sale = make_order(medusa, [("SHOE-RUN-43", 1)])
    engine.run_once()
    answer = till.returns.complete(request(str(sale["display_id"]), line("SHOE-RUN-43", reason="DEFECTIVE",
                                                                         condition="OPENED"), key="alerts-1"), CASHIER)
    restock = open_restock(till)
    raised = [a for a in restock.alerts() if a.return_number == answer["return_number"]]
    assert raised, "the shipped policy raises an alert on a defective unit"
    report = engine.run_once()
    assert report.online and report.upload.counts["rejected"] == 0, report.error
    note = alerts_note(medusa, sale["id"], answer["return_number"])
    assert sorted(a["code"] for a in note["alerts"]) == sorted(a.code for a in raised)
    assert (note["till"], note["settled"]) == ("T1", [])

    restock.settle_alert(manager(till), raised[0].id, resolve=True, note="buyer called back")
    (settled,) = [e for e in SqlOutbox(till.engine).chains(till.clock.now(), 50) if e.event_type == "StaffAlertSettled"]
    assert settled.order_key == sale["id"]  # after its return's events
    report = engine.run_once()
    assert report.online and report.upload.counts["rejected"] == 0, report.error
    admin_api = MedusaGateway(MedusaConfig(medusa.base_url, medusa.api_key, use_plugin=False), till.clock)
    try:  # resumed after a crash: noted once
        assert admin_api.push(resent(settled)).outcome is Outcome.APPLIED
    finally:
        admin_api.close()
    (entry,) = alerts_note(medusa, sale["id"], answer["return_number"])["settled"]
    assert (entry["code"], entry["status"], entry["by"], entry["note"]) == (
        raised[0].code, "resolved", MANAGER, "buyer called back")
