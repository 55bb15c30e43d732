"""The returns screen inside a host POS (docs/host-integration.md): `create_returns_widget(host, data_dir)`.

The host passes its parent window, the cashier, the store and the till, and `on_refund`. The host
vouches for its signed-in cashier (`host.cashier`, read at each return): the widget has no sign-in
screen, and that cashier may do what a cashier may do — a manager still approves with their PIN. For each
completed return the plugin hands back a `RefundInstruction` (amount per tender, which ones the host
executes on its own payment terminal, cash to pay out) and waits for `instruction.confirm()` — or
`instruction.fail(reason)` — which is written to the audit log. See docs/host-integration.md.

Composition only (app level, like app.py): the Qt parts live in `posreturns.ui.embedded`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from posreturns.app import attach_oms, open_till
from posreturns.app_ui import scan_interpreter, ui_services
from posreturns.devices.device_settings import wedge_config
from posreturns.domain.users import Principal
from posreturns.host_answers import record_host_answer
from posreturns.services.return_ports import AuditEntry
from posreturns.till_session import TillSession
from posreturns.ui.embedded import HostPayments, ReturnsWidget, install_host_translators
from posreturns.ui.garbage import GuiThreadGarbageCollector
from posreturns.ui.i18n import choose_language
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.qt_binding import check_binding
from posreturns.ui.resources import stylesheet
from posreturns.ui.tasks import TaskRunner
from posreturns.ui.unexpected_errors import UnexpectedErrorReporter
from posreturns.ui.window import build_window

log = logging.getLogger(__name__)


class HostPos(Protocol):
    """What the host POS gives the plugin. `parent_window` is a QWidget (or None)."""

    parent_window: Any
    cashier: str
    store_id: str
    till_id: str

    def on_refund(self, instruction: RefundInstruction) -> None: ...


@dataclass(frozen=True)
class TenderInstruction:
    """One refund tender: `executed_by` "host" means the host's payment terminal pays it out."""

    method: str  # card | cash | gift_card | store_credit
    amount: Decimal
    executed_by: str  # host | till
    reference: str | None = None  # the original payment's reference (e.g. the card transaction)


@dataclass(frozen=True)
class RefundInstruction:
    """What the host must do for a committed return; answer with `confirm()` or `fail(reason)`."""

    return_number: str
    currency: str
    refund_total: Decimal
    tenders: tuple[TenderInstruction, ...]
    voucher_code: str | None = None
    to_collect: Decimal = Decimal(0)  # an exchange dearer than the return: the customer pays this
    answer: Callable[[bool, str], None] = field(default=lambda paid, detail: None, repr=False, compare=False)

    @property
    def host_tenders(self) -> tuple[TenderInstruction, ...]:
        return tuple(t for t in self.tenders if t.executed_by == "host")

    @property
    def host_amount(self) -> Decimal:
        return sum((t.amount for t in self.host_tenders), Decimal(0))

    @property
    def cash_to_pay_out(self) -> Decimal:
        return sum((t.amount for t in self.tenders if t.method == "cash"), Decimal(0))

    def confirm(self, reference: str = "") -> None:
        """The host paid out its tenders (`reference`: e.g. the terminal's authorisation). Any thread."""
        self.answer(True, reference)

    def fail(self, reason: str) -> None:
        """The host could not pay out; the return stays recorded and a manager settles it. Any thread."""
        self.answer(False, reason)


def refund_instruction(response: dict[str, Any], answer: Callable[[bool, str], None]) -> RefundInstruction:
    """The instruction for a `return complete` response (the same JSON as `posreturns return complete`)."""
    tenders = tuple(TenderInstruction(t["method"], Decimal(t["amount"]), t.get("executed_by", "till"), t.get("reference"))
                    for t in response.get("tenders", []))
    exchange = response.get("exchange") or {}
    voucher = response.get("voucher") or {}
    return RefundInstruction(response["return_number"], response.get("currency", "EUR"),
                             Decimal(response.get("refund_total", "0")), tenders, voucher.get("code"),
                             Decimal(exchange.get("to_collect", "0")), answer)


def create_returns_widget(host: HostPos, data_dir: Path, *, language: str | None = None,
                          runner: Any = None, dialogs: Any = None) -> ReturnsWidget:
    """The returns screen for the host's window, on the till data in `data_dir`.

    Needs the host's QApplication. The host's store and till ids are written to the till's settings
    when they differ, so the command line and sync agree with the host. Call `shutdown()` on the
    widget when the host closes it."""
    till = open_till(Path(data_dir), till_id=host.till_id or None)
    session_log = TillSession(Path(data_dir))
    unexpected_end = session_log.open() is not None
    till.guard.check_in_background()
    changed = {key: value for key, value in (("store.id", host.store_id), ("till.id", host.till_id))
               if value and till.settings.get(key) != value}
    if changed:
        till.settings.change(changed, AuditEntry("settings.changed", "host", None, {"changes": changed, "by": "host"},
                                                 till.clock.now()))
    connectivity = attach_oms(till)  # offline rules follow the OMS, whatever the host says
    chosen = choose_language(language or till.settings.get("language"))
    remove_translators = install_host_translators(chosen)
    runner = runner or TaskRunner()
    def cashier() -> Principal:
        return Principal.vouched(host.cashier, by="host")

    session = Session(till_id=lambda: host.till_id or "T1", store_id=lambda: host.store_id, vouched=cashier,
                      offline=lambda: connectivity.current().get("online") is False)
    services = ui_services(till, chosen, signs_in=False)
    window = build_window(services, session, runner, dialogs=dialogs, interpret=scan_interpreter(till))
    if (problem := till.guard.problem()) is not None:  # the database lost returns: none is issued until restored
        window.show_message(problem.in_language(chosen))
    payments = HostPayments(lambda number, paid, detail: record_host_answer(till, number, paid, detail, cashier()),
                            runner)

    def on_refund(response: dict[str, Any]) -> None:
        number = response["return_number"]
        host.on_refund(refund_instruction(response, lambda paid, detail: (payments.confirm(number, detail) if paid
                                                                          else payments.report_failure(number, detail))))

    widget = ReturnsWidget(window, payments, on_refund, stylesheet(), host.parent_window,
                           wedge_config=wedge_config(till.settings.get))
    if unexpected_end:
        window.tell_unexpected_end()
    if (fault := check_binding()) is not None:  # a host may bring its own PySide6
        window.show_message(fault)
    errors = UnexpectedErrorReporter(window.show_message, only_ours=True)  # the host's own errors stay the host's
    errors.install()
    widget.on_close(session_log.close)  # cleanups run last first: this one last, once all else is shut
    widget.on_close(till.close)
    if services.printing is not None:
        widget.on_close(services.printing.device.stop)
    widget.on_close(errors.uninstall)
    widget.on_close(lambda: runner.close() if hasattr(runner, "close") else None)
    collector = GuiThreadGarbageCollector(widget)  # see posreturns/ui/garbage.py: worker threads must not free widgets
    collector.start()
    widget.on_close(collector.stop)
    widget.on_close(remove_translators)
    return widget
