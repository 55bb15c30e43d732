"""High-water marks kept beside the database, to notice a database that went back in time.

A database that lost its `-wal` file, a copy of the `.db` file alone, or an old copy put back by
hand forgets returns that were refunded: their units become returnable again and their numbers are
issued again. Nothing inside the database can tell. So after each return commits, the till writes
the highest return number of each till id and the highest outbox sequence to `posreturns.marks`
in the data folder (flushed to disk before the receipt prints); at start-up the database must be at
least there. If it is not, returns are refused until a manager restores a backup (`posreturns
restore`).

The marks only ever grow: each write takes the larger of what the file holds and what the database
says, under a lock, so two processes of one till cannot undo each other's marks.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy.engine import Connection

from posreturns.domain.messages import Text, translate
from posreturns.persistence.storage_errors import storage_error

MARKS_FILE = "posreturns.marks"


@dataclass(frozen=True)
class Marks:
    returns: dict[str, int] = field(default_factory=dict)  # till id -> last return sequence issued
    outbox: int = 0  # last outbox sequence written

    def merged(self, other: Marks) -> Marks:
        tills = {**self.returns, **{t: max(n, self.returns.get(t, 0)) for t, n in other.returns.items()}}
        return Marks(tills, max(self.outbox, other.outbox))

    def missing_from(self, database: Marks) -> list[Text]:
        """What these marks have seen that `database` does not hold, in words (empty: nothing)."""
        gaps = [translate("persistence.marks", "returns {0}-{1} of till {2}")
                .format(database.returns.get(till, 0) + 1, seq, till)
                for till, seq in sorted(self.returns.items()) if seq > database.returns.get(till, 0)]
        if self.outbox > database.outbox:
            gaps.append(translate("persistence.marks", "outbox events {0}-{1}")
                        .format(database.outbox + 1, self.outbox))
        return gaps

    def to_json(self) -> dict[str, Any]:
        return {"format": 1, "returns": self.returns, "outbox": self.outbox}


SEQUENCES_SQL = "SELECT key, value FROM settings WHERE key LIKE 'returns.seq.%'"
OUTBOX_SQL = "SELECT COALESCE(MAX(seq), 0) FROM outbox"


def marks_of(sequences: Iterable[Any], outbox: int) -> Marks:
    """The marks from the rows of `SEQUENCES_SQL` and the value of `OUTBOX_SQL`."""
    return Marks({key[len("returns.seq."):]: int(value) for key, value in sequences if str(value).isdigit()},
                 int(outbox))


def database_marks(connection: Connection) -> Marks:
    run = connection.exec_driver_sql
    return marks_of(run(SEQUENCES_SQL), run(OUTBOX_SQL).scalar_one())


class MarksFile:
    """`posreturns.marks` of one data folder: two fixed-size slots written in turn, in place, each
    with its generation and checksum. One write and one flush per return (no rename, no new inode:
    about a third of the cost), and a write torn by a power cut can only spoil the slot it was
    writing: the other still holds the marks one return earlier."""

    def __init__(self, data_dir: Path, database: Path) -> None:
        self.path, self.database = data_dir / MARKS_FILE, database

    def read(self) -> Marks | None:
        """The marks, or None before the first return (or when the file was removed or spoilt)."""
        try:
            with open(self.path, "rb") as handle:
                newest = _newest(handle.read(2 * _SLOT))
        except FileNotFoundError:
            return None
        except OSError as error:
            raise storage_error(error, self.database) or error from None
        return newest[1] if newest else None

    def raise_to(self, marks: Marks) -> Marks:
        """Write the larger of the file's marks and `marks`, durably; gives what was written."""
        return self._write(lambda current: (current or Marks()).merged(marks))

    def replace(self, marks: Marks) -> None:
        """Set the marks to exactly `marks` (after a manager restored a backup)."""
        self._write(lambda current: marks)

    def _write(self, new_marks: Callable[[Marks | None], Marks]) -> Marks:
        try:
            created = not self.path.exists()
            with os.fdopen(os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600), "r+b") \
                    as handle, _locked(handle):
                newest = _newest(handle.read(2 * _SLOT))
                generation, current = newest if newest else (0, None)
                marks = new_marks(current)
                body = json.dumps({"generation": generation + 1, **marks.to_json()}, sort_keys=True)
                slot = (body + "\n" + hashlib.sha256(body.encode()).hexdigest() + "\n").encode()
                if len(slot) > _SLOT:
                    raise ValueError(f"{len(marks.returns)} till ids do not fit in the marks file")
                handle.seek(_SLOT * ((generation + 1) % 2))
                handle.write(slot.ljust(_SLOT, b" "))
                handle.flush()
                _flush(handle.fileno())
            if created:
                _sync_folder(self.path.parent)
        except OSError as error:
            raise storage_error(error, self.database) or error from None
        return marks


_SLOT = 4096


def _newest(raw: bytes) -> tuple[int, Marks] | None:
    """The slot with the highest generation whose checksum holds."""
    found: list[tuple[int, Marks]] = []
    for start in (0, _SLOT):
        lines = raw[start : start + _SLOT].split(b"\n")
        if len(lines) < 2 or hashlib.sha256(lines[0]).hexdigest().encode() != lines[1]:
            continue
        try:
            data = json.loads(lines[0])
            found.append((int(data["generation"]),
                          Marks({str(t): int(n) for t, n in data["returns"].items()}, int(data["outbox"]))))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
    return max(found, key=lambda item: item[0]) if found else None


@contextmanager
def _locked(handle: BinaryIO) -> Iterator[None]:
    """One writer at a time across the till's processes."""
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
        try:
            yield
        finally:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _flush(descriptor: int) -> None:
    (getattr(os, "fdatasync", None) or os.fsync)(descriptor)


def _sync_folder(folder: Path) -> None:
    """Make the new file's name itself durable (POSIX; Windows has no directory handle to flush)."""
    if sys.platform == "win32":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
