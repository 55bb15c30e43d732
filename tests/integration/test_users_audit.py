"""Users an administrator disables and enables again (a disabled account keeps its history and may
not sign in), and the audit log read back filtered by who, what, when and subject, and as CSV."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from helpers.cli import run_in
from helpers.returns import CASHIER, MANAGER, PIN, line, request

from posreturns.app import Till, open_audit
from posreturns.domain.errors import PinError
from posreturns.domain.permissions import Permission
from posreturns.services.audit_view import AuditFilter
from posreturns.services.errors import BadInput, PermissionDenied

ADMIN, ADMIN_PIN = "root", "135790"


@pytest.fixture
def admin_shop(shop: Till) -> Till:
    shop.users.seed(ADMIN, "Alex Admin", "admin", ADMIN_PIN)
    return shop


def test_a_disabled_user_may_not_sign_in_until_enabled_again(admin_shop: Till) -> None:
    admin = admin_shop.access.sign_in(ADMIN, ADMIN_PIN, Permission.MANAGE_USERS)
    assert admin_shop.users.set_enabled(admin, MANAGER, False).disabled
    with pytest.raises(PinError):
        admin_shop.access.sign_in(MANAGER, PIN, Permission.CLOSE_DAY)
    assert not admin_shop.users.set_enabled(admin, MANAGER, True).disabled
    assert admin_shop.access.sign_in(MANAGER, PIN, Permission.CLOSE_DAY).user_id == MANAGER
    actions = [r.action for r in open_audit(admin_shop).search(AuditFilter(subject=MANAGER, action="user.")) if
               r.action != "user.signed_in"]
    assert actions == ["user.enabled", "user.disabled", "user.added"]
    refused = open_audit(admin_shop).search(AuditFilter(action="signin.refused"))
    assert json.loads(refused[0].detail_json)["reason"] == "disabled"


def test_only_an_administrator_disables_and_never_themselves_or_the_last_admin(admin_shop: Till) -> None:
    manager = admin_shop.access.sign_in(MANAGER, PIN, Permission.CLOSE_DAY)
    with pytest.raises(PermissionDenied):
        admin_shop.users.set_enabled(manager, "root", False)
    admin = admin_shop.access.sign_in(ADMIN, ADMIN_PIN, Permission.MANAGE_USERS)
    with pytest.raises(BadInput, match="your own account"):
        admin_shop.users.set_enabled(admin, ADMIN, False)
    admin_shop.users.seed("root2", "Second Admin", "admin", "246824")
    other = admin_shop.access.sign_in("root2", "246824", Permission.MANAGE_USERS)
    admin_shop.users.set_enabled(other, ADMIN, False)
    admin_shop.users.set_enabled(admin_shop.access.sign_in("root2", "246824", Permission.MANAGE_USERS), ADMIN, True)
    admin = admin_shop.access.sign_in(ADMIN, ADMIN_PIN, Permission.MANAGE_USERS)
    admin_shop.users.set_enabled(admin, "root2", False)
    with pytest.raises(BadInput, match="last active administrator"):
        admin_shop.users.set_enabled(other, ADMIN, False)


def test_the_audit_is_filtered_by_who_what_when_and_subject(admin_shop: Till) -> None:
    number = admin_shop.returns.complete(request("PA01-000101", line("TSH-NVY-M")), CASHIER)["return_number"]
    audit = open_audit(admin_shop)
    (completed,) = audit.search(AuditFilter(who="alice", action="return."))
    assert completed.subject == number and json.loads(completed.detail_json)["refund_total_minor"] == 2990
    assert {r.subject for r in audit.search(AuditFilter(subject=number[-6:]))} == {number}
    assert audit.search(AuditFilter(action="return.", since=date(2026, 11, 27))) == []
    assert len(audit.search(AuditFilter(action="return.", until=date(2026, 11, 26)))) == 1
    assert len(audit.search(AuditFilter(limit=2))) == 2


def test_the_commands_disable_a_user_and_export_the_audit_as_csv(admin_shop: Till, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = admin_shop.data_dir
    code, out, err = run_in(folder, "user", "disable", MANAGER, "--user", ADMIN, "--pin-stdin", "--json",
                            stdin=f"{ADMIN_PIN}\n")
    assert code == 0 and json.loads(out)["disabled"] is True, err
    code, _, err = run_in(folder, "day", "status", "--user", MANAGER)  # reading still needs nobody
    assert code == 0, err
    target = tmp_path / "audit.csv"
    code, out, err = run_in(folder, "audit", "list", "--action", "user.", "--csv", str(target), "--language", "fr")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0] == ["id", "at", "actor", "action", "subject", "detail"]
    assert [r[2:5] for r in rows[1:3]] == [[ADMIN, "user.disabled", MANAGER], [ADMIN, "user.signed_in", ADMIN]]
    code, out, _ = run_in(folder, "audit", "list", "--who", ADMIN, "--json")
    assert code == 0 and {r["action"] for r in json.loads(out)["audit"]} == {"user.signed_in", "user.disabled"}
    assert run_in(folder, "audit", "list", "--since", "yesterday")[0] == 2
