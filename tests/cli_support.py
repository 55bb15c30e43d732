"""The command line run in this process (fast enough for thousands of runs), and a digest of a
whole database to prove that a refusal wrote nothing."""

from __future__ import annotations

import contextlib
import hashlib
import io
import sqlite3
import traceback
from dataclasses import dataclass
from pathlib import Path

from posreturns.cli import main


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(*argv: str) -> Run:
    """`posreturns ARGV` in this process. An exception escaping main() is the crash we look for:
    it fails the test with its traceback."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as stop:  # argparse's own usage errors
            code = int(stop.code or 0)
        except Exception:
            raise AssertionError(f"posreturns {argv!r} crashed:\n{traceback.format_exc()}") from None
    return Run(code, out.getvalue(), err.getvalue())


def assert_answered(run: Run, allowed: tuple[int, ...] = (0, 2)) -> None:
    assert run.code in allowed, (run.code, run.err)
    if run.code:
        assert "Traceback" not in run.err and run.err.strip(), run.err
        assert run.err.rstrip("\n").count("\n") == 0 or run.err.startswith("usage:"), run.err


def digest(db: Path) -> str:
    """Every row of every table, hashed: equal digests mean nothing was written."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        sha = hashlib.sha256()
        for table in tables:
            sha.update(table.encode())
            for row in sorted(repr(row) for row in connection.execute(f'SELECT * FROM "{table}"')):
                sha.update(row.encode())
        return sha.hexdigest()
    finally:
        connection.close()
