"""The command line run in this process (fast enough for thousands of runs), and a digest of a
whole database to prove that a refusal wrote nothing."""

from __future__ import annotations

import contextlib
import hashlib
import io
import sqlite3
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from posreturns.cli import main


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(*argv: str, stdin: str = "") -> Run:
    """`posreturns ARGV` in this process, with `stdin` as its standard input (bytes underneath, as a
    real one: PINs, requests and files are read from it). An exception escaping main() is the crash
    we look for: it fails the test with its traceback."""
    out, err = io.StringIO(), io.StringIO()
    given = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    real_stdin, sys.stdin = sys.stdin, given
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(argv))
            except SystemExit as stop:  # argparse's own usage errors
                code = int(stop.code or 0)
            except Exception:
                raise AssertionError(f"posreturns {argv!r} crashed:\n{traceback.format_exc()}") from None
    finally:
        sys.stdin = real_stdin
    return Run(code, out.getvalue(), err.getvalue())


def run_in(data_dir: Path, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    """`posreturns --data-dir DATA_DIR ARGV`: (exit code, stdout, stderr)."""
    run = run_cli("--data-dir", str(data_dir), *argv, stdin=stdin)
    return run.code, run.out, run.err


def assert_answered(run: Run, allowed: tuple[int, ...] = (0, 2)) -> None:
    assert run.code in allowed, (run.code, run.err)
    if run.code:
        assert "Traceback" not in run.err and run.err.strip(), run.err
        assert run.err.rstrip("\n").count("\n") == 0 or run.err.startswith("usage:"), run.err


# A sign-in is recorded whatever the command it was for does next, and so is a wrong PIN (audit row,
# failure count): `digest` leaves that bookkeeping out and looks at everything else.
SIGN_IN_ROWS = {"audit_log": "SELECT * FROM audit_log WHERE action NOT IN ('user.signed_in', 'signin.refused', "
                             "'access.denied')",
                "users": "SELECT id, name, role, pin_hash, created_at FROM users"}


def digest(db: Path) -> str:
    """Every row of every table but the sign-ins' bookkeeping, hashed: equal digests mean nothing was written."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [row[0]
                  for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        sha = hashlib.sha256()
        for table in tables:
            sha.update(table.encode())
            query = SIGN_IN_ROWS.get(table, f'SELECT * FROM "{table}"')
            for row in sorted(repr(row) for row in connection.execute(query)):
                sha.update(row.encode())
        return sha.hexdigest()
    finally:
        connection.close()
