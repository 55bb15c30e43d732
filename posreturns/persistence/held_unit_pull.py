"""Held units of the other tills of this store, as the OMS reports them with their returns: each joins
this till's restock queue (marked with its till), and what another till's manager did with it closes
it here. This till's own units are its own to tell: the OMS never changes them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy.engine import Connection

from posreturns.domain.held_units import TARGET, UnitAction, UnitState
from posreturns.domain.returns import StockBucket
from posreturns.domain.utc import format_utc
from posreturns.persistence.stock_ledger import record_moves
from posreturns.services.canonical_records import HeldUnitRecord

FROM_ANOTHER_TILL = "held_at_another_till"
ACTION_OF = {TARGET[action][0].value: action for action in UnitAction}
RANK = {"held": 0, "refurbishing": 1}  # any other state ends the unit's time in the queue: 2


def apply_held_units(connection: Connection, units: Sequence[HeldUnitRecord], now: datetime) -> int:
    """Insert the units of this store's other tills and settle those acted on elsewhere; how many changed."""
    run = connection.exec_driver_sql
    store = run("SELECT value FROM settings WHERE key = 'store.id'").scalar()
    changed = 0
    for unit in units:
        if not store or unit.store_id != store:
            continue
        row = run("SELECT h.state, r.origin FROM held_units h JOIN returns r ON r.id = h.return_id WHERE h.id = ?",
                  (unit.id,)).first()
        if row is None:
            changed += _insert(connection, unit, now)
        elif row.origin == "oms" and RANK.get(unit.state, 2) > RANK.get(row.state, 2):
            # only forward: an action taken here and not yet sent is not undone by an older note
            changed += _settle(connection, unit, now)
    return changed


def _moment(text: str | None, now: datetime) -> datetime:
    return now if text is None else datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def _insert(connection: Connection, unit: HeldUnitRecord, now: datetime) -> int:
    run = connection.exec_driver_sql
    line = run("SELECT l.id FROM return_lines l JOIN returns r ON r.id = l.return_id WHERE l.return_id = ? "
               "AND l.sku = ? AND r.origin = 'oms' ORDER BY l.id LIMIT 1", (unit.return_id, unit.sku)).scalar()
    if line is None:  # its return is not on this till (its order is older than the pulled window)
        return 0
    run("UPDATE returns SET till_id = coalesce(till_id, ?) WHERE id = ?", (unit.till_id, unit.return_id))
    # a number another return here already has (a till reinstalled, numbering again from 1) stays a label only
    run("UPDATE returns SET number = ? WHERE id = ? AND number IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM returns WHERE number = ?)",
        (unit.return_number, unit.return_id, unit.return_number))
    run("UPDATE return_lines SET reason = coalesce(reason, ?), condition = coalesce(condition, ?), "
        "disposition = coalesce(disposition, ?), note = coalesce(note, ?) WHERE id = ?",
        (unit.reason, unit.condition, unit.disposition, unit.note, line))
    run("INSERT INTO held_units (id, return_id, return_line_id, location, sku, serial, state, created_at) "
        "VALUES (?,?,?,?,?,?,'held',?)",
        (unit.id, unit.return_id, line, unit.store_id, unit.sku, unit.serial, format_utc(_moment(unit.held_at, now))))
    at = _moment(unit.held_at, now)
    record_moves(connection, [(unit.store_id, unit.sku, StockBucket.QUARANTINE.value, 1, FROM_ANOTHER_TILL)],
                 unit.id, at)
    if unit.state != "held":
        _settle(connection, unit, now)
    return 1


def _settle(connection: Connection, unit: HeldUnitRecord, now: datetime) -> int:
    """The unit as another till's manager left it (its stock moved here as it was there)."""
    state = UnitState(unit.state)
    action = ACTION_OF.get(state.value)
    connection.exec_driver_sql(
        "UPDATE held_units SET state = ?, action = ?, acted_by = ?, acted_at = ? WHERE id = ?",
        (state.value, None if action is None else action.value, unit.acted_by,
         format_utc(_moment(unit.acted_at, now)), unit.id))
    bucket = None if action is None else TARGET[action][1]
    if action is not None and bucket is not None:
        record_moves(connection, [(unit.store_id, unit.sku, StockBucket.QUARANTINE.value, -1, action.value),
                                  (unit.store_id, unit.sku, bucket.value, 1, action.value)],
                     unit.id, _moment(unit.acted_at, now))
    return 1
