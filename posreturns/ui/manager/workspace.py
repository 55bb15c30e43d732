"""The manager's workspace: a manager's (or admin's) sign-in with the PIN pad, then the tabs Restock
queue / Second hand / Alerts, and (with the back office) Open queues / Reports / Close of day /
Users and audit / Policy and settings. It signs out by itself after the idle time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from posreturns.domain.users import Principal
from posreturns.services.setting_rules import MANAGER_IDLE_KEY, QUEUE_AGE_KEY
from posreturns.ui.i18n import Formats
from posreturns.ui.manager.back_office import BackOfficePresenter
from posreturns.ui.manager.day_tab import DayTab
from posreturns.ui.manager.people import PeoplePresenter
from posreturns.ui.manager.people_tab import PeopleTab
from posreturns.ui.manager.policy_tab import PolicyPresenter, PolicyTab
from posreturns.ui.manager.presenter import ManagerPresenter
from posreturns.ui.manager.queues_tab import QueuesTab
from posreturns.ui.manager.reports_tab import ChooseFile, ReportsTab
from posreturns.ui.manager.restock_tab import RestockTab
from posreturns.ui.manager.serial_tab import SerialPresenter
from posreturns.ui.manager.side_tabs import AlertsTab, ResaleTab
from posreturns.ui.presenters.sign_in import SignInPresenter
from posreturns.ui.views.sign_in import SignInPage
from posreturns.ui.views.widgets import big_button

GATE, TABS = range(2)
ACTIVITY = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin)
ACTIVITY_EVENTS = (QKeyEvent, QMouseEvent, QWheelEvent, QTouchEvent)


class ManagerWorkspace(QWidget):
    """Signals: closed() back to the cashier's screen."""

    closed = Signal()

    def __init__(self, presenter: ManagerPresenter, sign_in: SignInPresenter, formats: Formats,
                 idle_minutes: float = 5, highlight_hours: float = 48, alert_text: Any = lambda code: code,
                 back_office: BackOfficePresenter | None = None, today: Callable[[], date] = date.today,
                 choose_file: ChooseFile | None = None, people: PeoplePresenter | None = None,
                 policy: PolicyPresenter | None = None, serial: SerialPresenter | None = None) -> None:
        super().__init__()
        self.presenter = presenter
        self.gate = SignInPage(sign_in)
        self.gate.title.setText(self.tr("Manager sign-in"))
        self.tabs = QTabWidget()
        self._pages: dict[QWidget, QWidget] = {}
        self.restock = RestockTab(presenter, highlight_hours)
        self.resale = ResaleTab(presenter, formats)
        self.alerts = AlertsTab(presenter, alert_text)
        self.tabs.addTab(self.restock, self.tr("Restock queue"))
        self.tabs.addTab(self.resale, self.tr("Second hand"))
        self.tabs.addTab(self.alerts, self.tr("Alerts"))
        self.back_office = back_office
        if back_office is not None:
            self.queues = QueuesTab(back_office, formats, serial)
            self.reports = ReportsTab(back_office, formats, today, choose_file)
            self.day = DayTab(back_office, formats)
            self._add_scrolling(self.queues, self.tr("Open queues"))
            self._add_scrolling(self.reports, self.tr("Reports"))
            self._add_scrolling(self.day, self.tr("Close of day"))
        self.people_presenter = people
        if people is not None:
            self.people = PeopleTab(people, formats, choose_file)
            self._add_scrolling(self.people, self.tr("Users and audit"))
        self.serial_presenter = serial if back_office is not None else None
        self.policy_presenter = policy
        if policy is not None:
            self.policy = PolicyTab(policy, formats)
            self._add_scrolling(self.policy, self.tr("Policy and settings"))
        self.who = QLabel(objectName="managerWho")
        self.message = QLabel(wordWrap=True, objectName="message")
        self.back_button = big_button(self.tr("Back to returns"))
        self.sign_out_button = big_button(self.tr("Sign out"))
        self.refresh_button = big_button(self.tr("Refresh"))
        top = QHBoxLayout()
        top.addWidget(self.who, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.back_button)
        top.addWidget(self.sign_out_button)
        inside = QWidget()
        column = QVBoxLayout(inside)
        column.addLayout(top)
        column.addWidget(self.message)
        column.addWidget(self.tabs, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.gate)
        self.stack.addWidget(inside)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.idle = QTimer(self, singleShot=True, interval=max(1, int(idle_minutes * 60_000)))
        self.idle.timeout.connect(self.sign_out)
        sign_in.signed_in.connect(self.enter)
        self.back_button.clicked.connect(self.closed)
        self.sign_out_button.clicked.connect(self.sign_out)
        self.refresh_button.clicked.connect(presenter.refresh)
        presenter.loaded.connect(self._show)
        presenter.message.connect(lambda text: self._say(text, "ok"))
        presenter.refused.connect(lambda text: self._say(text, "warn"))
        presenter.busy.connect(lambda busy: self.tabs.setDisabled(busy))
        if back_office is not None:
            self.refresh_button.clicked.connect(back_office.refresh)
            back_office.message.connect(lambda text: self._say(text, "ok"))
            back_office.refused.connect(lambda text: self._say(text, "warn"))
            back_office.busy.connect(lambda busy: self.tabs.setDisabled(busy))
            back_office.queues_loaded.connect(self._count_queues)
        if people is not None:
            self.refresh_button.clicked.connect(people.refresh)
            people.message.connect(lambda text: self._say(text, "ok"))
            people.refused.connect(lambda text: self._say(text, "warn"))
        if self.serial_presenter is not None:
            self.refresh_button.clicked.connect(self.serial_presenter.refresh)
            self.serial_presenter.refused.connect(lambda text: self._say(text, "warn"))
        if policy is not None:
            self.refresh_button.clicked.connect(policy.refresh)
            policy.refused.connect(lambda text: self._say(text, "warn"))
            policy.message.connect(lambda text: self._say(text, "ok"))
            policy.settings_changed.connect(self._apply_settings)

    def open(self, principal: Principal | None) -> None:
        """Show the workspace: straight in for a manager already signed in at the till, else the gate."""
        if self.presenter.manager is None and ManagerPresenter.may_manage(principal):
            assert principal is not None
            self.enter(principal)
        elif self.presenter.manager is None:
            self.gate.reset()
            self.stack.setCurrentIndex(GATE)
        else:
            self.presenter.refresh()
            self._refresh_back_office()
            self.idle.start()

    def enter(self, principal: Principal) -> None:
        self.presenter.sign_in(principal)
        self._refresh_back_office()
        self.who.setText(self.tr("Manager: {0}").replace("{0}", principal.name))
        self.message.clear()
        self.stack.setCurrentIndex(TABS)
        self.idle.start()

    def sign_out(self) -> None:
        self.idle.stop()
        self.presenter.sign_out()
        self.gate.reset()
        self.stack.setCurrentIndex(GATE)
        self.closed.emit()

    def _add_scrolling(self, tab: QWidget, title: str) -> None:
        # The back office's forms are taller than a 768 px till leaves them: they scroll rather than
        # make the whole window taller than the screen.
        page = QScrollArea(widgetResizable=True)
        page.setFrameShape(QFrame.Shape.NoFrame)
        page.setWidget(tab)
        self._pages[tab] = page
        self.tabs.addTab(page, title)

    def tab_index(self, tab: QWidget) -> int:
        return self.tabs.indexOf(self._pages.get(tab, tab))

    def show_tab(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(self._pages.get(tab, tab))

    def on_scan(self, code: str) -> None:
        """A tag scanned while the workspace shows: select its unit in the queue."""
        if self.stack.currentIndex() != TABS:
            self.gate.message.setText(self.tr("Sign in first, then scan."))
            return
        self.show_tab(self.restock)
        self.restock.select_scanned(code)
        self.idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # every event of the application passes here: the type of its class first, the cheapest test
        if (isinstance(event, ACTIVITY_EVENTS) and event.type() in ACTIVITY and self.idle.isActive()
                and self.isVisible()):
            self.idle.start()  # a touch or key in the workspace keeps it open; the cashier's screen does not
        return False

    def _show(self, snapshot: dict[str, Any]) -> None:
        self.restock.show_units(snapshot["units"])
        self.resale.show_items(snapshot["resale"], snapshot["batches"])
        self.alerts.show_alerts(snapshot["alerts"])
        waiting = sum(1 for a in snapshot["alerts"] if a.status != "resolved")
        self.tabs.setTabText(2, self.tr("Alerts ({0})").replace("{0}", str(waiting)) if waiting else self.tr("Alerts"))

    def _refresh_back_office(self) -> None:
        if self.back_office is not None:
            self.back_office.refresh()
        if self.people_presenter is not None:
            self.people_presenter.refresh()
        if self.policy_presenter is not None:
            self.policy_presenter.refresh()
        if self.serial_presenter is not None:
            self.serial_presenter.refresh()

    def _apply_settings(self, changed: dict[str, str]) -> None:
        """A new idle time or queue age applies at once; the language when the till starts again."""
        if MANAGER_IDLE_KEY in changed:
            self.idle.setInterval(max(1, int(float(changed[MANAGER_IDLE_KEY]) * 60_000)))
            self.idle.start()
        if QUEUE_AGE_KEY in changed:
            self.restock.highlight_hours = float(changed[QUEUE_AGE_KEY])
            self.presenter.refresh()

    def _count_queues(self, queues: dict[str, Any]) -> None:
        waiting = (len(queues["cards"]) + len(queues.get("failed", ())) + len(queues.get("approvals", ()))
                   + sum(1 for s in queues["sync"] if s["status"] == "rejected"))
        index = self.tab_index(self.queues)
        self.tabs.setTabText(index, self.tr("Open queues ({0})").replace("{0}", str(waiting)) if waiting
                             else self.tr("Open queues"))

    def _say(self, text: str, state: str) -> None:
        self.message.setText(text)
        self.message.setProperty("state", state)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
