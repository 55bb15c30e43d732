"""The policy's answer for the basket: decision, trace, why this amount, refund method, totals."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from posreturns.domain.allocation import ExecutedBy
from posreturns.domain.decision import DecisionStatus, TraceEntry
from posreturns.domain.money import Money
from posreturns.domain.quote_model import Quote
from posreturns.ui import labels
from posreturns.ui.i18n import Formats
from posreturns.ui.views.widgets import TOUCH, ChoiceGrid, big_button, show_key


class DecisionPanel(QWidget):
    """Signals: method_chosen(str); pick_replacement(); confirm(); cancel(); lift_refusal(str) the way
    past a refusal the policy opens ("override" or "goodwill"), for a manager to sign; receipt_by(str),
    receipt_address(str), consent(bool): how the customer gets the receipt and hears from the store."""

    method_chosen = Signal(str)
    lift_refusal = Signal(str)
    receipt_by = Signal(str)  # "paper", "email" or "sms"
    receipt_address = Signal(str)
    consent = Signal(bool)
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
        self.methods = ChoiceGrid(list(labels.methods().items()), 3, self.method_chosen.emit, "method")
        self.method_buttons = self.methods.buttons
        self.replacement_button = big_button(self.tr("Choose the replacement…"))
        self.replacement_button.clicked.connect(self.pick_replacement)
        self.confirm_button = big_button(self.tr("Complete the return"), "primary", icon_name="check-light")
        self.confirm_button.clicked.connect(self.confirm)
        self.receipt_choice = ChoiceGrid([("paper", self.tr("Paper")), ("email", self.tr("E-mail")),
                                          ("sms", self.tr("SMS"))], 3, self.receipt_by.emit, "method")
        self.address = QLineEdit(placeholderText=self.tr("Customer's e-mail address or mobile number"))
        self.address.setMinimumHeight(TOUCH)
        self.address.textEdited.connect(self.receipt_address.emit)
        self.consent_box = QCheckBox(self.tr("The customer agrees to be contacted"))
        self.consent_box.setMinimumHeight(TOUCH)
        # its sentence never widens the window past a 1024 px screen
        self.consent_box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.consent_box.toggled.connect(self.consent.emit)
        # a refusal is not a dead end when the policy lets a manager lift it
        self.override_button = big_button(self.tr("Manager override…"))
        self.override_button.clicked.connect(lambda: self.lift_refusal.emit("override"))
        self.goodwill_button = big_button(self.tr("Goodwill store credit…"))
        self.goodwill_button.clicked.connect(lambda: self.lift_refusal.emit("goodwill"))
        self.refusal_buttons = {"override": self.override_button, "goodwill": self.goodwill_button}
        ways = QBoxLayout(QBoxLayout.Direction.TopToBottom)  # one above the other: no wider than Complete
        ways.addWidget(self.override_button)
        ways.addWidget(self.goodwill_button)
        self.cancel_button = big_button(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        show_key(self.cancel_button, "Esc")
        buttons = self.buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)  # stacked when narrow (see resizeEvent)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button, 1)
        # the reasons and the amount's steps scroll; the decision, the methods, the totals and the buttons
        # stay in view on a 768 px screen
        details = QWidget()
        column = QVBoxLayout(details)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.trace)
        column.addWidget(self.why)
        column.addStretch(1)  # spare height goes here, not into the labels
        self.details = QScrollArea(widgetResizable=True)
        self.details.setObjectName("decisionDetails")
        self.details.setWidget(details)
        self.details.setFrameShape(QFrame.Shape.NoFrame)
        self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details.setMinimumHeight(TOUCH * 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.details, 1)
        layout.addWidget(QLabel(self.tr("Refund method")))
        layout.addWidget(self.methods)
        layout.addWidget(self.replacement_button)
        layout.addWidget(QLabel(self.tr("Receipt")))
        layout.addWidget(self.receipt_choice)
        layout.addWidget(self.address)
        layout.addWidget(self.consent_box)
        layout.addWidget(self.offer)
        layout.addWidget(self.totals)
        layout.addLayout(ways)
        layout.addLayout(buttons)
        self.show_waiting(self.tr("Scan or tap the items the customer brings back."))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        side_by_side = self.cancel_button.sizeHint().width() + self.confirm_button.sizeHint().width() + 24
        self.buttons.setDirection(QBoxLayout.Direction.LeftToRight if event.size().width() >= side_by_side
                                  else QBoxLayout.Direction.BottomToTop)  # Complete above Cancel on a narrow screen

    def minimumSizeHint(self) -> QSize:
        """As narrow as Complete alone: Cancel goes below it rather than widening the window."""
        hint = super().minimumSizeHint()
        if self.buttons.direction() == QBoxLayout.Direction.LeftToRight:
            hint.setWidth(hint.width() - self.cancel_button.sizeHint().width() - self.buttons.spacing())
        return hint

    def show_waiting(self, text: str) -> None:
        self.status.setText(text)
        self._restyle("waiting")
        for widget in (self.trace, self.why, self.totals, self.offer):
            widget.clear()
        self.confirm_button.setEnabled(False)
        self.confirm_button.setText(self.tr("Complete the return"))  # not the last customer's "Get approval…"
        for button in self.refusal_buttons.values():
            button.setVisible(False)
        show_key(self.confirm_button, "F12")
        self.replacement_button.setVisible(False)

    def show_quote(self, quote: Quote, method: str, language: str) -> None:
        status = quote.status.value
        self.status.setText(labels.decisions().get(status, status))
        self._restyle(status)
        def said(entry: TraceEntry) -> str:
            return entry.fr if language == "fr" else entry.en

        # the return's own reasons, then the items': one that holds for some items only names them
        # (with two items, which one is held back); one that holds for every item is said once
        items: dict[str, list[str]] = {}
        for line in quote.lines:
            for entry in line.trace:
                items.setdefault(said(entry), []).append(line.sku)
        sentences = dict.fromkeys([*(said(entry) for entry in quote.trace), *(
            sentence if len(skus) == len(quote.lines) else self._pair(", ".join(dict.fromkeys(skus)), sentence)
            for sentence, skus in items.items())])
        self.trace.setText("\n".join(f"• {sentence}" for sentence in sentences))
        refused = quote.status is DecisionStatus.REFUSED  # no amount: nothing will be paid back
        why = []
        for line in () if refused else quote.lines:
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
        self.totals.setText("" if refused else self._totals(quote))
        self.confirm_button.setEnabled(quote.status is not DecisionStatus.REFUSED)
        for path, button in self.refusal_buttons.items():
            button.setVisible(refused and path in quote.refusal_paths)
        self.confirm_button.setText(self.tr("Get approval and complete")
                                    if quote.status is DecisionStatus.NEEDS_APPROVAL
                                    else self.tr("Complete the return"))
        show_key(self.confirm_button, "F12")

    def show_contact(self, receipt_by: str, address: str, consent: bool) -> None:
        """The customer's receipt choice as the return holds it (a new customer: paper, nothing typed)."""
        self.receipt_choice.select(receipt_by)
        for editor in (self.address, self.consent_box):
            editor.blockSignals(True)
        try:
            if self.address.text() != address:
                self.address.setText(address)
            self.consent_box.setChecked(consent)
        finally:
            for editor in (self.address, self.consent_box):
                editor.blockSignals(False)
        self.address.setVisible(receipt_by != "paper")
        self.consent_box.setVisible(receipt_by != "paper")

    def _totals(self, quote: Quote) -> str:
        exchange = quote.exchange
        if exchange is not None:  # the returned items pay for the replacement: no "Refund" beside "Even exchange"
            rows = [self.tr("Returned items: {0}").replace("{0}", self._money(exchange.credit)),
                    self.tr("Replacement: {0}").replace("{0}", self._money(exchange.replacements_total))]
            if not exchange.to_collect.is_zero():
                rows.append(self.tr("Customer pays: {0}").replace("{0}", self._money(exchange.to_collect)))
            elif not exchange.to_refund.is_zero():
                rows.append(self.tr("Customer gets back: {0}").replace("{0}", self._money(exchange.to_refund)))
            else:
                rows.append(self.tr("Even exchange: no money moves."))
            return "\n".join(rows)
        rows = [self.tr("Refund: {0}").replace("{0}", self._money(quote.refund_total))]
        for tender in quote.tenders:
            where = self.tr(" (on the payment terminal)") if tender.executed_by is ExecutedBy.HOST else ""
            method = tender.method.value
            rows.append("  " + self._pair(labels.tenders().get(method, method), self._money(tender.amount)) + where)
        return "\n".join(rows)

    def _money(self, amount: Money) -> str:
        return self.formats.money(amount.amount, amount.currency)

    def _pair(self, label: str, value: str) -> str:
        """'label: value' as the language writes it (French puts a space before the colon)."""
        return self.tr("{0}: {1}").replace("{1}", value).replace("{0}", label)

    def _restyle(self, state: str) -> None:
        """The decision's colours for `state`; restyling costs a relayout, so only when it changes."""
        if self.status.property("state") == state:
            return
        self.status.setProperty("state", state)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
