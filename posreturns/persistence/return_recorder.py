"""Completing a return: everything in ONE `BEGIN IMMEDIATE` transaction, or nothing.

In order: the idempotency key (a known key gives the stored answer and writes nothing), the sale's
ledgers and the customer's recent returns (serial returners) and the till's offline refunds today
re-read and compared with the snapshot the quote was computed from (`LedgerChanged` when another
process changed them: the return is quoted again, and may now need a manager), the per-till
return number, the return and its lines, tenders and exchange lines, the line / tender / shipping
ledgers (CHECK constraints are the last guard), the stock levels and the append-only stock
movements, the voucher, the audit rows and the outbox events. The commit is fsynced (WAL,
synchronous=FULL) before the caller prints or opens the drawer; copying the log into the database
file is left to a thread of its own (`checkpoints`), so that no return waits for it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from posreturns.persistence.checkpoints import Checkpointer, without_autocheckpoint
from posreturns.persistence.drawer_floats import cash_paid
from posreturns.persistence.engine import WRITE
from posreturns.persistence.held_unit_writes import hold_units
from posreturns.persistence.mail_queue import write_contact
from posreturns.persistence.marks import Marks
from posreturns.persistence.plain_sqlite import DriverConnection
from posreturns.persistence.return_queries import customer_activity, offline_refunded
from posreturns.persistence.return_writes import (
    audit_return,
    charge_ledgers,
    insert_return,
    move_stock,
    write_outbox,
)
from posreturns.services.errors import LedgerChanged
from posreturns.services.numbering import return_number
from posreturns.services.returns.ports import Completion, StoredReturn, replay

if TYPE_CHECKING:
    from posreturns.persistence.plain_sqlite import Runs


class SqlReturnRecorder:
    """`ReturnRecorder` over SQLite."""

    def __init__(self, engine: Engine, after_commit: Callable[[Marks], None] = lambda marks: None) -> None:
        self.engine = engine
        self.after_commit = after_commit  # the high-water marks beside the database (see `marks`)
        self.checkpoints = Checkpointer(engine)

    def record(self, c: Completion) -> dict[str, Any]:
        with (self.engine.connect().execution_options(**WRITE) as transaction, without_autocheckpoint(transaction),
              transaction.begin()):
            connection = DriverConnection(transaction)  # the same transaction, without SQLAlchemy per statement
            run = connection.exec_driver_sql
            row = run(
                "SELECT request_sha256, result_json FROM returns WHERE idempotency_key = ?",
                (c.idempotency_key,),
            ).first()
            if row is not None:
                return replay(
                    StoredReturn(row.request_sha256, json.loads(row.result_json or "{}")),
                    c.request_sha256,
                    c.idempotency_key,
                )
            _check_ledgers(connection, c)
            _check_activity(connection, c)
            number, seq = _next_number(connection, c.store_id, c.till_id)
            result = {**c.response, "return_number": number, "return_id": c.return_id}
            insert_return(connection, c, number, result)
            try:
                charge_ledgers(connection, c)
            except sqlite3.IntegrityError as error:  # a CHECK constraint: the ledger moved under us
                raise LedgerChanged(str(error)) from None
            move_stock(connection, c, number)
            audit_return(connection, c, number)
            write_outbox(connection, c, number)
            hold_units(connection, c, number)
            write_contact(connection, c)
            marks = Marks({c.till_id: seq}, run("SELECT MAX(seq) FROM outbox").scalar_one())
        self.after_commit(marks)
        self.checkpoints.committed()
        return result


def _check_ledgers(connection: Runs, c: Completion) -> None:
    order = c.order
    if order is None:
        return
    run = connection.exec_driver_sql
    lines = {
        r.id: (r.returned_qty, r.refunded_minor)
        for r in run(
            "SELECT id, returned_qty, refunded_minor FROM order_lines WHERE order_id = ?", (order.id,)
        )
    }
    tenders: dict[int, int] = dict(
        run("SELECT id, refunded_minor FROM tenders WHERE order_id = ?", (order.id,)).all()
    )
    shipping = run("SELECT shipping_refunded_minor FROM orders WHERE id = ?", (order.id,)).scalar()
    expected_shipping = order.shipping_refunded.minor if order.shipping_refunded else 0
    if (
        any(lines.get(ln.id) != (ln.returned_qty, ln.refunded.minor) for ln in order.lines)
        or any(tenders.get(t.id) != t.refunded.minor for t in order.tenders)
        or shipping != expected_shipping
    ):
        raise LedgerChanged(f"order {order.id} changed since the quote")


def _check_activity(connection: Runs, c: Completion) -> None:
    """The serial-returner and offline limits were read before this transaction: count again."""
    seen = c.activity
    if seen.customer_id is not None and seen.customer_since is not None:
        now = customer_activity(connection, seen.customer_id, seen.customer_since)
        if now != (seen.customer_returns, seen.customer_refunded_minor):
            raise LedgerChanged(f"customer {seen.customer_id} returned something else since the quote")
    if (seen.offline_till_id is not None and seen.offline_since is not None
            and offline_refunded(connection, seen.offline_till_id, seen.offline_since) != seen.offline_refunded_minor):
        raise LedgerChanged(f"till {seen.offline_till_id} refunded something else offline since the quote")
    drawer = seen.drawer
    if drawer is not None and cash_paid(connection, drawer.float.till_id, drawer.float.set_at, drawer.counted_until,
                                        drawer.paid_out.currency, c.training) != drawer.paid_out.minor:
        raise LedgerChanged(f"till {drawer.float.till_id} paid cash out of its drawer since the quote")


def _next_number(connection: Runs, store_id: str, till_id: str) -> tuple[str, int]:
    """The till's next return number. A number already taken (a till id that shared its code with
    another before numbers were fixed, a restored backup) is skipped, never reissued."""
    run = connection.exec_driver_sql
    key = f"returns.seq.{till_id}"
    seq = int(run("SELECT value FROM settings WHERE key = ?", (key,)).scalar() or 0)
    while True:
        seq += 1
        number = return_number(store_id, till_id, seq)
        if run("SELECT 1 FROM returns WHERE number = ?", (number,)).first() is None:
            break
    run("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, str(seq)))
    return number, seq
