"""The 30-day returns report of the whole store, timed in a process of its own (bench/__main__.py's
`report_bench` starts it): as a manager gets it from the command line (`posreturns report`, a fresh
process) or from the window (which collects garbage on its own timer, never inside the report).
The bench process is no such process: by the time the report is measured it holds every figure
before it (millions of objects for the collector to walk).

    python -m bench.report_child DATA_DIR [SAMPLES]   -> prints {"wall_ms": [...], "cpu_ms": [...], "returns": N}
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

from posreturns.app import open_till
from posreturns.persistence.report_source import SqlReportSource
from posreturns.services.reports import ReportService
from posreturns.services.returns.service import TillIdentity

START, END = date(2026, 10, 2), date(2026, 10, 31)


def main(data_dir: Path, samples: int) -> dict[str, object]:
    with open_till(data_dir) as till:
        # the data set's first store, whose sales the report's return rate counts
        reports = ReportService(SqlReportSource(till.engine), till.policies, lambda: TillIdentity("STORE-01", "T1"))
        counted = reports.report(START, END, store_wide=True).total.returns  # the first: caches filled
        wall, cpu = [], []
        for _ in range(samples):
            started, started_cpu = time.perf_counter(), time.process_time()
            reports.report(START, END, store_wide=True)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
    return {"wall_ms": wall, "cpu_ms": cpu, "returns": counted}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 10)))
