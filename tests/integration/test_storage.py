"""Storage that never silently loses a refund: a database that lost its -wal, a copy of the .db alone
put back, backups through SQLite's backup API, restore, damaged and locked databases."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import dump
from helpers.cli import run_cli
from helpers.returns import (
    CASHIER,
    MANAGER,
    PIN,
    SHIPPED_POLICY,
    check_whole,
    line,
    open_shop,
    request,
    rows,
)

from posreturns.services.errors import StorageError

RETURNS = [("PA01-000101", "TSH-NVY-M"), ("PA01-000102", "ROBE-LIN-38")]
AS_MANAGER = ("--user", MANAGER, "--pin-stdin")  # with PIN first on stdin


@contextmanager
def reader_holding(db: Path) -> Iterator[subprocess.Popen[str]]:
    """Another program with the database open and a read transaction: SQLite cannot move what is
    committed meanwhile from the -wal file into the .db file (a report tool, a second window...)."""
    code = ("import sqlite3, sys\n"
            f"c = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
            "c.execute('BEGIN'); c.execute('SELECT COUNT(*) FROM returns').fetchone()\n"
            "print('holding', flush=True); sys.stdin.read()\n")
    with subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          text=True) as process:
        assert process.stdout is not None and process.stdout.readline().strip() == "holding"
        try:
            yield process
        finally:
            if process.poll() is None:
                process.kill()


def _complete_two_returns(data_dir: Path) -> list[str]:
    shop = open_shop(data_dir, setup=False)
    try:
        return [shop.returns.complete(request(receipt, line(sku), key=f"k-{receipt}"), CASHIER)["return_number"]
                for receipt, sku in RETURNS]
    finally:
        shop.close()


def _returned(db: Path, number: str) -> bool:
    return bool(rows(db, "SELECT 1 FROM returns WHERE number = ?", (number,)))


def test_a_database_that_lost_its_wal_issues_no_return_until_a_backup_is_restored(tmp_path: Path) -> None:
    data_dir, db = tmp_path / "till", tmp_path / "till" / "posreturns.db"
    open_shop(data_dir).close()
    with reader_holding(db) as reader:
        numbers = _complete_two_returns(data_dir)
        assert os.path.getsize(f"{db}-wal") > 0
        assert run_cli("--data-dir", str(data_dir), "backup", str(tmp_path / "good.db")).code == 0  # made the safe way
        assert (tmp_path / "good.db").stat().st_mode & 0o777 == 0o600  # it holds what the database holds
        reader.send_signal(signal.SIGKILL)  # gone without a checkpoint: the two returns are only in -wal
        reader.wait(timeout=30)
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink()
    assert not any(_returned(db, n) for n in numbers)  # the refunded units would be returnable again

    shop = open_shop(data_dir, setup=False)
    before = dump(shop)
    with pytest.raises(StorageError, match=r"lost what it had recorded \(returns 1-2 of till T1"):
        shop.returns.complete(request("PA01-000101", line("TSH-NVY-M"), key="again"), CASHIER)
    assert dump(shop) == before
    shop.close()
    refused = run_cli("--data-dir", str(data_dir), "return", "complete", "--request",
                      str(_request_file(tmp_path, "PA01-000101", "TSH-NVY-M")), *AS_MANAGER, stdin=PIN + "\n")
    assert refused.code == 2 and "posreturns restore" in refused.err and refused.err.count("\n") == 1
    verified = run_cli("--data-dir", str(data_dir), "--json", "verify", "--quick")
    assert verified.code == 5 and [f["kind"] for f in json.loads(verified.out)["findings"]] == ["lost_returns"]

    restored = run_cli("--data-dir", str(data_dir), "--json", "restore", str(tmp_path / "good.db"), *AS_MANAGER,
                       stdin=PIN + "\n")
    assert restored.code == 0, restored.err
    assert json.loads(restored.out)["lost"] == []
    assert all(_returned(db, n) for n in numbers)  # the backup API copied what lived in -wal
    assert rows(db, "SELECT actor FROM audit_log WHERE action = 'storage.restored'")[0]["actor"] == "mgr1"
    assert run_cli("--data-dir", str(data_dir), "verify").code == 0  # the restored records add up, the chain too
    after = _one_more_return(data_dir)
    assert after == "RPARIS01-T1-000003"
    check_whole(db)


def _one_more_return(data_dir: Path) -> str:
    shop = open_shop(data_dir, setup=False)
    try:
        done = shop.returns.complete(request("PA01-000104", line("ENC-PORT"), key="k-after"), CASHIER)
        return str(done["return_number"])
    finally:
        shop.close()


def _request_file(folder: Path, receipt: str, sku: str) -> Path:
    path = folder / "request.json"
    path.write_text(json.dumps(request(receipt, line(sku), key="cli-key", cashier=None)), encoding="utf-8")
    return path


def test_a_copy_of_the_db_file_alone_put_back_is_detected_and_its_numbers_never_reused(tmp_path: Path) -> None:
    data_dir, db = tmp_path / "till", tmp_path / "till" / "posreturns.db"
    open_shop(data_dir).close()
    assert run_cli("--data-dir", str(data_dir), "backup", str(tmp_path / "before.db")).code == 0
    with reader_holding(db):
        numbers = _complete_two_returns(data_dir)
        shutil.copy(db, tmp_path / "by-hand.db")  # what a file-copy "backup" takes: the .db without its -wal
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copy(tmp_path / "by-hand.db", db)

    refused = run_cli("--data-dir", str(data_dir), "return", "complete", "--request",
                      str(_request_file(tmp_path, "PA01-000101", "TSH-NVY-M")), *AS_MANAGER, stdin=PIN + "\n")
    assert refused.code == 2 and "returns 1-2 of till T1" in refused.err
    assert not any(_returned(db, n) for n in numbers)

    # the by-hand copy is no better than the last real backup: both lack the two returns
    restored = run_cli("--data-dir", str(data_dir), "--json", "restore", str(tmp_path / "before.db"), *AS_MANAGER,
                       stdin=PIN + "\n")
    assert restored.code == 0, restored.err
    lost = json.loads(restored.out)["lost"]
    assert lost[0] == "returns 1-2 of till T1" and lost[1].startswith("outbox events 1-") and len(lost) == 2
    assert _one_more_return(data_dir) == "RPARIS01-T1-000003"  # 1 and 2 were on receipts already
    check_whole(db)


def test_restoring_a_backup_older_than_the_database_is_refused_unless_forced(tmp_path: Path) -> None:
    data_dir, db = tmp_path / "till", tmp_path / "till" / "posreturns.db"
    open_shop(data_dir).close()
    assert run_cli("--data-dir", str(data_dir), "backup", str(tmp_path)).code == 0  # a folder: a dated file in it
    (old,) = tmp_path.glob("posreturns-*.db")
    _complete_two_returns(data_dir)
    unsigned = run_cli("--data-dir", str(data_dir), "restore", str(old))
    assert unsigned.code == 2 and "needs the ID and PIN of a manager" in unsigned.err
    refused = run_cli("--data-dir", str(data_dir), "restore", str(old), *AS_MANAGER, stdin=PIN + "\n")
    assert refused.code == 2 and "lacks what this till's database still holds (returns 1-2 of till T1" in refused.err
    assert rows(db, "SELECT COUNT(*) FROM returns WHERE origin = 'till'")[0][0] == 2
    assert run_cli("--data-dir", str(data_dir), "restore", str(old), "--force", *AS_MANAGER, stdin=PIN + "\n").code == 0
    assert _one_more_return(data_dir) == "RPARIS01-T1-000003"


@pytest.mark.allow_warning_logs  # the quick check logs what SQLite found damaged
def test_a_damaged_database_is_refused_with_one_sentence_and_restored_from_a_backup(tmp_path: Path) -> None:
    data_dir, db = tmp_path / "till", tmp_path / "till" / "posreturns.db"
    open_shop(data_dir).close()
    _complete_two_returns(data_dir)
    assert run_cli("--data-dir", str(data_dir), "backup", str(tmp_path / "good.db")).code == 0
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
    with open(db, "r+b") as damaged:  # a disk that flipped bytes in the middle of the file
        damaged.seek(4096 * (pages // 2))
        damaged.write(b"\xde\xad\xbe\xef" * 1024)
    for argv in (["import", str(tmp_path / "none.json")], ["config", "set", "language", "fr"],
                 ["policy", "load", str(SHIPPED_POLICY)]):
        run = run_cli("--data-dir", str(data_dir), *argv)
        assert run.code == 2 and "is damaged" in run.err and run.err.count("\n") == 1, (argv, run.err)
    restored = run_cli("--data-dir", str(data_dir), "--json", "restore", str(tmp_path / "good.db"))
    assert restored.code == 0, restored.err
    kept = Path(json.loads(restored.out)["set_aside"])
    assert kept.exists() and kept.parent == data_dir
    (audited,) = rows(db, "SELECT actor, detail_json FROM audit_log WHERE action = 'storage.restored'")
    assert audited["actor"] is None and json.loads(audited["detail_json"])["signed_in"] is False  # nobody to check
    check_whole(db)
    assert run_cli("--data-dir", str(data_dir), "order", "show", "PA01-000101").code == 0


def test_a_file_that_is_not_a_backup_is_refused(tmp_path: Path) -> None:
    data_dir = tmp_path / "till"
    open_shop(data_dir).close()
    (tmp_path / "notes.db").write_bytes(b"not a database at all" * 100)
    for name, expected in (("notes.db", "damaged or is not a database"), ("missing.db", "There is no backup file")):
        run = run_cli("--data-dir", str(data_dir), "restore", str(tmp_path / name), *AS_MANAGER, stdin=PIN + "\n")
        assert run.code == 2 and expected in run.err


@pytest.mark.allow_warning_logs
def test_a_database_locked_by_another_program_is_answered_with_one_sentence(tmp_path: Path) -> None:
    data_dir, db = tmp_path / "till", tmp_path / "till" / "posreturns.db"
    open_shop(data_dir).close()
    blocker = sqlite3.connect(db, isolation_level=None, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        run = run_cli("--data-dir", str(data_dir), "config", "set", "language", "fr", *AS_MANAGER, stdin=PIN + "\n")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert run.code == 2 and "held by another program" in run.err and run.err.count("\n") == 1


def test_the_check_in_the_background_finds_a_damaged_database_and_returns_are_refused(tmp_path: Path) -> None:
    """The window opens at once and checks the database meanwhile (seconds on a big cache)."""
    data_dir, db = tmp_path / "till", tmp_path / "till" / "posreturns.db"
    open_shop(data_dir).close()
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'stock_levels'").fetchone()[0]
    with open(db, "r+b") as damaged:
        damaged.seek(4096 * (root - 1) + 8)
        damaged.write(b"\xff" * 64)
    shop = open_shop(data_dir, setup=False)
    try:
        shop.guard.check_in_background().join(timeout=60)
        assert shop.guard.checked.is_set()
        with pytest.raises(StorageError, match="is damaged"):
            shop.returns.complete(request("PA01-000104", line("ENC-PORT"), key="k-damaged"), CASHIER)
    finally:
        shop.close()
