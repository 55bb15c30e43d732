"""The cashier's return, from the first item to the done screen: state, quotes, approval, commit.

Every change re-quotes the return off the GUI thread and saves the draft, so closing the app
mid-return loses nothing; the draft's idempotency key means a return is never completed twice.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from posreturns.domain.errors import UserFacingError
from posreturns.domain.orders import Order
from posreturns.domain.returns import Disposition
from posreturns.domain.users import Principal
from posreturns.services.errors import ApprovalRequired
from posreturns.services.returns.request import ReturnRequest
from posreturns.services.returns.results import CompletedReturn, QuotedReturn
from posreturns.ui.messages import cashier_text, current_language
from posreturns.ui.ports import Catalog, Drafts, Drawer, Runner
from posreturns.ui.presenters.basket import Basket, BasketLine, ExchangeItem

log = logging.getLogger(__name__)


class Returns(Protocol):
    def quote(self, request: ReturnRequest) -> QuotedReturn: ...
    def complete(self, request: ReturnRequest, actor: Principal) -> CompletedReturn: ...


class ItemFinder(Protocol):
    def match_item(self, order: Order, code: str) -> Any: ...
    def match_sku(self, order: Order, sku: str) -> Any: ...


class Printing(Protocol):
    def print_return(self, return_number: str) -> Any: ...


@dataclass
class Session:
    """Who works at this till: the signed-in cashier (or the one the host POS vouches for; None until
    someone signs in), and the till, read at every request as the settings may change."""

    till_id: Callable[[], str]
    offline: Callable[[], bool]
    store_id: Callable[[], str] = lambda: ""
    principal: Principal | None = None
    vouched: Callable[[], Principal] | None = None  # in a host POS: its signed-in cashier, read at each use

    def actor(self) -> Principal | None:
        return self.vouched() if self.vouched is not None else self.principal

    def cashier(self) -> str:
        actor = self.actor()
        return actor.user_id if actor is not None else ""


class ReturnFlowPresenter(QObject):
    """Signals:
        changed(): the basket changed; views re-read `basket`.
        replacements_ready(list): variants to exchange for, with stock here and elsewhere.
        quote_ready(QuotedReturn): the policy's answer for the current basket.
        approval_needed(str): a manager must approve; the view asks for ID and PIN, then `complete(approval)`.
        completed(CompletedReturn): the return is committed.
        printed(object): the receipt's print outcome.
        drawer(object): the cash drawer's outcome, for a return that pays cash out at this till.
        message(str): one sentence for the cashier.
        busy(bool): work is running off the GUI thread.

    Results, dicts and lists travel as `object`: handed over as they are, not converted to Qt containers
    (a copy per emission, and the conversion in which PySide6 6.12.0 lost references to None).
    """

    changed = Signal()
    replacements_ready = Signal(object)
    quote_ready = Signal(object)
    approval_needed = Signal(str)
    completed = Signal(object)
    printed = Signal(object)
    drawer = Signal(object)
    message = Signal(str)
    busy = Signal(bool)

    def __init__(self, returns: Returns, finder: ItemFinder, catalog: Catalog, drafts: Drafts,
                 printing: Printing | None,
                 session: Session, runner: Runner, drawer: Drawer | None = None,
                 printer_runner: Runner | None = None) -> None:
        super().__init__()
        self.returns, self.finder, self.catalog, self.drafts = returns, finder, catalog, drafts
        self.printing, self.session, self.runner = printing, session, runner
        self.cash_drawer = drawer
        self.printer_runner = printer_runner or runner  # the printer's own thread in the window
        self.basket = Basket()
        self.order: Order | None = None
        self.quote: QuotedReturn | None = None
        self.known_contact = ("", "")  # the e-mail address and phone number the store holds for the customer
        self._quote_generation = 0
        self._quoting = False  # a quote is running on the task runner
        # adds each variant's promises from the delivery network (set by the window; None: no network)
        self.promised: Callable[[list[dict[str, Any]]], list[dict[str, Any]]] | None = None
        # the delivery address the OMS holds for a customer id (set by the window; None: no OMS)
        self.customer_address: Callable[[str], dict[str, Any] | None] | None = None
        self.oms_address: dict[str, Any] | None = None  # the sale's customer's, fetched for this basket only
        self._draft: dict[str, Any] | None = None  # what the next draft write stores (None: clear it)
        self._draft_lock = threading.Lock()
        self._draft_queued = False  # a draft write waits for a thread (it will store the newest)
        # the product each code scanned on this sale stands for: a further unit is matched from the sale
        # alone, on the GUI thread, without a trip to the database and back (the cashier's "unit" scan)
        self._sku_of_code: dict[str, str] = {}
        # whether a committed return's receipt waits (the host widget: for its terminal's answer to the
        # card refund, so that it prints the tender that was paid); it is printed with `print_receipt`
        self.holds_receipt: Callable[[CompletedReturn], bool] = lambda done: False

    # --- starting and restoring -------------------------------------------------------------
    def start(self, order: Order) -> None:
        if self.order is not None and self.order.id == order.id and self.basket.lines:
            return
        self.order, self.known_contact, self.oms_address = order, ("", ""), None
        self._sku_of_code.clear()
        self._drop_quote()
        self.basket = Basket(order_id=order.id, order_number=order.number, customer_id=order.customer_id,
                             language=current_language())
        self._changed(requote=False)
        self._look_up_contact()

    def _look_up_contact(self) -> None:
        """The customer's own address and number, ready for an e-receipt or an SMS."""
        if self.order is not None and self.order.customer_id:
            customer, basket = self.order.customer_id, self.basket
            self.runner.run(lambda: self.catalog.customer_contact(customer),
                            lambda found: self._known_contact(basket, found), self._error)

    def _known_contact(self, basket: Basket, found: tuple[str, str]) -> None:
        if basket is self.basket:  # still this customer's return
            self.known_contact = found

    def start_receiptless(self) -> None:
        self.order = None
        self._drop_quote()
        self.basket = Basket(receiptless=True, refund_method="store_credit", language=current_language())
        self.known_contact, self.oms_address = ("", ""), None
        self._changed(requote=False)

    def restore(self, order_loader: Callable[[str], Order]) -> bool:
        """Bring back a draft left by a closed app; True when there was one."""
        data = self.drafts.load()
        if not data:
            return False
        try:
            basket = Basket.from_json(data)
            self.order = order_loader(basket.order_id) if basket.order_id else None
        except (TypeError, KeyError, UserFacingError) as error:
            log.warning("dropping an unreadable draft: %s", type(error).__name__)
            self._store_draft(None)
            return False
        self.basket, self.oms_address = basket, None
        self._sku_of_code.clear()
        self._changed()
        self._look_up_contact()
        return True

    def abandon(self) -> None:
        self._store_draft(None)
        self.basket, self.order, self.known_contact = Basket(), None, ("", "")
        self.oms_address = None
        self._sku_of_code.clear()
        self._drop_quote()
        self.changed.emit()

    # --- building the return ----------------------------------------------------------------
    def add_order_line(self, line_id: str, serial: str | None = None) -> None:
        """Add one unit of a sold line; `serial` (a scanned GS1 serial, AI 21) picks that very unit."""
        if self.order is None:
            return
        line = self.order.line(line_id)
        if line.returnable_qty <= 0:
            self.message.emit(self.tr("This item has already been returned; nothing is left to return on this line."))
            return
        taken = [existing for existing in self.basket.lines if existing.order_line_id == line_id]
        if serial and line.serial_tracked and not self._serial_returnable(line, serial, taken):
            return
        if sum(existing.qty for existing in taken) >= line.returnable_qty:
            self.message.emit(self.tr("All returnable units of this line are already in the return."))
            return
        if taken and not line.serial_tracked:
            taken[0].qty += 1
            self._changed()
            return
        # a serial-tracked unit is returned on its own line, with its own serial number
        chosen = {existing.serial for existing in taken}
        serials = ([s for s in line.serials if s not in line.returned_serials and s not in chosen]
                   if line.serial_tracked else [])
        picked = serial if serial in serials else (serials[0] if len(serials) == 1 else None)
        self.basket.lines.append(BasketLine(
            sku=line.sku, title=line.title, max_qty=1 if line.serial_tracked else line.returnable_qty,
            order_line_id=line.id, serial_choices=serials, serial=picked, unit_paid=str(line.unit_paid)))
        self._changed()

    def _serial_returnable(self, line: Any, serial: str, taken: list[BasketLine]) -> bool:
        """The scanned unit can be returned; otherwise one sentence says why and nothing changes."""
        if any(existing.serial == serial for existing in taken):
            self.message.emit(self.tr("This unit (serial {0}) is already in the return.").replace("{0}", serial))
        elif serial in line.returned_serials:
            self.message.emit(self.tr("This unit (serial {0}) has already been returned.").replace("{0}", serial))
        elif line.serials and serial not in line.serials:
            self.message.emit(self.tr("Serial {0} was not sold on this receipt: check the item, or return it without "
                                      "receipt.").replace("{0}", serial))
        else:
            return True
        return False

    def scan_item(self, code: str, serial: str | None = None) -> None:
        """A scanned or typed item code (with the unit's serial when the scan carried one): added to
        the return, or one sentence saying why not."""
        if self.basket.receiptless:
            self.runner.run(lambda: self.catalog.find_variant(code),
                            lambda found: self._add_receiptless(found, serial, code), self._error)
            return
        order = self.order
        if order is None:
            return
        if (sku := self._sku_of_code.get(code)) is not None:
            self._on_match(self.finder.match_sku(order, sku), serial)
            return
        self.runner.run(lambda: self.finder.match_item(order, code),
                        lambda match: self._on_match(match, serial, (order, code)), self._error)

    def _on_match(self, match: Any, serial: str | None = None, scanned: tuple[Order, str] | None = None) -> None:
        if scanned is not None and scanned[0] is self.order and match.sku is not None:
            order, code = scanned
            if not any(line.id == code.strip() for line in order.lines):  # a line's id picks that line, not its product
                self._sku_of_code[code] = match.sku
        if match.problem:
            self.message.emit(cashier_text(match.message))
            return
        line = next((line for line in match.lines if serial and serial in line.serials), match.lines[0])
        self.add_order_line(line.id, serial)

    def _add_receiptless(self, variant: dict[str, Any] | None, serial: str | None = None, code: str = "") -> None:
        waiting = next((line for line in reversed(self.basket.lines) if line.serial_required and not line.serial),
                       None)
        if variant is None and waiting is not None and code.strip():  # the serial's own barcode, on the box
            waiting.serial = code.strip()
            self._changed()
            self.message.emit(self.tr("{0} is taken as the serial number of {1}; correct it on the item if it is not.")
                              .replace("{0}", waiting.serial).replace("{1}", waiting.title))
            return
        if variant is None:
            self.message.emit(self.tr("This product is unknown here; scan its barcode again or type its SKU."))
            return
        tracked = bool(variant.get("serial_tracked"))  # one line per unit, each with the serial read on it
        if serial and tracked and any(line.serial == serial for line in self.basket.lines):
            self.message.emit(self.tr("This unit (serial {0}) is already in the return.").replace("{0}", serial))
            return
        self.basket.lines.append(BasketLine(sku=variant["sku"], title=variant["title"], max_qty=1 if tracked else 99,
                                            product_id=variant.get("product_id", ""),
                                            unit_paid=variant.get("price", ""), serial_required=tracked,
                                            serial=serial if tracked else None))
        self._changed()

    def update_line(self, index: int, **changes: Any) -> None:
        line = self.basket.lines[index]
        for name, value in changes.items():
            if name == "qty":
                value = max(1, min(int(value), line.max_qty))
            setattr(line, name, value)
        self._changed()

    def remove_line(self, index: int) -> None:
        del self.basket.lines[index]
        self._changed()

    def set_refund_method(self, method: str) -> None:
        self.basket.refund_method = method
        self._changed()

    def load_replacements(self, sku: str) -> None:
        """The product's variants, each with its promises from the network when it has stock elsewhere,
        and the first time, the delivery address the OMS holds for the sale's customer."""
        store, promised, basket = self.session.store_id(), self.promised, self.basket
        fetch = self.customer_address if basket.customer_id and self.oms_address is None else None
        customer = basket.customer_id or ""

        def load() -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
            variants = self.catalog.siblings(sku, store)
            return (promised(variants) if promised is not None else variants), (fetch(customer) if fetch else None)

        self.runner.run(load, lambda found: self._replacements(basket, *found), self._error)

    def _replacements(self, basket: Basket, variants: list[dict[str, Any]], address: dict[str, Any] | None) -> None:
        if basket is self.basket and address:
            self.oms_address = address
        self.replacements_ready.emit(variants)

    def add_exchange(self, sku: str, title: str, price: str, delivery: dict[str, Any] | None = None) -> None:
        """`delivery`: the request's "delivery" when the replacement comes from another store or the
        warehouse. An exchange has one source: a replacement from another one replaces those chosen before."""
        if self.basket.exchange and delivery != self.basket.delivery:
            self.basket.exchange.clear()
            self.message.emit(self.tr("An exchange comes from one place: the replacement chosen before was removed."))
        self.basket.exchange.append(ExchangeItem(sku, title, price))
        self.basket.refund_method = "exchange"
        self.basket.delivery = delivery
        self._changed()

    def customer_details(self) -> dict[str, str]:
        """What the window knows of the customer, to fill a delivery's contact in: the name on the sale,
        the e-mail or phone typed for the return, the address the OMS holds for the sale's customer, or
        the delivery chosen before."""
        known = dict(self.basket.delivery or {})
        details = {key: str(known.get(key) or "") for key in ("name", "phone", "email")}
        address = known.get("address") or self.oms_address or {}
        details.update({key: str(value or "") for key, value in address.items()})
        if not known.get("address") and self.oms_address:
            details["address_from"] = "oms"  # the picker asks the cashier to check it with the customer
        if not details["name"] and self.order is not None and self.order.customer_name:
            details["name"] = self.order.customer_name
        typed = self.basket.customer_contact.strip()
        if typed and not (details["phone"] or details["email"]):
            details["email" if "@" in typed else "phone"] = typed
        return details

    def remove_exchange(self, index: int) -> None:
        del self.basket.exchange[index]
        if not self.basket.exchange:
            self.basket.delivery = None
        self._changed()

    def set_customer_contact(self, contact: str) -> None:
        self.basket.customer_contact = contact
        self._changed()

    def set_receipt_by(self, channel: str) -> None:
        """Paper, e-mail or SMS: the address or number the store holds (or the one typed for a return
        without receipt) is filled in, for the customer to confirm."""
        self.basket.receipt_by = channel
        email, phone = self.known_contact
        typed = self.basket.customer_contact.strip()
        if channel == "email":
            self.basket.receipt_address = email or (typed if "@" in typed else "")
        elif channel == "sms":
            self.basket.receipt_address = phone or (typed if typed and "@" not in typed else "")
        self._changed()

    def set_receipt_address(self, address: str) -> None:
        self.basket.receipt_address = address
        self._changed()

    def set_contact_consent(self, consent: bool) -> None:
        self.basket.contact_consent = consent
        self._changed()

    # --- quote, approval, completion, printing ------------------------------------------------
    def _request(self, approval: tuple[str, str] | None = None,
                 override: tuple[str, str] | None = None) -> ReturnRequest:
        return self.basket.return_request(self.session.cashier(), self.session.till_id(), self.session.offline(),
                                          None if self.basket.receiptless else self.order, approval, override)

    def _drop_quote(self) -> None:
        """Another basket: no quote, and an answer still on its way (for the previous one) is ignored."""
        self.quote = None
        self._quote_generation += 1

    def requote(self) -> None:
        """Quote the basket as it is now, off the GUI thread. One quote runs at a time: changes made while it
        runs (items scanned in a row) are quoted together once it ends, and an answer for a basket that has
        changed since is dropped, so a burst of scans costs two quotes, not one per scan."""
        self._drop_quote()
        if not self.basket.ready or self._quoting:
            return
        self._quoting = True
        generation, request = self._quote_generation, self._request()

        def settled() -> bool:
            """The quote ended: True when its answer is still for this basket, else the newest one is quoted."""
            self._quoting = False
            if generation == self._quote_generation:
                return True
            if self.basket.ready:
                self.requote()
            return False

        def failed(error: BaseException) -> None:
            if settled():
                self._error(error)

        def done(quote: QuotedReturn) -> None:
            if not settled():
                return
            allowed = [method.value for method in quote.quote.allowed_methods]
            if allowed and self.basket.refund_method not in (*allowed, "exchange"):
                # a method the policy rules out (the original payment without a receipt or for a sale
                # item) does not stay picked: the first one it allows is, and the return is quoted again
                self.basket.refund_method = next(m for m in ("store_credit", "original", "exchange") if m in allowed)
                self._changed()
                return
            self.quote = quote
            self._second_hand(quote)
            self.quote_ready.emit(quote)

        self.runner.run(lambda: self.returns.quote(request), done, failed)

    def _second_hand(self, quoted: QuotedReturn) -> None:
        """Offer a grade on the lines the policy sends to second hand, and drop one it no longer does."""
        changed = False
        for line, decided in zip(self.basket.lines, quoted.quote.lines, strict=True):
            second_hand = decided.disposition is Disposition.RESALE
            if line.second_hand != second_hand or (line.grade and not second_hand):
                line.second_hand, line.grade = second_hand, line.grade if second_hand else None
                changed = True
        if changed:
            self._changed(requote=False)

    def complete(self, approval: tuple[str, str] | None = None, override: tuple[str, str] | None = None) -> None:
        """Complete the return; `approval`: a manager's ID and PIN; `override`: the way past a refusal
        that manager takes ("override" or "goodwill") and why."""
        if not self.basket.ready:
            self.message.emit(self.tr("Pick a reason and a condition for every item before completing."))
            return
        actor = self.session.actor()
        if actor is None:
            self.message.emit(self.tr("Sign in to complete the return."))
            return
        request = self._request(approval, override)
        self.busy.emit(True)
        self.runner.run(lambda: self.returns.complete(request, actor), self._on_completed, self._on_complete_error)

    def _on_completed(self, done: CompletedReturn) -> None:
        """The return is committed: the drawer opens (cash only, once), then the receipt prints; both
        wait in the printer thread's queue, in that order."""
        self.busy.emit(False)
        self._store_draft(None)
        self.completed.emit(done)
        drawer, cashier, number = self.cash_drawer, self.session.cashier(), done.return_number
        if drawer is not None:
            self.printer_runner.run(lambda: drawer.open_for_return(number, done.pays_cash_at_till, cashier),
                                    self._drawer_done, self._print_error)
        if not self.holds_receipt(done):
            self.print_receipt(number)

    def finish(self, done: CompletedReturn) -> None:
        """A return completed elsewhere for this till (a parked one, once approved): drawer and receipt as usual."""
        self._on_completed(done)

    def print_receipt(self, return_number: str) -> None:
        """The receipt of a committed return (never the drawer): the original the first time, a copy after."""
        if (printing := self.printing) is not None:
            self.printer_runner.run(lambda: printing.print_return(return_number), self.printed.emit,
                                    self._print_error)

    reprint = print_receipt

    def _drawer_done(self, outcome: Any) -> None:
        if outcome is not None:
            self.drawer.emit(outcome)

    def _on_complete_error(self, error: BaseException) -> None:
        self.busy.emit(False)
        if isinstance(error, ApprovalRequired):
            self.approval_needed.emit(cashier_text(error))
        else:
            self._error(error)

    def _print_error(self, error: BaseException) -> None:
        self.message.emit(cashier_text(error) if isinstance(error, UserFacingError) else self.tr(
            "The receipt could not be printed; the return is saved. Reprint it when the printer is ready."))

    def _error(self, error: BaseException) -> None:
        if isinstance(error, UserFacingError):
            self.message.emit(cashier_text(error))
        else:
            log.error("return flow failed: %s", type(error).__name__, exc_info=error)
            self.message.emit(
                self.tr("Something went wrong; nothing was recorded. Try again, and call support if it persists."))

    def _store_draft(self, data: dict[str, Any] | None) -> None:
        """Save (or clear) the draft off the GUI thread: a write waits for fsync and for the database
        lock. Each write stores the newest draft at the time it runs, so writes finishing out of
        order never leave an older draft behind."""
        self._draft = data
        self._queue_draft_write()

    def _queue_draft_write(self) -> None:
        """One write waits at a time, and stores the newest draft when it runs: a burst of changes takes
        one thread of the pool, not one each, and leaves the other to the lookups and quotes."""
        if not self._draft_queued:
            self._draft_queued = True
            self.runner.run(self._write_draft, lambda _result: None, self._error)

    def _write_draft(self) -> None:
        with self._draft_lock:
            self._draft_queued = False  # a change from now on queues another write
            draft = self._draft
            if draft is None:
                self.drafts.clear()
            else:
                self.drafts.save(draft)

    def _changed(self, requote: bool = True) -> None:
        saved = bool(self.basket.lines or self.basket.receiptless)
        if saved:
            self._draft = self.basket.to_json()
        self.changed.emit()
        if requote:
            self.requote()
        if saved:  # queued after the quote: the cashier waits for the quote, not for the draft's write
            self._queue_draft_write()
