"""Who may do what, use case by use case: the services refuse (and audit) a role that lacks the
permission, whichever front end calls them; the command line asks every command that changes
something for the ID and PIN of someone allowed (docs/security.md has the table)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import DEMO_DAY
from helpers.cli import run_in
from helpers.returns import SHIPPED_POLICY, line, request, rows

from posreturns.app import Till, open_till
from posreturns.demo.network import demo_network
from posreturns.domain.permissions import LEAST_ROLE
from posreturns.domain.users import Principal, Role
from posreturns.services.errors import PermissionDenied

DEMO_USERS = {Role.CASHIER: ("camille", "2580"), Role.MANAGER: ("sophie", "1234"), Role.ADMIN: ("admin", "246810")}
RANK = [Role.CASHIER, Role.MANAGER, Role.ADMIN]


def test_the_table_gives_each_use_case_its_least_role() -> None:
    assert {p.value: r.value for p, r in LEAST_ROLE.items()} == {
        "sales.find": "cashier", "return.quote": "cashier", "return.complete": "cashier",
        "return.confirm_payment": "cashier", "receipt.reprint": "cashier", "return.approve": "manager",
        "drawer.open": "manager", "drawer.float": "cashier", "sync.resolve": "manager", "settings.devices": "manager",
        "settings.till": "admin", "policy.load": "admin", "data.import": "admin", "users.manage": "admin",
        "oms.connect": "admin", "storage.restore": "manager", "network.load": "admin", "mail.connect": "admin",
        "restock.manage": "manager", "alerts.resolve": "manager", "labels.print": "cashier",
        "day.close": "manager"}


def test_the_documented_table_is_the_one_the_services_check() -> None:
    text = (Path(__file__).parents[2] / "docs" / "security.md").read_text(encoding="utf-8")
    documented = {}
    for row in text.splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[1].startswith("`") and cells[1].endswith("`"):
            marks = cells[2:]
            documented[cells[1].strip("`")] = RANK[marks.index("✓")].value if "✓" in marks else None
    assert documented == {p.value: r.value for p, r in LEAST_ROLE.items()}


# --- the services ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("permissions")
    assert run_in(folder, "demo", "--today", "2026-11-26")[0] == 0
    with open_till(folder) as till:
        till.users.seed("zed", "Zed", "cashier", "4680")  # nobody's own account in these tests
        done = till.returns.complete(request("W-100202", line("ORD-W2002-L1"), cashier=None), principal(Role.CASHIER))
        assert done["return_number"] == "RPARIS01-T1-000001"  # the host-answer case records its terminal's answer
    return folder


@pytest.fixture
def till(demo_dir: Path) -> Iterator[Till]:
    opened = open_till(demo_dir)
    yield opened
    opened.close()


def principal(role: Role) -> Principal:
    user_id = DEMO_USERS[role][0]
    return Principal(user_id, user_id, role)


SERVICE_CASES: dict[str, tuple[Role, Callable[[Till, Principal], Any]]] = {
    "add a user": (Role.ADMIN, lambda t, p: t.users.add(p, f"u-{p.user_id}", "U", "cashier", "4680")),
    "unlock a user": (Role.ADMIN, lambda t, p: t.users.unlock(p, "camille")),
    "set another user's PIN": (Role.ADMIN, lambda t, p: t.users.set_pin(p, "zed", "4680")),
    "load a policy": (Role.ADMIN, lambda t,
                      p: t.policies.load(SHIPPED_POLICY.read_text(encoding="utf-8"), "x.toml", p)),
    "switch the policy": (Role.ADMIN, lambda t, p: t.policies.activate("2026-11", p)),
    "change the printer": (Role.MANAGER, lambda t, p: t.settings_admin.change(p, {"printer.profile": "generic-80mm"})),
    "change the till's id": (Role.ADMIN, lambda t, p: t.settings_admin.change(p, {"store.address": "1 rue X"})),
    "set policy.active": (Role.ADMIN, lambda t, p: t.settings_admin.change(p, {"policy.active": "2026-11"})),
    "record a host answer": (Role.CASHIER, lambda t, p: t.host_answers.record("RPARIS01-T1-000001", True, "A-1", p)),
}


@pytest.mark.parametrize("role", RANK)
@pytest.mark.parametrize("case", SERVICE_CASES)
def test_each_service_refuses_and_audits_a_role_below_its_permission(till: Till, case: str, role: Role) -> None:
    least, call = SERVICE_CASES[case]
    before = _count(till, "access.denied")
    if RANK.index(role) < RANK.index(least):
        with pytest.raises(PermissionDenied, match="Only an administrator|Only a manager"):
            call(till, principal(role))
        assert _count(till, "access.denied") == before + 1
    else:
        call(till, principal(role))
        assert _count(till, "access.denied") == before


def test_a_user_changes_their_own_pin_but_nobody_elses(till: Till) -> None:
    camille = principal(Role.CASHIER)
    till.users.set_pin(camille, "camille", "2580")
    with pytest.raises(PermissionDenied):
        till.users.set_pin(camille, "sophie", "2580")
    with pytest.raises(PermissionDenied):  # a cashier the host vouches for has no PIN of ours to change
        till.users.set_pin(Principal.vouched("camille", by="host"), "camille", "2580")


def test_settings_posreturns_keeps_for_itself_cannot_be_set_by_anyone(till: Till) -> None:
    from posreturns.services.errors import BadInput

    for key in ("till.training", "returns.seq.T1", "security.install_id", "draft.return.T1", "sync.online"):
        with pytest.raises(BadInput, match="kept by posreturns itself"):
            till.settings_admin.change(principal(Role.ADMIN), {key: "0"})
    assert till.training


def _count(till: Till, action: str) -> int:
    return int(rows(till.data_dir / "posreturns.db", "SELECT count(*) FROM audit_log WHERE action = ?",
                    (action,))[0][0])


# --- the command line ---------------------------------------------------------------------------------

IMPORT = {"format": "posreturns/1", "stores": [{"id": "LYON-02", "name": "Lyon", "currency": "EUR",
                                                "prices_include_tax": True, "timezone": "Europe/Paris"}]}
RETURN = {"receipt": "PA01-000102", "lines": [{"code": "CHAUSS-PACK", "qty": 1, "reason": "WRONG_SIZE",
                                                "condition": "NEW_WITH_TAGS"}]}
# command line → (least role, what follows the PIN on stdin)
COMMANDS: dict[str, tuple[Role, str]] = {
    "user add u-{role} --name U --role cashier": (Role.ADMIN, "4680\n"),
    "user unlock camille": (Role.ADMIN, ""),
    "user pin zed": (Role.ADMIN, "4680\n"),
    "policy load {policy}": (Role.ADMIN, ""),
    "config set printer.profile generic-80mm": (Role.MANAGER, ""),
    "config set store.address 1-rue-X": (Role.ADMIN, ""),
    "config set policy.active 2026-11": (Role.ADMIN, ""),
    "import {import_file}": (Role.ADMIN, ""),
    "sync resolve 1 --dismiss": (Role.MANAGER, ""),
    "oms connect --url https://oms.example.com --api-key-stdin --no-check": (Role.ADMIN, "sk_test\n"),
    "return complete": (Role.CASHIER, "{return}"),
    "return confirm RPARIS01-T1-999999 --reference A-1": (Role.CASHIER, ""),
    "print reprint RPARIS01-T1-999999": (Role.CASHIER, ""),
    "print retry": (Role.CASHIER, ""),
    "device open-drawer": (Role.MANAGER, ""),
    "print cancel 999999": (Role.CASHIER, ""),
    "mail resend RPARIS01-T1-999999": (Role.CASHIER, ""),
    "mail connect --host 127.0.0.1 --from shop@example.fr --no-check": (Role.ADMIN, ""),
    "exchange network load {network}": (Role.ADMIN, ""),
    "config import {devices}": (Role.MANAGER, ""),
    "config import {provisioning}": (Role.ADMIN, ""),
    "restore {missing_backup}": (Role.MANAGER, ""),
    "restock release UNOPE-1": (Role.MANAGER, ""),
    "restock scrap UNOPE-1 --reason torn": (Role.MANAGER, ""),
    "restock resale UNOPE-1 --grade A": (Role.MANAGER, ""),
    "restock rtv UNOPE-1 --vendor V": (Role.MANAGER, ""),
    "rtv ship RTV-NOPE": (Role.MANAGER, ""),
    "alerts resolve 999 --note done": (Role.MANAGER, ""),
    "print label UNOPE-1": (Role.CASHIER, ""),
}
DEVICES = '[printer]\nprofile = "generic-80mm"\n[scanner]\nmode = "keyboard"\n'
PROVISIONING = DEVICES + '[store]\naddress = "1 rue X"\n'



@pytest.mark.parametrize("role", [None, *RANK])
@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_asks_for_someone_allowed(demo_dir: Path, tmp_path: Path, command: str, role: Role | None) -> None:
    least, after = COMMANDS[command]
    files = {"import_file": ("store.json", json.dumps(IMPORT)), "network": ("network.toml", demo_network(DEMO_DAY)),
             "devices": ("devices.toml", DEVICES), "provisioning": ("till.toml", PROVISIONING)}
    for name, text in files.values():
        (tmp_path / name).write_text(text, encoding="utf-8")
    argv = command.format(role=role.value if role else "none", policy=SHIPPED_POLICY,
                          missing_backup=tmp_path / "no-backup.db",
                          **{key: tmp_path / name for key, (name, _text) in files.items()}).split()
    body = json.dumps({**RETURN, "idempotency_key": f"perm-{role}"})
    if role is None:
        code, _out, err = run_in(demo_dir, "--json", *argv, "--pin-stdin", stdin=after.replace("{return}", body))
        assert code == 2 and "needs the ID and PIN of" in json.loads(err)["error"]["message"]
        return
    user_id, pin = DEMO_USERS[role]
    db = demo_dir / "posreturns.db"
    last = rows(db, "SELECT max(id) FROM audit_log")[0][0]
    code, _out, err = run_in(demo_dir, "--json", *argv, "--user", user_id, "--pin-stdin",
                           stdin=f"{pin}\n" + after.replace("{return}", body))
    audited = {(r["action"], json.loads(r["detail_json"]).get("for")) for r in rows(
        db, "SELECT action, detail_json FROM audit_log WHERE id > ? AND actor = ?", (last, user_id))}
    error = json.loads(err)["error"] if err else {}
    if RANK.index(role) < RANK.index(least):
        assert code == 2 and error["code"] == "pin_refused", err
        assert any(action == "access.denied" for action, _for in audited)
    else:
        assert error.get("code") != "pin_refused", err
        assert any(action == "user.signed_in" for action, _for in audited)


def test_the_first_administrator_needs_no_one_else_and_then_only_once(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"

    def first(user_id: str, pin: str) -> tuple[int, str, str]:
        return run_in(fresh, "user", "add", user_id, "--name", "Root", "--role", "admin", "--first-admin",
                      "--pin-stdin",
                    stdin=pin + "\n")

    code, _out, err = first("root", "1357")
    assert code == 2 and "6 to 12 digits" in err
    assert first("root", "135790")[0] == 0
    code, _out, err = first("root2", "135790")
    assert code == 2 and "already has an administrator" in err
    assert [tuple(r) for r in rows(fresh / "posreturns.db",
                                   "SELECT actor, subject FROM audit_log WHERE action = 'user.added'")] == [
        (None, "root")]


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs a POSIX pseudo-terminal")
def test_on_a_terminal_the_pin_is_asked_for_and_never_echoed(demo_dir: Path) -> None:
    import os
    import pty
    import select
    import sys

    pid, terminal = pty.fork()
    if pid == 0:  # the child: posreturns on a real terminal
        os.execv(sys.executable, [sys.executable, "-m", "posreturns", "--data-dir", str(demo_dir), "config", "set",
                                  "printer.profile", "generic-58mm", "--user", "sophie"])
    seen = b""

    def read_until(needle: bytes) -> None:
        nonlocal seen
        while needle not in seen:
            ready, _, _ = select.select([terminal], [], [], 60)
            assert ready, f"no {needle!r} after {seen!r}"
            try:
                chunk = os.read(terminal, 1024)
            except OSError:  # the child closed the terminal
                break
            seen += chunk

    read_until(b"PIN for sophie:")
    os.write(terminal, b"1234\n")
    read_until(b"printer.profile = generic-58mm")
    _, status = os.waitpid(pid, 0)
    os.close(terminal)
    assert os.waitstatus_to_exitcode(status) == 0
    assert b"1234" not in seen
