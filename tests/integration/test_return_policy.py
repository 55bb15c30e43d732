"""Refusals, approvals with manager PINs and lockout, idempotency, policy versions: through the service."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import dump
from helpers.returns import CASHIER, MANAGER, PIN, Moments, line, open_shop, request, rows

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
        shop.returns.complete(body, CASHIER)
    assert dump(shop) == before


def test_a_sale_item_goes_through_as_store_credit(shop: Till) -> None:
    answer = shop.returns.complete(request("PA01-000103", line("JEAN-SLIM-42"), method="store_credit"), CASHIER)
    assert answer["status"] == "allowed" and answer["voucher"]["amount"] == "53.40"


def test_a_return_that_needs_approval_is_refused_without_one(shop: Till) -> None:
    before = dump(shop)
    with pytest.raises(ApprovalRequired, match="€500.00"):
        shop.returns.complete(request(*BIG), CASHIER)
    assert dump(shop) == before


def test_an_approval_names_the_manager_and_is_audited(shop: Till) -> None:
    answer = shop.returns.complete(request(*BIG, approval={"manager": MANAGER, "pin": PIN}), CASHIER)
    assert answer["approved_by"] == MANAGER and answer["approval_required"] is True
    ret = rows(db(shop), "SELECT approved_by FROM returns WHERE number = ?", (answer["return_number"],))[0]
    assert ret["approved_by"] == MANAGER
    (audit,) = rows(
        db(shop), "SELECT actor, subject, detail_json FROM audit_log WHERE action = 'return.approved'"
    )
    assert (audit["actor"], audit["subject"]) == (MANAGER, answer["return_number"])
    assert json.loads(audit["detail_json"])["rules"] == ["high_value"]
    assert shop.queries.outbox(None, 1)[0]["payload"]["approved_by"] == MANAGER


def test_five_wrong_pins_lock_the_manager_for_five_minutes(tmp_path: Path) -> None:
    moments = Moments()
    shop = open_shop(tmp_path / "shop", moments=moments)
    try:
        wrong = request(*BIG, approval={"manager": MANAGER, "pin": "0000"})
        for _ in range(4):
            with pytest.raises(PinError, match="^Wrong ID or PIN"):
                shop.returns.complete(wrong, CASHIER)
        with pytest.raises(PinError, match="locked for 5 more minute"):
            shop.returns.complete(wrong, CASHIER)
        right = request(*BIG, approval={"manager": MANAGER, "pin": PIN})
        moments.wait(60)
        with pytest.raises(PinError, match="locked for 4 more minute"):
            shop.returns.complete(right, CASHIER)
        user = rows(db(shop), "SELECT failed_attempts, locked_at FROM users WHERE id = ?", (MANAGER,))[0]
        assert (user["failed_attempts"], user["locked_at"]) == (5, "2026-11-26T09:00:00Z")
        refusals = [json.loads(r[0])["reason"] for r in rows(
            db(shop), "SELECT detail_json FROM audit_log WHERE action = 'signin.refused' AND actor = ? ORDER BY id",
            (MANAGER,))]
        assert refusals == ["wrong_pin"] * 5 + ["locked"]
        assert rows(db(shop), "SELECT COUNT(*) FROM returns WHERE origin = 'till'")[0][0] == 0
        moments.wait(4 * 60 + 1)
        assert shop.returns.complete(right, CASHIER)["approved_by"] == MANAGER
        assert rows(db(shop), "SELECT failed_attempts FROM users WHERE id = ?", (MANAGER,))[0][0] == 0
    finally:
        shop.close()


def test_cashiers_and_unknown_users_cannot_approve_and_hear_the_same_sentence(shop: Till) -> None:
    shop.users.seed("bob", "Bob Cashier", "cashier", "1357")
    answers = []
    for manager, pin in (("bob", "1357"), ("zoe", "1357"), (MANAGER, "9999")):
        with pytest.raises(PinError) as refused:
            shop.returns.complete(request(*BIG, approval={"manager": manager, "pin": pin}), CASHIER)
        answers.append((str(refused.value), refused.value.in_language("fr")))
    assert len(set(answers)) == 1 and answers[0][0].startswith("Wrong ID or PIN")
    audited = rows(db(shop), "SELECT action, actor, detail_json FROM audit_log WHERE action IN "
                             "('signin.refused', 'access.denied') ORDER BY id")
    assert [(a["action"], a["actor"], json.loads(a["detail_json"])["reason"]) for a in audited] == [
        ("access.denied", "bob", "role"), ("signin.refused", None, "unknown_id"),
        ("signin.refused", MANAGER, "wrong_pin")]
    assert "zoe" not in " ".join(a["detail_json"] for a in audited)  # a typed id may be a PIN typed in the wrong field


def test_the_same_key_twice_gives_the_first_answer_and_writes_nothing_more(shop: Till) -> None:
    body = request("PA01-000101", line("TSH-NVY-M", 2), key="till-T1-0001")
    first = shop.returns.complete(body, CASHIER)
    after_first = dump(shop)
    assert shop.returns.complete(body, CASHIER) == first
    assert dump(shop) == after_first
    assert rows(db(shop), "SELECT COUNT(*) FROM returns WHERE idempotency_key = 'till-T1-0001'")[0][0] == 1
    assert len(shop.queries.outbox(None, 100)) == 2
    with pytest.raises(AlreadyUsedKey, match=first["return_number"]):
        shop.returns.complete(request("PA01-000101", line("JEAN-SLIM-40"), key="till-T1-0001"), CASHIER)
    assert dump(shop) == after_first


def test_a_retry_with_the_same_key_does_not_ask_for_the_pin_again(shop: Till) -> None:
    body = request(*BIG, approval={"manager": MANAGER, "pin": PIN}, key="k")
    first = shop.returns.complete(body, CASHIER)
    assert shop.returns.complete({**body, "approval": {"manager": MANAGER, "pin": "0000"}}, CASHIER) == first


def test_a_fixed_clock_is_audited_with_the_return(shop: Till) -> None:
    answer = shop.returns.complete(request("PA01-000101", line("TSH-NVY-M")), CASHIER)
    (audit,) = rows(db(shop), "SELECT subject, detail_json FROM audit_log WHERE action = 'clock.override'")
    assert audit["subject"] == answer["return_number"]
    assert json.loads(audit["detail_json"])["now"] == "2026-11-26T10:00:00+01:00"


def test_a_bad_policy_changes_nothing_and_names_the_key(shop: Till, tmp_path: Path) -> None:
    before = shop.policies.describe()
    with pytest.raises(BadInput, match="window.dayz"):
        shop.policies.install('version = "x"\n[window]\ndayz = 3\n', "bad.toml")
    assert shop.policies.describe() == before


def test_every_return_records_the_policy_version_it_was_decided_with(shop: Till) -> None:
    shop.returns.complete(request("PA01-000101", line("TSH-NVY-M"), key="a"), CASHIER)
    loaded = shop.policies.install('version = "2026-12-strict"\n[window]\ndays = 2\n', "strict.toml")
    assert loaded["changed"] and loaded["version"] == "2026-12-strict"
    with pytest.raises(ReturnRefused, match="2-day"):
        shop.returns.complete(request("PA01-000101", line("JEAN-SLIM-40"), key="b"), CASHIER)
    shop.returns.complete(request("PA01-000105", line("TSH-RED-S"), key="c"), CASHIER)
    versions = [
        r[0]
        for r in rows(
            db(shop), "SELECT policy_version FROM returns WHERE origin = 'till' ORDER BY created_at, number"
        )
    ]
    assert versions == ["2026-11", "2026-12-strict"]
    with pytest.raises(BadInput, match="new version"):
        shop.policies.install('version = "2026-12-strict"\n[window]\ndays = 6\n', "strict2.toml")
    assert shop.policies.describe()["text"].endswith("days = 2\n")
    stored = {r[0] for r in rows(db(shop), "SELECT version FROM policies")}
    assert stored == {"2026-11", "2026-12-strict"}
