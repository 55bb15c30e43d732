"""The whole suite as `make test` runs it: the tests against the real Medusa (marker `oms`) in one
pytest process and everything else in another, at the same time.

Most of the OMS tests' time is Medusa's own work in its Node process, while the rest of the suite is
Python in ours; side by side they finish in about the time of the longer one instead of the sum, which
keeps CI on its 2-core machine well inside its budget. The OMS side also takes the tests that build
wheels and virtual environments (`BESIDE_OMS`) once its Medusa tests are done: with the cluster-mode
and till-number tests the Medusa half became the longer (17 min against 13 on 28 Nov), so the fuzzing
and command-line tests it used to take went back to the rest. The OMS side's output is shown after the other's,
whole, so the two never interleave. The run fails when any run fails (including when one collects no
test: pytest exits 5).

Extra arguments go to both runs, e.g. `--durations=30`.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BESIDE_OMS = ("tests/packaging",)
NO_CACHE = ("-p", "no:cacheprovider")  # two writers would race on .pytest_cache: the rest keeps it


def main(extra: list[str]) -> int:
    pytest = [sys.executable, "-m", "pytest", *extra]
    with tempfile.TemporaryFile() as oms_output:
        # both runs of the OMS side, whatever the first's result; it fails with the first failure
        oms_side = (f"{shlex.join([*pytest, '-m', 'oms', *NO_CACHE])}; first=$?; "
                    f"{shlex.join([*pytest, '-m', 'not oms', *NO_CACHE, *BESIDE_OMS])}; second=$?; "
                    '[ "$first" -ne 0 ] && exit "$first"; exit "$second"')
        oms_run = subprocess.Popen(["sh", "-c", oms_side], cwd=ROOT, stdout=oms_output, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        try:
            rest = subprocess.call([*pytest, "-m", "not oms", *(f"--ignore={path}" for path in BESIDE_OMS)],
                                   cwd=ROOT)
            oms = oms_run.wait()
        except BaseException:
            os.killpg(oms_run.pid, signal.SIGKILL)  # the shell and the pytest it runs
            oms_run.wait()
            raise
        oms_output.seek(0)
        beside = ", ".join(BESIDE_OMS)
        print(f"\n========== the tests against the real Medusa (marker oms), then {beside} ==========", flush=True)
        sys.stdout.buffer.write(oms_output.read())
        sys.stdout.flush()
    print(f"\nmake test: rest of the suite exit {rest}, OMS side exit {oms}", flush=True)
    return rest or oms


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
