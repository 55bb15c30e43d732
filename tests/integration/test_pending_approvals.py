"""Returns parked while waiting for a manager (the demo's 528.20 return of PA01-000108 needs one
above 500.00): parked with the request kept (no PIN), decided once by a manager with a reason for a
refusal (audited), completed by the cashier as approved, or dropped after a refusal; the close of
day refuses while any is open."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from helpers.returns import CASHIER, MANAGER, NOW, PIN, line, open_shop, request, rows

from posreturns.app import Till, open_day_close, open_pending_approvals
from posreturns.domain.permissions import Permission
from posreturns.paths import DATABASE_FILE
from posreturns.services.day_close import OpenItemsRemain
from posreturns.services.errors import ApprovalRequired, BadInput, NotFound, PermissionDenied

BIG = request("PA01-000108", line("MONTRE-CONN-42", serial="SN-MW-4201"), line("CASQ-BT-BLANC", serial="SN-CQ-0107"),
              key="big-1", approval={"manager": MANAGER, "pin": "0000"})
WHY = "refund above 500.00 EUR"


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Till]:
    till = open_shop(tmp_path / "shop")
    yield till
    till.close()


def test_a_parked_return_is_approved_by_a_manager_and_completed_by_the_cashier_once(shop: Till) -> None:
    approvals = open_pending_approvals(shop)
    with pytest.raises(ApprovalRequired):
        shop.returns.complete({**BIG, "approval": None}, CASHIER)
    parked = approvals.park(CASHIER, BIG, WHY)
    assert "approval" not in parked.request and "cashier" not in parked.request and parked.receipt == "PA01-000108"
    assert [a.id for a in approvals.waiting()] == [parked.id] and approvals.for_till()[0].status == "waiting"
    with pytest.raises(BadInput, match="No manager has decided"):
        approvals.resume(CASHIER, parked.id)
    with pytest.raises(PermissionDenied):
        approvals.decide(CASHIER, parked.id, True)
    boss = shop.access.sign_in(MANAGER, PIN, Permission.APPROVE_RETURN)
    assert approvals.decide(boss, parked.id, True).status == "approved"
    with pytest.raises(NotFound, match="no longer waiting"):
        approvals.decide(boss, parked.id, False, "changed my mind")
    assert approvals.waiting() == []
    done = approvals.resume(CASHIER, parked.id)
    with pytest.raises(NotFound, match="no longer waiting"):
        approvals.resume(CASHIER, parked.id)
    assert approvals.for_till() == []
    database = shop.data_dir / DATABASE_FILE
    (stored,) = rows(database, "SELECT number, approved_by, refund_total_minor FROM returns WHERE origin = 'till'")
    assert tuple(stored) == (done.return_number, MANAGER, 52820)
    trail = rows(database, "SELECT action, actor FROM audit_log WHERE subject = ? ORDER BY id", (parked.id,))
    assert [tuple(a) for a in trail] == [("approval.requested", "alice"), ("access.denied", "alice"),
                                         ("approval.approved", MANAGER), ("approval.completed", "alice")]
    (kept,) = rows(database, "SELECT request_json, return_number FROM pending_approvals")
    assert "pin" not in kept["request_json"] and kept["return_number"] == done.return_number


def test_a_refused_return_needs_a_reason_shows_it_to_the_cashier_and_is_dropped(shop: Till) -> None:
    approvals = open_pending_approvals(shop)
    parked = approvals.park(CASHIER, BIG, WHY)
    boss = shop.access.sign_in(MANAGER, PIN, Permission.APPROVE_RETURN)
    with pytest.raises(BadInput, match="Give the reason for refusing"):
        approvals.decide(boss, parked.id, False, "  ")
    approvals.decide(boss, parked.id, False, "watch worn; serial scratched")
    (mine,) = approvals.for_till()
    assert (mine.status, mine.decided_by, mine.decision_note) == ("refused", MANAGER, "watch worn; serial scratched")
    with pytest.raises(BadInput, match="refused this return: watch worn"):
        approvals.resume(CASHIER, parked.id)
    approvals.drop(CASHIER, parked.id)
    with pytest.raises(BadInput, match="completed or dropped already"):
        approvals.drop(CASHIER, parked.id)
    assert approvals.for_till() == []
    assert rows(shop.data_dir / DATABASE_FILE, "SELECT * FROM returns WHERE origin = 'till'") == []
    (audit,) = rows(shop.data_dir / DATABASE_FILE, "SELECT actor, detail_json FROM audit_log "
                                                   "WHERE action = 'approval.refused'")
    assert audit["actor"] == MANAGER and json.loads(audit["detail_json"])["note"] == "watch worn; serial scratched"


def test_a_malformed_request_is_not_parked(shop: Till) -> None:
    approvals = open_pending_approvals(shop)
    with pytest.raises(BadInput, match="idempotency_key"):
        approvals.park(CASHIER, {**BIG, "idempotency_key": None}, WHY)
    with pytest.raises(BadInput, match="lines"):
        approvals.park(CASHIER, {**BIG, "lines": []}, WHY)
    assert approvals.waiting() == []


def test_the_day_does_not_close_while_a_return_waits_for_a_manager(tmp_path: Path) -> None:
    with open_shop(tmp_path / "shop") as till:
        parked = open_pending_approvals(till).park(CASHIER, BIG, WHY)
    with open_shop(tmp_path / "shop", now=NOW + timedelta(hours=1), setup=False) as till:
        boss = till.access.sign_in(MANAGER, PIN, Permission.CLOSE_DAY)
        with pytest.raises(OpenItemsRemain, match="1 return\\(s\\) waiting for a manager"):
            open_day_close(till).close(boss, 0)
        open_pending_approvals(till).decide(boss, parked.id, False, "no manager today")
        open_pending_approvals(till).drop(CASHIER, parked.id)
        close = open_day_close(till).close(boss, 0)
    assert close.z_number == 1 and close.open_items.approvals == 0
