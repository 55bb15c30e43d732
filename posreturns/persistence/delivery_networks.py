"""The store's delivery network file, kept with the data (one per store id), and its audit row."""

from __future__ import annotations

from sqlalchemy import Engine

from posreturns.persistence.audit import insert_audit
from posreturns.persistence.engine import WRITE
from posreturns.services.promises import StoredNetwork
from posreturns.services.returns.ports import AuditEntry


class SqlDeliveryNetworks:
    """`NetworkRepository` over SQLite."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, store_id: str) -> StoredNetwork | None:
        with self.engine.connect() as connection:
            row = connection.exec_driver_sql(
                "SELECT store_id, text, sha256, loaded_at FROM delivery_networks WHERE store_id = ?",
                (store_id,)).first()
        return None if row is None else StoredNetwork(row.store_id, row.text, row.sha256, row.loaded_at)

    def save(self, network: StoredNetwork, audit: AuditEntry) -> None:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            connection.exec_driver_sql(
                "INSERT INTO delivery_networks (store_id, text, sha256, loaded_at, loaded_by) VALUES (?,?,?,?,?) "
                "ON CONFLICT(store_id) DO UPDATE SET text = excluded.text, sha256 = excluded.sha256, "
                "loaded_at = excluded.loaded_at, loaded_by = excluded.loaded_by",
                (network.store_id, network.text, network.sha256, network.loaded_at, audit.actor))
            insert_audit(connection, audit)
