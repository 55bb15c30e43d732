"""The till window as a widget inside a host POS's window, and the host's payment confirmations.

The host hears of each completed return through `on_refund(completed)`, called on the GUI thread right
after the return is committed. It confirms later through `HostPayments.confirm` (callable from any
thread), which records the confirmation off the GUI thread and turns the done screen from "waiting
for the payment terminal" to "confirmed".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from posreturns.devices.keyboard_wedge import WedgeConfig
from posreturns.domain.errors import UserFacingError
from posreturns.services.returns.results import CompletedReturn
from posreturns.ui.i18n import install_translators
from posreturns.ui.messages import cashier_text
from posreturns.ui.scanner_filter import WedgeScannerFilter
from posreturns.ui.views.main_window import MainWindow

log = logging.getLogger(__name__)
WAITING, CONFIRMED, FAILED, UNREACHABLE = "waiting", "confirmed", "failed", "unreachable"


def _app() -> QCoreApplication:
    app = QApplication.instance()
    assert app is not None, "the host creates its QApplication before the returns widget"
    return app


def install_host_translators(language: str) -> Callable[[], None]:
    """Our translations on the host's application (not Qt's, nor its locale); returns how to take them off."""
    app = _app()
    installed = install_translators(app, language, host=True)

    def remove() -> None:
        for translator in installed:
            app.removeTranslator(translator)

    return remove


class HostPayments(QObject):
    """Payments the host must make on its own terminal. Signals: state(str, str) a return number and
    WAITING | CONFIRMED | FAILED | UNREACHABLE; message(str) a problem recording the host's answer."""

    state = Signal(str, str)
    message = Signal(str)
    _answered = Signal(str, bool, str)

    def __init__(self, record: Callable[[str, bool, str], None], runner: Any) -> None:
        super().__init__()
        self.record, self.runner = record, runner
        self.states: dict[str, str] = {}
        self._answered.connect(self._on_answer)  # queued to the GUI thread when the host answers from another

    def expect(self, return_number: str) -> None:
        self._set(return_number, WAITING)

    def confirm(self, return_number: str, reference: str = "") -> None:
        """The host paid the refund out (e.g. the terminal's authorisation code in `reference`)."""
        self._answered.emit(return_number, True, reference or "")

    def report_failure(self, return_number: str, reason: str) -> None:
        """The host could not pay the refund out; the return stays recorded and a manager must settle it."""
        self._answered.emit(return_number, False, reason or "")

    def _on_answer(self, return_number: str, paid: bool, detail: str) -> None:
        def failed(error: BaseException) -> None:
            log.error("host answer for %s not recorded: %s", return_number, type(error).__name__)
            self.message.emit(cashier_text(error) if isinstance(error, UserFacingError) else
                              self.tr("The payment terminal's answer could not be recorded; call support."))

        self.runner.run(lambda: self.record(return_number, paid, detail),
                        lambda _result: self._set(return_number, CONFIRMED if paid else FAILED), failed)

    def _set(self, return_number: str, state: str) -> None:
        self.states[return_number] = state
        self.state.emit(return_number, state)


class _ScopedWedge(WedgeScannerFilter):
    """The wedge scanner, but only while the focus is inside our widget: the host keeps its keyboard."""

    def __init__(self, scope: QWidget, config: WedgeConfig | None = None) -> None:
        super().__init__(config or WedgeConfig(), parent=scope)
        self.scope = scope

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWidget) or not self.scope.isAncestorOf(watched):
            return False
        return super().eventFilter(watched, event)


class ReturnsWidget(QWidget):
    """The whole till screen (home → return → done, status bar) as one widget of the host's window."""

    def __init__(self, window: MainWindow, payments: HostPayments, on_refund: Callable[[CompletedReturn], None],
                 stylesheet: str = "", parent: QWidget | None = None, wedge: bool = True,
                 wedge_config: WedgeConfig | None = None) -> None:
        super().__init__(parent)
        self.window_, self.payments, self.on_refund = window, payments, on_refund
        payments.setParent(self)  # deleted with the widget, and its connections to the window with it
        self.setObjectName("returnsWidget")
        window.setWindowFlags(Qt.WindowType.Widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(window)
        if stylesheet:
            self.setStyleSheet(stylesheet)  # ours only: the host's own widgets keep their look
        self.wedge = _ScopedWedge(self, wedge_config) if wedge else None
        if self.wedge is not None:
            self.wedge.scanned.connect(window.on_scan)
            _app().installEventFilter(self.wedge)
            window.wedge = self.wedge  # type: ignore[attr-defined]  # the scanner set-up page reads it
        window.flow.completed.connect(self._completed)  # after the window's own slot: the done page is shown
        payments.state.connect(self._state)
        payments.message.connect(window.done.print_status.setText)
        self._cleanups: list[Callable[[], None]] = []

    def confirm_paid(self, return_number: str, reference: str = "") -> None:
        self.payments.confirm(return_number, reference)

    def report_failure(self, return_number: str, reason: str) -> None:
        self.payments.report_failure(return_number, reason)

    def on_close(self, cleanup: Callable[[], None]) -> None:
        self._cleanups.append(cleanup)

    def shutdown(self) -> None:
        """Stop polling, finish running work, release the data folder. Call when the host closes it."""
        if self.wedge is not None:
            _app().removeEventFilter(self.wedge)
            self.wedge = None
        if self.window_.status is not None:
            self.window_.status.timer.stop()
        while self._cleanups:
            self._cleanups.pop()()

    def _completed(self, done: CompletedReturn) -> None:
        number = done.return_number
        if any(tender.executed_by == "host" for tender in done.tenders):
            self.payments.expect(number)
        try:
            self.on_refund(done)
        except Exception as error:  # the host's bug must not lose the done screen; the return is recorded
            log.error("the host's on_refund failed: %s", type(error).__name__, exc_info=error)
            self.payments._set(number, UNREACHABLE)

    def _state(self, return_number: str, state: str) -> None:
        if self.window_.done.return_number == return_number:
            self.window_.done.show_host_state(state)
