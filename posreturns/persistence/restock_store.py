"""The restock queue over SQLite: held units as the queue shows them, and the manager's actions, each
in one `BEGIN IMMEDIATE` transaction with its stock moves, audit rows and outbox events.

A unit leaves the queue by one conditional UPDATE (`WHERE state IN ('held', 'refurbishing')`): of two
managers acting at once on one unit, the second finds it gone and is told who did what."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import Connection

from posreturns.domain.held_units import TARGET, HeldUnit, UnitAction, UnitState, check_can_act
from posreturns.domain.messages import translate
from posreturns.domain.money import div_half_up
from posreturns.domain.returns import StockBucket
from posreturns.domain.utc import format_utc, parse_utc
from posreturns.persistence.audit import insert_audit
from posreturns.persistence.engine import WRITE
from posreturns.persistence.held_unit_writes import alert_codes
from posreturns.persistence.stock_ledger import insert_events, record_moves, return_order_key
from posreturns.services.errors import NotFound
from posreturns.services.numbering import store_code, till_code
from posreturns.services.restock_events import restock_event
from posreturns.services.restock_ports import Actor, UnitChange
from posreturns.services.returns.ports import AuditEntry

UNIT_QUERY = (
    "SELECT h.id, h.return_id, h.location, h.sku, h.serial, h.state, h.created_at, h.action, h.acted_by, h.acted_at, "
    "h.note, h.vendor, h.batch_id, r.number, r.till_id, r.currency, o.number AS order_number, l.reason, l.condition, "
    "l.disposition, l.note AS cashier_note, l.alerts_json, l.refund_minor, l.qty, v.title, p.category "
    "FROM held_units h JOIN returns r ON r.id = h.return_id JOIN return_lines l ON l.id = h.return_line_id "
    "LEFT JOIN orders o ON o.id = r.order_id LEFT JOIN variants v ON v.sku = h.sku "
    "LEFT JOIN products p ON p.id = v.product_id ")
IN_QUEUE = "('held', 'refurbishing')"


def unit_of(row: Any) -> HeldUnit:
    return HeldUnit(
        id=row.id, return_id=row.return_id, return_number=row.number or row.return_id, order_number=row.order_number,
        till_id=row.till_id, location=row.location, sku=row.sku, title=row.title or row.sku,
        category=row.category or "", reason=row.reason or "", condition=row.condition or "",
        disposition=row.disposition or "", cashier_note=row.cashier_note or "", serial=row.serial,
        alerts=alert_codes(row.alerts_json), received_at=parse_utc(row.created_at),
        refund_minor=div_half_up(row.refund_minor, max(1, row.qty)), currency=row.currency,
        state=UnitState(row.state), acted_by=row.acted_by,
        acted_at=parse_utc(row.acted_at) if row.acted_at else None, note=row.note or "", vendor=row.vendor,
        batch_id=row.batch_id)


def find_unit(connection: Connection, code: str) -> HeldUnit | None:
    row = connection.exec_driver_sql(UNIT_QUERY + "WHERE h.id = ?", (code.strip().upper(),)).first()
    return None if row is None else unit_of(row)


def unit_or_fail(connection: Connection, code: str) -> HeldUnit:
    unit = find_unit(connection, code)
    if unit is None:
        raise NotFound(translate("persistence.restock_store", "No held unit {0!r} on this till; scan its "
                                                              "inspection tag again or check `posreturns restock "
                                                              "list`.").format(code.strip()))
    return unit


def leave_queue(connection: Connection, actor: Actor, unit: HeldUnit, change: UnitChange,
                extra: dict[str, Any] | None = None, batch_id: str | None = None,
                moves_to: tuple[str, StockBucket] | None = None) -> None:
    """The one write every action makes: the unit's new state, its stock move, audit row and event."""
    check_can_act(unit, change.action)
    state, bucket = TARGET[change.action]
    at = format_utc(actor.at)
    updated = connection.exec_driver_sql(
        f"UPDATE held_units SET state = ?, action = ?, acted_by = ?, acted_at = ?, note = ?, vendor = ?, "
        f"batch_id = ? WHERE id = ? AND state IN {IN_QUEUE}",
        (state.value, change.action.value, actor.user_id, at, change.note or unit.note or None,
         change.vendor, batch_id, unit.id))
    if updated.rowcount != 1:  # another process acted between our read and this write
        check_can_act(unit_or_fail(connection, unit.id), change.action)
    target_sku, target = moves_to or (unit.sku, bucket)
    if target is not None:
        record_moves(connection, [(unit.location, unit.sku, StockBucket.QUARANTINE.value, -1, change.action.value),
                                  (unit.location, target_sku, target.value, 1, change.action.value)],
                     unit.id, actor.at)
    detail = {"return_number": unit.return_number, "sku": unit.sku, "serial": unit.serial,
              "from": unit.state.value, "to": state.value, "note": change.note or None, "vendor": change.vendor,
              "batch_id": batch_id, **(extra or {})}
    insert_audit(connection, AuditEntry(f"unit.{change.action.value}", actor.user_id, unit.id, detail, actor.at))
    order_id = connection.exec_driver_sql("SELECT order_id FROM returns WHERE id = ?", (unit.return_id,)).scalar()
    data = {"unit_id": unit.id, "action": change.action.value, "return_id": unit.return_id, "order_id": order_id,
            "location": unit.location, "from_bucket": StockBucket.QUARANTINE.value,
            "to_bucket": None if target is None else target.value, "to_sku": target_sku, **detail}
    insert_events(connection, actor.till_id, [restock_event(
        "HeldUnitMoved", "held_unit", unit.id, data, store_id=actor.store_id, till_id=actor.till_id,
        operator=actor.user_id, at=actor.at, training=actor.training)], actor.at,
        return_order_key(connection, unit.return_id) or order_id)


