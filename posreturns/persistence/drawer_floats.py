"""Drawer floats over SQLite: each entry is a new row (triggers of migration 0025 forbid changes),
written with its audit row in one transaction; the cash the till paid out since an entry is read
from its returns' cash tenders and the failed card refunds paid in cash."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from posreturns.domain.drawer import DrawerFloat
from posreturns.domain.money import Money
from posreturns.domain.utc import format_utc, parse_utc
from posreturns.persistence.audit import insert_audit
from posreturns.persistence.engine import WRITE
from posreturns.services.returns.ports import AuditEntry

if TYPE_CHECKING:
    from posreturns.persistence.plain_sqlite import Runs

FLOAT_SET = "drawer.float_set"


class SqlDrawerFloats:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def latest(self, till_id: str, business_day: date, training: bool) -> DrawerFloat | None:
        with self.engine.connect() as connection:
            row = connection.exec_driver_sql(
                "SELECT amount_minor, currency, set_by, set_at FROM drawer_floats WHERE till_id = ? "
                "AND business_day = ? AND training = ? ORDER BY id DESC LIMIT 1",
                (till_id, business_day.isoformat(), training)).first()
        if row is None:
            return None
        return DrawerFloat(till_id, business_day, Money.from_minor(row.amount_minor, row.currency), row.set_by,
                           parse_utc(row.set_at))

    def record(self, entry: DrawerFloat, training: bool) -> None:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            connection.exec_driver_sql(
                "INSERT INTO drawer_floats (till_id, business_day, amount_minor, currency, set_by, set_at, training) "
                "VALUES (?,?,?,?,?,?,?)",
                (entry.till_id, entry.business_day.isoformat(), entry.amount.minor, entry.amount.currency,
                 entry.set_by, format_utc(entry.set_at), training))
            insert_audit(connection, AuditEntry(
                FLOAT_SET, entry.set_by, entry.till_id,
                {"business_day": entry.business_day.isoformat(), "amount_minor": entry.amount.minor,
                 "currency": entry.amount.currency}, entry.set_at))

    def cash_paid_since(self, till_id: str, since: datetime, until: datetime, currency: str, training: bool) -> int:
        with self.engine.connect() as connection:
            return cash_paid(connection, till_id, since, until, currency, training)


def cash_paid(connection: Runs, till_id: str, since: datetime, until: datetime, currency: str,
              training: bool) -> int:
    """Minor units of cash the till paid out in [since, until): the cash tenders it executed and
    the failed card refunds paid in cash."""
    at, end = format_utc(since), format_utc(until)
    run = connection.exec_driver_sql
    refunds = run("SELECT coalesce(sum(t.amount_minor), 0) FROM returns r JOIN return_tenders t "
                  "ON t.return_id = r.id AND t.method = 'cash' AND t.executed_by = 'till' "
                  "WHERE r.origin = 'till' AND r.till_id = ? AND r.created_at >= ? AND r.created_at < ? "
                  "AND r.currency = ? AND (r.training = 0 OR ?)",
                  (till_id, at, end, currency, training)).scalar_one()
    replaced = run("SELECT coalesce(sum(amount_minor), 0) FROM refund_replacements WHERE till_id = ? "
                   "AND method = 'cash' AND settled_at >= ? AND settled_at < ? AND currency = ?",
                   (till_id, at, end, currency)).scalar_one()
    return int(refunds) + int(replaced)
