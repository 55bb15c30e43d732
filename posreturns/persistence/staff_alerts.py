"""The staff alerts inbox over SQLite: every alert the policy raised, until someone resolves it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import Connection

from posreturns.domain.messages import translate
from posreturns.domain.utc import format_utc, parse_utc
from posreturns.persistence.audit import insert_audit
from posreturns.persistence.engine import WRITE
from posreturns.persistence.stock_ledger import insert_events, return_order_key
from posreturns.services.errors import BadInput, NotFound
from posreturns.services.restock_events import restock_event
from posreturns.services.restock_ports import Actor, StaffAlert
from posreturns.services.returns.ports import AuditEntry

_ALERTS = ("SELECT a.*, r.number, l.sku, v.title, (SELECT GROUP_CONCAT(h.id, ' ') FROM held_units h "
           "WHERE h.return_line_id = a.return_line_id) AS units FROM staff_alerts a "
           "JOIN returns r ON r.id = a.return_id JOIN return_lines l ON l.id = a.return_line_id "
           "LEFT JOIN variants v ON v.sku = l.sku ")


def _alert(row: Any) -> StaffAlert:
    return StaffAlert(row.id, row.code, row.return_id, row.number or row.return_id, row.sku, row.title or row.sku,
                      tuple(sorted((row.units or "").split())), parse_utc(row.raised_at), row.status,
                      row.acknowledged_by, row.resolved_by, parse_utc(row.resolved_at) if row.resolved_at else None,
                      row.note or "")


def _one(connection: Connection, alert_id: int) -> StaffAlert:
    row = connection.exec_driver_sql(_ALERTS + "WHERE a.id = ?", (alert_id,)).first()
    if row is None:
        raise NotFound(translate("persistence.staff_alerts", "No alert {0}; `posreturns alerts list` shows them.")
                       .format(alert_id))
    return _alert(row)


class SqlStaffAlerts:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def alerts(self, status: str | None = None) -> list[StaffAlert]:
        where, params = ("WHERE a.status = ? ", (status,)) if status else ("", ())
        with self.engine.connect() as connection:
            return [_alert(row) for row in connection.exec_driver_sql(_ALERTS + where + "ORDER BY a.raised_at, a.id",
                                                                      params)]

    def open_count(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.exec_driver_sql("SELECT COUNT(*) FROM staff_alerts WHERE status <> 'resolved'")
                       .scalar_one())

    def settle(self, actor: Actor, alert_id: int, status: str, note: str) -> StaffAlert:
        """Acknowledge (someone is on it) or resolve (done) an alert, with a note."""
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            alert = _one(connection, alert_id)
            if alert.status == "resolved":
                raise BadInput(translate("persistence.staff_alerts", "Alert {0} was already resolved by {1}; "
                                                                     "nothing was changed.")
                               .format(alert_id, alert.resolved_by))
            at = format_utc(actor.at)
            if status == "resolved":
                connection.exec_driver_sql(
                    "UPDATE staff_alerts SET status = 'resolved', resolved_by = ?, resolved_at = ?, note = ?, "
                    "acknowledged_by = COALESCE(acknowledged_by, ?), acknowledged_at = COALESCE(acknowledged_at, ?) "
                    "WHERE id = ?", (actor.user_id, at, note or None, actor.user_id, at, alert_id))
            else:
                connection.exec_driver_sql(
                    "UPDATE staff_alerts SET status = 'acknowledged', acknowledged_by = ?, acknowledged_at = ?, "
                    "note = COALESCE(?, note) WHERE id = ?", (actor.user_id, at, note or None, alert_id))
            detail = {"code": alert.code, "return_number": alert.return_number, "status": status, "note": note or None}
            insert_audit(connection, AuditEntry(f"alert.{status}", actor.user_id, str(alert_id), detail, actor.at))
            order_id = connection.exec_driver_sql("SELECT order_id FROM returns WHERE id = ?",
                                                  (alert.return_id,)).scalar()
            insert_events(connection, actor.till_id, [restock_event(
                "StaffAlertSettled", "staff_alert", str(alert_id), {"alert_id": alert_id, "return_id": alert.return_id,
                                                                     "order_id": order_id, **detail},
                store_id=actor.store_id, till_id=actor.till_id, operator=actor.user_id, at=actor.at,
                training=actor.training)], actor.at, return_order_key(connection, alert.return_id) or order_id)
            return _one(connection, alert_id)
