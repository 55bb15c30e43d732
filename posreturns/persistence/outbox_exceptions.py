"""The exception queue of the outbox: events the OMS refused (`rejected`), the later events of
the same order held behind them (`held`), and their resolution by a manager.

Resolving writes, in one transaction: the refused event's new state, its held followers released,
an audit row, and an `ExceptionResolved` event for the OMS (services/exception_events.py). Events
released by a dismissal carry that fact in their context: a stock move whose return never reached
the OMS is then a real stock change there, not one its return made.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import Connection

from posreturns.domain.messages import translate
from posreturns.domain.utc import format_utc
from posreturns.persistence.engine import WRITE
from posreturns.persistence.outbox import payload_of
from posreturns.persistence.restock_resale import next_code
from posreturns.services.errors import BadInput, NotFound
from posreturns.services.exception_events import ACTIONS, exception_resolved
from posreturns.services.normalize import barcode_key
from posreturns.services.restock_events import restock_event
from posreturns.services.returns.events import OutboxEvent
from posreturns.services.sync_ports import ExceptionItem

_COLUMNS = ("seq, event_id, event_type, aggregate_type, aggregate_id, status, last_error, created_at, payload_json, "
            "server_result_json, coalesce(order_key, aggregate_id) AS order_key, till_id, acked_at")
_INSERT = ("INSERT INTO outbox (event_id, till_id, aggregate_type, aggregate_id, event_type, schema_version, "
           "payload_json, created_at, status, attempts, order_key) VALUES (?,?,?,?,?,?,?,?,'pending',0,?)")


class SqlExceptionQueue:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def exceptions(self) -> list[ExceptionItem]:
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(
                f"SELECT {_COLUMNS} FROM outbox WHERE status IN ('rejected', 'held') AND acked_at IS NULL "
                "ORDER BY seq").all()
        return [_item(r) for r in rows]

    def contacts(self, customer_ids: set[str]) -> dict[str, dict[str, Any]]:
        """Name, e-mail and phone of these customers, from the till's cache."""
        if not customer_ids:
            return {}
        marks = ",".join("?" * len(customer_ids))
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(f"SELECT id, name, email, phone FROM customers WHERE id IN ({marks})",
                                              tuple(customer_ids)).all()
        return {r.id: {"name": r.name, "email": r.email, "phone": r.phone} for r in rows}

    def resolve(self, seq: int, action: str, manager: str, now: datetime, note: str | None = None) -> ExceptionItem:
        """`retry`: the refused event and the events held behind it are sent again; `dismiss`: it is
        closed by hand (never sent again) and the events held behind it go on."""
        if action not in ACTIONS:
            raise BadInput('Resolve an exception with "retry" or "dismiss".')
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            return self._resolve(connection, seq, action, manager, now, note)

    def void_voucher(self, seq: int, code: str, manager: str, now: datetime, note: str,
                     voided: OutboxEvent) -> ExceptionItem:
        """The voucher of the refused event `seq` voided (audited, `voided` queued for the OMS) and the
        event closed by hand with `note`, in one transaction."""
        at = format_utc(now)
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            run = connection.exec_driver_sql
            if not run("UPDATE vouchers SET voided_at = ?, voided_by = ?, void_reason = ? WHERE code = ? "
                       "AND voided_at IS NULL", (at, manager, note, code)).rowcount:
                raise BadInput(translate("persistence.outbox_exceptions", "Voucher {0} is not on this till or "
                                                                          "was voided already.").format(code))
            till_id = run("SELECT till_id FROM outbox WHERE seq = ?", (seq,)).scalar()
            run(_INSERT, (voided.event_id, till_id, voided.aggregate_type, voided.aggregate_id, voided.event_type,
                          voided.payload["schema_version"], json.dumps(voided.payload, ensure_ascii=False,
                                                                       sort_keys=True), at, voided.aggregate_id))
            run("INSERT INTO audit_log (at, actor, action, subject, detail_json) VALUES (?, ?, ?, ?, ?)",
                (at, manager, "voucher.voided", code, json.dumps({"event_seq": seq, "note": note},
                                                                  ensure_ascii=False, sort_keys=True)))
            return self._resolve(connection, seq, "dismiss", manager, now, note)

    def relabel(self, seq: int, manager: str, now: datetime, prefix: str, note: str | None = None) -> str:
        """The refused event `seq` of a second-hand item whose label code the OMS gives to another product:
        the unit gets the next code of this till's block (its barcode and item), a `ResaleRelabelled` event
        takes the item to the OMS with it, and the refused event is closed, in one transaction. The new code."""
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            run = connection.exec_driver_sql
            row = run(f"SELECT {_COLUMNS} FROM outbox WHERE seq = ?", (seq,)).first()
            payload = payload_of(row.payload_json) if row is not None else {}
            data = payload.get("data") or {}
            resale = data.get("resale")
            if row is None or row.event_type != "HeldUnitMoved" or not isinstance(resale, dict):
                raise BadInput(translate("persistence.outbox_exceptions", "Event {0} is not a second-hand item; "
                                                                          "only those get a new label.").format(seq))
            old, sku = str(resale["ean13"]), str(resale["sku"])
            new = next_code(connection, prefix)
            run("DELETE FROM barcodes WHERE code = ? AND sku = ?", (barcode_key(old), sku))
            run("INSERT INTO barcodes (code, sku) VALUES (?, ?)", (barcode_key(new), sku))
            run("UPDATE resale_items SET ean13 = ? WHERE sku = ?", (new, sku))
            self._resolve(connection, seq, "dismiss", manager, now, note or f"relabelled {old} -> {new}")
            event = restock_event("ResaleRelabelled", "held_unit", str(data.get("unit_id")),
                                  {**data, "resale": {**resale, "ean13": new}, "relabelled_from": old,
                                   "resale_event_id": row.event_id},
                                  store_id=str((payload.get("device") or {}).get("store_id") or ""),
                                  till_id=row.till_id, operator=manager, at=now)
            run(_INSERT, (event.event_id, row.till_id, event.aggregate_type, event.aggregate_id, event.event_type,
                          event.payload["schema_version"], json.dumps(event.payload, ensure_ascii=False,
                                                                      sort_keys=True), format_utc(now), row.order_key))
            run("INSERT INTO audit_log (at, actor, action, subject, detail_json) VALUES (?, ?, ?, ?, ?)",
                (format_utc(now), manager, "resale.relabelled", sku,
                 json.dumps({"event_seq": seq, "from": old, "to": new}, sort_keys=True)))
        return new

    def _resolve(self, connection: Connection, seq: int, action: str, manager: str, now: datetime,
                 note: str | None) -> ExceptionItem:
        at = format_utc(now)
        row = connection.exec_driver_sql(f"SELECT {_COLUMNS} FROM outbox WHERE seq = ?", (seq,)).first()
        if row is None or row.status != "rejected" or row.acked_at is not None:
            raise NotFound(f"Event {seq} is not an open exception; list them with `posreturns sync exceptions`.")
        resolution = json.dumps({"resolution": action, "by": manager, "at": at, "reason": row.last_error,
                                 "note": note}, ensure_ascii=False)
        released = None
        if action == "retry":
            connection.exec_driver_sql(
                "UPDATE outbox SET status = 'pending', next_attempt_at = NULL, server_result_json = ? WHERE seq = ?",
                (resolution, seq))
        else:  # closed by hand: stays 'rejected' (never sent again) with acked_at = when it was dismissed
            connection.exec_driver_sql("UPDATE outbox SET acked_at = ?, server_result_json = ? WHERE seq = ?",
                                       (at, resolution, seq))
            released = json.dumps({"released_by": {"seq": seq, "event_id": row.event_id,
                                                   "event_type": row.event_type, "resolution": action}})
        connection.exec_driver_sql(
            "UPDATE outbox SET status = 'pending', next_attempt_at = NULL, last_error = NULL, "
            "context_json = coalesce(?, context_json) "
            "WHERE coalesce(order_key, aggregate_id) = ? AND seq > ? AND status = 'held'",
            (released, row.order_key, seq))
        event = exception_resolved(payload_of(row.payload_json), row.event_type, seq, action, manager, note,
                                   row.last_error, now)
        connection.exec_driver_sql(_INSERT, (event.event_id, row.till_id, event.aggregate_type, event.aggregate_id,
                                             event.event_type, event.payload["schema_version"],
                                             json.dumps(event.payload, ensure_ascii=False, sort_keys=True), at,
                                             row.order_key))
        connection.exec_driver_sql(
            "INSERT INTO audit_log (at, actor, action, subject, detail_json) VALUES (?, ?, ?, ?, ?)",
            (at, manager, f"sync.exception.{action}", str(seq), resolution))
        return _item(row)


def _item(row: Any) -> ExceptionItem:
    detail: dict[str, Any] = {}
    if row.server_result_json:
        answer = payload_of(row.server_result_json)
        detail = {k: v for k, v in answer.items() if k not in ("outcome", "reason")}
    return ExceptionItem(row.seq, row.event_id, row.event_type, row.aggregate_type, row.aggregate_id, row.status,
                         row.last_error, row.created_at, payload_of(row.payload_json), detail, row.order_key)
