"""The language the command line answers a person in: the till's `language` setting, else the system's (LANG).

Only the sentences a person reads follow it (errors on stderr, in text mode); JSON keeps its English `message`
for programs, as docs/cli.md promises. The setting is read only when a sentence is to be shown, straight from the
database file and read-only: an error must not need the whole till, nor wait for it, to be told.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

from posreturns.paths import DATABASE_FILE, resolve_data_dir

SUPPORTED = ("fr", "en")


def system_language(environ: dict[str, str] | None = None) -> str:
    """French on a French system (LC_ALL, LC_MESSAGES, LANG, as gettext reads them), else English."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def till_language(data_dir: Path) -> str:
    """The till's `language` setting ('' when unset, or when the database cannot be read)."""
    database = data_dir / DATABASE_FILE
    if not database.is_file():
        return ""
    try:
        with closing(sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)) as connection:
            row = connection.execute("SELECT value FROM settings WHERE key = 'language'").fetchone()
    except sqlite3.Error:
        return ""
    return str(row[0]) if row and row[0] else ""


def answer_language(data_dir_option: str | None, environ: dict[str, str] | None = None) -> str:
    setting = till_language(resolve_data_dir(data_dir_option))[:2].lower()
    return setting if setting in SUPPORTED else system_language(environ)
