"""Return-to-vendor batches over SQLite: listed with their units, closed when shipped."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import Connection

from posreturns.domain.messages import translate
from posreturns.domain.utc import format_utc, parse_utc
from posreturns.persistence.audit import insert_audit
from posreturns.persistence.engine import WRITE
from posreturns.persistence.stock_ledger import insert_events
from posreturns.services.errors import BadInput, NotFound
from posreturns.services.restock_events import restock_event
from posreturns.services.restock_ports import Actor, RtvBatch
from posreturns.services.returns.ports import AuditEntry


def _batch(connection: Connection, row: Any) -> RtvBatch:
    units = tuple(u for (u,) in connection.exec_driver_sql(
        "SELECT id FROM held_units WHERE batch_id = ? ORDER BY id", (row.id,)))
    return RtvBatch(row.id, row.vendor, row.location, row.status, parse_utc(row.created_at), row.created_by,
                    parse_utc(row.shipped_at) if row.shipped_at else None, row.shipped_by, row.reference, units)


class SqlRtvBatches:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def batches(self, status: str | None = None) -> list[RtvBatch]:
        where, params = ("WHERE status = ? ", (status,)) if status else ("", ())
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT * FROM rtv_batches " + where + "ORDER BY created_at, id",
                                              params).all()
            return [_batch(connection, row) for row in rows]

    def batch(self, batch_id: str) -> RtvBatch | None:
        with self.engine.connect() as connection:
            row = connection.exec_driver_sql("SELECT * FROM rtv_batches WHERE id = ?",
                                             (batch_id.strip().upper(),)).first()
            return None if row is None else _batch(connection, row)

    def ship(self, actor: Actor, batch_id: str, reference: str) -> RtvBatch:
        key = batch_id.strip().upper()
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            run = connection.exec_driver_sql
            row = run("SELECT * FROM rtv_batches WHERE id = ?", (key,)).first()
            if row is None:
                raise NotFound(translate("persistence.restock_rtv", "No RTV batch {0!r} on this till; "
                                                                    "`posreturns rtv list` shows them.")
                               .format(batch_id))
            if row.status == "shipped":
                raise BadInput(translate("persistence.restock_rtv", "RTV batch {0} was already shipped by {1} on "
                                                                    "{2}; nothing was changed.")
                               .format(key, row.shipped_by, row.shipped_at))
            run("UPDATE rtv_batches SET status = 'shipped', shipped_at = ?, shipped_by = ?, reference = ? "
                "WHERE id = ? AND status = 'open'", (format_utc(actor.at), actor.user_id, reference or None, key))
            batch = _batch(connection, run("SELECT * FROM rtv_batches WHERE id = ?", (key,)).one())
            detail = {"vendor": batch.vendor, "location": batch.location, "units": list(batch.units),
                      "reference": reference or None}
            insert_audit(connection, AuditEntry("rtv.shipped", actor.user_id, key, detail, actor.at))
            lines = [{"unit_id": row.id, "sku": row.sku, "order_id": row.order_id, "return_number": row.number}
                     for row in run("SELECT h.id, h.sku, r.order_id, r.number FROM held_units h JOIN returns r "
                                    "ON r.id = h.return_id WHERE h.batch_id = ? ORDER BY h.id", (key,))]
            insert_events(connection, actor.till_id, [restock_event(
                "RtvBatchShipped", "rtv_batch", key, {"batch_id": key, **detail, "lines": lines},
                store_id=actor.store_id,
                till_id=actor.till_id, operator=actor.user_id, at=actor.at, training=actor.training)], actor.at)
            return batch
