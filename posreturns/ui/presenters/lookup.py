"""The home screen's state: what was scanned, the sale found, and what went wrong."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from posreturns.domain.errors import UserFacingError
from posreturns.domain.orders import Order
from posreturns.services.lookup import OrderLookup
from posreturns.services.ports import OrderSummary
from posreturns.ui.messages import cashier_text
from posreturns.ui.ports import Runner


class LookupPresenter(QObject):
    """Finds sales for the scan/search field.

    Signals:
        busy(bool): a lookup started or ended.
        order_found(object): the `Order` to show.
        results_found(list): `OrderSummary` rows when a search matched several sales.
        message(str): one sentence for the cashier (nothing found, bad input, failure).
    """

    busy = Signal(bool)
    order_found = Signal(object)
    results_found = Signal(object)
    message = Signal(str)

    def __init__(self, lookup: OrderLookup, runner: Runner) -> None:
        super().__init__()
        self.lookup, self.runner = lookup, runner
        self.order: Order | None = None

    def submit(self, text: str) -> None:
        if not text.strip():
            self.message.emit(self.tr("Scan a receipt or type a number, a phone, an e-mail or a name."))
            return
        self.busy.emit(True)
        self.runner.run(lambda: self.lookup.find(text), self._on_found, self._on_error)

    def submit_scan(self, code: str) -> None:
        """A receipt's barcode from the scanner: looked up as a receipt number only (never a phone or a name)."""
        self.busy.emit(True)
        self.runner.run(lambda: self.lookup.find(code, scanned=True), self._on_found, self._on_error)

    def submit_card(self, last4: str, day: Any) -> None:
        self.busy.emit(True)
        self.runner.run(lambda: self.lookup.by_card(last4.strip(), day), self._on_results, self._on_error)

    def submit_amount(self, day: Any, amount: str) -> None:
        self.busy.emit(True)
        self.runner.run(lambda: self.lookup.by_amount(day, amount.strip().replace(",", ".")), self._on_results,
                        self._on_error)

    def open_order(self, order_id: str) -> None:
        self.busy.emit(True)
        self.runner.run(lambda: self.lookup.get(order_id), self._on_order, self._on_error)

    def _on_found(self, found: Order | list[OrderSummary]) -> None:
        if isinstance(found, Order):
            self._on_order(found)  # a receipt number: the sale came loaded with its lookup
        else:
            self._on_results(found)

    def _on_results(self, results: list[OrderSummary]) -> None:
        if len(results) == 1:
            self.open_order(results[0].id)
            return
        self.busy.emit(False)
        if not results:
            self.message.emit(self.tr("No sale matches; check the number or search by phone, e-mail or name."))
            return
        self.results_found.emit(results)

    def _on_order(self, order: Order) -> None:
        self.busy.emit(False)
        self.order = order
        self.order_found.emit(order)

    def _on_error(self, error: BaseException) -> None:
        self.busy.emit(False)
        if isinstance(error, UserFacingError):
            self.message.emit(cashier_text(error))
        else:
            self.message.emit(self.tr("The search failed ({0}); try again, and call support if it persists.")
                              .replace("{0}", type(error).__name__))
