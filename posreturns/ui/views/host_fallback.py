"""Inside a host POS, when its payment terminal declined a card refund or never answered: the card
part is paid another way at the till, as the manager's Open queues do it (`OpenQueues.pay_failed_card_refund`,
one payment per return, audited), after a manager's ID and PIN: store credit (its voucher prints on
the return receipt), or cash when the policy allows it for that sale (the drawer opens once). The
return receipt prints afterwards, with the tender that paid."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from posreturns.domain.errors import UserFacingError
from posreturns.domain.money import Money
from posreturns.domain.users import Principal
from posreturns.ui.i18n import Formats
from posreturns.ui.messages import cashier_text
from posreturns.ui.views.widgets import big_button

log = logging.getLogger(__name__)


class HostFallback(QWidget):
    """Signals: paid(str, object) a return number and its `Replacement`, once committed."""

    paid = Signal(str, object)

    def __init__(self, queues: Any, manager_sign_in: Callable[[str, str], Principal],
                 ask_approval: Callable[[str], tuple[str, str] | None], runner: Any, formats: Formats) -> None:
        super().__init__()
        self.setObjectName("hostFallback")
        self.queues, self.manager_sign_in, self.ask_approval = queues, manager_sign_in, ask_approval
        self.runner, self.formats = runner, formats
        self.number = ""
        self.explain = QLabel(wordWrap=True)
        self.error = QLabel(objectName="message", wordWrap=True)
        self.credit_button = big_button(self.tr("Pay as store credit"), "primary")
        self.cash_button = big_button(self.tr("Pay in cash"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.credit_button)
        buttons.addWidget(self.cash_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.explain)
        column.addLayout(buttons)
        column.addWidget(self.error)
        self.credit_button.clicked.connect(lambda: self.pay("store_credit"))
        self.cash_button.clicked.connect(lambda: self.pay("cash"))
        self.hide()

    def offer(self, return_number: str) -> None:
        """The card refund of `return_number` failed: read what is owed and how it may be paid."""
        self.number = return_number
        self.error.clear()
        self.runner.run(self.queues.failed_card_refunds, self._show, self._failed)

    def withdraw(self) -> None:
        self.number = ""
        self.hide()

    def _show(self, failed: list[Any]) -> None:
        refund = next((r for r in failed if r.return_number == self.number), None)
        if refund is None:  # paid already (Open queues), or confirmed since
            self.hide()
            return
        amount = self.formats.money(Money.from_minor(refund.card_minor, refund.currency).amount, refund.currency)
        self.explain.setText(self.tr("Pay the customer {0} another way (a manager's PIN):").replace("{0}", amount))
        self.credit_button.show()
        self.cash_button.setVisible(refund.cash_allowed)  # the policy's cash rule for card sales
        self._enable(True)
        self.show()

    def pay(self, method: str) -> None:
        number = self.number
        answer = self.ask_approval(self.tr("The card refund of return {0} is paid as {1}.").replace("{0}", number)
                                   .replace("{1}", self.tr("store credit") if method == "store_credit"
                                            else self.tr("cash")))
        if answer is None or not number:
            return
        manager, pin = answer
        self._enable(False)
        queues, sign_in = self.queues, self.manager_sign_in
        self.runner.run(lambda: queues.pay_failed_card_refund(sign_in(manager, pin), number, method),
                        lambda paid: self._paid(number, paid), self._failed)

    def _paid(self, number: str, paid: Any) -> None:
        """What to hand over stays on screen (the voucher's code even without a printer)."""
        if number == self.number:
            amount = self.formats.money(Money.from_minor(paid.amount_minor, paid.currency).amount, paid.currency)
            self.explain.setText(self.tr("Paid as store credit: hand over the voucher {0} ({1}).")
                                 .replace("{0}", paid.voucher_code or "").replace("{1}", amount)
                                 if paid.voucher_code else
                                 self.tr("Paid in cash: give {0} from the drawer.").replace("{0}", amount))
            self.credit_button.hide()
            self.cash_button.hide()
        self.paid.emit(number, paid)

    def _failed(self, error: BaseException) -> None:
        self._enable(True)
        if not isinstance(error, UserFacingError):
            log.error("paying a failed card refund failed: %s", type(error).__name__, exc_info=error)
        self.error.setText(cashier_text(error) if isinstance(error, UserFacingError) else
                           self.tr("The payment could not be recorded; call a manager."))

    def _enable(self, enabled: bool) -> None:
        self.credit_button.setEnabled(enabled)
        self.cash_button.setEnabled(enabled)
