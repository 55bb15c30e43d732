"""High-water marks kept beside the database, to notice a database that went back in time.

A database that lost its `-wal` file, a copy of the `.db` file alone, or an old copy put back by
hand forgets returns that were refunded: their units become returnable again and their numbers are
issued again. Nothing inside the database can tell. So after each return commits, the till writes
the highest return number of each till id and the highest outbox sequence to `posreturns.marks`
in the data folder (durably: fsync, then rename); at start-up the database must be at least there.
If it is not, returns are refused until a manager restores a backup (`posreturns restore`).

The file only ever grows: each write takes the larger of what it holds and what the database says,
under a lock file, so two processes of one till cannot undo each other's marks.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Connection

from posreturns.persistence.storage_errors import storage_error

MARKS_FILE = "posreturns.marks"
_LOCK_FILE = "posreturns.marks.lock"


@dataclass(frozen=True)
class Marks:
    returns: dict[str, int] = field(default_factory=dict)  # till id -> last return sequence issued
    outbox: int = 0  # last outbox sequence written

    def merged(self, other: Marks) -> Marks:
        tills = {**self.returns, **{t: max(n, self.returns.get(t, 0)) for t, n in other.returns.items()}}
        return Marks(tills, max(self.outbox, other.outbox))

    def missing_from(self, database: Marks, language: str = "en") -> list[str]:
        """What these marks have seen that `database` does not hold, in words (empty: nothing)."""
        returns, events = ("retours {0}-{1} de la caisse {2}", "événements {0}-{1} de l'outbox") if language == "fr" \
            else ("returns {0}-{1} of till {2}", "outbox events {0}-{1}")
        gaps = [returns.format(database.returns.get(till, 0) + 1, seq, till)
                for till, seq in sorted(self.returns.items()) if seq > database.returns.get(till, 0)]
        if self.outbox > database.outbox:
            gaps.append(events.format(database.outbox + 1, self.outbox))
        return gaps

    def to_json(self) -> dict[str, Any]:
        return {"format": 1, "returns": self.returns, "outbox": self.outbox}


def database_marks(connection: Connection) -> Marks:
    run = connection.exec_driver_sql
    tills = {key[len("returns.seq."):]: int(value) for key, value in
             run("SELECT key, value FROM settings WHERE key LIKE 'returns.seq.%'") if str(value).isdigit()}
    return Marks(tills, int(run("SELECT COALESCE(MAX(seq), 0) FROM outbox").scalar_one()))


class MarksFile:
    """`posreturns.marks` of one data folder."""

    def __init__(self, data_dir: Path, database: Path) -> None:
        self.path, self.lock_path, self.database = data_dir / MARKS_FILE, data_dir / _LOCK_FILE, database

    def read(self) -> Marks | None:
        """The marks, or None before the first return (or when the file was removed)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return Marks({str(t): int(n) for t, n in data["returns"].items()}, int(data["outbox"]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            fault = storage_error(error, self.database) if isinstance(error, OSError) else None
            if fault is not None:
                raise fault from None
            return None  # unreadable: it protects nothing; it is written again at the next return

    def raise_to(self, marks: Marks) -> Marks:
        """Write the larger of the file's marks and `marks`, durably; gives what was written."""
        try:
            with self._locked():
                merged = (self.read() or Marks()).merged(marks)
                temporary = self.path.with_suffix(".tmp")
                with open(temporary, "w", encoding="utf-8") as handle:
                    json.dump(merged.to_json(), handle, sort_keys=True)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(temporary, self.path)
                _sync_folder(self.path.parent)
        except OSError as error:
            raise storage_error(error, self.database) or error from None
        return merged

    def replace(self, marks: Marks) -> None:
        """Set the marks to exactly `marks` (after a manager restored a backup)."""
        try:
            with self._locked():
                self.path.unlink(missing_ok=True)
        except OSError as error:
            raise storage_error(error, self.database) or error from None
        self.raise_to(marks)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        with open(self.lock_path, "a+b") as lock:
            if sys.platform == "win32":
                import msvcrt

                lock.seek(0)
                msvcrt.locking(lock.fileno(), msvcrt.LK_LOCK, 1)
                try:
                    yield
                finally:
                    lock.seek(0)
                    msvcrt.locking(lock.fileno(), msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handle to flush)."""
    if sys.platform == "win32":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
