"""Users and audit in the manager's workspace, without widgets: the till's users and an
administrator's changes to them (add, disable, enable, new PIN, unlock), and the audit log searched
and exported. Every change goes through the user service, which checks the role and audits it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from posreturns.domain.errors import UserFacingError
from posreturns.domain.users import Principal, Role
from posreturns.services.audit_view import AuditFilter, AuditView, audit_csv
from posreturns.services.users import UserAdmin
from posreturns.ui.manager.back_office import ExportFailed
from posreturns.ui.messages import cashier_text
from posreturns.ui.ports import Runner

log = logging.getLogger(__name__)


class PeoplePresenter(QObject):
    """Signals: users_loaded(list[User]); audit_loaded(list[AuditRecord]); message(str); refused(str)."""

    users_loaded = Signal(list)
    audit_loaded = Signal(list)
    message = Signal(str)
    refused = Signal(str)

    def __init__(self, users: UserAdmin, audit: AuditView | None, runner: Runner,
                 manager: Callable[[], Principal | None]) -> None:
        super().__init__()
        self.users, self.audit, self.runner, self.manager = users, audit, runner, manager
        self.wanted = AuditFilter(limit=300)
        self.records: list[Any] = []

    def is_admin(self) -> bool:
        actor = self.manager()
        return actor is not None and actor.role is Role.ADMIN

    def refresh(self) -> None:
        self.runner.run(self.users.list, self.users_loaded.emit, self._failed)
        self.search(self.wanted)

    def search(self, wanted: AuditFilter) -> None:
        self.wanted, audit = wanted, self.audit
        if audit is not None:  # a till opened without its audit view shows the users only
            self.runner.run(lambda: audit.search(wanted), self._audit, self._failed)

    def _audit(self, records: list[Any]) -> None:
        self.records = records
        self.audit_loaded.emit(records)

    def export(self, path: Path, language: str) -> None:
        records = list(self.records)

        def write() -> None:
            try:
                path.write_bytes(audit_csv(records, language))
            except OSError as error:
                raise ExportFailed(self.tr("Cannot write {0}: {1}").replace("{0}", str(path)).replace(
                    "{1}", error.strerror or "")) from None

        self._run(write, self.tr("Exported to {0}.").replace("{0}", str(path)))

    def add(self, user_id: str, name: str, role: str, pin: str) -> None:
        self._change(lambda actor: self.users.add(actor, user_id.strip(), name, role, pin),
                     self.tr("User {0} added.").replace("{0}", user_id.strip()))

    def set_enabled(self, user_id: str, enabled: bool) -> None:
        self._change(lambda actor: self.users.set_enabled(actor, user_id, enabled),
                     (self.tr("{0} is enabled.") if enabled else self.tr("{0} is disabled: they may not sign in."))
                     .replace("{0}", user_id))

    def reset_pin(self, user_id: str, pin: str) -> None:
        self._change(lambda actor: self.users.set_pin(actor, user_id, pin),
                     self.tr("{0} has a new PIN.").replace("{0}", user_id))

    def unlock(self, user_id: str) -> None:
        self._change(lambda actor: self.users.unlock(actor, user_id),
                     self.tr("{0} is unlocked.").replace("{0}", user_id))

    def _change(self, work: Callable[[Principal], Any], sentence: str) -> None:
        actor = self.manager()
        if actor is None:
            self.refused.emit(self.tr("Sign in as a manager first."))
            return
        self._run(lambda: work(actor), sentence)

    def _run(self, work: Callable[[], Any], sentence: str) -> None:
        def done(_result: Any) -> None:
            self.message.emit(sentence)
            self.refresh()

        self.runner.run(work, done, self._failed)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserFacingError):
            self.refused.emit(cashier_text(error))
        else:
            log.error("a user or audit action failed: %s", type(error).__name__, exc_info=error)
            self.refused.emit(self.tr("That did not work; nothing was changed. Try again, and call support if it "
                                      "persists."))

