"""The Users and audit tab: the till's users, changed by an administrator only (a manager sees the
list), and the audit log searched by who, what, subject and dates, exported as CSV."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posreturns.services.audit_view import AuditFilter
from posreturns.ui.i18n import Formats, date_edit_format
from posreturns.ui.manager.people import PeoplePresenter
from posreturns.ui.manager.reports_tab import ChooseFile, save_file_dialog
from posreturns.ui.views.widgets import big_button, table


class PeopleTab(QWidget):
    def __init__(self, presenter: PeoplePresenter, formats: Formats, choose_file: ChooseFile | None = None) -> None:
        super().__init__()
        self.presenter, self.formats = presenter, formats
        self.choose_file = choose_file or save_file_dialog(self)
        self.users = table((self.tr("ID"), self.tr("Name"), self.tr("Role"), self.tr("State")))
        self.user_id, self.name = QLineEdit(placeholderText=self.tr("ID")), QLineEdit(placeholderText=self.tr("Name"))
        self.role = QComboBox()
        for role, text in (("cashier", self.tr("Cashier")), ("manager", self.tr("Manager")),
                           ("admin", self.tr("Administrator"))):
            self.role.addItem(text, role)
        self.pin = QLineEdit(placeholderText=self.tr("New PIN"), echoMode=QLineEdit.EchoMode.Password)
        self.add_button = big_button(self.tr("Add"))
        self.disable_button, self.enable_button = big_button(self.tr("Disable")), big_button(self.tr("Enable"))
        self.pin_button, self.unlock_button = big_button(self.tr("Set PIN")), big_button(self.tr("Unlock"))
        self.admin_note = QLabel(self.tr("Only an administrator adds, disables or unlocks users."), wordWrap=True)
        self.who, self.action = QLineEdit(placeholderText=self.tr("Who (user ID)")), QLineEdit(
            placeholderText=self.tr("What (e.g. return., day.closed)"))
        self.subject = QLineEdit(placeholderText=self.tr("Return, unit or Z number"))
        self.since_on = QCheckBox(self.tr("Since"))
        self.since = QDateEdit(calendarPopup=True)
        self.since.setDisplayFormat(date_edit_format(formats.language))
        self.since.setDate(QDate.currentDate().addDays(-7))
        self.search_button, self.export_button = (big_button(self.tr("Search"), "primary"),
                                                  big_button(self.tr("Export CSV")))
        self.audit = table((self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Subject"), self.tr("Detail")))
        self._users: list[Any] = []
        self._layout()
        self.add_button.clicked.connect(self._add)
        self.disable_button.clicked.connect(lambda: self._on_user(lambda u: presenter.set_enabled(u, False)))
        self.enable_button.clicked.connect(lambda: self._on_user(lambda u: presenter.set_enabled(u, True)))
        self.pin_button.clicked.connect(lambda: self._on_user(lambda u: presenter.reset_pin(u, self._take_pin())))
        self.unlock_button.clicked.connect(lambda: self._on_user(presenter.unlock))
        self.search_button.clicked.connect(self.search)
        self.export_button.clicked.connect(self._export)
        presenter.users_loaded.connect(self.show_users)
        presenter.audit_loaded.connect(self.show_audit)

    def _layout(self) -> None:
        form = QGridLayout()
        for column, widget in enumerate((self.user_id, self.name, self.role, self.pin, self.add_button)):
            form.addWidget(widget, 0, column)
        for column, widget in enumerate((self.disable_button, self.enable_button, self.pin_button, self.unlock_button)):
            form.addWidget(widget, 1, column)
        filters = QHBoxLayout()
        for widget in (self.who, self.action, self.subject, self.since_on, self.since, self.search_button,
                       self.export_button):
            filters.addWidget(widget)
        page = QVBoxLayout(self)
        page.addWidget(QLabel(self.tr("Users")))
        page.addWidget(self.users, 1)
        page.addWidget(self.admin_note)
        page.addLayout(form)
        page.addWidget(QLabel(self.tr("Audit log")))
        page.addLayout(filters)
        page.addWidget(self.audit, 2)

    def show_users(self, users: list[Any]) -> None:
        admin = self.presenter.is_admin()
        self.admin_note.setVisible(not admin)
        for button in (self.add_button, self.disable_button, self.enable_button, self.pin_button, self.unlock_button):
            button.setEnabled(admin)
        roles = {self.role.itemData(i): self.role.itemText(i) for i in range(self.role.count())}
        self._users = list(users)
        self.users.setRowCount(len(users))
        for row, user in enumerate(users):
            state = self.tr("disabled") if user.disabled else self.tr("active")
            for column, text in enumerate((user.id, user.name, roles.get(user.role.value, user.role.value), state)):
                self.users.setItem(row, column, QTableWidgetItem(text))

    def search(self) -> None:
        since: date | None = self.since.date().toPython() if self.since_on.isChecked() else None
        self.presenter.search(AuditFilter(self.who.text().strip(), self.action.text().strip(),
                                          self.subject.text().strip(), since, None, 300))

    def show_audit(self, records: list[Any]) -> None:
        self.audit.setRowCount(len(records))
        for row, record in enumerate(records):
            detail = ", ".join(f"{k}={v}" for k, v in json.loads(record.detail_json).items() if v not in (None, "", []))
            for column, text in enumerate((self.formats.moment(record.at), record.actor or "", record.action,
                                           record.subject or "", detail[:200])):
                self.audit.setItem(row, column, QTableWidgetItem(text))

    def _selected(self) -> str | None:
        row = self.users.currentRow()
        if row < 0:
            self.presenter.refused.emit(self.tr("Select a user first."))
            return None
        return str(self._users[row].id)

    def _on_user(self, act: Any) -> None:
        chosen = self._selected()
        if chosen is not None:
            act(chosen)

    def _take_pin(self) -> str:
        pin = self.pin.text()
        self.pin.clear()
        return pin

    def _add(self) -> None:
        self.presenter.add(self.user_id.text(), self.name.text(), str(self.role.currentData()), self._take_pin())
        self.user_id.clear()
        self.name.clear()

    def _export(self) -> None:
        chosen = self.choose_file("audit.csv", self.tr("CSV files (*.csv)"))
        if chosen:
            self.presenter.export(Path(chosen), self.formats.language)
