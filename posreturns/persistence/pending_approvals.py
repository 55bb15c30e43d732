"""Parked returns waiting for a manager, over SQLite: each change of state is a compare-and-set
(`WHERE status = before`) written with its audit row in one transaction, so two managers never both
decide and a return is never completed twice from the list."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine

from posreturns.domain.utc import format_utc, parse_utc
from posreturns.persistence.audit import insert_audit
from posreturns.persistence.engine import WRITE
from posreturns.services.pending_approvals import PendingApproval
from posreturns.services.returns.ports import AuditEntry


def _approval(row: Any) -> PendingApproval:
    return PendingApproval(row.id, row.till_id, row.cashier, parse_utc(row.created_at), json.loads(row.request_json),
                           row.why, row.receipt, row.status, row.decided_by,
                           parse_utc(row.decided_at) if row.decided_at else None, row.decision_note, row.return_number)


class SqlPendingApprovals:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, approval: PendingApproval, audit: AuditEntry) -> None:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            connection.exec_driver_sql(
                "INSERT INTO pending_approvals (id, till_id, cashier, created_at, request_json, why, receipt, status) "
                "VALUES (?,?,?,?,?,?,?,?)",
                (approval.id, approval.till_id, approval.cashier, format_utc(approval.created_at),
                 json.dumps(approval.request, ensure_ascii=False, sort_keys=True), approval.why, approval.receipt,
                 approval.status))
            insert_audit(connection, audit)

    def get(self, approval_id: str) -> PendingApproval | None:
        with self.engine.connect() as connection:
            row = connection.exec_driver_sql("SELECT * FROM pending_approvals WHERE id = ?", (approval_id,)).first()
        return None if row is None else _approval(row)

    def listed(self, statuses: tuple[str, ...], till_id: str | None = None) -> list[PendingApproval]:
        sql = f"SELECT * FROM pending_approvals WHERE status IN ({','.join('?' * len(statuses))})"
        params: tuple[Any, ...] = statuses
        if till_id is not None:
            sql, params = sql + " AND till_id = ?", (*statuses, till_id)
        with self.engine.connect() as connection:
            return [_approval(row) for row in connection.exec_driver_sql(sql + " ORDER BY created_at, id", params)]

    def change(self, approval_id: str, before: str, after: str, audit: AuditEntry, *, note: str | None = None,
               return_number: str | None = None) -> bool:
        decided = after in ("approved", "refused")
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            changed = connection.exec_driver_sql(
                "UPDATE pending_approvals SET status = ?, "
                "decided_by = CASE WHEN ? THEN ? ELSE decided_by END, "
                "decided_at = CASE WHEN ? THEN ? ELSE decided_at END, "
                "decision_note = coalesce(?, decision_note), return_number = coalesce(?, return_number) "
                "WHERE id = ? AND status = ?",
                (after, decided, audit.actor, decided, format_utc(audit.at), note, return_number, approval_id,
                 before)).rowcount
            if changed:
                insert_audit(connection, audit)
        return bool(changed)

    def open_count(self, till_id: str) -> int:
        """This till's parked returns still owed a decision or a refund (the close of day's open items)."""
        with self.engine.connect() as connection:
            return int(connection.exec_driver_sql(
                "SELECT count(*) FROM pending_approvals WHERE till_id = ? AND status IN ('waiting', 'approved')",
                (till_id,)).scalar_one())
