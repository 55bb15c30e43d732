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

from posreturns.bootstrap import Runtime, bootstrap
from posreturns.devices.device_settings import wedge_config
from posreturns.domain.permissions import Permission
from posreturns.domain.users import Principal
from posreturns.services.returns.results import CompletedReturn
from posreturns.ui.embedded import CONFIRM_TIMEOUT_SECONDS, HostPayments, ReturnsWidget, install_host_translators
from posreturns.ui.garbage import GuiThreadGarbageCollector
from posreturns.ui.i18n import choose_language
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.qt_binding import check_binding
from posreturns.ui.resources import stylesheet
from posreturns.ui.tasks import TaskRunner
from posreturns.ui.unexpected_errors import UnexpectedErrorReporter
from posreturns.ui.views.host_fallback import HostFallback
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


def refund_instruction(done: CompletedReturn, answer: Callable[[bool, str], None]) -> RefundInstruction:
    """The instruction for a completed return."""
    tenders = tuple(TenderInstruction(t.method, t.amount, t.executed_by, t.reference) for t in done.tenders)
    return RefundInstruction(done.return_number, done.currency, done.refund_total, tenders, done.voucher_code,
                             done.to_collect, answer)


def create_returns_widget(host: HostPos, data_dir: Path, *, language: str | None = None,
                          runner: Any = None, dialogs: Any = None,
                          confirm_timeout: float = CONFIRM_TIMEOUT_SECONDS) -> ReturnsWidget:
    """The returns screen for the host's window, on the till data in `data_dir`.

    Needs the host's QApplication. The host's store and till ids are written to the till's settings
    when they differ, so the command line and sync agree with the host. A card refund the host's
    terminal has not answered within `confirm_timeout` seconds is recorded as failed and offered
    another way. Call `shutdown()` on the widget when the host closes it."""
    runtime = bootstrap(Path(data_dir), "widget", host_store_id=host.store_id, host_till_id=host.till_id)
    try:
        return _widget(host, runtime, language, runner, dialogs, confirm_timeout)
    except BaseException:  # nothing is left running behind a widget that never opened
        runtime.close(clean=False)
        raise


def _widget(host: HostPos, runtime: Runtime, language: str | None, runner: Any, dialogs: Any,
            confirm_timeout: float) -> ReturnsWidget:
    till = runtime.till
    chosen = choose_language(language or till.settings.get("language"))
    remove_translators = install_host_translators(chosen)
    runner = runner or TaskRunner()

    def cashier() -> Principal:
        return Principal.vouched(host.cashier, by="host")

    session = Session(till_id=lambda: host.till_id or runtime.till_id(), offline=runtime.offline,
                      store_id=lambda: host.store_id, vouched=cashier)
    services = runtime.ui_services(chosen)
    window = build_window(services, session, runner, dialogs=dialogs, interpret=runtime.scan_interpreter())
    if (problem := till.guard.problem()) is not None:  # the database lost returns: none is issued until restored
        window.show_message(problem.in_language(chosen))
    payments = HostPayments(lambda number, paid, detail: till.host_answers.record(number, paid, detail, cashier()),
                            runner, confirm_timeout)
    manager = services.manager
    fallback = None
    if manager is not None and manager.queues is not None:  # a declined card refund, paid another way at the till
        fallback = HostFallback(manager.queues,
                                lambda user_id, pin: till.access.sign_in(user_id, pin, Permission.RESOLVE_SYNC),
                                window.dialogs.ask_approval, runner, window.formats)

    def on_refund(done: CompletedReturn) -> None:
        number = done.return_number
        host.on_refund(refund_instruction(
            done, lambda paid, detail: (payments.confirm(number, detail) if paid
                                        else payments.report_failure(number, detail))))

    widget = ReturnsWidget(window, payments, on_refund, stylesheet(), host.parent_window,
                           wedge_config=wedge_config(till.settings.get), fallback=fallback)
    widget.record_float = lambda amount: till.drawer.set_float(cashier(), amount)
    widget.open_drawer = manager.open_drawer if manager is not None else None
    if runtime.unexpected_end:
        window.tell_unexpected_end()
    if (fault := check_binding()) is not None:  # a host may bring its own PySide6
        window.show_message(fault)
    errors = UnexpectedErrorReporter(window.show_message, only_ours=True)  # the host's own errors stay the host's
    errors.install()
    widget.on_close(runtime.close)  # cleanups run last first: this one last, once all else is shut
    widget.on_close(errors.uninstall)
    widget.on_close(lambda: runner.close() if hasattr(runner, "close") else None)
    collector = GuiThreadGarbageCollector(widget)  # see posreturns/ui/garbage.py: worker threads must not free widgets
    collector.start()
    widget.on_close(collector.stop)
    widget.on_close(remove_translators)
    return widget
