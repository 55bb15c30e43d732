"""What the till window loads before its first screen shows: nothing of the manager's workspace, the
printers or the serial port, which load once it has shown. (The start's time is `make bench`'s to
measure, never a test's.)"""

from __future__ import annotations

import json
import subprocess
import sys

from posreturns.app import Till

# The window built as `bench/app_start.py` builds it, in a fresh process: the modules loaded when its
# first paint is done, then those loaded once it has shown (the timer after the first paint).
PROBE = """
import json, os, sys
from pathlib import Path
os.environ['QT_QPA_PLATFORM'] = 'offscreen'
from posreturns.app import open_till
from posreturns.app_ui import ui_services
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from posreturns.domain.users import Principal
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.tasks import InlineTaskRunner
from posreturns.ui.window import build_window
app = QApplication([])
till = open_till(Path(sys.argv[1]))
session = Session(principal=Principal.vouched('t', by='tests'), till_id=lambda: 'T1', offline=lambda: False,
                  store_id=lambda: 'PARIS-01')
window = build_window(ui_services(till, 'en', signs_in=False), session, InlineTaskRunner(), poll_status=False)
window.show()
app.processEvents()
first = sorted(sys.modules)
QTimer.singleShot(1000, app.quit)
app.exec()
shown = window.manager_button is not None and window.parked_button is not None
print(json.dumps({'first': first, 'later': sorted(sys.modules), 'manager_ready': shown}), file=sys.stderr)
window.close()
till.close()
"""
LATER = ("posreturns.ui.manager.hookup", "posreturns.ui.parked_hookup", "posreturns.services.day_close",
         "posreturns.services.reports", "posreturns.devices.printing", "posdrivers.escpos", "serial")


def test_the_first_screen_loads_neither_the_managers_workspace_nor_the_printers(demo_till: Till) -> None:
    demo_till.close()  # the probe opens the data folder on its own
    done = subprocess.run([sys.executable, "-c", PROBE, str(demo_till.data_dir)], capture_output=True, text=True,
                          timeout=120, check=False)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    first, later = set(report["first"]), set(report["later"])
    assert not first & set(LATER), sorted(first & set(LATER))
    assert "posdrivers.scanner.wedge" in first  # the scanner's rules are there from the start
    assert {"posreturns.ui.manager.hookup", "posreturns.ui.parked_hookup"} <= later and report["manager_ready"]
