"""What the manager's workspace needs of the services, gathered by the composition root (`app_ui`). No Qt here.

The services are the real classes of the services layer (the window may import them); the label printing,
in the devices layer, is seen through the protocol it has to meet."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # annotations only: the services are imported by what builds them, once the window shows
    from posreturns.domain.day_close import DayClose
    from posreturns.domain.users import Principal
    from posreturns.services.audit_view import AuditView
    from posreturns.services.day_close import DayCloseService
    from posreturns.services.open_queues import OpenQueues
    from posreturns.services.pending_approvals import PendingApprovals
    from posreturns.services.policy_change import PolicyLoading
    from posreturns.services.policy_view import PolicyAndSettings
    from posreturns.services.refund_replacement import Replacement
    from posreturns.services.reports import ReportService
    from posreturns.services.restock import RestockService
    from posreturns.services.serial_returners import SerialReturnerService
    from posreturns.services.settings_admin import SettingsAdmin
    from posreturns.services.users import UserAdmin


class LabelPrinter(Protocol):
    """Inspection tags, resale labels and RTV slips (`devices.restock_labels.LabelPrinting`): each call
    answers the print's outcome (see `BackOfficePresenter._printed`)."""

    def print_tag(self, code: str) -> object: ...
    def print_resale(self, code: str) -> object: ...
    def print_slip(self, batch_id: str) -> object: ...


@dataclass(frozen=True)
class ManagerServices:
    """The restock queue, the back office (report, queues, close of day), people and parked returns."""

    restock: RestockService
    labels: LabelPrinter | None  # None without a printer
    sign_in: Callable[[str, str], Principal]
    alert_text: Callable[[str], str]
    idle_minutes: float = 5
    highlight_hours: float = 48
    reports: ReportService | None = None
    day_close: DayCloseService | None = None
    queues: OpenQueues | None = None
    print_z: Callable[[DayClose], object] | None = None  # a close's Z summary on the receipt printer
    currency: Callable[[], str] = lambda: "EUR"
    users: UserAdmin | None = None
    audit: AuditView | None = None
    print_voucher: Callable[[Replacement], object] | None = None  # a paid-otherwise refund's voucher
    open_drawer: Callable[[Replacement], object] | None = None  # once, for a refund paid in cash instead
    approvals: PendingApprovals | None = None  # returns parked for a manager
    policy: PolicyAndSettings | None = None  # the policy in force and the settings, read only
    serial_returners: SerialReturnerService | None = None
    policy_loading: PolicyLoading | None = None  # an administrator loads a policy file in the workspace
    settings_admin: SettingsAdmin | None = None  # the settings edited in the Policy and settings tab
