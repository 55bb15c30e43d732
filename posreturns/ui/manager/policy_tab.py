"""The Policy and settings tab of the manager's workspace: the return policy in force (version, where
it came from, when it was loaded, its text) and the till's settings with who may change each.

An administrator loads a policy file here: what it changes (each rule and limit, in force → in the
file) shows first, and nothing is loaded before **Load this policy**; a file that is not a valid policy
is refused with one sentence. The settings a manager's day depends on (idle sign-out, queue age
highlight, language) are edited in place by whoever the permission table lets change them; every
change is checked and audited by the services. **Change settings…** opens the full settings screen."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posreturns.domain.errors import UserFacingError
from posreturns.domain.users import Principal
from posreturns.services.policy_change import PolicyLoading, PolicyPreview, read_policy_file
from posreturns.services.setting_rules import MANAGER_IDLE_KEY, POSITIVE_NUMBERS, QUEUE_AGE_KEY
from posreturns.ui.i18n import Formats
from posreturns.ui.messages import cashier_text
from posreturns.ui.views.widgets import big_button, table

log = logging.getLogger(__name__)
EDITABLE = (MANAGER_IDLE_KEY, QUEUE_AGE_KEY, "language")
DEFAULTS = {MANAGER_IDLE_KEY: "5", QUEUE_AGE_KEY: "48", "language": ""}


class PolicyPresenter(QObject):
    """Signals: loaded(InForce); rights(dict {"load": bool, key: bool}); previewed(PolicyPreview | None);
    settings_changed(dict key → value); message(str); refused(str)."""

    loaded = Signal(object)
    rights = Signal(dict)
    previewed = Signal(object)
    settings_changed = Signal(dict)
    message = Signal(str)
    refused = Signal(str)

    def __init__(self, view: Any, runner: Any, loading: PolicyLoading | None = None, settings: Any = None,
                 manager: Callable[[], Principal | None] = lambda: None) -> None:
        super().__init__()
        self.view, self.runner, self.loading, self.settings, self.manager = view, runner, loading, settings, manager
        self.preview: PolicyPreview | None = None

    def refresh(self) -> None:
        actor = self.manager()
        rights = {"load": actor is not None and self.loading is not None and self.loading.may_load(actor)}
        for key in EDITABLE:
            rights[key] = actor is not None and self.settings is not None and self.settings.may_change(actor, key)
        self.rights.emit(rights)
        self.runner.run(self.view.in_force, self.loaded.emit, self._failed)

    def preview_file(self, path: Path) -> None:
        """Read and check the file, and show what it changes; nothing is loaded yet."""
        actor, loading = self.manager(), self.loading
        if actor is None or loading is None:
            return
        self.runner.run(lambda: loading.preview(actor, read_policy_file(path), str(path)), self._previewed,
                        self._failed)

    def _previewed(self, preview: PolicyPreview) -> None:
        self.preview = preview
        self.previewed.emit(preview)

    def cancel(self) -> None:
        self.preview = None
        self.previewed.emit(None)

    def confirm(self) -> None:
        actor, loading, preview = self.manager(), self.loading, self.preview
        if actor is None or loading is None or preview is None:
            return

        def loaded(result: dict[str, Any]) -> None:
            self.cancel()
            self.message.emit(self.tr("Policy {0} is now in force.").replace("{0}", str(result["version"])))
            self.refresh()

        self.runner.run(lambda: loading.load(actor, preview), loaded, self._failed)

    def save_settings(self, values: dict[str, str]) -> None:
        actor, settings = self.manager(), self.settings
        if actor is None or settings is None:
            return

        def saved(changed: dict[str, str]) -> None:
            if not changed:
                self.message.emit(self.tr("Nothing to save: the settings are unchanged."))
                return
            self.message.emit(self.tr("Settings saved; a new language applies when the till starts again.")
                              if "language" in changed else self.tr("Settings saved."))
            self.settings_changed.emit(changed)
            self.refresh()

        self.runner.run(lambda: settings.change(actor, values), saved, self._failed)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserFacingError):
            self.refused.emit(cashier_text(error))
            return
        log.warning("the policy and settings tab failed: %s", type(error).__name__)
        self.refused.emit(self.tr("That did not work; nothing was changed. Try again, and call support if it "
                                  "persists."))


class PolicyTab(QWidget):
    def __init__(self, presenter: PolicyPresenter, formats: Formats,
                 choose_file: Callable[[], str] | None = None) -> None:
        super().__init__()
        self.presenter, self.formats = presenter, formats
        self.choose_file = choose_file or (lambda: QFileDialog.getOpenFileName(
            self, "", str(Path.home()), self.tr("Policy files (*.toml)"))[0])
        self.heading = QLabel(objectName="policyHeading", wordWrap=True)
        self.load_button = big_button(self.tr("Load a policy file…"))
        self.load_note = QLabel(wordWrap=True)
        self.preview_title = QLabel(wordWrap=True, objectName="policyPreview")
        self.changes = table((self.tr("Rule or limit"), self.tr("In force"), self.tr("In the file")))
        self.confirm_button = big_button(self.tr("Load this policy"), "primary")
        self.cancel_button = big_button(self.tr("Cancel"))
        self.preview_box = QWidget()
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.idle = QSpinBox(suffix=" min")
        self.age = QSpinBox(suffix=" h")
        for box, key in ((self.idle, MANAGER_IDLE_KEY), (self.age, QUEUE_AGE_KEY)):
            box.setRange(*POSITIVE_NUMBERS[key])
        self.language = QComboBox()
        for code, name in (("", self.tr("The computer's")), ("fr", "Français"), ("en", "English")):
            self.language.addItem(name, code)
        self.save_button = big_button(self.tr("Save settings"))
        self.settings_note = QLabel(wordWrap=True)
        self.settings = table((self.tr("Setting"), self.tr("Value"), self.tr("Who may change it")))
        self.change_button = big_button(self.tr("Change settings…"))
        self._may_load = False
        self._values = dict(DEFAULTS)  # as shown: only what the user changes is saved
        self._layout()
        self.load_button.clicked.connect(self._choose)
        self.confirm_button.clicked.connect(presenter.confirm)
        self.cancel_button.clicked.connect(presenter.cancel)
        self.save_button.clicked.connect(self._save)
        presenter.loaded.connect(self.show_in_force)
        presenter.rights.connect(self.allow)
        presenter.previewed.connect(self.show_preview)

    def _layout(self) -> None:
        loading = QHBoxLayout()
        loading.addWidget(self.load_button)
        loading.addWidget(self.load_note, 1)
        inside = QVBoxLayout(self.preview_box)
        inside.setContentsMargins(0, 0, 0, 0)
        inside.addWidget(self.preview_title)
        inside.addWidget(self.changes, 1)
        decide = QHBoxLayout()
        decide.addStretch(1)
        decide.addWidget(self.cancel_button)
        decide.addWidget(self.confirm_button)
        inside.addLayout(decide)
        self.preview_box.hide()
        form = QGridLayout()  # a setting a row: side by side they are wider than a 1024-pixel screen in French
        for line, (label, field) in enumerate(((self.tr("Sign out after"), self.idle),
                                              (self.tr("Highlight held units after"), self.age),
                                              (self.tr("Language"), self.language))):
            form.addWidget(QLabel(label), line, 0)
            form.addWidget(field, line, 1)
        form.addWidget(self.settings_note, 0, 2, 2, 2)
        form.setColumnStretch(2, 1)
        form.addWidget(self.save_button, 2, 3)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Printer, scanner and the other settings: the settings screen, which asks "
                                     "for a PIN. Every change is in the audit log."), wordWrap=True), 1)
        row.addWidget(self.change_button)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addLayout(loading)
        column.addWidget(self.preview_box, 2)
        column.addWidget(self.text, 3)
        column.addWidget(QLabel(self.tr("The till's settings")))
        column.addLayout(form)
        column.addWidget(self.settings, 2)
        column.addLayout(row)

    def allow(self, rights: dict[str, bool]) -> None:
        """Greyed for whoever the permission table does not let act (the services check again)."""
        self._may_load = rights.get("load", False)
        self.load_button.setEnabled(self._may_load and self.presenter.preview is None)
        self.load_note.setText(self.tr("An administrator loads a new policy: what it changes shows first.")
                               if rights.get("load") else
                               self.tr("Only an administrator loads a policy; you see it read-only."))
        for key, field in zip(EDITABLE, (self.idle, self.age, self.language), strict=True):
            field.setEnabled(rights.get(key, False))
        self.save_button.setEnabled(any(rights.get(key, False) for key in EDITABLE))
        self.settings_note.setText("" if all(rights.get(key, False) for key in EDITABLE) else
                                   self.tr("The settings greyed here are an administrator's to change."))

    def show_in_force(self, found: Any) -> None:
        source = self.tr("built in") if found.source == "builtin" else self.tr("loaded {0}").replace(
            "{0}", self.formats.moment(found.loaded_at) if found.loaded_at else "")
        self.heading.setText(self.tr("Return policy in force: version {0} ({1}, fingerprint {2})")
                             .replace("{0}", found.version).replace("{1}", source).replace("{2}", found.sha256[:12]))
        self.text.setPlainText(found.text)
        who = {"manager": self.tr("a manager"), "admin": self.tr("an administrator")}
        self.settings.setRowCount(len(found.settings))
        values = dict(DEFAULTS)
        for row, setting in enumerate(found.settings):
            values[setting.key] = setting.value
            for column, text in enumerate((setting.key, setting.value, who.get(setting.changed_by,
                                                                                setting.changed_by))):
                self.settings.setItem(row, column, QTableWidgetItem(text))
        self.idle.setValue(int(float(values[MANAGER_IDLE_KEY] or DEFAULTS[MANAGER_IDLE_KEY])))
        self.age.setValue(int(float(values[QUEUE_AGE_KEY] or DEFAULTS[QUEUE_AGE_KEY])))
        self.language.setCurrentIndex(max(0, self.language.findData(values["language"][:2])))
        self._values = self._edited()

    def _choose(self) -> None:
        chosen = self.choose_file()
        if chosen:
            self.presenter.preview_file(Path(chosen))

    def show_preview(self, preview: PolicyPreview | None) -> None:
        self.preview_box.setVisible(preview is not None)
        self.load_button.setEnabled(preview is None and self._may_load)
        if preview is None:
            return
        if not preview.changes:
            title = self.tr("{0} is the policy in force: loading it changes nothing.")
        else:
            title = self.tr("{0}: version {1} → {2}. It changes {3} rule(s) or limit(s):")
        self.preview_title.setText(title.replace("{0}", Path(preview.source).name).replace(
            "{1}", preview.version_before).replace("{2}", preview.version_after).replace(
            "{3}", str(len(preview.changes))))
        self.changes.setRowCount(len(preview.changes))
        for row, change in enumerate(preview.changes):
            for column, text in enumerate((change.key, change.before if change.before is not None else "—",
                                           change.after if change.after is not None else "—")):
                self.changes.setItem(row, column, QTableWidgetItem(text))

    def _edited(self) -> dict[str, str]:
        return {MANAGER_IDLE_KEY: str(self.idle.value()), QUEUE_AGE_KEY: str(self.age.value()),
                "language": str(self.language.currentData())}

    def _save(self) -> None:
        self.presenter.save_settings({key: value for key, value in self._edited().items()
                                      if value != self._values.get(key)})
