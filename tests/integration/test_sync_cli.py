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
from helpers.fake_medusa import KEY, FakeMedusa, order
from helpers.sync import add_return

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


ROOT = ("--user", "root", "--pin-stdin")  # the till's first administrator, PIN 135790 first on stdin


def first_admin(tmp_path: Path) -> None:
    added = cli(tmp_path, "user", "add", "root", "--name", "Root", "--role", "admin", "--first-admin", "--pin-stdin",
                stdin="135790\n")
    assert added.returncode == 0, added.stderr


def test_connect_sync_status_exceptions_resolve(tmp_path: Path, oms: FakeMedusa) -> None:
    first_admin(tmp_path)
    bad = cli(tmp_path, "oms", "connect", "--url", oms.url, "--api-key-stdin", *ROOT, stdin="135790\nsk_wrong\n")
    assert bad.returncode != 0 and "refused this till's API key" in bad.stderr and "sk_wrong" not in bad.stderr
    done = cli(tmp_path, "--json", "oms", "connect", "--url", oms.url, "--api-key-stdin", *ROOT,
               stdin="135790\n" + KEY + "\n")
    assert done.returncode == 0, done.stderr
    stored = Path(json.loads(done.stdout)["key_stored_in"])
    assert stored.parent == tmp_path / "creds" and oct(stored.stat().st_mode & 0o777) == "0o600"
    assert KEY not in (tmp_path / "data" / "posreturns.db").read_bytes().decode("latin-1")
    till = open_till(tmp_path / "data")
    try:
        oms.state.orders["order_1"]["items"][0]["detail"]["return_received_quantity"] = 1
        till.users.seed("mgr1", "Marie Manager", "manager", "2468")
        till.users.seed("alice", "Alice Cashier", "cashier", "1357")
        refused = add_return(till.engine, line="l1")
        add_return(till.engine, line="l2", order_id="order_2")
    finally:
        till.close()
    run = cli(tmp_path, "sync", "--once", "--no-pull", "--json")
    assert run.returncode == 5, run.stderr                   # events refused: not a success, and it says why
    assert "1 event(s) refused by the OMS and 0 held behind them" in run.stderr
    progress = [json.loads(line) for line in run.stderr.splitlines() if line.startswith('{"progress"')]
    assert progress[-1] == {**progress[-1], "progress": "upload", "done": 2, "total": 2}   # JSON lines on stderr
    assert json.loads(run.stdout)["upload"]["counts"] == {"applied": 1, "duplicate": 0, "rejected": 1, "retry": 0}
    status = json.loads(cli(tmp_path, "sync", "status", "--json").stdout)
    assert status["online"] is True and status["checked_now"] and status["outbox"]["rejected"] == 1
    assert (status["outbox"]["pending"], status["outbox_size"]) == (0, 1)
    listed = json.loads(cli(tmp_path, "sync", "exceptions", "--json").stdout)["exceptions"]
    assert [(e["seq"], e["event_id"]) for e in listed] == [(1, refused)]
    assert (listed[0]["return_number"], listed[0]["amount"], listed[0]["tenders"]) == (
        f"R-ret-{refused[:8]}", "25.00", [{"method": "card", "amount": "25.00"}])
    text = cli(tmp_path, "sync", "exceptions").stdout
    assert "REFUSED" in text and "25.00 EUR (25.00 card) at till T1 (PARIS-01)" in text and "only 0 unit(s)" in text
    wrong = cli(tmp_path, "sync", "resolve", "1", "--dismiss", "--user", "mgr1", "--pin-stdin", stdin="1111\n")
    assert wrong.returncode == 2 and "PIN" in wrong.stderr
    cashier = cli(tmp_path, "sync", "resolve", "1", "--dismiss", "--user", "alice", "--pin-stdin", stdin="1357\n")
    assert cashier.returncode == 2 and "PIN" in cashier.stderr       # a cashier cannot resolve
    assert cli(tmp_path, "sync", "resolve", "1", "--dismiss", "--user", "mgr1").returncode == 2   # no PIN, no terminal
    assert json.loads(cli(tmp_path, "sync", "exceptions", "--json").stdout)["exceptions"] != []
    done = cli(tmp_path, "sync", "resolve", "1", "--dismiss", "--user", "mgr1", "--pin-stdin", "--note",
               "voucher voided",
               stdin="2468\n")
    assert done.returncode == 0, done.stderr
    assert json.loads(cli(tmp_path, "sync", "exceptions", "--json").stdout)["exceptions"] == []
    assert cli(tmp_path, "sync", "resolve", "1", "--retry", *ROOT, stdin="135790\n").returncode == 3
    told = cli(tmp_path, "sync", "--once", "--no-pull", "--json")              # the OMS is told about the dismissal
    assert json.loads(told.stdout)["upload"]["counts"]["applied"] == 1
    note = oms.state.orders["order_1"]["metadata"][f"posreturns_refused_{listed[0]['return_number']}"]
    assert note["status"] == "dismissed" and note["resolutions"][0]["note"] == "voucher voided"
    assert note["resolutions"][0]["by"] == "mgr1"


def test_sync_without_an_oms_says_what_to_do(tmp_path: Path) -> None:
    run = cli(tmp_path, "sync", "--once")
    assert run.returncode == 2 and "posreturns oms connect" in run.stderr


