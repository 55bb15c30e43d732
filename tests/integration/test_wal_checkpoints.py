"""The return's commit does not copy the write-ahead log into the database file (a thread does it
afterwards), and the return is durable without that copy: a till killed right after its commit has
the return only in the `-wal`, and the next open finds it whole."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.returns import check_whole, open_shop, rows
from sqlalchemy import Engine

from posreturns.persistence.checkpoints import Checkpointer, without_autocheckpoint
from posreturns.persistence.engine import WRITE, create_sqlite_engine

TESTS = Path(__file__).parents[1]
PAGES = 1200  # past SQLite's automatic checkpoint (1,000 pages)


def _write_pages(engine: Engine, skip_checkpoint: bool) -> None:
    with engine.connect().execution_options(**WRITE) as connection:
        if skip_checkpoint:
            with without_autocheckpoint(connection), connection.begin():
                driver = connection.connection.driver_connection
                assert driver is not None and driver.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
                connection.exec_driver_sql("INSERT INTO blobs SELECT randomblob(4000) FROM generate_pages")
            assert driver.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000  # the next user's default
        else:
            with connection.begin():
                connection.exec_driver_sql("INSERT INTO blobs SELECT randomblob(4000) FROM generate_pages")


def test_a_commit_without_autocheckpoint_leaves_the_database_file_to_the_checkpointer(tmp_path: Path) -> None:
    db = tmp_path / "pages.db"
    engine = create_sqlite_engine(db)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE blobs (data BLOB)")
        connection.exec_driver_sql("CREATE TABLE generate_pages (n INTEGER)")
        connection.exec_driver_sql(f"WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < {PAGES}) "
                                   "INSERT INTO generate_pages SELECT n FROM c")
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").close()
    before = db.stat().st_size

    _write_pages(engine, skip_checkpoint=False)  # SQLite's default: the commit itself fills the file
    grown = db.stat().st_size
    assert grown > before + PAGES * 4000

    checkpointer = Checkpointer(engine, every=1, idle=3600)
    _write_pages(engine, skip_checkpoint=True)
    assert db.stat().st_size == grown  # committed, in the -wal only
    assert rows(db, "SELECT COUNT(*) FROM blobs")[0][0] == 2 * PAGES
    checkpointer.committed()
    assert checkpointer.settle()
    assert db.stat().st_size > grown + PAGES * 4000
    engine.dispose()  # stops the thread


def test_the_checkpointer_runs_once_the_commits_stop_and_again_after_a_stop(tmp_path: Path) -> None:
    engine = create_sqlite_engine(tmp_path / "idle.db")
    checkpointer = Checkpointer(engine, every=1000, idle=0.01, linger=0.01)
    for _ in range(3):
        checkpointer.committed()
    assert checkpointer.settle() and checkpointer.pending == 0
    checkpointer.stop()
    checkpointer.committed()  # a commit after a stop starts a new thread
    assert checkpointer.settle() and checkpointer.pending == 0
    engine.dispose()


KILLED_AFTER_COMMIT = """
import os, signal, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from helpers.returns import CASHIER, line, open_shop, request
till = open_shop(Path(sys.argv[2]), setup=False)
till.return_service.recorder.checkpoints.idle = 3600  # no checkpoint: the return stays in the -wal only
answer = till.returns.complete(request("PA01-000101", line("TSH-NVY-M"), key="k-1"), CASHIER)
print(answer["return_number"], flush=True)  # where the receipt would print
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_till_killed_after_its_commit_keeps_the_return_that_lived_only_in_the_wal(tmp_path: Path) -> None:
    data_dir = tmp_path / "till"
    db = data_dir / "posreturns.db"
    open_shop(data_dir).close()  # closed: everything is in the .db file, the -wal is gone
    killed = subprocess.run([sys.executable, "-c", KILLED_AFTER_COMMIT, str(TESTS), str(data_dir)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    number = killed.stdout.strip()
    assert number == "RPARIS01-T1-000001"
    assert os.path.getsize(f"{db}-wal") > 0
    shutil.copy(db, tmp_path / "alone.db")
    find = "SELECT COUNT(*) FROM returns WHERE number = ?"
    assert rows(tmp_path / "alone.db", find, (number,))[0][0] == 0  # never checkpointed into the .db file
    assert rows(db, find, (number,))[0][0] == 1  # recovered from the -wal
    assert check_whole(db) == 1


def test_a_failed_return_gives_the_connection_back_with_sqlites_own_checkpoints(tmp_path: Path) -> None:
    engine = create_sqlite_engine(tmp_path / "failed.db")
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        with pytest.raises(ValueError), without_autocheckpoint(connection), connection.begin():
            raise ValueError("the return fails inside its transaction")
        assert driver.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    engine.dispose()
