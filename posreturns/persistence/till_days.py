"""Closed days over SQLite: the totals of a till's returns in a window, what is still open, and the
close itself, written in one `BEGIN IMMEDIATE` transaction with its audit rows (totals are read again
inside it, so what is stored is what the transaction saw). Rows of `till_days` are never updated
or deleted (triggers of migration 0014)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from posreturns.domain.day_close import DayClose, DayTotals, DayWindow, OpenItems, TenderTotal
from posreturns.domain.drawer import DrawerCash
from posreturns.domain.messages import translate
from posreturns.domain.utc import format_utc, parse_utc
from posreturns.persistence.audit import insert_audit
from posreturns.persistence.card_refunds import SqlCardRefunds
from posreturns.persistence.engine import WRITE
from posreturns.persistence.pending_approvals import SqlPendingApprovals
from posreturns.persistence.refund_replacements import SqlRefundReplacements
from posreturns.services.errors import BadInput
from posreturns.services.returns.ports import AuditEntry

WINDOW = ("r.origin = 'till' AND r.till_id = ? AND r.created_at >= ? AND r.created_at < ? AND r.currency = ? "
          "AND (r.training = 0 OR ?)")


def read_totals(connection: Connection, window: DayWindow, currency: str, training: bool) -> DayTotals:
    params = (window.till_id, format_utc(window.start), format_utc(window.end), currency, training)
    run = connection.exec_driver_sql
    head = run(f"SELECT count(*) AS n, coalesce(sum(refund_total_minor), 0) AS total FROM returns r WHERE {WINDOW}",
               params).one()
    tenders = run("SELECT t.method, t.executed_by, count(DISTINCT t.return_id) AS n, sum(t.amount_minor) AS amount "
                  f"FROM returns r JOIN return_tenders t ON t.return_id = r.id WHERE {WINDOW} "
                  "GROUP BY t.method, t.executed_by ORDER BY t.method, t.executed_by", params).all()
    totals = {(t.method, t.executed_by): [t.n, t.amount] for t in tenders}
    # a failed card refund paid another way counts on the day it was paid: out of the card, into its tender
    for method, amount in run(
            "SELECT method, amount_minor FROM refund_replacements WHERE till_id = ? AND settled_at >= ? "
            "AND settled_at < ? AND currency = ?", params[:4]).all():
        totals.setdefault(("card", "host"), [0, 0])[1] -= amount
        paid = totals.setdefault((method, "till"), [0, 0])
        paid[0], paid[1] = paid[0] + 1, paid[1] + amount
    return DayTotals(head.n, head.total, tuple(TenderTotal(method, by, n, amount)
                                               for (method, by), (n, amount) in sorted(totals.items())))


def _close_of(row: Any) -> DayClose:
    tenders = tuple(TenderTotal(**t) for t in json.loads(row.tenders_json))
    items = json.loads(row.open_items_json)
    window = DayWindow(row.till_id, date.fromisoformat(row.business_day), row.seq, parse_utc(row.covers_from),
                       parse_utc(row.covers_to))
    return DayClose(window, row.z_number, parse_utc(row.closed_at), row.closed_by, row.currency,
                    DayTotals(row.returns_count, row.refund_total_minor, tenders), row.cash_counted_minor,
                    OpenItems(items["sync_exceptions"], tuple(items["unconfirmed_card_refunds"]),
                              items.get("approvals", 0), items.get("unpaid_card_refunds", 0)),
                    row.override_reason, bool(row.training), row.float_minor,
                    0 if row.float_minor is None else row.float_minor - row.cash_expected_minor)


class SqlTillDays:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def closes(self, till_id: str, business_day: date | None = None) -> list[DayClose]:
        sql, params = "SELECT * FROM till_days WHERE till_id = ?", [till_id]
        if business_day is not None:
            sql, params = sql + " AND business_day = ?", [till_id, business_day.isoformat()]
        with self.engine.connect() as connection:
            return [_close_of(row) for row in connection.exec_driver_sql(sql + " ORDER BY z_number", tuple(params))]

    def by_z(self, till_id: str, z_number: int) -> DayClose | None:
        with self.engine.connect() as connection:
            row = connection.exec_driver_sql("SELECT * FROM till_days WHERE till_id = ? AND z_number = ?",
                                             (till_id, z_number)).first()
        return None if row is None else _close_of(row)

    def totals(self, window: DayWindow, currency: str, training: bool) -> DayTotals:
        with self.engine.connect() as connection:
            return read_totals(connection, window, currency, training)

    def open_items(self, till_id: str, until: datetime, training: bool) -> OpenItems:
        with self.engine.connect() as connection:
            run = connection.exec_driver_sql
            sync = run("SELECT count(*) FROM outbox WHERE status IN ('rejected', 'held') AND acked_at IS NULL"
                       ).scalar_one()
        cards = SqlCardRefunds(self.engine).pending(till_id, training, before=format_utc(until))
        approvals = SqlPendingApprovals(self.engine).open_count(till_id)
        unpaid = len(SqlRefundReplacements(self.engine).failed(till_id, training))
        return OpenItems(int(sync), tuple(card.return_number for card in cards), approvals, unpaid)

    def record(self, window: DayWindow, closed_by: str, at: datetime, currency: str, cash_counted_minor: int,
               open_items: OpenItems, override_reason: str | None, training: bool,
               drawer: DrawerCash | None = None) -> DayClose:
        float_minor = None if drawer is None else drawer.float.amount.minor
        try:
            with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
                run = connection.exec_driver_sql
                totals = read_totals(connection, window, currency, training)
                z_number = int(run("SELECT coalesce(max(z_number), 0) FROM till_days WHERE till_id = ?",
                                   (window.till_id,)).scalar_one()) + 1
                close = DayClose(window, z_number, at, closed_by, currency, totals, cash_counted_minor, open_items,
                                 override_reason, training, float_minor,
                                 0 if drawer is None else drawer.paid_out.minor)
                run("INSERT INTO till_days (till_id, business_day, seq, z_number, covers_from, covers_to, closed_at, "
                    "closed_by, currency, returns_count, refund_total_minor, cash_expected_minor, cash_counted_minor, "
                    "difference_minor, tenders_json, open_items_json, override_reason, training, float_minor) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (window.till_id, window.business_day.isoformat(), window.seq, z_number, format_utc(window.start),
                     format_utc(window.end), format_utc(at), closed_by, currency, totals.returns,
                     totals.refund_total_minor, close.cash_expected_minor, cash_counted_minor, close.difference_minor,
                     json.dumps([_tender_dict(t) for t in totals.tenders]),
                     json.dumps({"sync_exceptions": open_items.sync_exceptions,
                                 "unconfirmed_card_refunds": list(open_items.unconfirmed_card_refunds),
                                 "approvals": open_items.approvals,
                                 "unpaid_card_refunds": open_items.unpaid_card_refunds}),
                     override_reason, training, float_minor))
                detail = {"till_id": window.till_id, "business_day": window.business_day.isoformat(),
                          "seq": window.seq, "returns": totals.returns, "refund_total_minor": totals.refund_total_minor,
                          "cash_expected_minor": close.cash_expected_minor, "cash_counted_minor": cash_counted_minor,
                          "difference_minor": close.difference_minor, "float_minor": float_minor}
                insert_audit(connection, AuditEntry("day.closed", closed_by, f"Z{z_number}", detail, at))
                if override_reason:
                    insert_audit(connection, AuditEntry(
                        "day.close_overridden", closed_by, f"Z{z_number}",
                        {"reason": override_reason, "sync_exceptions": open_items.sync_exceptions,
                         "unconfirmed_card_refunds": list(open_items.unconfirmed_card_refunds),
                         "approvals": open_items.approvals,
                         "unpaid_card_refunds": open_items.unpaid_card_refunds}, at))
                return close
        except IntegrityError:  # another process closed the same day of this till a moment before
            raise BadInput(translate("persistence.till_days", "Day {0} of till {1} was closed a moment ago on "
                                                              "another screen; look at `posreturns day list` "
                                                              "before closing again.")
                           .format(window.business_day, window.till_id)) from None


def _tender_dict(tender: TenderTotal) -> dict[str, Any]:
    return {"method": tender.method, "executed_by": tender.executed_by, "returns": tender.returns,
            "amount_minor": tender.amount_minor}
