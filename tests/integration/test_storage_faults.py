"""A full disk and a read-only folder: one sentence, exit 2, nothing half-written, and the till
works again once the disk has room."""

from __future__ import annotations

import errno
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.cli import digest, run_cli
from helpers.returns import MANAGER, PIN, check_whole, line, open_shop, request


def _mount(point: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs", str(point)],
                          capture_output=True, text=True, check=False)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 6 MB filesystem of its own, so the test can fill it without filling the machine's disk."""
    point = tmp_path / "small-disk"
    point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("filling a disk needs a small filesystem of its own, and mounting one needs root")
    mounted = _mount(point, "size=6m")
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({mounted.stderr.strip()})")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def _fill(folder: Path) -> Path:
    """Write until the filesystem refuses: what is left is not enough for any page."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as handle:  # unbuffered: what did not fit is not written again at close
        try:
            while True:
                handle.write(b"\0" * 65536)
        except OSError as error:
            assert error.errno == errno.ENOSPC
    return filler


def _request_file(folder: Path, key: str) -> Path:
    path = folder / f"{key}.json"
    path.write_text(json.dumps(request("PA01-000101", line("TSH-NVY-M"), key=key, cashier=None)), encoding="utf-8")
    return path


AS_MANAGER = ("--user", MANAGER, "--pin-stdin")  # with PIN first on stdin


@pytest.mark.allow_warning_logs
def test_a_full_disk_gets_one_sentence_and_nothing_half_written(small_disk: Path, tmp_path: Path) -> None:
    data_dir, db = small_disk / "till", small_disk / "till" / "posreturns.db"
    shop = open_shop(data_dir)  # stays open, as the window would: the -wal and -shm files exist
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # an empty -wal: the next commit must grow it
    before = digest(db)
    filler = _fill(small_disk)
    try:
        completed = run_cli("--data-dir", str(data_dir), "return", "complete", "--request",
                            str(_request_file(tmp_path, "full-1")), *AS_MANAGER, stdin=PIN + "\n")
        assert completed.code == 2 and "is full" in completed.err and completed.err.count("\n") == 1, completed.err
        imported = run_cli("--data-dir", str(data_dir), "import", str(tmp_path / "full-1.json"), *AS_MANAGER,
                           stdin=PIN + "\n")
        assert imported.code == 2 and imported.err.count("\n") == 1
        backup = run_cli("--data-dir", str(data_dir), "backup", str(small_disk / "backup.db"))
        assert backup.code == 2 and "is full" in backup.err
        assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "till"]  # no half-written backup
        assert digest(db) == before
    finally:
        filler.unlink()
    again = run_cli("--data-dir", str(data_dir), "return", "complete", "--request",
                    str(_request_file(tmp_path, "full-1")),
                    *AS_MANAGER, stdin=PIN + "\n")
    assert again.code == 0, again.err
    shop.close()
    check_whole(db)


def test_a_read_only_folder_gets_one_sentence(small_disk: Path, tmp_path: Path) -> None:
    data_dir = small_disk / "till"
    open_shop(data_dir).close()
    remount = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True, text=True,
                             check=False)
    if remount.returncode != 0:
        pytest.skip(f"cannot remount the small filesystem read-only ({remount.stderr.strip()})")
    for argv in (["config", "set", "language", "fr"],
                 ["return", "complete", "--request", str(_request_file(tmp_path, "ro-1"))]):
        run = run_cli("--data-dir", str(data_dir), *argv, *AS_MANAGER, stdin=PIN + "\n")
        assert run.code == 2 and run.err.count("\n") == 1, (argv, run.err)
        assert "cannot be written" in run.err or "cannot be opened" in run.err, run.err


def _limited(size: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead of killing the process
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def test_a_file_size_limit_reached_mid_return_writes_nothing(tmp_path: Path) -> None:
    """The same fault without a filesystem of our own (`ulimit -f`): every file, the -wal included,
    may not grow past a size, so the return's commit cannot be written."""
    data_dir, db = tmp_path / "till", tmp_path / "till" / "posreturns.db"
    open_shop(data_dir).close()
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(db)
    limit = os.path.getsize(db)  # the database may not grow, and the -wal no further than that
    command = [sys.executable, "-m", "posreturns", "--data-dir", str(data_dir), "return", "complete",
               "--request", str(_request_file(tmp_path, "limit-1")), *AS_MANAGER]
    result = subprocess.run(command, capture_output=True, text=True, preexec_fn=lambda: _limited(limit // 64),
                            check=False, timeout=120, input=PIN + "\n")
    assert result.returncode == 2 and "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert digest(db) == before
    assert subprocess.run(command, capture_output=True, text=True, check=False, timeout=120,
                          input=PIN + "\n").returncode == 0
    check_whole(db)
