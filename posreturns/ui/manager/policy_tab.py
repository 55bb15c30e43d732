"""The Policy and settings tab of the manager's workspace: the return policy in force (version, where
it came from, when it was loaded, its text) and the till's settings with who may change each. Read
only: **Change settings…** opens the settings screen, which asks for a PIN, lets a manager change the
devices and the language and an administrator the rest, and audits each change."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QTableWidgetItem, QVBoxLayout, QWidget

from posreturns.ui.i18n import Formats
from posreturns.ui.messages import cashier_text
from posreturns.ui.views.widgets import big_button, table

log = logging.getLogger(__name__)


class PolicyPresenter(QObject):
    """Signals: loaded(InForce); refused(str)."""

    loaded = Signal(object)
    refused = Signal(str)

    def __init__(self, view: Any, runner: Any) -> None:
        super().__init__()
        self.view, self.runner = view, runner

    def refresh(self) -> None:
        self.runner.run(self.view.in_force, self.loaded.emit, self._failed)

    def _failed(self, error: BaseException) -> None:
        log.warning("the policy and settings could not be read: %s", error)
        self.refused.emit(cashier_text(error))


class PolicyTab(QWidget):
    def __init__(self, presenter: PolicyPresenter, formats: Formats) -> None:
        super().__init__()
        self.formats = formats
        self.heading = QLabel(objectName="policyHeading", wordWrap=True)
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.settings = table((self.tr("Setting"), self.tr("Value"), self.tr("Who may change it")))
        self.change_button = big_button(self.tr("Change settings…"))
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.text, 3)
        column.addWidget(QLabel(self.tr("The till's settings")))
        column.addWidget(self.settings, 2)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Loading a policy and the till's settings are an administrator's; a manager "
                                     "changes the devices and the language. Every change is in the audit log."),
                             wordWrap=True), 1)
        row.addWidget(self.change_button)
        column.addLayout(row)
        presenter.loaded.connect(self.show_in_force)

    def show_in_force(self, found: Any) -> None:
        source = self.tr("built in") if found.source == "builtin" else self.tr("loaded {0}").replace(
            "{0}", self.formats.moment(found.loaded_at) if found.loaded_at else "")
        self.heading.setText(self.tr("Return policy in force: version {0} ({1}, fingerprint {2})")
                             .replace("{0}", found.version).replace("{1}", source).replace("{2}", found.sha256[:12]))
        self.text.setPlainText(found.text)
        who = {"manager": self.tr("a manager"), "admin": self.tr("an administrator")}
        self.settings.setRowCount(len(found.settings))
        for row, setting in enumerate(found.settings):
            for column, text in enumerate((setting.key, setting.value, who.get(setting.changed_by,
                                                                                setting.changed_by))):
                self.settings.setItem(row, column, QTableWidgetItem(text))
