"""The whole suite as `make test` runs it: the tests against the real Medusa (marker `oms`) in one
pytest process and everything else in another, at the same time.

Most of the OMS tests' time is Medusa's own work in its Node process, while the rest of the suite is
Python in ours; side by side they finish in about the time of the longer one instead of the sum, which
keeps CI on its 2-core machine well inside its budget. The OMS run's output is shown after the other's,
whole, so the two never interleave. The run fails when either fails (including when either collects
no test: pytest exits 5).

Extra arguments go to both runs, e.g. `--durations=30`.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(extra: list[str]) -> int:
    pytest = [sys.executable, "-m", "pytest", *extra]
    with tempfile.TemporaryFile() as oms_output:
        # The OMS run leaves pytest's cache to the other run: two writers would race on .pytest_cache.
        oms_run = subprocess.Popen([*pytest, "-m", "oms", "-p", "no:cacheprovider"], cwd=ROOT,
                                   stdout=oms_output, stderr=subprocess.STDOUT)
        try:
            rest = subprocess.call([*pytest, "-m", "not oms"], cwd=ROOT)
            oms = oms_run.wait()
        except BaseException:
            oms_run.kill()
            oms_run.wait()
            raise
        oms_output.seek(0)
        print("\n=================== the tests against the real Medusa (marker oms) ===================",
              flush=True)
        sys.stdout.buffer.write(oms_output.read())
        sys.stdout.flush()
    print(f"\nmake test: rest of the suite exit {rest}, OMS tests exit {oms}", flush=True)
    return rest or oms


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
