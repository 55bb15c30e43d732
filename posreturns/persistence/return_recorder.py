"""Completing a return: everything in ONE `BEGIN IMMEDIATE` transaction, or nothing.

In order: the idempotency key (a known key gives the stored answer and writes nothing), the sale's
ledgers and the counts the policy used (the customer's recent returns, the till's offline refunds)
re-read and compared with what the quote was computed from (`LedgerChanged` when another process
changed them), the per-till return number, the return and its lines, tenders and
exchange lines, the line / tender / shipping ledgers (CHECK constraints are the last guard), the
stock levels and the append-only stock movements, the voucher, the audit rows and the outbox
events. The commit is fsynced (WAL, synchronous=FULL) before the caller prints or opens the drawer.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from posreturns.persistence.engine import WRITE
from posreturns.persistence.order_repository import format_utc
from posreturns.persistence.return_queries import CUSTOMER_ACTIVITY, OFFLINE_REFUNDED
from posreturns.persistence.return_writes import (
    audit_return,
    charge_ledgers,
    insert_return,
    move_stock,
    write_outbox,
)
from posreturns.services.errors import LedgerChanged
from posreturns.services.return_ports import Completion, StoredReturn, replay

_NOT_CODE = re.compile(r"[^A-Z0-9]+")


def return_number(store_id: str, till_id: str, seq: int) -> str:
    """`R<store>-<till>-<seq>`, e.g. RPARIS01-T1-000007: only A-Z, 0-9 and '-', so it survives every
    scanner keymap, and short enough for a Code 128 with quiet zones on 80 mm paper."""
    store = _NOT_CODE.sub("", store_id.upper())[:8] or "STORE"
    till = _NOT_CODE.sub("", till_id.upper())[:4] or "TILL"
    return f"R{store}-{till}-{seq:06d}"


class SqlReturnRecorder:
    """`ReturnRecorder` over SQLite."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record(self, c: Completion) -> dict[str, Any]:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
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
            _check_reads(connection, c)
            number = return_number(c.store_id, c.till_id, _next_seq(connection, c.till_id))
            result = {**c.response, "return_number": number, "return_id": c.return_id}
            insert_return(connection, c, number, result)
            try:
                charge_ledgers(connection, c)
            except IntegrityError as error:  # a CHECK constraint: the ledger moved under us
                raise LedgerChanged(str(error.orig)) from None
            move_stock(connection, c, number)
            audit_return(connection, c, number)
            write_outbox(connection, c, number)
        return result


def _check_ledgers(connection: Connection, c: Completion) -> None:
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


def _check_reads(connection: Connection, c: Completion) -> None:
    """What the policy counted (serial returner, offline cap) must not have moved since the quote."""
    run, reads = connection.exec_driver_sql, c.reads
    if reads.customer_id is not None and reads.customer_since is not None:
        row = run(CUSTOMER_ACTIVITY, (reads.customer_id, format_utc(reads.customer_since))).one()
        if (int(row[0]), int(row[1])) != reads.customer_activity:
            raise LedgerChanged(f"customer {reads.customer_id} returned something else since the quote")
    if reads.offline_till is not None and reads.offline_since is not None:
        spent = int(run(OFFLINE_REFUNDED, (reads.offline_till, format_utc(reads.offline_since))).scalar_one())
        if spent != reads.offline_refunded:
            raise LedgerChanged(f"till {reads.offline_till} refunded more offline since the quote")


def _next_seq(connection: Connection, till_id: str) -> int:
    key = f"returns.seq.{till_id}"
    current = connection.exec_driver_sql("SELECT value FROM settings WHERE key = ?", (key,)).scalar()
    seq = int(current or 0) + 1
    connection.exec_driver_sql(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, str(seq)),
    )
    return seq
