"""Starting the standalone window (the `gui` command and `make run`)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from posreturns.services.lookup import OrderLookup
from posreturns.ui.presenters.lookup import LookupPresenter
from posreturns.ui.tasks import TaskRunner
from posreturns.ui.views.main_window import MainWindow


def run_window(lookup: OrderLookup) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    runner = TaskRunner()
    window = MainWindow(LookupPresenter(lookup, runner))
    window.show()
    try:
        return app.exec()
    finally:
        runner.wait()
