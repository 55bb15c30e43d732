"""The Open queues tab, one queue at a time (a tab each, with its count): returns a till parked for a
manager's approval (approve, or refuse with a reason), card refunds the payment terminal has not
confirmed (confirm with the terminal's reference, or mark failed with why), failed ones still to pay
(as store credit or cash), and events the OMS refused, with the customer's contact (send again,
accept the write-off with a note, void the voucher); and, to look at rather than clear, the serial
returners (serial_tab)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from posreturns.domain.money import Money
from posreturns.ui.i18n import Formats
from posreturns.ui.manager.back_office import BackOfficePresenter
from posreturns.ui.manager.serial_tab import SerialPresenter, SerialReturnersPanel
from posreturns.ui.views.widgets import big_button, table


class QueuesTab(QWidget):
    def __init__(self, presenter: BackOfficePresenter, formats: Formats, serial: SerialPresenter | None = None) -> None:
        super().__init__()
        self.presenter, self.formats = presenter, formats
        self.approvals = table((self.tr("Receipt"), self.tr("When"), self.tr("Cashier"), self.tr("Why")))
        self.approval_note = QLineEdit(placeholderText=self.tr("Reason (needed to refuse)"))
        self.approve_button = big_button(self.tr("Approve"), "primary")
        self.refuse_button = big_button(self.tr("Refuse"))
        self.cards = table((self.tr("Return"), self.tr("When"), self.tr("Cashier"), self.tr("Card refund")))
        self.card_detail = QLineEdit(placeholderText=self.tr("Terminal's reference, or why it failed"))
        self.confirm_button = big_button(self.tr("Confirm"), "primary")
        self.failed_button = big_button(self.tr("Mark failed"))
        self.failed = table((self.tr("Return"), self.tr("When"), self.tr("Card refund"), self.tr("Why it failed"),
                             self.tr("Cash allowed")))
        self.credit_button = big_button(self.tr("Pay as store credit"), "primary")
        self.cash_button = big_button(self.tr("Pay cash"))
        self.sync = table((self.tr("Event"), self.tr("Return"), self.tr("Amount"), self.tr("Why the OMS refused it"),
                           self.tr("Customer")))
        self.sync_note = QLineEdit(placeholderText=self.tr("Note (needed to accept a write-off)"))
        self.retry_button = big_button(self.tr("Send again"))
        self.write_off_button = big_button(self.tr("Accept the write-off"))
        self.contact = QLabel(objectName="customerContact", wordWrap=True)
        self.contact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.void_button = big_button(self.tr("Void the voucher"))
        self.relabel_button = big_button(self.tr("New label"))
        self.contact_button = big_button(self.tr("Contact the customer"))
        self._cards: list[Any] = []
        self._approvals: list[Any] = []
        self._failed: list[Any] = []
        self._sync: list[dict[str, Any]] = []
        self._chosen = False  # the manager picked a queue: a refresh keeps it
        # one queue at a time, each with its count: four tables and their buttons do not fit a 1024 px screen
        self.queues = QTabWidget()
        self.queues.setObjectName("queueTabs")
        self.queues.addTab(_page(self.tr("Returns waiting for a manager's approval"), self.approvals,
                                 self.approval_note, self.approve_button, self.refuse_button), "")
        self.queues.addTab(_page(self.tr("Card refunds the terminal has not confirmed"), self.cards,
                                 self.card_detail, self.confirm_button, self.failed_button), "")
        self.queues.addTab(_page(self.tr("Failed card refunds to pay another way"), self.failed, None,
                                 self.credit_button, self.cash_button), "")
        self.queues.addTab(_page(self.tr("Events the OMS refused"), self.sync, self.sync_note, self.retry_button,
                                 self.write_off_button, self.void_button, self.relabel_button, self.contact_button,
                                 below=self.contact), "")
        self.serial: SerialReturnersPanel | None = None
        self._over_limit = 0
        if serial is not None:  # not a queue to clear: it is never put in front nor counted as waiting
            self.serial = SerialReturnersPanel(serial, formats)
            self.queues.addTab(self.serial, "")
            serial.loaded.connect(self._count_serial)
        self.queues.tabBar().tabBarClicked.connect(lambda _index: setattr(self, "_chosen", True))
        self._name_queues()
        QVBoxLayout(self).addWidget(self.queues)
        self.approve_button.clicked.connect(lambda: self._decide(True))
        self.refuse_button.clicked.connect(lambda: self._decide(False))
        self.confirm_button.clicked.connect(lambda: self._settle_card(True))
        self.failed_button.clicked.connect(lambda: self._settle_card(False))
        self.credit_button.clicked.connect(lambda: self._pay("store_credit"))
        self.cash_button.clicked.connect(lambda: self._pay("cash"))
        self.retry_button.clicked.connect(lambda: self._resolve(True))
        self.write_off_button.clicked.connect(lambda: self._resolve(False))
        self.void_button.clicked.connect(self._void)
        self.relabel_button.clicked.connect(self._relabel)
        self.contact_button.clicked.connect(self._contact)
        presenter.queues_loaded.connect(self.show_queues)
        presenter.contact.connect(self.contact.setText)

    def _name_queues(self) -> None:
        names = (self.tr("Approvals"), self.tr("Unconfirmed card refunds"), self.tr("Failed card refunds"),
                 self.tr("Refused by the OMS"))
        counts = (len(self._approvals), len(self._cards), len(self._failed), len(self._sync))
        for index, (name, count) in enumerate(zip(names, counts, strict=True)):
            self.queues.setTabText(index, f"{name} ({count})")
        if self.serial is not None:
            self.queues.setTabText(4, self.tr("Serial returners") + (f" ({self._over_limit})" if self._over_limit
                                                                     else ""))
        if not self._chosen and not counts[self.queues.currentIndex()] and any(counts):
            self.queues.setCurrentIndex(next(i for i, count in enumerate(counts) if count))

    def _count_serial(self, found: Any) -> None:
        self._over_limit = found.over_limit
        self._name_queues()

    def show_queues(self, queues: dict[str, Any]) -> None:
        self._cards, self._sync = list(queues["cards"]), [s for s in queues["sync"] if s["status"] == "rejected"]
        self.cards.setRowCount(len(self._cards))
        for row, card in enumerate(self._cards):
            amount = self.formats.money(Money.from_minor(card.card_minor, card.currency).amount, card.currency)
            for column, text in enumerate((card.return_number, self.formats.moment(card.created_at), card.cashier,
                                           amount)):
                self.cards.setItem(row, column, _cell(text))
        self.contact.clear()  # shown for the event asked about, not left on screen
        self._approvals = list(queues.get("approvals", ()))
        self.approvals.setRowCount(len(self._approvals))
        for row, waiting in enumerate(self._approvals):
            for column, text in enumerate((waiting.receipt or self.tr("no receipt"),
                                           self.formats.moment(waiting.created_at), waiting.cashier, waiting.why)):
                self.approvals.setItem(row, column, _cell(text))
        self._failed = list(queues.get("failed", ()))
        self.failed.setRowCount(len(self._failed))
        for row, failed in enumerate(self._failed):
            amount = self.formats.money(Money.from_minor(failed.card_minor, failed.currency).amount, failed.currency)
            cash = self.tr("yes") if failed.cash_allowed else self.tr("no")
            for column, text in enumerate((failed.return_number, self.formats.moment(failed.created_at), amount,
                                           failed.failure, cash)):
                self.failed.setItem(row, column, _cell(text))
        self.sync.setRowCount(len(self._sync))
        for row, item in enumerate(self._sync):
            contact = " · ".join(str(v) for v in (item["customer"] or {}).values() if v)
            for column, text in enumerate((f"#{item['seq']} {item['event_type']}", item["return_number"] or "",
                                           self.formats.money(item["amount"], item["currency"]),
                                           item["reason"] or "", contact)):
                self.sync.setItem(row, column, _cell(text))
        self._name_queues()

    def _settle_card(self, paid: bool) -> None:
        row = self.cards.currentRow()
        if row < 0:
            self.presenter.refused.emit(self.tr("Select a card refund first."))
            return
        self.presenter.settle_card(self._cards[row].return_number, paid, self.card_detail.text())
        self.card_detail.clear()

    def _decide(self, approve: bool) -> None:
        row = self.approvals.currentRow()
        if row < 0:
            self.presenter.refused.emit(self.tr("Select a return waiting for approval first."))
            return
        self.presenter.decide_approval(self._approvals[row].id, approve, self.approval_note.text())
        self.approval_note.clear()

    def _pay(self, method: str) -> None:
        row = self.failed.currentRow()
        if row < 0:
            self.presenter.refused.emit(self.tr("Select a failed card refund first."))
            return
        self.presenter.pay_failed_card(self._failed[row].return_number, method)

    def _resolve(self, retry: bool) -> None:
        seq = self._selected_event()
        if seq is not None:
            self.presenter.resolve_sync(seq, retry, self.sync_note.text())
            self.sync_note.clear()

    def _void(self) -> None:
        seq = self._selected_event()
        if seq is not None:
            self.presenter.void_voucher(seq, self.sync_note.text())
            self.sync_note.clear()

    def _relabel(self) -> None:
        seq = self._selected_event()
        if seq is not None:
            self.presenter.relabel(seq, self.sync_note.text())
            self.sync_note.clear()

    def _contact(self) -> None:
        seq = self._selected_event()
        if seq is not None:
            self.presenter.show_contact(seq)

    def _selected_event(self) -> int | None:
        row = self.sync.currentRow()
        if row < 0:
            self.presenter.refused.emit(self.tr("Select a refused event first."))
            return None
        return int(self._sync[row]["seq"])


def _page(title: str, rows: QTableWidget, detail: QLineEdit | None, *buttons: QPushButton,
          below: QWidget | None = None) -> QWidget:
    """One queue: what it is, its table, and the field and buttons that act on the selected row."""
    page = QWidget()
    column = QVBoxLayout(page)
    column.addWidget(QLabel(title))
    column.addWidget(rows, 1)
    actions = QHBoxLayout()
    if detail is not None:
        actions.addWidget(detail, 1)
    else:
        actions.addStretch(1)
    for button in buttons:
        actions.addWidget(button)
    column.addLayout(actions)
    if below is not None:
        column.addWidget(below)
    return page


def _cell(text: str) -> QTableWidgetItem:
    """A cell; a long one (why the OMS refused an event...) shows whole when pointed at."""
    item = QTableWidgetItem(text)
    if len(text) > 40:
        item.setToolTip(text)
    return item
