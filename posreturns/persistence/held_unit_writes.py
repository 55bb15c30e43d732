"""At the commit of a return: one held unit per unit the return puts in quarantine, and one staff
alert per alert the policy raised on a line (inside the recorder's transaction)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from posreturns.domain.held_units import unit_ids
from posreturns.domain.returns import StockBucket
from posreturns.domain.utc import format_utc
from posreturns.services.returns.ports import Completion

if TYPE_CHECKING:
    from posreturns.persistence.plain_sqlite import Runs


def hold_units(connection: Runs, c: Completion, number: str) -> None:
    run, at = connection.exec_driver_sql, format_utc(c.created_at)
    lines = c.quote.lines
    if not any(line.bucket is StockBucket.QUARANTINE or line.alerts for line in lines):
        return  # most returns: nothing held, nothing to tell the staff
    line_ids = [row.id for row in run("SELECT id FROM return_lines WHERE return_id = ? ORDER BY id", (c.return_id,))]
    ids = unit_ids(number, [line.qty for line in lines])
    for line, line_id, units in zip(lines, line_ids, ids, strict=True):
        if line.bucket is StockBucket.QUARANTINE:
            run("INSERT INTO held_units (id, return_id, return_line_id, location, sku, serial, state, created_at) "
                "VALUES (?,?,?,?,?,?,'held',?)",
                [(unit, c.return_id, line_id, c.store_id, line.sku, line.serial, at) for unit in units])
        for alert in line.alerts:
            run("INSERT INTO staff_alerts (return_id, return_line_id, code, raised_at, status) VALUES (?,?,?,?,'open') "
                "ON CONFLICT DO NOTHING", (c.return_id, line_id, alert.code, at))


def alert_codes(alerts_json: str | None) -> tuple[str, ...]:
    return tuple(json.loads(alerts_json or "[]"))
