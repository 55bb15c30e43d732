"""Starting the standalone window (the `gui` command and `make run`)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from posdrivers import WedgeConfig
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QToolBar

from posreturns.ui.garbage import GuiThreadGarbageCollector
from posreturns.ui.i18n import install_translators
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.qt_binding import check_binding
from posreturns.ui.resources import stylesheet
from posreturns.ui.serial_scanner import SerialScannerBridge
from posreturns.ui.services import UiServices
from posreturns.ui.tasks import TaskRunner
from posreturns.ui.unexpected_errors import UnexpectedErrorReporter
from posreturns.ui.window import build_window


def run_window(make_services: Callable[[str], UiServices], choose_language: Callable[[], str], session: Session,
               interpret: Any, serial_port: str | None = None,
               virtual_scan: Callable[[str], None] | None = None, unexpected_end: bool = False) -> int:
    if QApplication.instance() is None:  # a policy for the application to come (Qt warns once it exists)
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("posreturns")
    language = choose_language()
    translators = install_translators(app, language)
    app.setStyleSheet(stylesheet())
    collector = GuiThreadGarbageCollector()
    collector.start()
    runner = TaskRunner()
    window = build_window(make_services(language), session, runner, interpret=interpret, wedge=WedgeConfig())
    serial = None
    if serial_port:
        serial = SerialScannerBridge(serial_port)
        serial.scanned.connect(window.on_scan)
        serial.unreadable.connect(window.show_message)
        serial.status.connect(lambda text: window.status.merge(scanner=text) if window.status else None)
        serial.start()
    if virtual_scan is not None:
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, virtual_scanner_bar(virtual_scan))
    if unexpected_end:
        window.tell_unexpected_end()
    if (fault := check_binding()) is not None:
        window.show_message(fault)
    errors = UnexpectedErrorReporter(window.show_message)
    errors.install()
    window.show()
    collector.freeze()
    try:
        return app.exec()
    finally:
        errors.uninstall()
        if serial is not None:
            serial.stop()
        runner.close()
        # what this window put on the application goes with it, so a process may open it again
        window.deleteLater()  # its children (presenters, scanner filter) with it
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        for translator in translators:
            app.removeTranslator(translator)
        collector.stop()


def virtual_scanner_bar(scan: Callable[[str], None]) -> QToolBar:
    """Demo only: a field whose codes go through the virtual serial scanner, like a real scan."""
    bar = QToolBar(QApplication.translate("Launch", "Virtual scanner"))
    bar.setMovable(False)
    field = QLineEdit(placeholderText=QApplication.translate("Launch", "Type a code, press Enter: it is scanned"))
    field.setMinimumHeight(36)

    def send() -> None:
        code = field.text().strip()
        field.clear()
        if code:
            scan(code)

    field.returnPressed.connect(send)
    bar.addWidget(QLabel(QApplication.translate("Launch", "Virtual scanner (demo)") + " "))
    bar.addWidget(field)
    return bar
