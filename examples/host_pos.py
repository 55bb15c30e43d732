"""A tiny fake host POS that embeds the returns screen (docs/host-integration.md).

    python examples/host_pos.py [DATA_DIR]

Without DATA_DIR it runs on a throw-away copy of the demo store. Press "Returns", do a return (e.g.
scan or type PA01-000102), and watch the refund instruction arrive in the host's log; the fake
payment terminal then "refunds" the card part and confirms it to the plugin, and the receipt prints.
Tick "Terminal declines" to see a declined card refund paid another way at the till (a manager's
PIN: with a DATA_DIR made by `posreturns demo`, sophie / 1234). Opening the returns screen enters
the drawer float (150.00) through the widget, as a host does at the start of a shift.
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posreturns.plugin import RefundInstruction, create_returns_widget
from posreturns.ui.embedded import ReturnsWidget


class FakePos(QMainWindow):
    """The host: its own sale screen, a Returns button, and a payment terminal that answers after a while.

    It satisfies `posreturns.plugin.HostPos`: parent_window, cashier, store_id, till_id, on_refund."""

    def __init__(self, data_dir: Path, terminal_delay_ms: int = 1500) -> None:
        super().__init__()
        self.data_dir, self.terminal_delay_ms = data_dir, terminal_delay_ms
        self.parent_window, self.cashier, self.store_id, self.till_id = self, "paul", "PARIS-01", "T2"
        self.instructions: list[RefundInstruction] = []
        self.returns: ReturnsWidget | None = None
        self.setWindowTitle("Fake POS — host of posreturns")
        self.resize(1280, 900)
        self.returns_button = QPushButton("Returns")
        self.sale_button = QPushButton("Sale")
        self.declines = QCheckBox("Terminal declines")
        self.log = QPlainTextEdit(readOnly=True)
        self.log.setMaximumHeight(140)
        self.screens = QStackedWidget()
        self.screens.addWidget(QLabel("The host's own sale screen.", alignment=Qt.AlignmentFlag.AlignCenter))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(f"Host POS · {self.cashier} · {self.store_id} · {self.till_id}"), 1)
        bar.addWidget(self.declines)
        bar.addWidget(self.sale_button)
        bar.addWidget(self.returns_button)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(bar)
        layout.addWidget(self.screens, 1)
        layout.addWidget(self.log)
        self.setCentralWidget(central)
        self.returns_button.clicked.connect(self.open_returns)
        self.sale_button.clicked.connect(lambda: self.screens.setCurrentIndex(0))

    def open_returns(self) -> None:
        if self.returns is None:
            self.returns = create_returns_widget(self, self.data_dir)
            self.screens.addWidget(self.returns)
            self.returns.set_drawer_float(Decimal("150.00"), on_done=lambda entry: self.log.appendPlainText(
                f"Drawer float {entry.amount.amount} {entry.amount.currency} entered for {entry.business_day}"))
        self.screens.setCurrentWidget(self.returns)

    def on_refund(self, instruction: RefundInstruction) -> None:
        """Called on the GUI thread right after the return is committed: never block here."""
        self.instructions.append(instruction)
        self.log.appendPlainText(f"Return {instruction.return_number}: refund {instruction.refund_total} "
                                 f"{instruction.currency}")
        for tender in instruction.tenders:
            self.log.appendPlainText(f"  {tender.method} {tender.amount} by {tender.executed_by}")
        if instruction.cash_to_pay_out > Decimal(0):
            self.log.appendPlainText(f"  open the host's drawer: pay {instruction.cash_to_pay_out} in cash")
        if instruction.host_tenders:
            self.log.appendPlainText(f"  terminal: refunding {instruction.host_amount}…")
            QTimer.singleShot(self.terminal_delay_ms, lambda: self._terminal_done(instruction))

    def _terminal_done(self, instruction: RefundInstruction) -> None:
        if self.declines.isChecked():
            instruction.fail("card declined by the terminal")
            self.log.appendPlainText("  terminal: declined, told to posreturns")
            return
        reference = f"AUTH-{instruction.return_number[-6:]}"
        instruction.confirm(reference)
        self.log.appendPlainText(f"  terminal: done ({reference}), confirmed to posreturns")

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.returns is not None:
            self.returns.shutdown()
        super().closeEvent(event)


def demo_data_dir(folder: Path) -> Path:
    """A data folder holding the demo store (what `posreturns demo` loads)."""
    from posreturns.app import open_till
    from posreturns.demo.store import demo_document
    from posreturns.services.importing import import_bytes

    till = open_till(folder)
    try:
        import_bytes(json.dumps(demo_document(date.today())).encode(), "demo", till.cache_writer)
    finally:
        till.close()
    return folder


def main(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(argv[1]) if len(argv) > 1 else demo_data_dir(Path(tmp))
        window = FakePos(data_dir)
        window.show()
        return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
