"""Failed card refunds and their payment another way, over SQLite: the payment, its voucher, its
audit row and its outbox event are written in one `BEGIN IMMEDIATE` transaction; the primary key
on the return number makes a second payment of the same return fail."""

from __future__ import annotations

import json

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from posreturns.domain.messages import translate
from posreturns.domain.utc import format_utc, parse_utc
from posreturns.persistence.audit import insert_audit
from posreturns.persistence.engine import WRITE
from posreturns.persistence.stock_ledger import insert_events
from posreturns.services.errors import BadInput
from posreturns.services.refund_replacement import FailedCardRefund, Replacement
from posreturns.services.returns.events import OutboxEvent
from posreturns.services.returns.ports import AuditEntry

PAID = "host.refund_replaced"


class SqlRefundReplacements:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def failed(self, till_id: str, training: bool) -> list[FailedCardRefund]:
        """Oldest first: marked failed (and never confirmed), not paid another way yet."""
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT r.id, r.number, r.created_at, r.cashier, r.currency, r.customer_id, r.order_id, "
                "sum(t.amount_minor) AS card, "
                "EXISTS (SELECT 1 FROM tenders o WHERE o.order_id = r.order_id AND o.method = 'cash') AS paid_cash, "
                "(SELECT a.detail_json FROM audit_log a WHERE a.subject = r.number AND a.action = 'host.refund_failed' "
                " ORDER BY a.id LIMIT 1) AS failure "
                "FROM returns r JOIN return_tenders t ON t.return_id = r.id AND t.executed_by = 'host' "
                "AND t.method = 'card' "
                "WHERE r.origin = 'till' AND r.till_id = ? AND (r.training = 0 OR ?) "
                "AND EXISTS (SELECT 1 FROM audit_log a WHERE a.subject = r.number AND a.action = 'host.refund_failed') "
                "AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.subject = r.number "
                "                AND a.action = 'host.refund_confirmed') "
                "AND NOT EXISTS (SELECT 1 FROM refund_replacements p WHERE p.return_number = r.number) "
                "GROUP BY r.id ORDER BY r.created_at, r.number", (till_id, training)).all()
        return [FailedCardRefund(row.number, row.id, parse_utc(row.created_at), row.cashier or "", row.currency,
                                 row.card, row.customer_id, row.order_id, bool(row.paid_cash),
                                 str(json.loads(row.failure or "{}").get("reason") or "")) for row in rows]

    def record(self, replacement: Replacement, till_id: str, event: OutboxEvent | None) -> None:
        at = format_utc(replacement.settled_at)
        try:
            with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
                run = connection.exec_driver_sql
                return_id = run("SELECT id FROM returns WHERE number = ?", (replacement.return_number,)).scalar_one()
                run("INSERT INTO refund_replacements (return_number, return_id, till_id, method, amount_minor, "
                    "currency, voucher_code, settled_by, settled_at) VALUES (?,?,?,?,?,?,?,?,?)",
                    (replacement.return_number, return_id, till_id, replacement.method, replacement.amount_minor,
                     replacement.currency, replacement.voucher_code, replacement.settled_by, at))
                if replacement.voucher_code is not None:
                    run("INSERT INTO vouchers (code, return_id, amount_minor, currency, issued_at) VALUES (?,?,?,?,?)",
                        (replacement.voucher_code, return_id, replacement.amount_minor, replacement.currency, at))
                insert_audit(connection, AuditEntry(
                    PAID, replacement.settled_by, replacement.return_number,
                    {"method": replacement.method, "amount_minor": replacement.amount_minor,
                     "currency": replacement.currency, "voucher": replacement.voucher_code}, replacement.settled_at))
                if event is not None:
                    insert_events(connection, till_id, [event], replacement.settled_at)
        except IntegrityError:
            raise BadInput(translate("persistence.refund_replacements", "Return {0}'s failed card refund was "
                                                                        "paid a moment ago on another screen; it "
                                                                        "is never paid twice.")
                           .format(replacement.return_number)) from None
