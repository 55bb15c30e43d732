"""Starting the standalone window (the `gui` command and `make run`)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from posdrivers import WedgeConfig
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from posreturns.ui.i18n import install_translators
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.resources import stylesheet
from posreturns.ui.serial_scanner import SerialScannerBridge
from posreturns.ui.services import UiServices
from posreturns.ui.tasks import TaskRunner
from posreturns.ui.window import build_window


def run_window(make_services: Callable[[str], UiServices], choose_language: Callable[[], str], session: Session,
               interpret: Any, serial_port: str | None = None) -> int:
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("posreturns")
    language = choose_language()
    install_translators(app, language)
    app.setStyleSheet(stylesheet())
    runner = TaskRunner()
    window = build_window(make_services(language), session, runner, interpret=interpret, wedge=WedgeConfig())
    serial = None
    if serial_port:
        serial = SerialScannerBridge(serial_port)
        serial.scanned.connect(window.on_scan)
        serial.status.connect(lambda text: window.status.merge(scanner=text) if window.status else None)
        serial.start()
    window.show()
    try:
        return app.exec()
    finally:
        if serial is not None:
            serial.stop()
        runner.wait()
