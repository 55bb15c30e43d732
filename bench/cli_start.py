"""What a host POS pays per call of the command line: a whole `posreturns order show` in a fresh
process, beside a bare `python -c pass` and `posreturns --version`, which heavy libraries the call
imported, and where its import time goes.

    python -m bench.cli_start [DATA_DIR RECEIPT_NUMBER]   -> prints {"order_show_ms": …, …}
    (make bench-cli: on the demo store, made in a temporary folder)

Wall-clock time on a shared machine swings with its load; the CPU time the child used (user + system)
swings much less, so both are printed. The children run with Python's bytecode cache on, as an
installed package does (PYTHONDONTWRITEBYTECODE would make every run compile the sources again).
"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import closing
from pathlib import Path

from bench.verdict import verdict

# Libraries a lookup from the command line has no use for (the window, migrations, HTTP, devices, and
# SQLAlchemy: lookups read through plain sqlite3)
HEAVY = ("PySide6", "sqlalchemy", "alembic", "requests", "posdrivers")
RUNS = 7
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _median_ms(command: list[str]) -> tuple[float, float]:
    """Median wall-clock and median CPU time (ms) of RUNS runs, after one run that fills the bytecode cache."""
    subprocess.run(command, capture_output=True, check=True, env=ENV)
    timings, cpu = [], []
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=ENV)
        timings.append((time.perf_counter() - started) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
    return statistics.median(timings), statistics.median(cpu)


def loaded_modules(data_dir: Path, number: str) -> list[str]:
    """Every module an `order show` imported, seen from inside the process."""
    probe = ("import json, runpy, sys\nsys.argv = ['posreturns', *sys.argv[1:]]\n"
             "try:\n    runpy.run_module('posreturns', run_name='__main__')\n"
             "except SystemExit:\n    pass\n"
             "print(json.dumps(sorted(sys.modules)), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe, "--data-dir", str(data_dir), "--json", "order", "show", number],
                          capture_output=True, text=True, check=True, env=ENV)
    modules: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return modules


def heavy_imports(data_dir: Path, number: str) -> list[str]:
    """The heavy libraries an `order show` imports."""
    modules = set(loaded_modules(data_dir, number))
    return [name for name in HEAVY if name in modules]


def import_shares(data_dir: Path, number: str) -> dict[str, float]:
    """Import time (ms, `python -X importtime`) of an `order show` by who is imported: SQLAlchemy, our
    own modules, the rest."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "posreturns", "--data-dir", str(data_dir),
                           "--json", "order", "show", number], capture_output=True, text=True, check=True, env=ENV)
    shares: Counter[str] = Counter()
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own_us, _, name = line.removeprefix("import time:").split("|")
        top = name.strip().split(".")[0]
        shares[top if top in ("sqlalchemy", "posreturns") else "other"] += int(own_us)
    return {name: round(shares[name] / 1000, 1) for name in ("sqlalchemy", "posreturns", "other")}


def cli_start(data_dir: Path, number: str, target_ms: float = 300) -> dict[str, object]:
    bare, bare_cpu = _median_ms([sys.executable, "-c", "pass"])
    version, version_cpu = _median_ms([sys.executable, "-m", "posreturns", "--version"])
    show, show_cpu = _median_ms([sys.executable, "-m", "posreturns", "--data-dir", str(data_dir), "--json", "order",
                                 "show", number])
    modules = set(loaded_modules(data_dir, number))
    heavy = [name for name in HEAVY if name in modules]
    shares = import_shares(data_dir, number)
    load = os.getloadavg()[0]
    print(f"{'command line: order show':<34} {show:.0f} ms (median of {RUNS}; bare python {bare:.0f} ms, "
          f"--version {version:.0f} ms; load {load:.1f})   target <= {target_ms:.0f} ms: "
          f"{verdict(show, target_ms)}")
    print(f"{'  CPU time of the child':<34} {show_cpu:.0f} ms (bare python {bare_cpu:.0f} ms, --version "
          f"{version_cpu:.0f} ms); {len(modules)} modules; imports: SQLAlchemy {shares['sqlalchemy']:.0f} ms, "
          f"posreturns {shares['posreturns']:.0f} ms, the rest {shares['other']:.0f} ms; "
          f"heavy: {', '.join(heavy) or 'none'} of {', '.join(HEAVY)}")
    return {"order_show_ms": round(show), "version_ms": round(version), "bare_python_ms": round(bare),
            "order_show_cpu_ms": round(show_cpu), "version_cpu_ms": round(version_cpu),
            "bare_python_cpu_ms": round(bare_cpu), "modules": len(modules), "import_ms": shares, "load": round(load, 1),
            "target_ms": target_ms, "heavy_imports": heavy}


def demo_store(folder: Path) -> tuple[Path, str]:
    """The demo store in `folder`, and the number of one of its sales."""
    subprocess.run([sys.executable, "-m", "posreturns", "--data-dir", str(folder), "demo"], capture_output=True,
                   check=True, env=ENV)
    with closing(sqlite3.connect(folder / "posreturns.db")) as db:
        return folder, str(db.execute("SELECT number FROM orders ORDER BY number LIMIT 1").fetchone()[0])


if __name__ == "__main__":
    if len(sys.argv) == 3:
        print(json.dumps(cli_start(Path(sys.argv[1]), sys.argv[2])))
    else:
        with tempfile.TemporaryDirectory(prefix="posreturns-cli-bench-") as tmp:
            print(json.dumps(cli_start(*demo_store(Path(tmp) / "till"))))
