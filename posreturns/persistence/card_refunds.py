"""Card refunds the host's payment terminal has not confirmed: returns of this till with a card
tender executed by the host and no answer (`host.refund_confirmed` / `host.refund_failed`) audited."""

from __future__ import annotations

from sqlalchemy import Engine

from posreturns.domain.utc import parse_utc
from posreturns.services.open_queues import PendingCardRefund


class SqlCardRefunds:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def pending(self, till_id: str, training: bool, before: str = "9999") -> list[PendingCardRefund]:
        """Oldest first; `before` (UTC text) leaves out the returns recorded at or after it."""
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT r.number, r.created_at, r.cashier, r.currency, sum(t.amount_minor) AS card FROM returns r "
                "JOIN return_tenders t ON t.return_id = r.id AND t.executed_by = 'host' AND t.method = 'card' "
                "WHERE r.origin = 'till' AND r.till_id = ? AND r.created_at < ? AND (r.training = 0 OR ?) "
                "AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.subject = r.number "
                "AND a.action IN ('host.refund_confirmed', 'host.refund_failed')) "
                "GROUP BY r.id ORDER BY r.created_at, r.number", (till_id, before, training)).all()
        return [PendingCardRefund(row.number, parse_utc(row.created_at), row.cashier or "", row.currency, row.card)
                for row in rows]
