"""Done: the return number, what the host still has to do, the drawer, the receipt preview, reprint."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPixmap, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posreturns.services.returns.results import CompletedReturn
from posreturns.ui import labels
from posreturns.ui.i18n import Formats
from posreturns.ui.messages import cashier_text
from posreturns.ui.views.widgets import big_button, show_key


class DonePage(QWidget):
    """Signals: reprint(str) a return number; new_return()."""

    reprint = Signal(str)
    new_return = Signal()

    def __init__(self, formats: Formats, receipt_image: Callable[[], str | None] = lambda: None) -> None:
        super().__init__()
        self.formats, self.receipt_image = formats, receipt_image
        self.number = QLabel(objectName="returnNumber")
        self.instructions = QLabel(objectName="instructions", wordWrap=True)
        self.print_status = QLabel(objectName="printStatus", wordWrap=True)
        self.drawer_status = QLabel(objectName="drawerStatus", wordWrap=True)
        self.drawer_status.hide()
        self.host_status = QLabel(objectName="hostStatus", wordWrap=True)
        self.host_status.hide()
        self.preview = QPlainTextEdit(readOnly=True, objectName="receiptPreview")
        self.preview.setFont(QFont("monospace"))
        self.picture = QLabel(objectName="receiptPicture")
        picture_scroll = self.picture_scroll = QScrollArea(widgetResizable=True)
        picture_scroll.setWidget(self.picture)
        self.previews = QStackedWidget()
        self.previews.addWidget(self.preview)
        self.previews.addWidget(picture_scroll)
        self.reprint_button = big_button(self.tr("Reprint the receipt"), icon_name="receipt")
        self.new_button = big_button(self.tr("New return"), "primary", icon_name="return-light")
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.new_button, 1)
        left = self._left = QVBoxLayout()
        left.addWidget(self.number)
        left.addWidget(self.instructions)
        left.addWidget(self.host_status)
        left.addWidget(self.drawer_status)
        left.addWidget(self.print_status)
        left.addStretch(1)
        left.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.previews, 1)
        self._return_number = ""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Enter and F9 reach it
        self.reprint_button.clicked.connect(lambda: self.reprint.emit(self._return_number))
        self.new_button.clicked.connect(self.new_return)
        show_key(self.reprint_button, "F9")
        show_key(self.new_button, "Enter")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.new_return.emit()
        elif event.key() == Qt.Key.Key_F9 and self.reprint_button.isVisible():
            self.reprint_button.click()
        else:
            super().keyPressEvent(event)

    def show_done(self, done: CompletedReturn, titles: dict[str, str] | None = None, printer: bool = True) -> None:
        """`titles`: the replacement items' names by SKU (an exchange), for the cashier to hand over;
        `printer`: one is set up (otherwise the screen does not say "Printing…")."""
        self._return_number = done.return_number
        self.number.setText(self.tr("Return {0} is recorded.").replace("{0}", self._return_number))
        todo = []
        for tender in done.tenders:
            amount = self.formats.money(tender.amount, done.currency)
            method = labels.tenders().get(tender.method, tender.method)
            if tender.executed_by == "host":
                todo.append(self.tr("Refund {0} to the {1} on the payment terminal.")
                            .replace("{0}", amount).replace("{1}", method.lower()))
            elif tender.method == "cash":
                todo.append(self.tr("Give {0} in cash from the drawer.").replace("{0}", amount))
            else:
                todo.append(f"{method}: {amount}")
        if done.voucher_code:
            todo.append(self.tr("Hand over the voucher {0}.").replace("{0}", done.voucher_code))
        delivery = done.document.get("delivery") or {}
        for line in (done.document.get("exchange") or {}).get("lines", []):
            title = (titles or {}).get(line["sku"], line["sku"])
            text = self.tr("Give the customer the new item: {0} × {1}.") if not delivery else \
                self.tr("The new item is delivered, nothing to hand over: {0} × {1}.")
            todo.append(text.replace("{0}", str(line.get("qty", 1))).replace("{1}", title))
        if delivery:
            language = "fr" if self.formats.language == "fr" else "en"
            todo.append(((delivery.get("promise") or {}).get("sentence") or {}).get(language, ""))
            if delivery.get("to") == "store":
                todo.append(self.tr("Give the customer the pickup slip printed with the receipt."))
            if delivery.get("provisional"):
                todo.append(self.tr("Promised offline: tell the customer the store confirms it when the till "
                                    "reconnects."))
        if done.to_collect:
            to_collect = self.formats.money(done.to_collect, done.currency)
            todo.append(self.tr("Collect {0} for the exchange.").replace("{0}", to_collect))
        if (done.document.get("contact") or {}).get("e_receipt"):
            todo.append(self.tr("The receipt also goes to the customer by e-mail."))
        if (done.document.get("contact") or {}).get("channel") == "sms":
            todo.append(self.tr("The customer also gets an SMS with the return's number and what they get."))
        self.instructions.setText("\n".join(todo))
        self.print_status.setText(self.tr("Printing the receipt…") if printer else
                                  self.tr("No printer is set up: no receipt is printed."))
        self.reprint_button.setVisible(printer)
        self.drawer_status.hide()
        self.host_status.hide()
        self.preview.clear()
        self.previews.setCurrentIndex(0)

    @property
    def return_number(self) -> str:
        return self._return_number

    def show_host_state(self, state: str) -> None:
        """Embedded in a host POS: where the refund on the host's payment terminal stands."""
        texts = {"waiting": self.tr("Waiting for the payment terminal…"),
                 "confirmed": self.tr("The payment terminal confirmed the refund."),
                 "failed": self.tr("The payment terminal did not refund: the return is recorded; call a manager."),
                 "timed_out": self.tr("The payment terminal did not answer in time: the card refund is not made; "
                                      "call a manager."),
                 "replaced": self.tr("The card refund was paid another way."),
                 "unreachable": self.tr("The till did not take the refund: the return is recorded; call a manager.")}
        self.host_status.setText(texts.get(state, state))
        self.host_status.setProperty("state", state)
        self.host_status.style().unpolish(self.host_status)
        self.host_status.style().polish(self.host_status)
        self.host_status.show()

    def add_below_host_status(self, widget: QWidget) -> None:
        """A host POS's own part of the done screen (e.g. paying a declined card refund another way)."""
        self._left.insertWidget(self._left.indexOf(self.host_status) + 1, widget)

    def show_printed(self, outcome: Any) -> None:
        self.preview.setPlainText(outcome.preview_text)
        self.preview.moveCursor(QTextCursor.MoveOperation.Start)  # the receipt's top, not where the last one was
        self.picture_scroll.verticalScrollBar().setValue(0)
        image = self.receipt_image() if outcome.printed else None
        if image:
            self.picture.setPixmap(QPixmap(image))
            self.previews.setCurrentIndex(1)
        if outcome.printed and getattr(outcome, "confirmed", True):
            text = (self.tr("Copy of the receipt printed.") if getattr(outcome, "copy", False)
                    else self.tr("Receipt printed."))
        else:
            text = cashier_text(outcome)
        self.print_status.setText(text)

    def show_drawer(self, outcome: Any) -> None:
        """The cash drawer, opened apart from the receipt for a cash refund."""
        self.drawer_status.setText(self.tr("The cash drawer is open.") if outcome.opened else cashier_text(outcome))
        self.drawer_status.show()
