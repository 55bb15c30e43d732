"""Backups through SQLite's online backup API, and restoring one.

Copying `posreturns.db` by hand is not a backup: committed returns may still live in the `-wal`
file beside it (while any program holds the database open), and a copy made during a write may be
torn. `backup` asks SQLite for a consistent snapshot of the live database (the till can go on
working meanwhile), writes it to a temporary file beside the destination, checks it, makes it one
self-contained file (no `-wal`), flushes it to disk and only then renames it into place: a full
disk or a crash leaves the previous backup untouched, never half a file.

`restore` checks a backup, refuses one that lacks returns the live database still holds (unless
forced), copies it into the live database with the same API (other processes of the till see the
change), puts back the return counters so that no number is ever issued twice, and sets the
high-water marks to the restored state.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from posreturns.persistence.marks import OUTBOX_SQL, SEQUENCES_SQL, Marks, MarksFile, marks_of
from posreturns.persistence.private_files import make_private
from posreturns.persistence.storage_errors import sentence, storage_error
from posreturns.services.errors import BadInput, StorageError


@dataclass(frozen=True)
class BackupReport:
    path: Path
    size: int
    marks: Marks
    returns: int


@dataclass(frozen=True)
class RestoreReport:
    backup: Path
    marks: Marks
    lost: list[str]  # what the till had recorded after the backup was made
    set_aside: Path | None  # the damaged database, kept beside the restored one


def backup_database(database: Path, destination: Path) -> BackupReport:
    """Write a consistent copy of `database` to `destination` (a file, or a folder to put a dated
    file in)."""
    if destination.is_dir():
        destination = destination / f"posreturns-{datetime.now(UTC):%Y%m%d-%H%M%S}.db"
    if destination.resolve() == database.resolve():
        raise BadInput("The backup cannot replace the live database; give another file or folder.")
    temporary = destination.with_name(destination.name + ".partial")
    try:
        make_private(temporary)  # a backup holds what the database holds: the till's user only, like it
        with _open(database, read_only=True) as source, _open(temporary) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file: no -wal beside it
            _check(copy, temporary, full=False)
            marks, returns = _marks(copy), copy.execute("SELECT COUNT(*) FROM returns").fetchone()[0]
        _flush(temporary)
        os.replace(temporary, destination)
        _flush(destination.parent)
    except (sqlite3.Error, OSError) as error:
        raise _fault(error, destination) from None
    finally:
        temporary.unlink(missing_ok=True)  # gone once renamed; what a failure left half-written
    return BackupReport(destination, destination.stat().st_size, marks, returns)


def inspect_backup(backup: Path) -> tuple[Marks, int]:
    """The marks and return count of a backup file after a full integrity check; `BadInput` when it
    is not a usable backup of a till."""
    if not backup.is_file():
        raise BadInput(f"There is no backup file {backup}; give the path of a file made by `posreturns backup`.")
    try:
        with _open(backup, read_only=True) as copy:
            tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"alembic_version", "returns", "settings", "outbox"} <= tables:
                raise BadInput(f"{backup} is not a backup of a till; give a file made by `posreturns backup`.")
            _check(copy, backup, full=True)
            return _marks(copy), copy.execute("SELECT COUNT(*) FROM returns").fetchone()[0]
    except sqlite3.DatabaseError as error:
        if (getattr(error, "sqlite_errorcode", 0) & 0xFF) in (11, 26):
            raise BadInput(f"{backup} is damaged or is not a database; restore another backup.") from None
        raise _fault(error, backup) from None


def restore_database(database: Path, backup: Path, marks_file: MarksFile, *, force: bool = False) -> RestoreReport:
    backup_marks, _ = inspect_backup(backup)
    live = _live_marks(database)
    if live is not None and not force:
        newer = live.missing_from(backup_marks)
        if newer:
            raise BadInput(f"The backup {backup.name} lacks what this till's database still holds "
                           f"({'; '.join(map(str, newer))}); restoring it would lose them. Restore a newer backup, or "
                           "add --force if the database must be replaced anyway.")
    seen = (marks_file.read() or Marks()).merged(live or Marks())
    set_aside = None
    try:
        if live is None:
            set_aside = _set_aside(database)
        with _open(backup, read_only=True) as source, _open(database) as target:
            source.backup(target)
            counters = seen.merged(backup_marks).returns
            target.execute("BEGIN IMMEDIATE")  # numbers issued after the backup was made are never issued again
            target.executemany("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
                               "SET value = excluded.value",
                               [(f"returns.seq.{t}", str(n)) for t, n in counters.items()])
            target.execute("COMMIT")
            restored = _marks(target)
    except (sqlite3.Error, OSError) as error:
        raise _fault(error, database) from None
    marks_file.replace(restored)
    lost = [str(gap) for gap in seen.missing_from(backup_marks)]
    return RestoreReport(backup, restored, lost, set_aside)


def _live_marks(database: Path) -> Marks | None:
    """The live database's marks, or None when it is missing or damaged (it will be set aside)."""
    if not database.exists():
        return None
    try:
        with _open(database, read_only=True) as live:
            if live.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
                return None
            return _marks(live)
    except sqlite3.DatabaseError:
        return None


def _set_aside(database: Path) -> Path:
    """Keep a damaged database (and its -wal) under another name: nothing is ever deleted."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    kept = database.with_name(f"{database.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{database}{suffix}")
        if part.exists():
            os.replace(part, f"{kept}{suffix}")
    return kept


def _marks(connection: sqlite3.Connection) -> Marks:
    return marks_of(connection.execute(SEQUENCES_SQL), connection.execute(OUTBOX_SQL).fetchone()[0])


def _check(connection: sqlite3.Connection, path: Path, *, full: bool) -> None:
    rows = [row[0] for row in connection.execute("PRAGMA integrity_check(5)" if full else "PRAGMA quick_check(5)")]
    if rows != ["ok"]:
        raise BadInput(f"{path} failed SQLite's integrity check ({rows[0]}); use another backup.")


@contextmanager
def _open(path: Path, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    uri = f"{path.resolve().as_uri()}?mode=ro" if read_only else f"{path.resolve().as_uri()}?mode=rwc"
    connection = sqlite3.connect(uri, uri=True, timeout=10, isolation_level=None)
    try:
        yield connection
    finally:
        connection.close()


def _flush(path: Path) -> None:
    if sys.platform == "win32" and path.is_dir():
        return
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _fault(error: BaseException, path: Path) -> StorageError | BadInput:
    fault = storage_error(error, path)
    if fault is not None:
        return fault
    return sentence("io", path)
