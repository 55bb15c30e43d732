"""Starting the standalone window (the `gui` command and `make run`)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from posreturns.app import open_till
from posreturns.paths import resolve_data_dir
from posreturns.ui.presenters.lookup import LookupPresenter
from posreturns.ui.tasks import TaskRunner
from posreturns.ui.views.main_window import MainWindow


def run_window(data_dir: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    till = open_till(resolve_data_dir(data_dir))
    runner = TaskRunner()
    window = MainWindow(LookupPresenter(till.lookup, runner))
    window.show()
    try:
        return app.exec()
    finally:
        runner.wait()
        till.close()