def test_an_unreachable_oms_is_offline_not_a_crash(tmp_path: Path, oms: FakeMedusa) -> None:
    first_admin(tmp_path)
    assert cli(tmp_path, "oms", "connect", "--url", oms.url, "--api-key-stdin", *ROOT,
               stdin="135790\n" + KEY + "\n").returncode == 0
    oms.stop()
    run = cli(tmp_path, "sync", "--once")
    assert run.returncode == 4 and "OFFLINE" in run.stdout and "cannot be reached" in run.stdout


def test_status_asks_the_oms_unless_cached_and_never_lies(tmp_path: Path, oms: FakeMedusa) -> None:
    first_admin(tmp_path)
    assert cli(tmp_path, "oms", "connect", "--url", oms.url, "--api-key-stdin", *ROOT,
               stdin="135790\n" + KEY + "\n").returncode == 0
    assert cli(tmp_path, "sync", "--once", "--no-pull").returncode == 0
    up = cli(tmp_path, "sync", "status")
    assert up.returncode == 0 and "online (answered in" in up.stdout and "plugin not installed" in up.stdout
    oms.stop()                                                 # the OMS goes down after the last sync
    down = cli(tmp_path, "--json", "sync", "status")
    assert down.returncode == 4 and json.loads(down.stdout)["online"] is False
    assert "cannot be reached" in json.loads(down.stdout)["reason"]
    cached = cli(tmp_path, "sync", "status", "--cached")
    assert cached.returncode == 4 and "offline as of" in cached.stdout and "not checked now" in cached.stdout


def test_changing_the_oms_or_the_store_resets_the_cursors_after_a_confirmation(tmp_path: Path, oms: FakeMedusa) -> None:
    first_admin(tmp_path)
    assert cli(tmp_path, "oms", "connect", "--url", oms.url, "--api-key-stdin", *ROOT,
               stdin="135790\n" + KEY + "\n").returncode == 0
    assert cli(tmp_path, "config", "set", "store.id", "PARIS-01", *ROOT, stdin="135790\n").returncode == 0
    assert cli(tmp_path, "sync", "--once").returncode == 0
    till = open_till(tmp_path / "data")
    try:
        assert till.engine.connect().exec_driver_sql("SELECT count(*) FROM sync_streams WHERE cursor IS NOT NULL "
                                                      "OR stream = 'stores'").scalar()
    finally:
        till.close()
    moved = cli(tmp_path, "config", "set", "store.id", "LYON-02", *ROOT, stdin="135790\n")
    assert moved.returncode == 2 and "--yes" in moved.stderr and "pulls everything again" in moved.stderr
    assert cli(tmp_path, "config", "get", "store.id").stdout.strip() == "PARIS-01"      # nothing changed
    assert cli(tmp_path, "config", "set", "store.id", "LYON-02", "--yes", *ROOT, stdin="135790\n").returncode == 0
    other = "http://127.0.0.1:9"                                                         # another OMS
    asked = cli(tmp_path, "oms", "connect", "--url", other, "--api-key-stdin", "--no-check", *ROOT,
                stdin="135790\nsk_other\n")
    assert asked.returncode == 2 and "--yes" in asked.stderr
    done = cli(tmp_path, "--json", "oms", "connect", "--url", other, "--api-key-stdin", "--no-check", "--yes", *ROOT,
               stdin="135790\nsk_other\n")
    assert done.returncode == 0 and json.loads(done.stdout)["cursors_reset"] is True
    till = open_till(tmp_path / "data")
    try:
        with till.engine.connect() as connection:
            kept = connection.exec_driver_sql("SELECT count(*) FROM sync_streams WHERE cursor IS NOT NULL").scalar()
            assert kept == 0
            assert connection.exec_driver_sql("SELECT value FROM sync_meta WHERE key = 'cursors.for'").scalar() == (
                f"{other}|LYON-02")
    finally:
        till.close()


def test_each_data_folder_has_its_own_key_and_an_older_shared_one_is_taken_over(tmp_path: Path) -> None:
    from posreturns.sync.credentials import CredentialStore

    creds = tmp_path / "creds"
    (creds).mkdir()
    (creds / "oms-credentials.json").write_text(json.dumps({"https://oms.example": "sk_shared"}))  # an older version's
    env_dirs = {"POSRETURNS_CREDENTIALS_DIR": str(creds), "POSRETURNS_NO_KEYRING": "1"}
    first, second = CredentialStore(tmp_path / "till-1", creds), CredentialStore(tmp_path / "till-2", creds)
    import os
    saved = {k: os.environ.get(k) for k in [*env_dirs, "POSRETURNS_OMS_API_KEY"]}
    os.environ.update(env_dirs)
    os.environ.pop("POSRETURNS_OMS_API_KEY", None)
    try:
        assert first.load("https://oms.example") == "sk_shared"          # taken over for till-1…
        first.save("https://oms.example", "sk_till_1")                   # …then changed for till-1 only
        assert second.load("https://oms.example") == "sk_shared" and first.load("https://oms.example") == "sk_till_1"
        stored = json.loads((creds / "oms-credentials.json").read_text())
        assert set(stored["by_data_folder"]) == {str((tmp_path / "till-1").resolve()),
                                                 str((tmp_path / "till-2").resolve())}
        assert oct((creds / "oms-credentials.json").stat().st_mode & 0o777) == "0o600"
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
