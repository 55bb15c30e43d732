"""The till window as a widget inside a host POS's window, and the host's payment confirmations.

The host hears of each completed return through `on_refund(completed)`, called on the GUI thread right
after the return is committed. A return with a card refund on the host's terminal waits for its
answer: `HostPayments.confirm` or `report_failure` (callable from any thread) records it off the GUI
thread, as `posreturns return confirm` does, and the receipt prints then, with the terminal's
reference. A refusal, or no answer within the timeout (recorded as a failure), offers the card part
another way at the till (`views.host_fallback`); the receipt prints once it is paid.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from posreturns.devices.keyboard_wedge import WedgeConfig
from posreturns.domain.errors import UserFacingError
from posreturns.services.returns.results import CompletedReturn
from posreturns.ui.i18n import install_translators
from posreturns.ui.messages import cashier_text
from posreturns.ui.scanner_filter import WedgeScannerFilter
from posreturns.ui.views.host_fallback import HostFallback
from posreturns.ui.views.main_window import MainWindow

log = logging.getLogger(__name__)
WAITING, CONFIRMED, FAILED, UNREACHABLE = "waiting", "confirmed", "failed", "unreachable"
TIMED_OUT, REPLACED = "timed_out", "replaced"  # no answer in time (recorded as failed); paid another way
GIVEN_UP = (FAILED, TIMED_OUT, REPLACED)
CONFIRM_TIMEOUT_SECONDS = 120.0


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
    WAITING | CONFIRMED | FAILED | TIMED_OUT | REPLACED | UNREACHABLE; message(str) a problem recording
    the host's answer, or an answer that came after the till stopped waiting."""

    state = Signal(str, str)
    message = Signal(str)
    _answered = Signal(str, bool, str)

    def __init__(self, record: Callable[[str, bool, str], None], runner: Any,
                 timeout_seconds: float = CONFIRM_TIMEOUT_SECONDS) -> None:
        super().__init__()
        self.record, self.runner, self.timeout_seconds = record, runner, timeout_seconds
        self.states: dict[str, str] = {}
        self.timers: dict[str, QTimer] = {}
        self._answered.connect(self._on_answer)  # queued to the GUI thread when the host answers from another

    def expect(self, return_number: str) -> None:
        """Wait for the host's answer; none within the timeout is recorded as a failure."""
        self._set(return_number, WAITING)
        timer = QTimer(self, singleShot=True, interval=int(self.timeout_seconds * 1000))
        timer.timeout.connect(lambda: self._timed_out(return_number))
        self.timers[return_number] = timer
        timer.start()

    def _timed_out(self, return_number: str) -> None:
        self.timers.pop(return_number, None)
        if self.states.get(return_number) == WAITING:
            self._on_answer(return_number, False, f"no answer from the payment terminal within "
                                                  f"{self.timeout_seconds:g} s", timed_out=True)

    def replaced(self, return_number: str) -> None:
        """The card part was paid another way at the till."""
        self._set(return_number, REPLACED)

    def confirm(self, return_number: str, reference: str = "") -> None:
        """The host paid the refund out (e.g. the terminal's authorisation code in `reference`)."""
        self._answered.emit(return_number, True, reference or "")

    def report_failure(self, return_number: str, reason: str) -> None:
        """The host could not pay the refund out; the return stays recorded and a manager must settle it."""
        self._answered.emit(return_number, False, reason or "")

    def _on_answer(self, return_number: str, paid: bool, detail: str, timed_out: bool = False) -> None:
        if (timer := self.timers.pop(return_number, None)) is not None:
            timer.stop()
        late = self.states.get(return_number) in GIVEN_UP
        if late and paid:
            # recorded all the same (the terminal did pay), for a manager to check nobody is paid twice
            log.warning("the host confirmed %s after the till stopped waiting", return_number)
            self.message.emit(self.tr("The payment terminal confirmed return {0} after the till stopped waiting: "
                                      "call a manager to check the customer is not paid twice.")
                              .replace("{0}", return_number))
        settled = CONFIRMED if paid else TIMED_OUT if timed_out else FAILED

        def recorded(_result: object) -> None:
            if not late:  # the screen and the receipt stay with what the till did meanwhile
                self._set(return_number, settled)

        def failed(error: BaseException) -> None:
            log.error("host answer for %s not recorded: %s", return_number, type(error).__name__)
            self.message.emit(cashier_text(error) if isinstance(error, UserFacingError) else
                              self.tr("The payment terminal's answer could not be recorded; call support."))

        self.runner.run(lambda: self.record(return_number, paid, detail), recorded, failed)

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
                 wedge_config: WedgeConfig | None = None, fallback: HostFallback | None = None) -> None:
        super().__init__(parent)
        self.window_, self.payments, self.on_refund, self.fallback = window, payments, on_refund, fallback
        # the receipt of a return with a card refund on the host's terminal prints once it is answered
        window.flow.holds_receipt = lambda done: any(tender.executed_by == "host" for tender in done.tenders)
        if fallback is not None:
            window.done.add_below_host_status(fallback)
            fallback.paid.connect(self._paid_otherwise)
        # the drawer float, recorded for the host's cashier, and the drawer opened for a card refund paid
        # in cash instead (both set by posreturns.plugin)
        self.record_float: Callable[[str], Any] | None = None
        self.open_drawer: Callable[[Any], Any] | None = None
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

    def set_drawer_float(self, amount: Decimal | str, on_done: Callable[[Any], None] | None = None,
                         on_error: Callable[[BaseException], None] | None = None) -> None:
        """Today's float of this till's drawer (the cash counted into it), recorded off the GUI thread
        for the host's cashier; `on_done(DrawerFloat)` or `on_error(error)` on the GUI thread (by
        default a refusal is shown in the widget). Money is never a float: give a Decimal or a string."""
        if not isinstance(amount, (Decimal, str)):
            raise TypeError("give the drawer float as a Decimal or a decimal string, never a float")
        record = self.record_float
        if record is None:
            raise RuntimeError("this widget was built without the drawer float")

        def refused(error: BaseException) -> None:
            if on_error is not None:
                on_error(error)
            else:
                self.window_.show_message(cashier_text(error) if isinstance(error, UserFacingError) else
                                          self.tr("The drawer float could not be saved; try again."))

        self.payments.runner.run(lambda: record(str(amount)), on_done or (lambda _entry: None), refused)

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
        if self.fallback is not None:
            self.fallback.withdraw()
        if self.window_.flow.holds_receipt(done):
            self.payments.expect(number)
            if self.window_.flow.printing is not None:
                self.window_.done.print_status.setText(self.tr("The receipt prints once the payment terminal has "
                                                               "answered."))
        try:
            self.on_refund(done)
        except Exception as error:  # the host's bug must not lose the done screen; the return is recorded
            log.error("the host's on_refund failed: %s", type(error).__name__, exc_info=error)
            self.payments._set(number, UNREACHABLE)

    def _state(self, return_number: str, state: str) -> None:
        shown = self.window_.done.return_number == return_number
        if shown:
            self.window_.done.show_host_state(state)
        if state == CONFIRMED:
            self.window_.flow.print_receipt(return_number)  # with the terminal's reference on it
        elif state in (FAILED, TIMED_OUT) and shown and self.fallback is not None:
            self.fallback.offer(return_number)

    def _paid_otherwise(self, return_number: str, paid: Any) -> None:
        """Committed: the drawer opens for cash (once), then the receipt prints with the tender that paid."""
        self.payments.replaced(return_number)
        if paid.method == "cash" and self.open_drawer is not None:
            open_drawer = self.open_drawer
            self.window_.flow.printer_runner.run(lambda: open_drawer(paid), self.window_.done.show_drawer,
                                                 lambda error: log.error("drawer: %s", type(error).__name__))
        self.window_.flow.print_receipt(return_number)
