"""The frozen app built by `make dist` (dist/posreturns), run as a till would: `--version`, the demo,
a return from the command line, and the French window with its style and icons for a few seconds.
Run by `make package-check` (after `make dist`), which CI runs after `make test`."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from helpers.packaging import ROOT, VERSION, check_installed_app

APP = ROOT / "dist" / "posreturns"
SUFFIX = ".exe" if os.name == "nt" else ""


def test_the_frozen_app_is_built_with_both_programs() -> None:
    assert (APP / f"posreturns{SUFFIX}").is_file(), "dist/posreturns is missing: run `make dist` first"
    assert (APP / f"posreturns-till{SUFFIX}").is_file()


def test_the_frozen_app_carries_only_the_qt_modules_it_uses() -> None:
    modules = {path.name.split(".")[0] for path in (APP / "_internal" / "PySide6").glob("Qt*.*")}
    # the window's three, and what pyqtgraph (the manager's report charts) imports when it loads
    assert modules == {"QtCore", "QtGui", "QtWidgets", "QtOpenGL", "QtOpenGLWidgets", "QtSvg", "QtTest"}


def test_the_frozen_app_runs_the_till_outside_the_repository(tmp_path: Path) -> None:
    report = check_installed_app([str(APP / f"posreturns{SUFFIX}")], [str(APP / f"posreturns-till{SUFFIX}")], tmp_path)
    assert report["icons"] >= 17 and report["version"] == VERSION


def test_the_frozen_app_refuses_a_bad_argument_in_one_sentence(tmp_path: Path) -> None:
    done = subprocess.run([str(APP / f"posreturns{SUFFIX}"), "--data-dir", str(tmp_path), "return", "show"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
