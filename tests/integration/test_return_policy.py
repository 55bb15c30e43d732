"""Refusals, approvals with manager PINs and lockout, idempotency, policy versions: through the service."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import dump
from integration.returns_support import MANAGER, NOW, PIN, line, open_shop, request, rows

from posreturns.app import Till
from posreturns.domain.errors import PinError
from posreturns.services.errors import AlreadyUsedKey, ApprovalRequired, BadInput, ReturnRefused

BIG = ("PA01-000108", line("MONTRE-CONN-42", serial="SN-MW-4201"), line("CASQ-BT-BLANC", serial="SN-CQ-0107"))


def db(till: Till) -> Path:
    return till.data_dir / "posreturns.db"


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (request("PA01-000105", line("MAILLOT-M")), "Final-sale"),
        (request("PA01-000107", line("BASK-CUIR-39")), "window"),
        (request("PA01-000103", line("JEAN-SLIM-42")), "store credit"),
    ],
)
def test_what_the_policy_refuses_is_not_recorded(shop: Till, body: dict, why: str) -> None:
    before = dump(shop)
    with pytest.raises(ReturnRefused, match=why):
        shop.returns.complete(body)
    assert dump(shop) == before


def test_a_sale_item_goes_through_as_store_credit(shop: Till) -> None:
    answer = shop.returns.complete(request("PA01-000103", line("JEAN-SLIM-42"), method="store_credit"))
    assert answer["status"] == "allowed" and answer["voucher"]["amount"] == "53.40"


def test_a_return_that_needs_approval_is_refused_without_one(shop: Till) -> None:
    before = dump(shop)
    with pytest.raises(ApprovalRequired, match="500.00 EUR"):
        shop.returns.complete(request(*BIG))
    assert dump(shop) == before


def test_an_approval_names_the_manager_and_is_audited(shop: Till) -> None:
    answer = shop.returns.complete(request(*BIG, approval={"manager": MANAGER, "pin": PIN}))
    assert answer["approved_by"] == MANAGER and answer["approval_required"] is True
    ret = rows(db(shop), "SELECT approved_by FROM returns WHERE number = ?", (answer["return_number"],))[0]
    assert ret["approved_by"] == MANAGER
    (audit,) = rows(
        db(shop), "SELECT actor, subject, detail_json FROM audit_log WHERE action = 'return.approved'"
    )
    assert (audit["actor"], audit["subject"]) == (MANAGER, answer["return_number"])
    assert json.loads(audit["detail_json"])["rules"] == ["high_value"]
    assert shop.queries.outbox(None, 1)[0]["payload"]["approved_by"] == MANAGER


def test_five_wrong_pins_lock_the_manager_for_five_minutes(shop: Till, tmp_path: Path) -> None:
    wrong = request(*BIG, approval={"manager": MANAGER, "pin": "0000"})
    for left in (4, 3, 2, 1):
        with pytest.raises(PinError, match=f"{left} tries left"):
            shop.returns.complete(wrong)
    with pytest.raises(PinError, match="locked for 5 minutes"):
        shop.returns.complete(wrong)
    right = request(*BIG, approval={"manager": MANAGER, "pin": PIN})
    with pytest.raises(PinError, match="locked for 5 more minute"):
        shop.returns.complete(right)
    user = rows(db(shop), "SELECT failed_attempts, locked_until FROM users WHERE id = ?", (MANAGER,))[0]
    assert (user["failed_attempts"], user["locked_until"]) == (5, "2026-11-26T09:05:00Z")
    actions = [
        r[0] for r in rows(db(shop), "SELECT action FROM audit_log WHERE actor = ? ORDER BY id", (MANAGER,))
    ]
    assert actions == ["approval.pin_refused"] * 5 + ["approval.refused"]
    assert rows(db(shop), "SELECT COUNT(*) FROM returns WHERE origin = 'till'")[0][0] == 0
    later = open_shop(shop.data_dir, now=NOW + timedelta(minutes=5, seconds=1), setup=False)
    try:
        assert later.returns.complete(right)["approved_by"] == MANAGER
        assert rows(db(shop), "SELECT failed_attempts FROM users WHERE id = ?", (MANAGER,))[0][0] == 0
    finally:
        later.close()


def test_cashiers_and_unknown_users_cannot_approve(shop: Till) -> None:
    shop.users.add("bob", "Bob Cashier", "cashier", None)
    with pytest.raises(PinError, match="not a manager"):
        shop.returns.complete(request(*BIG, approval={"manager": "bob", "pin": "1111"}))
    with pytest.raises(PinError, match='No user "zoe"'):
        shop.returns.complete(request(*BIG, approval={"manager": "zoe", "pin": "1111"}))


def test_the_same_key_twice_gives_the_first_answer_and_writes_nothing_more(shop: Till) -> None:
    body = request("PA01-000101", line("TSH-NVY-M", 2), key="till-T1-0001")
    first = shop.returns.complete(body)
    after_first = dump(shop)
    assert shop.returns.complete(body) == first
    assert dump(shop) == after_first
    assert rows(db(shop), "SELECT COUNT(*) FROM returns WHERE idempotency_key = 'till-T1-0001'")[0][0] == 1
    assert len(shop.queries.outbox(None, 100)) == 2
    with pytest.raises(AlreadyUsedKey, match=first["return_number"]):
        shop.returns.complete(request("PA01-000101", line("JEAN-SLIM-40"), key="till-T1-0001"))
    assert dump(shop) == after_first


def test_a_retry_with_the_same_key_does_not_ask_for_the_pin_again(shop: Till) -> None:
    body = request(*BIG, approval={"manager": MANAGER, "pin": PIN}, key="k")
    first = shop.returns.complete(body)
    assert shop.returns.complete({**body, "approval": {"manager": MANAGER, "pin": "0000"}}) == first


def test_a_fixed_clock_is_audited_with_the_return(shop: Till) -> None:
    answer = shop.returns.complete(request("PA01-000101", line("TSH-NVY-M")))
    (audit,) = rows(db(shop), "SELECT subject, detail_json FROM audit_log WHERE action = 'clock.override'")
    assert audit["subject"] == answer["return_number"]
    assert json.loads(audit["detail_json"])["now"] == "2026-11-26T10:00:00+01:00"


def test_a_bad_policy_changes_nothing_and_names_the_key(shop: Till, tmp_path: Path) -> None:
    before = shop.policies.describe()
    with pytest.raises(BadInput, match="window.dayz"):
        shop.policies.load('version = "x"\n[window]\ndayz = 3\n', "bad.toml")
    assert shop.policies.describe() == before


def test_every_return_records_the_policy_version_it_was_decided_with(shop: Till) -> None:
    shop.returns.complete(request("PA01-000101", line("TSH-NVY-M"), key="a"))
    loaded = shop.policies.load('version = "2026-12-strict"\n[window]\ndays = 2\n', "strict.toml")
    assert loaded["changed"] and loaded["version"] == "2026-12-strict"
    with pytest.raises(ReturnRefused, match="2-day"):
        shop.returns.complete(request("PA01-000101", line("JEAN-SLIM-40"), key="b"))
    shop.returns.complete(request("PA01-000105", line("TSH-RED-S"), key="c"))
    versions = [
        r[0]
        for r in rows(
            db(shop), "SELECT policy_version FROM returns WHERE origin = 'till' ORDER BY created_at, number"
        )
    ]
    assert versions == ["2026-11", "2026-12-strict"]
    with pytest.raises(BadInput, match="new version"):
        shop.policies.load('version = "2026-12-strict"\n[window]\ndays = 6\n', "strict2.toml")
    assert shop.policies.describe()["text"].endswith("days = 2\n")
    stored = {r[0] for r in rows(db(shop), "SELECT version FROM policies")}
    assert stored == {"2026-11", "2026-12-strict"}
