"""The till's data is for the till's user only: the data folder is 0700 and the database files 0600.

SQLite gives its `-wal` and `-shm` files the mode of the database file, so the database is created
0600 before SQLite opens it. On Windows the data folder lives in the user's profile
(%LOCALAPPDATA%), whose ACL already admits only that user, SYSTEM and administrators; POSIX modes
mean nothing there and are left alone (see docs/security.md).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIDE_FILES = ("-wal", "-shm", "-journal")


def private_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if sys.platform != "win32":
        os.chmod(folder, 0o700)


def make_private(database: Path) -> None:
    """Create `database` empty and 0600 if missing; make it and its side files 0600 otherwise."""
    if sys.platform == "win32":
        return
    if not database.exists():
        os.close(os.open(database, os.O_WRONLY | os.O_CREAT, 0o600))
    for path in (database, *(database.with_name(database.name + suffix) for suffix in SIDE_FILES)):
        try:
            if path.stat().st_mode & 0o077:
                os.chmod(path, 0o600)
        except FileNotFoundError:
            pass
