"""Starting the standalone window (the `gui` command and `make run`)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QToolBar

from posreturns import __version__
from posreturns.devices.keyboard_wedge import WedgeConfig
from posreturns.domain.errors import UserFacingError
from posreturns.ui.application import running_application
from posreturns.ui.garbage import GuiThreadGarbageCollector
from posreturns.ui.i18n import install_translators
from posreturns.ui.live_language import LanguageSwitch
from posreturns.ui.messages import cashier_text, current_language
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.presenters.scan_routing import ScannedCode
from posreturns.ui.qt_binding import check_binding
from posreturns.ui.resources import icon_path, stylesheet
from posreturns.ui.self_check import schedule_self_check
from posreturns.ui.serial_scanner import ScannerSource, SerialScannerBridge
from posreturns.ui.services import UiServices
from posreturns.ui.tasks import TaskRunner
from posreturns.ui.unexpected_errors import UnexpectedErrorReporter
from posreturns.ui.window import build_window


def run_window(make_services: Callable[[str], UiServices], choose_language: Callable[[], str], session: Session,
               interpret: Callable[[str], ScannedCode] | None, scanner: ScannerSource | None = None,
               virtual_scan: Callable[[str], None] | None = None, wedge: WedgeConfig | None = None,
               notice: Callable[[], UserFacingError | None] = lambda: None, checked: threading.Event | None = None,
               self_check_after: float | None = None, fullscreen: bool = False, unexpected_end: bool = False) -> int:
    """Show the window until it is closed. What `notice()` gives (why no return can be issued) is
    shown on the home screen at the start, and again once the database check in the background
    (`checked`) has finished; `unexpected_end`: the last session crashed (the window says so)."""
    if QApplication.instance() is None:  # a policy for the application to come (Qt warns once it exists)
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = running_application(sys.argv[:1])
    app.setApplicationName("posreturns")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(icon_path("app")))
    language = choose_language()
    translators = install_translators(app, language)
    app.setStyleSheet(stylesheet())
    collector = GuiThreadGarbageCollector()
    collector.start()
    runner = TaskRunner()
    services = make_services(language)
    window = build_window(services, session, runner, interpret=interpret, wedge=wedge or WedgeConfig())
    window.language_switch = languages = LanguageSwitch(app, language, translators)
    bridge = None
    if scanner is not None:  # a serial scanner: its reader thread owns the port, scans come here queued
        bridge = SerialScannerBridge(scanner)
        bridge.scanned.connect(window.on_scan)
        bridge.unreadable.connect(window.show_message)
        bridge.status.connect(lambda text: window.status.merge(scanner=text) if window.status else None)
        bridge.start()
    if virtual_scan is not None:
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, virtual_scanner_bar(virtual_scan))
    if unexpected_end:
        window.tell_unexpected_end()
    if (fault := check_binding()) is not None:
        window.show_message(fault)
    errors = UnexpectedErrorReporter(window.show_message)
    errors.install()
    if fullscreen:  # a kiosk till: nothing but the returns screen
        window.showFullScreen()
    else:
        window.show()
    collector.freeze()
    if self_check_after is not None:
        schedule_self_check(app, window, language, self_check_after)
    if (problem := notice()) is not None:
        window.show_message(cashier_text(problem))
    watch = QTimer(window, interval=500)  # dies with the window: a loose timer kept `look`, so the window
    if checked is not None:
        def look() -> None:
            if checked.is_set():
                watch.stop()
                if (found := notice()) is not None:
                    window.show_message(cashier_text(found))

        watch.timeout.connect(look)
        watch.start()
    try:
        return app.exec()
    finally:
        watch.stop()
        errors.uninstall()
        if bridge is not None:
            bridge.stop()
        runner.close()
        if services.printing is not None:
            services.printing.device.stop()  # finish the queued print jobs, end the printer thread
        # what this window put on the application goes with it, so a process may open it again
        window.deleteLater()  # its children (presenters, scanner filter) with it
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        languages.remove()
        collector.stop()


def show_fatal(error: UserFacingError) -> int:
    """The till cannot start (its database is damaged or cannot be opened): say why in a box."""
    app = running_application(sys.argv[:1])
    install_translators(app, current_language())
    QMessageBox.critical(None, "posreturns", cashier_text(error))
    return 2


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
