"""The return screen: the sale's lines on the left, the basket and the decision on the right."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QScrollArea,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posreturns.domain.orders import Order
from posreturns.services.returns.results import QuotedReturn
from posreturns.ui.i18n import Formats
from posreturns.ui.messages import cashier_text
from posreturns.ui.presenters.basket import Basket, BasketLine, ExchangeItem
from posreturns.ui.presenters.return_flow import ReturnFlowPresenter
from posreturns.ui.views.basket_line import BasketLineCard, card_identity, plain
from posreturns.ui.views.decision_panel import DecisionPanel
from posreturns.ui.views.widgets import TOUCH, big_button, table

SPARE_CARDS = 3  # most returns have one to three items


class ReturnPage(QWidget):
    """Signals: pick_replacement(str) a SKU whose variants to offer; confirm(); cancel()."""

    pick_replacement = Signal(str)

    def __init__(self, flow: ReturnFlowPresenter, formats: Formats, language: str) -> None:
        super().__init__()
        self.flow, self.formats, self.language = flow, formats, language
        self.order_title = QLabel(objectName="orderTitle", wordWrap=True)
        self.lines = table((self.tr("SKU"), self.tr("Item"), self.tr("Sold"), self.tr("Returned"),
                            self.tr("Returnable"), self.tr("Unit paid")))
        self.item_field = QLineEdit(placeholderText=self.tr("Scan or type an item's barcode or SKU"))
        self.item_field.setMinimumHeight(TOUCH)
        self.message = QLabel(objectName="message", wordWrap=True)
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() + 4)  # no jump when a message appears
        self.customer_field = QLineEdit(placeholderText=self.tr("Customer phone or e-mail (required without receipt)"))
        self.customer_field.setMinimumHeight(TOUCH)
        self.lines.setMaximumHeight(190)  # the header and three rows: room left for the items returned
        self.lines.horizontalHeader().setStretchLastSection(False)  # long titles are elided, not scrolled
        self.lines.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.basket_box = QVBoxLayout()
        self.basket_box.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        basket_widget = QWidget()
        basket_widget.setLayout(self.basket_box)
        basket_scroll = self.basket_scroll = QScrollArea(widgetResizable=True)
        basket_scroll.setWidget(basket_widget)
        basket_scroll.setFrameShape(QFrame.Shape.NoFrame)
        basket_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # cards fit the width
        basket_scroll.setMinimumHeight(TOUCH * 3)
        left = QVBoxLayout()
        left.addWidget(self.order_title)
        left.addWidget(self.lines)
        left.addWidget(self.item_field)
        left.addWidget(self.customer_field)
        left.addWidget(self.message)
        left.addWidget(QLabel(self.tr("Items returned"), objectName="sectionTitle"))
        left.addWidget(basket_scroll, 1)
        self.decision = DecisionPanel(formats)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.decision, 2)

        self.lines.cellClicked.connect(self._tap_line)
        self.item_field.returnPressed.connect(self._typed_item)
        # the contact is taken as it is typed (a pause of half a second), not only on Enter: the price follows
        self.contact_pause = QTimer(self, singleShot=True, interval=500)
        # a child timer, not QTimer.singleShot(…, self, …): a page deleted before it fires keeps nothing alive
        self.spare_timer = QTimer(self, singleShot=True, interval=0)
        self.spare_timer.timeout.connect(self._stock_spares)
        self.contact_pause.timeout.connect(self._contact_typed)
        self.customer_field.textEdited.connect(lambda _text: self.contact_pause.start())
        self.customer_field.editingFinished.connect(self._contact_typed)
        self.decision.method_chosen.connect(flow.set_refund_method)
        self.decision.receipt_by.connect(flow.set_receipt_by)
        self.decision.receipt_address.connect(flow.set_receipt_address)
        self.decision.consent.connect(flow.set_contact_consent)
        self.decision.pick_replacement.connect(self._pick_replacement)
        self._cards: list[BasketLineCard] = []
        self._spares: list[BasketLineCard] = []  # cards no item uses now, hidden, ready to show the next ones
        self._exchange_rows: list[QWidget] = []
        self._words_changed = False  # the language changed: every card is built again
        self.editing = -1  # the one card shown whole (the newest item, or the one tapped); the others are compact
        self._shown: tuple[list[tuple[object, ...]], list[ExchangeItem]] | None = None  # what the cards were built for
        flow.changed.connect(self.refresh)
        flow.quote_ready.connect(self._show_quote)
        flow.message.connect(self.message.setText)
        flow.changed.connect(self.message.clear)  # a sentence is about the scan or tap before: the next change ends it

    def show_order(self, order: Order | None) -> None:
        """A new customer's return: nothing typed, picked or said for the last one stays."""
        self.message.clear()
        self.item_field.clear()
        self.customer_field.clear()
        self.lines.clearSelection()
        self.lines.setCurrentCell(-1, -1)
        self.editing = -1
        self.basket_scroll.verticalScrollBar().setValue(0)
        self.lines.setVisible(order is not None)  # no sale to list: its room goes to the items returned
        self.spare_timer.start()
        if order is None:
            self.order_title.setText(self.tr("Return without receipt: store credit only, at most the item's lowest "
                                             "recent price (its steps below say which)."))
            self.lines.setRowCount(0)
            self.customer_field.setVisible(True)
            return
        self.customer_field.setVisible(False)
        customer = order.customer_name or self.tr("no customer")
        self.order_title.setText(f"<b>{order.number}</b> · {self.formats.moment(order.placed_at)} · {customer} · "
                                 f"{self.formats.money(order.total.amount, order.currency)}")
        self.lines.setRowCount(len(order.lines))
        for row, line in enumerate(order.lines):
            values = (line.sku, line.title, str(line.qty), str(line.returned_qty), str(line.returnable_qty),
                      self.formats.money(line.unit_paid.amount, order.currency))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if line.returnable_qty == 0:
                    item.setForeground(Qt.GlobalColor.gray)
                self.lines.setItem(row, column, item)

    def redraw(self) -> None:
        """Every card and the decision drawn again (the language changed)."""
        self._shown = None
        self._words_changed = True  # no card is kept or bound again: their buttons say the old words
        self.refresh()
        if self.flow.quote is not None:
            self._show_quote(self.flow.quote)

    def refresh(self) -> None:
        basket: Basket = self.flow.basket
        shown = [card_identity(line) for line in basket.lines], list(basket.exchange)
        if shown == self._shown:  # a reason, a condition, a quantity…: the same cards show it
            for card, line in zip(self._cards, basket.lines, strict=True):
                card.show_line(line)
        else:
            self._rebuild(basket)
            self._shown = shown
        self.decision.show_contact(basket.receipt_by, basket.receipt_address, basket.contact_consent)
        problem = basket.contact_problem
        if not basket.lines:
            self.decision.show_waiting(self.tr("Scan or tap the items the customer brings back."))
        elif any(line.missing for line in basket.lines):
            self.decision.show_waiting(self.tr("Pick a reason and a condition for each item."))
        elif problem is not None:
            self.decision.show_waiting(cashier_text(problem))
        elif not basket.ready:
            self.decision.show_waiting(
                self.tr("Type the customer's phone or e-mail: it is required without a receipt."))
        self.decision.replacement_button.setVisible(basket.refund_method == "exchange" and bool(basket.lines))
        for code, button in self.decision.method_buttons.items():
            button.setChecked(code == basket.refund_method)
        self._no_original_without_receipt()

    def open_card(self, index: int) -> None:
        """Show this item's card whole (the others compact) and scroll to it."""
        self.editing = index
        for position, card in enumerate(self._cards):
            card.set_expanded(position == index)
        if 0 <= index < len(self._cards):
            card = self._cards[index]
            QTimer.singleShot(0, self, lambda: self._scroll_to(card))

    def _scroll_to(self, card: BasketLineCard) -> None:
        if card in self._cards:  # not replaced meanwhile
            self.basket_box.activate()
            if card.height() > self.basket_scroll.viewport().height():  # its top (the item, its quantity) first
                self.basket_scroll.verticalScrollBar().setValue(card.y())
            else:
                self.basket_scroll.ensureWidgetVisible(card, 0, 0)

    def _rebuild(self, basket: Basket) -> None:
        """The cards for the basket: those of its first lines kept as they are, the others bound to
        spare cards or built; a card no longer needed becomes a spare (building one, two dozen styled
        buttons, is most of what a scan costs the GUI thread)."""
        before, fresh = len(self._cards), self._words_changed
        self._words_changed = False
        kept = 0
        while (not fresh and kept < min(before, len(basket.lines))
               and self._cards[kept].identity == card_identity(basket.lines[kept])):
            kept += 1
        for card in self._cards[kept:]:
            if fresh:
                card.deleteLater()
            else:
                self._retire(card)
        if fresh:
            for card in self._spares:
                card.deleteLater()
            self._spares = []
        for shown_row in self._exchange_rows:
            shown_row.deleteLater()
        self._exchange_rows = []
        while self.basket_box.count():
            self.basket_box.takeAt(0)  # the kept cards stay where they are in the widget, added again below
        self._cards = self._cards[:kept] + [self._card_for(index, line) for index, line in enumerate(basket.lines)
                                            if index >= kept]
        for card in self._cards:
            card.show()  # before the layout takes it: shown after, a spare kept the size it had when hidden
            self.basket_box.addWidget(card)
        for index, item in enumerate(basket.exchange):
            row = QHBoxLayout()
            row_widget = QWidget()
            row_widget.setLayout(row)
            text = self.tr("Replacement: {0} · {1}").replace("{0}", item.title).replace(
                "{1}", self.formats.money(item.price))
            delivery = basket.delivery or {}
            if delivery.get("to") == "home":
                text += " · " + self.tr("delivered home from {0}").replace("{0}", str(delivery.get("source")))
            elif delivery:
                text += " · " + self.tr("delivered to this store from {0}").replace("{0}", str(delivery.get("source")))
            row.addWidget(QLabel(text), 1)
            remove = big_button(self.tr("Remove"))
            remove.clicked.connect(lambda _=False, i=index: self.flow.remove_exchange(i))
            row.addWidget(remove)
            self.basket_box.addWidget(row_widget)
            self._exchange_rows.append(row_widget)
        self.basket_box.addStretch(1)
        newest = len(basket.lines) > before  # a scan or a tap added an item: it is the one to fill in
        self.open_card(len(basket.lines) - 1 if newest else min(self.editing, len(basket.lines) - 1))

    def _card_for(self, index: int, line: BasketLine) -> BasketLineCard:
        callbacks = partial(self.flow.update_line, index), partial(self.flow.remove_line, index), partial(
            self.open_card, index)
        if plain(line) and self._spares:
            card = self._spares.pop()
            card.bind(line, *callbacks)
            return card
        card = BasketLineCard(line, *callbacks)
        card.setParent(self.basket_scroll.widget())  # shown before it joins the layout: never as a window of its own
        return card

    def _retire(self, card: BasketLineCard) -> None:
        if card.plain and len(self._spares) < SPARE_CARDS:
            card.hide()
            self._spares.append(card)
        else:
            card.deleteLater()

    def _stock_spares(self) -> None:
        """Builds the spare cards while the cashier looks at the sale, one per turn of the event loop,
        so that the first items scanned do not wait for theirs."""
        if len(self._spares) + len(self._cards) >= SPARE_CARDS or not self.isVisible():
            return
        card = BasketLineCard(BasketLine(sku="", title="", max_qty=1), lambda **_changes: None, lambda: None)
        card.setParent(self.basket_scroll.widget())
        card.hide()
        self._spares.append(card)
        self.spare_timer.start()

    def _show_quote(self, quoted: QuotedReturn) -> None:
        self.decision.show_quote(quoted.quote, self.flow.basket.refund_method, self.language)
        self._no_original_without_receipt()

    def _no_original_without_receipt(self) -> None:
        if self.flow.basket.receiptless:  # no original payment to refund to: the button cannot be picked
            self.decision.method_buttons["original"].setEnabled(False)

    def _contact_typed(self) -> None:
        self.contact_pause.stop()
        if self.customer_field.text() != self.flow.basket.customer_contact:
            self.flow.set_customer_contact(self.customer_field.text())

    def _tap_line(self, row: int, _column: int) -> None:
        if self.flow.order is not None:
            self.flow.add_order_line(self.flow.order.lines[row].id)

    def _typed_item(self) -> None:
        code = self.item_field.text().strip()
        self.item_field.clear()
        if code:
            self.flow.scan_item(code)

    def _pick_replacement(self) -> None:
        if self.flow.basket.lines:
            self.pick_replacement.emit(self.flow.basket.lines[0].sku)
