"""Append-only audit rows, written inside the caller's transaction."""

from __future__ import annotations

import json

from sqlalchemy.engine import Connection

from posreturns.persistence.order_repository import format_utc
from posreturns.services.return_ports import AuditEntry


def insert_audit(connection: Connection, entry: AuditEntry) -> None:
    connection.exec_driver_sql(
        "INSERT INTO audit_log (at, actor, action, subject, detail_json) VALUES (?,?,?,?,?)",
        (
            format_utc(entry.at),
            entry.actor,
            entry.action,
            entry.subject,
            json.dumps(entry.detail, ensure_ascii=False, sort_keys=True),
        ),
    )
