"""The settings screen's state: manager/admin unlock, the till's settings, test print and test drawer.

Everything is stored with the data (`till.settings`), never in the OS registry. Changes go through the
settings service, which checks the signed-in user's role key by key and audits them; the screen only
greys out what that user may not change. Reads, writes, the PIN check (a slow KDF) and the printer
tests all run off the GUI thread through the task runner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from posreturns.domain.errors import UserFacingError
from posreturns.domain.users import Principal
from posreturns.ui.messages import cashier_text
from posreturns.ui.ports import Runner, Settings, SettingsAccess

log = logging.getLogger(__name__)

KEYS = ("store.id", "till.id", "language", "scanner.mode", "scanner.port", "scanner.suffix", "scanner.baudrate",
        "scanner.parity", "scanner.gs_substitute", "printer.url", "printer.profile", "printer.profile_file", "oms.url",
        "window.fullscreen")
APPLIED_AT_START = ("window.fullscreen", "scanner.mode", "scanner.port", "scanner.suffix",
                    "scanner.baudrate", "scanner.parity")


class SettingsPresenter(QObject):
    """Signals:
        unlocked(str): the PIN was right; the name of the manager or admin who opened the settings.
        refused(str): why the settings stay closed.
        loaded(dict): the stored values of `KEYS`.
        saved(str): the values are stored; one sentence for the admin.
        language_changed(str): the language setting changed ("" for the system's): the window applies it.
        outcome(str): the result of a test print or a drawer test, or a problem with the values.
        busy(bool): a device test is running.
    """

    unlocked = Signal(str)
    refused = Signal(str)
    loaded = Signal(object)
    saved = Signal(str)
    language_changed = Signal(str)
    outcome = Signal(str)
    busy = Signal(bool)

    def __init__(self, settings: Settings, runner: Runner, access: SettingsAccess,
                 test_print: Callable[[str, str], Any] | None = None,
                 test_drawer: Callable[[Principal, str, str], None] | None = None,
                 profiles: Callable[[], list[str]] = list,
                 check: Callable[[str, str], str] = lambda key, value: value.strip()) -> None:
        super().__init__()
        self.settings, self.runner, self.access, self.check = settings, runner, access, check
        self.test_print, self.test_drawer, self.profiles = test_print, test_drawer, profiles
        self.admin: Principal | None = None
        self.values: dict[str, str] = {}

    def unlock_question(self) -> str:
        return self.tr("The settings are for a manager or an administrator: enter your ID and PIN.")

    def unlock(self, user_id: str, pin: str) -> None:
        def done(principal: Principal) -> None:
            self.admin = principal
            self.unlocked.emit(principal.name)

        self.runner.run(lambda: self.access.unlock(user_id, pin), done,
                        lambda error: self.refused.emit(self._sentence(error)))

    def editable(self, key: str) -> bool:
        """Whether the signed-in manager or admin may change `key` (the service checks it again)."""
        return self.admin is not None and self.access.may_change(self.admin, key)

    def load(self) -> None:
        def done(values: dict[str, str]) -> None:
            self.values = values
            self.loaded.emit(values)

        self.runner.run(lambda: {key: self.settings.get(key) or "" for key in KEYS}, done, self._failed)

    def problem(self, values: dict[str, str]) -> str | None:
        """What is wrong with the values, in one sentence, or None."""
        if not values.get("till.id", "").strip():
            return self.tr("Give this till an ID, e.g. T1.")
        if values.get("scanner.mode") == "serial" and not values.get("scanner.port", "").strip():
            return self.tr("A serial scanner needs its port, e.g. COM3 or /dev/ttyACM0.")
        if values.get("language") not in ("", "fr", "en"):
            return self.tr("Choose the language from the list.")
        return None

    def source_change_question(self, values: dict[str, str]) -> str | None:
        """The question to ask before the till pulls from another OMS or for another store, else None."""
        old_url, old_store = self.values.get("oms.url", ""), self.values.get("store.id", "")
        url, store = values.get("oms.url", "").strip(), values.get("store.id", "").strip()
        if not old_url or (url == old_url and store == old_store):
            return None
        return self.tr("This till will pull everything again from the head office for the new address or store "
                       "(what it pulled before is forgotten). The returns not yet sent go there. Continue?")

    def save(self, values: dict[str, str]) -> None:
        problem = self.problem(values)
        if problem:
            self.outcome.emit(problem)
            return
        typed = {key: value.strip() for key, value in values.items()
                 if key in KEYS and value.strip() != self.values.get(key, "")}
        admin = self.admin
        if admin is None:
            self.outcome.emit(self.tr("Sign in again to change the settings."))
            return

        def write() -> dict[str, str]:
            changed = {key: self.check(key, value) for key, value in typed.items()}  # a wrong one: nothing stored
            if changed:
                self.access.change(admin, changed)  # checked key by key for this user, all or nothing, audited
            return changed

        def done(changed: dict[str, str]) -> None:
            self.values.update(changed)
            later = any(key in changed for key in APPLIED_AT_START)
            self.saved.emit(self.tr("Settings saved. Full screen and the scanner change the next time the app starts.")
                            if later else self.tr("Settings saved."))
            if "language" in changed:
                self.language_changed.emit(changed["language"])

        self.runner.run(write, done, self._failed)

    def print_test_page(self, url: str, profile: str) -> None:
        if self._device_ready(url, self.test_print):
            assert self.test_print is not None
            test = self.test_print
            self.runner.run(lambda: test(url.strip(), profile), self._printed, self._device_failed)

    def open_test_drawer(self, url: str, profile: str) -> None:
        """Open the drawer, as the manager or admin who unlocked the settings (checked and audited)."""
        admin = self.admin
        if admin is not None and self._device_ready(url, self.test_drawer):
            assert self.test_drawer is not None
            test = self.test_drawer
            self.runner.run(lambda: test(admin, url.strip(), profile), self._drawer_opened, self._device_failed)

    def _device_ready(self, url: str, test: Any) -> bool:
        if test is None:
            self.outcome.emit(self.tr("Printer tests are not available here."))
            return False
        if not url.strip():
            self.outcome.emit(self.tr("Enter the printer's address first, e.g. tcp://192.168.1.50:9100."))
            return False
        self.busy.emit(True)
        self.outcome.emit(self.tr("Testing the printer…"))
        return True

    def _printed(self, result: Any) -> None:
        self.busy.emit(False)
        self.outcome.emit(self.tr("Test page printed.") if result.printed else
                          self.tr("The test page did not print: {0}").replace("{0}", result.message))

    def _drawer_opened(self, _result: Any) -> None:
        self.busy.emit(False)
        self.outcome.emit(self.tr("The cash drawer opened."))

    def _device_failed(self, error: BaseException) -> None:
        self.busy.emit(False)
        self.outcome.emit(self._sentence(error))

    def _failed(self, error: BaseException) -> None:
        self.outcome.emit(self._sentence(error))

    def _sentence(self, error: BaseException) -> str:
        if isinstance(error, UserFacingError):
            return cashier_text(error)
        log.error("settings failed: %s", type(error).__name__, exc_info=error)
        return self.tr("Something went wrong ({0}); nothing was changed.").replace("{0}", type(error).__name__)
