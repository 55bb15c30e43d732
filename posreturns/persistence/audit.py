"""The append-only, hash-chained audit log.

Rows are inserted inside the caller's transaction; a trigger (migration 0006) then stamps each row
with the hash of the row before it (`prev_hash`) and its own hash (`row_hash`, over that and its
columns), computed by the SQL function `posreturns_chain` that every connection of ours registers.
Other triggers refuse UPDATE and DELETE. Editing or removing a row therefore needs the triggers
dropped, and shows as a broken chain in `posreturns verify`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.engine import Connection

from posreturns.domain.utc import format_utc
from posreturns.persistence.audit_chain import chain_hash
from posreturns.persistence.engine import WRITE
from posreturns.services.returns.ports import AuditEntry

if TYPE_CHECKING:
    from posreturns.persistence.plain_sqlite import Runs

TRIGGERS = ("audit_log_chain", "audit_log_no_update", "audit_log_no_delete")


def insert_audit(connection: Runs, entry: AuditEntry) -> None:
    connection.exec_driver_sql(
        "INSERT INTO audit_log (at, actor, action, subject, detail_json) VALUES (?,?,?,?,?)",
        (
            format_utc(entry.at),
            entry.actor,
            entry.action,
            entry.subject,
            json.dumps(entry.detail, ensure_ascii=False, sort_keys=True),
        ),
    )


@dataclass(frozen=True, slots=True)
class ChainBreak:
    row_id: int
    action: str
    at: str
    problem: str  # "edited" | "broken_link" (the row before it was changed or removed) | "unchained"


def chain_breaks(connection: Connection, limit: int = 20) -> Iterator[ChainBreak]:
    """Rows whose hash does not match their content or whose link to the row before is broken."""
    previous: str | None = None
    found = 0
    rows = connection.exec_driver_sql(
        "SELECT id, at, actor, action, subject, detail_json, prev_hash, row_hash FROM audit_log ORDER BY id")
    for row in rows:
        problem = None
        if row.row_hash is None:
            problem = "unchained"
        elif (row.prev_hash or None) != previous:
            problem = "broken_link"
        elif chain_hash(row.prev_hash, row.id, row.at, row.actor, row.action, row.subject,
                        row.detail_json) != row.row_hash:
            problem = "edited"
        if problem is not None:
            yield ChainBreak(row.id, row.action, row.at, problem)
            found += 1
            if found >= limit:
                return
        previous = row.row_hash


def missing_triggers(connection: Connection) -> list[str]:
    present = {name for (name,) in connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")}
    return [name for name in TRIGGERS if name not in present]


class SqlAuditLog:
    """`AuditLog`: one audit row in its own transaction (for refusals that change nothing else)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record(self, entry: AuditEntry) -> None:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            insert_audit(connection, entry)
