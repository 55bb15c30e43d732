"""Till settings stored with the data (a key/value table), so a till is configured in one folder."""

from __future__ import annotations

from sqlalchemy import Engine

from posreturns.persistence.engine import WRITE

DEFAULTS = {"store.id": "", "till.id": "T1", "language": ""}


class SqlSettings:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, key: str, default: str | None = None) -> str | None:
        with self.engine.connect() as connection:
            value = connection.exec_driver_sql("SELECT value FROM settings WHERE key = ?", (key,)).scalar()
        return value if value is not None else DEFAULTS.get(key, default)

    def set(self, key: str, value: str) -> None:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            connection.exec_driver_sql(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value))

    def all(self) -> dict[str, str]:
        with self.engine.connect() as connection:
            stored = dict(connection.exec_driver_sql("SELECT key, value FROM settings").all())
        return {**DEFAULTS, **stored}

    def store_id(self) -> str | None:
        configured = self.get("store.id")
        if configured:
            return configured
        with self.engine.connect() as connection:
            return connection.exec_driver_sql("SELECT id FROM stores ORDER BY id LIMIT 1").scalar()

    def store_timezone(self) -> str:
        store = self.store_id()
        with self.engine.connect() as connection:
            zone = connection.exec_driver_sql("SELECT timezone FROM stores WHERE id = ?", (store,)).scalar()
        return zone or "Europe/Paris"
