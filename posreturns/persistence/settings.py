"""Till settings stored with the data (a key/value table), so a till is configured in one folder.

Reads come from a copy refreshed every few seconds (a quote reads the till's identity several
times); writes go through at once and update the copy, and another process's change is seen within
`FRESH_SECONDS`.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, cast

from posreturns.services.setting_rules import DEFAULT_TILL_ID, checked_setting

if TYPE_CHECKING:  # reading the settings needs no SQLAlchemy (a lookup reads through plain_sqlite)
    from sqlalchemy import Engine

    from posreturns.persistence.plain_sqlite import Readable
    from posreturns.services.returns.ports import AuditEntry

DEFAULTS = {"store.id": "", "till.id": DEFAULT_TILL_ID, "language": ""}
FRESH_SECONDS = 2.0


class SqlSettings:
    def __init__(self, engine: Readable) -> None:
        self.engine = engine
        self._copy: dict[str, str] = {}
        self._stores: list[tuple[str, str]] = []
        self._read_at = float("-inf")

    def _stored(self) -> dict[str, str]:
        if time.monotonic() - self._read_at > FRESH_SECONDS:
            with self.engine.connect() as connection:
                self._copy = dict(connection.exec_driver_sql("SELECT key, value FROM settings").all())
                stores = connection.exec_driver_sql("SELECT id, timezone FROM stores ORDER BY id").all()
            self._stores = [(row.id, row.timezone) for row in stores]
            self._read_at = time.monotonic()
        return self._copy

    def get(self, key: str, default: str | None = None) -> str | None:
        value = self._stored().get(key)
        return value if value is not None else DEFAULTS.get(key, default)

    def set(self, key: str, value: str) -> None:
        """Store one setting as posreturns itself keeps it, checked first (`BadInput` when the value is
        not allowed); people change settings through `SettingsAdmin`, which audits them."""
        self.change({key: value}, None)

    def set_many(self, values: dict[str, str]) -> None:
        """Store several settings in one transaction (see `change`), without an audit row."""
        self.change(values, None)

    def change(self, values: dict[str, str], audit: AuditEntry | None) -> None:
        """Store `values` and their audit row in one transaction: every value is checked first, and a
        refused one changes nothing."""
        from posreturns.persistence.audit import insert_audit
        from posreturns.persistence.engine import WRITE

        checked = self.checked(values)
        engine = cast("Engine", self.engine)  # a PlainSqlite only reads: whoever changes settings has the engine
        with engine.connect().execution_options(**WRITE) as connection, connection.begin():
            connection.exec_driver_sql(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                list(checked.items()))
            if audit is not None:
                insert_audit(connection, audit)
        self._stored().update(checked)

    def checked(self, values: dict[str, str]) -> dict[str, str]:
        """The values as they would be stored, or `BadInput` for the first one that is not allowed."""
        return {key: checked_setting(key, value, self.known_tills) for key, value in values.items()}

    def known_tills(self) -> list[str]:
        """The till ids that completed returns in this data folder (their numbers are taken)."""
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT substr(key, 13) FROM settings WHERE key LIKE 'returns.seq.%' "
                "UNION SELECT till_id FROM returns WHERE origin = 'till' AND till_id IS NOT NULL").all()
        return sorted(row[0] for row in rows)

    def refresh(self) -> None:
        """Forget the copy (e.g. after importing stores)."""
        self._read_at = float("-inf")

    def all(self) -> dict[str, str]:
        return {**DEFAULTS, **self._stored()}

    def store_id(self) -> str | None:
        configured = self.get("store.id")
        if configured:
            return configured
        self._stored()
        return self._stores[0][0] if self._stores else None

    def store_timezone(self) -> str:
        store = self.store_id()
        self._stored()
        return next((zone for sid, zone in self._stores if sid == store), None) or "Europe/Paris"
