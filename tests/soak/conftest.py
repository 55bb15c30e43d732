"""The endurance soaks run in child processes (bench/soak_*.py): a crash in one fails its test with
the child's last words instead of taking the test run down. Their tests run last; the first of them
starts every selected soak at once (each uses about one core) and each waits for its own report.
Not beside the rest of the suite: tests that count work done in a time window (kill -9 loops) would
see their processes starved."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, NamedTuple

import pytest

ROOT = Path(__file__).parents[2]
SOAKS: dict[str, list[str]] = {
    "window": ["bench.soak_window", "--scans", "5000", "--returns", "500", "--samples", "20"],
    "services": ["bench.soak_services", "--events", "2000", "--jobs", "1000", "--rounds", "40"],
    "open_close": ["bench.soak_open_close", "--openings", "200"],
}
WAIT_SECONDS = 1800
_started: dict[str, Any] = {}
_reports: dict[str, dict[str, Any]] = {}
_selected: set[str] = set()


class Child(NamedTuple):
    process: subprocess.Popen[bytes]
    stdout: Any
    stderr: Any


def _start(name: str) -> Child:
    if name not in _started:
        stdout, stderr = tempfile.TemporaryFile(), tempfile.TemporaryFile()  # noqa: SIM115 (the Child owns them)
        process = subprocess.Popen([sys.executable, "-m", *SOAKS[name]], cwd=ROOT, stdout=stdout, stderr=stderr)
        _started[name] = Child(process, stdout, stderr)
    return _started[name]  # type: ignore[no-any-return]


@pytest.hookimpl(trylast=True)  # after -k / -m have deselected what will not run
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    soaks = [item for item in items if item.get_closest_marker("soak")]
    items[:] = [item for item in items if not item.get_closest_marker("soak")] + soaks
    _selected.update(item.get_closest_marker("soak").args[0] for item in soaks)  # type: ignore[union-attr]


def pytest_unconfigure(config: pytest.Config) -> None:
    for child in _started.values():
        if child.process.poll() is None:
            child.process.kill()
            child.process.wait()
        child.stdout.close()
        child.stderr.close()


def _output(child: Child) -> tuple[str, str]:
    child.stdout.seek(0)
    child.stderr.seek(0)
    return child.stdout.read().decode(), child.stderr.read().decode(errors="replace")


@pytest.fixture
def soak_report(request: pytest.FixtureRequest) -> dict[str, Any]:
    """The JSON report of this test's soak (marker `soak(name)`), once its child is done."""
    for name in sorted(_selected):
        _start(name)
    child = _start(request.node.get_closest_marker("soak").args[0])
    try:
        child.process.wait(WAIT_SECONDS)
    except subprocess.TimeoutExpired:
        child.process.kill()
        child.process.wait()
    out, err = _output(child)
    noise = "This plugin does not support propagateSizeHints()"  # the offscreen platform, once per window shown
    err = "\n".join(line for line in err.splitlines() if noise not in line)
    assert child.process.returncode == 0, (f"the soak died or got stuck (exit {child.process.returncode}):\n"
                                           f"{err[-4000:]}")
    report: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    _reports[request.node.get_closest_marker("soak").args[0]] = report
    return report


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """The soaks' figures at the end of the run (CI logs keep them), without the samples."""
    if not _reports:
        return
    terminalreporter.section("soak figures")
    for name, report in _reports.items():
        parts = report.values() if name == "open_close" else [report]
        for part in parts:
            figures = {key: value for key, value in part.items() if key not in ("samples", "dialogs", "errors")}
            terminalreporter.write_line(f"{name}: {json.dumps(figures)}")
