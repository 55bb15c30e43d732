"""Faults of the disk and of SQLite, as one sentence saying what happened and what to do.

SQLite's own errors reach us through SQLAlchemy's `handle_error` event (see `engine`), the data
folder's through `OSError`; both become `StorageError`. A transaction that fails is rolled back, so
each sentence can say that nothing was saved. Constraint errors are not storage faults and pass.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from posreturns.domain.messages import translate
from posreturns.services.errors import StorageError

_FULL, _READ_ONLY, _BUSY, _DAMAGED, _CANNOT_OPEN, _IO = "full", "read_only", "busy", "damaged", "cannot_open", "io"
_SQLITE = {13: _FULL, 8: _READ_ONLY, 3: _READ_ONLY, 5: _BUSY, 6: _BUSY, 11: _DAMAGED, 26: _DAMAGED,
           14: _CANNOT_OPEN, 10: _IO}
_ERRNO = {errno.ENOSPC: _FULL, errno.EDQUOT: _FULL, errno.EROFS: _READ_ONLY, errno.EACCES: _READ_ONLY,
          errno.EPERM: _READ_ONLY, errno.EIO: _IO}


def storage_error(error: BaseException, database: Path) -> StorageError | None:
    """The sentence for a fault of the disk or the database at `database`, or None when `error` is
    not one (a constraint, a bug)."""
    if isinstance(error, sqlite3.Error) and not isinstance(error, sqlite3.IntegrityError):
        kind = _SQLITE.get(getattr(error, "sqlite_errorcode", 0) & 0xFF)
    elif isinstance(error, OSError):
        kind = _ERRNO.get(error.errno or 0)
    else:
        kind = None
    return None if kind is None else sentence(kind, database)


def sentence(kind: str, database: Path) -> StorageError:
    folder = database.parent
    if kind == _FULL:
        return StorageError(
            translate("persistence.storage_errors", "The disk of the till's data folder ({0}) is full; nothing "
                                                    "was saved. Free some space on it, then try again.").format(folder))
    if kind == _READ_ONLY:
        return StorageError(
            translate("persistence.storage_errors", "The till's data folder ({0}) cannot be written (read-only, "
                                                    "or no permission); nothing was saved. Give the till's user "
                                                    "write access to it, then try again.").format(folder))
    if kind == _BUSY:
        return StorageError(
            translate("persistence.storage_errors", "The till's database is held by another program (another "
                                                    "window, a sync or a backup) for too long; nothing was "
                                                    "saved. Try again in a moment."))
    if kind == _DAMAGED:
        return StorageError(
            translate("persistence.storage_errors", "The till's database ({0}) is damaged; nothing more can be "
                                                    "saved in it. A manager restores the latest backup with "
                                                    "`posreturns restore FILE` (docs/storage.md).").format(database))
    if kind == _CANNOT_OPEN:
        return StorageError(
            translate("persistence.storage_errors", "The till's database ({0}) cannot be opened (its folder is "
                                                    "missing or not allowed to this user); check the data "
                                                    "folder, then try again.").format(database))
    return StorageError(
        translate("persistence.storage_errors", "The disk of the till's data folder ({0}) failed to read or "
                                                "write; nothing was saved. Check the disk, then try again.")
        .format(folder))
