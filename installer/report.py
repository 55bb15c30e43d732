"""Size and start-up time of the frozen app (printed by `make dist`; `make bench` prints it too)."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


def report(app: Path) -> dict[str, float]:
    suffix = ".exe" if os.name == "nt" else ""
    cli, till = str(app / f"posreturns{suffix}"), str(app / f"posreturns-till{suffix}")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": tmp}
        data = ["--data-dir", str(Path(tmp) / "data")]
        subprocess.run([cli, *data, "demo"], env=env, check=True, capture_output=True, timeout=120)
        version = [timed([cli, "--version"], env) for _ in range(3)]
        window = [timed([till, *data, "--self-check", "0"], env) for _ in range(3)]
    return {"size_mb": round(folder_size(app) / 1e6, 1),
            "files": sum(1 for p in app.rglob("*") if p.is_file() and not p.is_symlink()),
            "version_s_median": round(statistics.median(version), 2),
            "window_ready_s_median": round(statistics.median(window), 2)}


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/posreturns")
    figures = report(folder)
    print(f"frozen app {folder}: {figures['size_mb']} MB in {figures['files']} files; "
          f"`posreturns --version` {figures['version_s_median']} s, window ready {figures['window_ready_s_median']} s "
          "(median of 3, includes opening the demo database)")
    print(json.dumps(figures))
