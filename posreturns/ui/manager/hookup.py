"""Puts the manager's workspace into the till window: a page beside the cashier's screens, a
"Manager" button on the home screen, tags scanned while it shows, and the alerts count in the status
bar for managers. The window itself knows nothing of it beyond `attach_manager`."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy

from posreturns.domain.users import Principal
from posreturns.ui.application import running_application
from posreturns.ui.manager.back_office import BackOfficePresenter
from posreturns.ui.manager.people import PeoplePresenter
from posreturns.ui.manager.policy_tab import PolicyPresenter
from posreturns.ui.manager.ports import ManagerServices
from posreturns.ui.manager.presenter import ManagerPresenter
from posreturns.ui.manager.serial_tab import SerialPresenter
from posreturns.ui.ports import Runner
from posreturns.ui.presenters.sign_in import SignInPresenter
from posreturns.ui.views.main_window import MainWindow
from posreturns.ui.views.widgets import manager_button

if TYPE_CHECKING:
    from posreturns.ui.manager.workspace import ManagerWorkspace

ALERTS_POLL_MS = 60_000


class SignedInRelay(QObject):
    happened = Signal(object)


def attach_manager(window: MainWindow, manager: ManagerServices, runner: Runner,
                   printer_runner: Runner | None = None, button: QPushButton | None = None) -> None:
    """`button`: the "Manager" button already on the home screen, whose presses the caller handles (the
    window shows it before the workspace's services are built); None: one is added here."""
    presenter = ManagerPresenter(manager.restock, manager.labels, runner, printer_runner)
    presenter.setParent(window)
    gate = SignInPresenter(lambda user_id, pin: manager.sign_in(user_id, pin), runner)
    gate.setParent(window)
    back_office = None
    if manager.reports is not None and manager.day_close is not None and manager.queues is not None:
        back_office = BackOfficePresenter(manager.reports, manager.day_close, manager.queues, runner,
                                          lambda: presenter.manager, manager.print_z, printer_runner, manager.currency,
                                          manager.print_voucher, manager.open_drawer, manager.approvals)
        back_office.setParent(window)
    people = None
    if manager.users is not None:
        people = PeoplePresenter(manager.users, manager.audit, runner, lambda: presenter.manager)
        people.setParent(window)
    policy = None
    if manager.policy is not None:
        policy = PolicyPresenter(manager.policy, runner, manager.policy_loading, manager.settings_admin,
                                 lambda: presenter.manager)
        policy.setParent(window)
    serial = None
    if manager.serial_returners is not None:
        serial = SerialPresenter(manager.serial_returners, runner)
        serial.setParent(window)

    def build() -> ManagerWorkspace:
        """The workspace, built the first time it opens: a dozen tabs the cashier's first screen does not need."""
        from posreturns.ui.manager.workspace import ManagerWorkspace

        workspace = ManagerWorkspace(presenter, gate, window.formats, manager.idle_minutes,
                                     manager.highlight_hours, manager.alert_text, back_office,
                                     manager.day_close.today if manager.day_close is not None else date.today,
                                     people=people, policy=policy, serial=serial)
        if policy is not None and hasattr(window.home, "settings"):  # the settings screen, behind its own PIN
            workspace.policy.change_button.clicked.connect(window.home.settings.emit)
        window.add_workspace(workspace, workspace.on_scan)
        running_application().installEventFilter(workspace)
        workspace.closed.connect(window.go_home)
        return workspace

    window.build_manager_workspace = build
    pressed_here = button is None
    if button is None:
        button = manager_button()
        window.home.add_tool(button)
    count = QLabel(objectName="alertsCount")
    count.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    count.setMinimumWidth(1)  # shrinks rather than widen the window: the bar is full on a 1024-pixel screen
    count.hide()
    window.status_bar.addPermanentWidget(count)
    window.manager_button, window.alerts_count = button, count

    def principal() -> Principal | None:
        return window.session.actor() if window.session is not None else None

    def show_workspace() -> None:
        workspace = cast("ManagerWorkspace", window.manager_workspace)  # built by `build` above
        workspace.open(principal())
        window.pages.setCurrentWidget(workspace)

    def show_count(open_alerts: int) -> None:
        visible = ManagerPresenter.may_manage(principal()) or presenter.manager is not None
        sentence = QCoreApplication.translate("ManagerHookup", "{0} alert(s) to handle")
        sentence = sentence.replace("{0}", str(open_alerts))
        count.setText(sentence)
        count.setToolTip(sentence)
        count.setProperty("state", "warn" if open_alerts else "ok")
        count.setVisible(visible and open_alerts > 0)
        shown = visible and open_alerts > 0  # on the button too: a narrow screen may squeeze the status bar
        button.setText(QCoreApplication.translate("ManagerHookup", "Manager") + (f" ({open_alerts})" if shown else ""))

    def poll() -> None:
        runner.run(manager.restock.open_alert_count, show_count, lambda _error: None)

    if pressed_here:
        button.clicked.connect(show_workspace)
    presenter.loaded.connect(lambda snapshot: show_count(sum(1 for a in snapshot["alerts"] if a.status != "resolved")))
    timer = QTimer(window, interval=ALERTS_POLL_MS)
    timer.timeout.connect(poll)
    timer.start()
    if window.sign_in is not None:
        # through a child of the window: a closure connected to the sign-in presenter (not the window's
        # child) would keep the window alive after it closed
        relay = SignedInRelay(window)
        relay.happened.connect(poll)
        window.sign_in.signed_in.connect(relay.happened)
    window.home.sign_out.connect(lambda: show_count(0))
    window.show_manager = show_workspace
    poll()
