"""Loaded policy texts, by version, in the local store; the active version is a setting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine

from posreturns.domain.utc import format_utc
from posreturns.persistence.audit import insert_audit
from posreturns.persistence.engine import WRITE
from posreturns.services.returns.ports import AuditEntry, StoredPolicy

if TYPE_CHECKING:
    from posreturns.persistence.plain_sqlite import Readable

ACTIVE_POLICY = "policy.active"


class SqlPolicyRepository:
    """`PolicyRepository`: every loaded text by version; the active version is a setting."""

    def __init__(self, engine: Engine, reader: Readable | None = None) -> None:
        self.engine = engine
        self.reader = reader or engine  # every quote reads the active policy: plain sqlite3 when given

    def active(self) -> StoredPolicy | None:
        with self.reader.connect() as connection:
            row = connection.exec_driver_sql(
                "SELECT p.version, p.text, p.sha256, p.loaded_at FROM policies p "
                "JOIN settings s ON s.key = ? AND s.value = p.version",
                (ACTIVE_POLICY,),
            ).first()
        return None if row is None else StoredPolicy(row.version, row.text, row.sha256, row.loaded_at)

    def get(self, version: str) -> StoredPolicy | None:
        with self.engine.connect() as connection:
            row = connection.exec_driver_sql(
                "SELECT version, text, sha256, loaded_at FROM policies WHERE version = ?", (version,)
            ).first()
        return None if row is None else StoredPolicy(row.version, row.text, row.sha256, row.loaded_at)

    def activate(self, version: str, text: str, sha256: str, audit: AuditEntry) -> None:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            connection.exec_driver_sql(
                "INSERT INTO policies (version, text, sha256, loaded_at, loaded_by) VALUES (?,?,?,?,?) "
                "ON CONFLICT(version) DO NOTHING",
                (version, text, sha256, format_utc(audit.at), audit.actor),
            )
            connection.exec_driver_sql(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (ACTIVE_POLICY, version),
            )
            insert_audit(connection, audit)
