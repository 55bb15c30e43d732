"""The policy's answer for the basket: decision, trace, why this amount, refund method, totals."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from posreturns.domain.allocation import ExecutedBy
from posreturns.domain.decision import DecisionStatus
from posreturns.domain.money import Money
from posreturns.domain.quote_model import Quote
from posreturns.ui import labels
from posreturns.ui.i18n import Formats
from posreturns.ui.views.widgets import big_button


class DecisionPanel(QWidget):
    """Signals: method_chosen(str); pick_replacement(); confirm(); cancel()."""

    method_chosen = Signal(str)
    pick_replacement = Signal()
    confirm = Signal()
    cancel = Signal()

    def __init__(self, formats: Formats) -> None:
        super().__init__()
        self.formats = formats
        self.status = QLabel(objectName="decision", wordWrap=True)
        self.trace = QLabel(objectName="trace", wordWrap=True)
        self.why = QLabel(objectName="why", wordWrap=True)
        self.totals = QLabel(objectName="totals", wordWrap=True)
        self.offer = QLabel(objectName="offer", wordWrap=True)
        self.method_buttons = {code: big_button(text, "method", checkable=True)
                               for code, text in labels.methods().items()}
        methods = QHBoxLayout()
        for code, button in self.method_buttons.items():
            button.clicked.connect(lambda _=False, c=code: self.method_chosen.emit(c))
            methods.addWidget(button)
        self.replacement_button = big_button(self.tr("Choose the replacement…"))
        self.replacement_button.clicked.connect(self.pick_replacement)
        self.confirm_button = big_button(self.tr("Complete the return"), "primary", icon_name="check-light")
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button = big_button(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button, 1)
        layout = QVBoxLayout(self)
        for widget in (self.status, self.trace, self.why):
            layout.addWidget(widget)
        layout.addWidget(QLabel(self.tr("Refund method")))
        layout.addLayout(methods)
        layout.addWidget(self.replacement_button)
        layout.addStretch(1)  # spare height goes here, not into the labels: the totals stay by the buttons
        layout.addWidget(self.offer)
        layout.addWidget(self.totals)
        layout.addLayout(buttons)
        self.show_waiting(self.tr("Scan or tap the items the customer brings back."))

    def show_waiting(self, text: str) -> None:
        self.status.setText(text)
        self.status.setProperty("state", "waiting")
        self._restyle()
        for widget in (self.trace, self.why, self.totals, self.offer):
            widget.clear()
        self.confirm_button.setEnabled(False)
        self.replacement_button.setVisible(False)

    def show_quote(self, quote: Quote, method: str, language: str) -> None:
        status = quote.status.value
        self.status.setText(labels.decisions().get(status, status))
        self.status.setProperty("state", status)
        self._restyle()
        entries = [*quote.trace, *(entry for line in quote.lines for entry in line.trace)]
        sentences = dict.fromkeys(entry.fr if language == "fr" else entry.en for entry in entries)
        self.trace.setText("\n".join(f"• {sentence}" for sentence in sentences))
        why = []
        for line in quote.lines:
            why.append(self._pair(f"{line.qty} × {line.sku}", self._money(line.refund)))
            why += ["    " + self._pair(step.fr if language == "fr" else step.en, self._money(step.amount))
                    for step in line.breakdown]
        self.why.setText("\n".join(why))
        allowed = {allowed.value for allowed in quote.allowed_methods} | {"exchange"}
        for code, button in self.method_buttons.items():
            button.setEnabled(code in allowed)
            button.setChecked(code == method)
        self.replacement_button.setVisible(method == "exchange")
        offer = quote.incentive_offer
        self.offer.setText("" if offer is None or offer.is_zero() else self.tr(
            "Offer: +{0} if the customer takes store credit.").replace("{0}", self._money(offer)))
        self.totals.setText(self._totals(quote))
        self.confirm_button.setEnabled(quote.status is not DecisionStatus.REFUSED)
        self.confirm_button.setText(self.tr("Get approval and complete")
                                    if quote.status is DecisionStatus.NEEDS_APPROVAL
                                    else self.tr("Complete the return"))

    def _totals(self, quote: Quote) -> str:
        rows = [self.tr("Refund: {0}").replace("{0}", self._money(quote.refund_total))]
        for tender in quote.tenders:
            where = self.tr(" (on the payment terminal)") if tender.executed_by is ExecutedBy.HOST else ""
            method = tender.method.value
            rows.append("  " + self._pair(labels.tenders().get(method, method), self._money(tender.amount)) + where)
        exchange = quote.exchange
        if exchange is not None:
            if not exchange.to_collect.is_zero():
                rows.append(self.tr("Customer pays: {0}").replace("{0}", self._money(exchange.to_collect)))
            elif not exchange.to_refund.is_zero():
                rows.append(self.tr("Customer gets back: {0}").replace("{0}", self._money(exchange.to_refund)))
            else:
                rows.append(self.tr("Even exchange: no money moves."))
        return "\n".join(rows)

    def _money(self, amount: Money) -> str:
        return self.formats.money(amount.amount, amount.currency)

    def _pair(self, label: str, value: str) -> str:
        """'label: value' as the language writes it (French puts a space before the colon)."""
        return self.tr("{0}: {1}").replace("{1}", value).replace("{0}", label)

    def _restyle(self) -> None:
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
