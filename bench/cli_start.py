"""What a host POS pays per call of the command line: a whole `posreturns order show` in a fresh
process, beside a bare `python -c pass`, and which heavy libraries the call imported.

    python -m bench.cli_start DATA_DIR RECEIPT_NUMBER   -> prints {"order_show_ms": …, …}
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

# Libraries a lookup from the command line has no use for (the window, migrations, HTTP, devices)
HEAVY = ("PySide6", "sqlalchemy.orm", "alembic", "requests", "posdrivers")
RUNS = 7


def _median_ms(command: list[str]) -> float:
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def heavy_imports(data_dir: Path, number: str) -> list[str]:
    """The heavy libraries an `order show` imports, seen from inside the process."""
    probe = ("import json, runpy, sys\nsys.argv = ['posreturns', *sys.argv[1:]]\n"
             "try:\n    runpy.run_module('posreturns', run_name='__main__')\n"
             "except SystemExit:\n    pass\n"
             f"print(json.dumps([name for name in {list(HEAVY)!r} if name in sys.modules]), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe, "--data-dir", str(data_dir), "--json", "order", "show", number],
                          capture_output=True, text=True, check=True)
    found: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return found


def cli_start(data_dir: Path, number: str, target_ms: float = 300) -> dict[str, object]:
    bare = _median_ms([sys.executable, "-c", "pass"])
    version = _median_ms([sys.executable, "-m", "posreturns", "--version"])
    show = _median_ms([sys.executable, "-m", "posreturns", "--data-dir", str(data_dir), "--json", "order", "show",
                       number])
    heavy = heavy_imports(data_dir, number)
    print(f"{'command line: order show':<34} {show:.0f} ms (median of {RUNS}; bare python {bare:.0f} ms, "
          f"--version {version:.0f} ms)   target <= {target_ms:.0f} ms: {'meets' if show <= target_ms else 'MISSES'}; "
          f"imports {', '.join(heavy) or 'none'} of {', '.join(HEAVY)}")
    return {"order_show_ms": round(show), "version_ms": round(version), "bare_python_ms": round(bare),
            "target_ms": target_ms, "heavy_imports": heavy}


if __name__ == "__main__":
    print(json.dumps(cli_start(Path(sys.argv[1]), sys.argv[2])))