def open_batch(connection: Connection, actor: Actor, vendor: str, location: str) -> str:
    run = connection.exec_driver_sql
    found = run("SELECT id FROM rtv_batches WHERE status = 'open' AND location = ? AND vendor = ? ORDER BY created_at",
                (location, vendor)).scalar()
    if found:
        return str(found)
    key = f"rtv.seq.{actor.till_id}"
    seq = int(run("SELECT value FROM settings WHERE key = ?", (key,)).scalar() or 0) + 1
    run("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, str(seq)))
    batch = f"RTV-{store_code(location)}-{till_code(actor.till_id)}-{seq}"
    run("INSERT INTO rtv_batches (id, vendor, location, status, created_at, created_by) VALUES (?,?,?,'open',?,?)",
        (batch, vendor, location, format_utc(actor.at), actor.user_id))
    return batch


class SqlRestockStore:
    """Reads and actions of the restock queue (`RestockStore`, with `restock_resale` and `staff_alerts`)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def units(self, include_done: bool = False) -> list[HeldUnit]:
        where = "" if include_done else f"WHERE h.state IN {IN_QUEUE} "
        with self.engine.connect() as connection:
            return [unit_of(row) for row in connection.exec_driver_sql(UNIT_QUERY + where
                                                                       + "ORDER BY h.created_at, h.id")]

    def unit(self, code: str) -> HeldUnit | None:
        with self.engine.connect() as connection:
            return find_unit(connection, code)

    def act(self, actor: Actor, changes: Sequence[UnitChange]) -> list[HeldUnit]:
        """All the changes, or none (the first refusal rolls them all back)."""
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            for change in changes:
                unit = unit_or_fail(connection, change.unit_id)
                batch = None
                if change.action is UnitAction.RTV:
                    check_can_act(unit, change.action)
                    batch = open_batch(connection, actor, change.vendor or "", unit.location)
                leave_queue(connection, actor, unit, change, batch_id=batch)
            return [unit_or_fail(connection, change.unit_id) for change in changes]
