"""`posreturns oms connect`, `sync --once`, `sync status --json`, `sync exceptions`, `sync resolve`
in real processes against the scripted OMS on loopback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from integration.fake_medusa import KEY, FakeMedusa, order
from sync_support import add_return

from posreturns.app import open_till


@pytest.fixture
def oms() -> Iterator[FakeMedusa]:
    server = FakeMedusa().start()
    server.state.orders["order_1"] = order("order_1", {"l1": 1, "l2": 1})
    server.state.orders["order_2"] = order("order_2", {"l2": 1})
    yield server
    server.stop()


def cli(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POSRETURNS_CREDENTIALS_DIR": str(tmp_path / "creds"), "POSRETURNS_NO_KEYRING": "1"}
    env.pop("POSRETURNS_OMS_API_KEY", None)
    return subprocess.run([sys.executable, "-m", "posreturns", "--data-dir", str(tmp_path / "data"), *args],
                          input=stdin, capture_output=True, text=True, env=env, timeout=60, check=False)


def test_connect_sync_status_exceptions_resolve(tmp_path: Path, oms: FakeMedusa) -> None:
    bad = cli(tmp_path, "oms", "connect", "--url", oms.url, "--api-key-stdin", stdin="sk_wrong\n")
    assert bad.returncode != 0 and "refused this till's API key" in bad.stderr and "sk_wrong" not in bad.stderr
    done = cli(tmp_path, "--json", "oms", "connect", "--url", oms.url, "--api-key-stdin", stdin=KEY + "\n")
    assert done.returncode == 0, done.stderr
    stored = Path(json.loads(done.stdout)["key_stored_in"])
    assert stored.parent == tmp_path / "creds" and oct(stored.stat().st_mode & 0o777) == "0o600"
    assert KEY not in (tmp_path / "data" / "posreturns.db").read_bytes().decode("latin-1")
    till = open_till(tmp_path / "data")
    try:
        oms.state.orders["order_1"]["items"][0]["detail"]["return_received_quantity"] = 1
        till.users.add("mgr1", "Marie Manager", "manager", "2468")
        till.users.add("alice", "Alice Cashier", "cashier", None)
        refused = add_return(till.engine, line="l1")
        add_return(till.engine, line="l2", order_id="order_2")
    finally:
        till.close()
    run = cli(tmp_path, "sync", "--once", "--no-pull", "--json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["upload"]["counts"] == {"applied": 1, "duplicate": 0, "rejected": 1, "retry": 0}
    status = json.loads(cli(tmp_path, "sync", "status", "--json").stdout)
    assert status["online"] is True and status["outbox"]["rejected"] == 1 and status["outbox_size"] == 1
    listed = json.loads(cli(tmp_path, "sync", "exceptions", "--json").stdout)["exceptions"]
    assert [(e["seq"], e["event_id"]) for e in listed] == [(1, refused)]
    assert (listed[0]["return_number"], listed[0]["amount"], listed[0]["tenders"]) == (
        f"R-ret-{refused[:8]}", "25.00", [{"method": "card", "amount": "25.00"}])
    text = cli(tmp_path, "sync", "exceptions").stdout
    assert "REFUSED" in text and "25.00 EUR (25.00 card) at till T1 (PARIS-01)" in text and "only 0 unit(s)" in text
    wrong = cli(tmp_path, "sync", "resolve", "1", "--dismiss", "--by", "mgr1", "--pin-stdin", stdin="1111\n")
    assert wrong.returncode == 2 and "PIN" in wrong.stderr
    cashier = cli(tmp_path, "sync", "resolve", "1", "--dismiss", "--by", "alice", "--pin-stdin", stdin="1111\n")
    assert cashier.returncode == 2                                   # a cashier cannot resolve
    assert cli(tmp_path, "sync", "resolve", "1", "--dismiss", "--by", "mgr1").returncode == 2   # no PIN, no terminal
    assert json.loads(cli(tmp_path, "sync", "exceptions", "--json").stdout)["exceptions"] != []
    done = cli(tmp_path, "sync", "resolve", "1", "--dismiss", "--by", "mgr1", "--pin-stdin", "--note", "voucher voided",
               stdin="2468\n")
    assert done.returncode == 0, done.stderr
    assert json.loads(cli(tmp_path, "sync", "exceptions", "--json").stdout)["exceptions"] == []
    assert cli(tmp_path, "sync", "resolve", "1", "--retry", "--by", "mgr1", "--pin-stdin", stdin="2468\n").returncode == 3
    told = cli(tmp_path, "sync", "--once", "--no-pull", "--json")              # the OMS is told about the dismissal
    assert json.loads(told.stdout)["upload"]["counts"]["applied"] == 1
    note = oms.state.orders["order_1"]["metadata"][f"posreturns_refused_{listed[0]['return_number']}"]
    assert note["status"] == "dismissed" and note["resolutions"][0]["note"] == "voucher voided"
    assert note["resolutions"][0]["by"] == "mgr1"


def test_sync_without_an_oms_says_what_to_do(tmp_path: Path) -> None:
    run = cli(tmp_path, "sync", "--once")
    assert run.returncode == 2 and "posreturns oms connect" in run.stderr


def test_an_unreachable_oms_is_offline_not_a_crash(tmp_path: Path, oms: FakeMedusa) -> None:
    assert cli(tmp_path, "oms", "connect", "--url", oms.url, "--api-key-stdin", stdin=KEY + "\n").returncode == 0
    oms.stop()
    run = cli(tmp_path, "sync", "--once")
    assert run.returncode == 4 and "OFFLINE" in run.stdout and "cannot be reached" in run.stdout
