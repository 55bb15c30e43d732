"""The Open queues tab: returns a till parked for a manager's approval (approve, or refuse with a
reason), card refunds the payment terminal has not confirmed (confirm with the
terminal's reference, or mark failed with why), failed ones still to pay (as store credit or cash),
and events the OMS refused, with the customer's
contact (send again, or accept the write-off with a note)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTableWidgetItem, QVBoxLayout, QWidget

from posreturns.domain.money import Money
from posreturns.ui.i18n import Formats
from posreturns.ui.manager.back_office import BackOfficePresenter
from posreturns.ui.views.widgets import big_button, table


class QueuesTab(QWidget):
    def __init__(self, presenter: BackOfficePresenter, formats: Formats) -> None:
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
        self.contact_button = big_button(self.tr("Contact the customer"))
        self._cards: list[Any] = []
        self._approvals: list[Any] = []
        self._failed: list[Any] = []
        self._sync: list[dict[str, Any]] = []
        column = QVBoxLayout(self)
        column.addWidget(QLabel(self.tr("Returns waiting for a manager's approval")))
        column.addWidget(self.approvals, 1)
        row = QHBoxLayout()
        row.addWidget(self.approval_note, 1)
        row.addWidget(self.approve_button)
        row.addWidget(self.refuse_button)
        column.addLayout(row)
        column.addWidget(QLabel(self.tr("Card refunds the terminal has not confirmed")))
        column.addWidget(self.cards, 1)
        row = QHBoxLayout()
        row.addWidget(self.card_detail, 1)
        row.addWidget(self.confirm_button)
        row.addWidget(self.failed_button)
        column.addLayout(row)
        column.addWidget(QLabel(self.tr("Failed card refunds to pay another way")))
        column.addWidget(self.failed, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.credit_button)
        row.addWidget(self.cash_button)
        column.addLayout(row)
        column.addWidget(QLabel(self.tr("Events the OMS refused")))
        column.addWidget(self.sync, 1)
        row = QHBoxLayout()
        row.addWidget(self.sync_note, 1)
        row.addWidget(self.retry_button)
        row.addWidget(self.write_off_button)
        row.addWidget(self.void_button)
        row.addWidget(self.contact_button)
        column.addLayout(row)
        column.addWidget(self.contact)
        self.approve_button.clicked.connect(lambda: self._decide(True))
        self.refuse_button.clicked.connect(lambda: self._decide(False))
        self.confirm_button.clicked.connect(lambda: self._settle_card(True))
        self.failed_button.clicked.connect(lambda: self._settle_card(False))
        self.credit_button.clicked.connect(lambda: self._pay("store_credit"))
        self.cash_button.clicked.connect(lambda: self._pay("cash"))
        self.retry_button.clicked.connect(lambda: self._resolve(True))
        self.write_off_button.clicked.connect(lambda: self._resolve(False))
        self.void_button.clicked.connect(self._void)
        self.contact_button.clicked.connect(self._contact)
        presenter.queues_loaded.connect(self.show_queues)
        presenter.contact.connect(self.contact.setText)

    def show_queues(self, queues: dict[str, Any]) -> None:
        self._cards, self._sync = list(queues["cards"]), [s for s in queues["sync"] if s["status"] == "rejected"]
        self.cards.setRowCount(len(self._cards))
        for row, card in enumerate(self._cards):
            amount = self.formats.money(Money.from_minor(card.card_minor, card.currency).amount, card.currency)
            for column, text in enumerate((card.return_number, self.formats.moment(card.created_at), card.cashier,
                                           amount)):
                self.cards.setItem(row, column, QTableWidgetItem(text))
        self.contact.clear()  # shown for the event asked about, not left on screen
        self._approvals = list(queues.get("approvals", ()))
        self.approvals.setRowCount(len(self._approvals))
        for row, waiting in enumerate(self._approvals):
            for column, text in enumerate((waiting.receipt or self.tr("no receipt"),
                                           self.formats.moment(waiting.created_at), waiting.cashier, waiting.why)):
                self.approvals.setItem(row, column, QTableWidgetItem(text))
        self._failed = list(queues.get("failed", ()))
        self.failed.setRowCount(len(self._failed))
        for row, failed in enumerate(self._failed):
            amount = self.formats.money(Money.from_minor(failed.card_minor, failed.currency).amount, failed.currency)
            cash = self.tr("yes") if failed.cash_allowed else self.tr("no")
            for column, text in enumerate((failed.return_number, self.formats.moment(failed.created_at), amount,
                                           failed.failure, cash)):
                self.failed.setItem(row, column, QTableWidgetItem(text))
        self.sync.setRowCount(len(self._sync))
        for row, item in enumerate(self._sync):
            contact = " · ".join(str(v) for v in (item["customer"] or {}).values() if v)
            for column, text in enumerate((f"#{item['seq']} {item['event_type']}", item["return_number"] or "",
                                           self.formats.money(item["amount"], item["currency"]),
                                           item["reason"] or "", contact)):
                self.sync.setItem(row, column, QTableWidgetItem(text))

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
