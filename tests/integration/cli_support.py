"""Running `posreturns` in the test's own process: a new process per call would spend minutes on start-ups."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from posreturns.cli.main import main


def run_cli(data_dir: Path, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    """`posreturns --data-dir DATA_DIR ARGV` with `stdin`; gives (exit code, stdout, stderr)."""
    out, err, real = io.StringIO(), io.StringIO(), (sys.stdin, sys.stdout, sys.stderr)
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(stdin), out, err
    try:
        code = main(["--data-dir", str(data_dir), *argv])
    finally:
        sys.stdin, sys.stdout, sys.stderr = real
    return code, out.getvalue(), err.getvalue()
