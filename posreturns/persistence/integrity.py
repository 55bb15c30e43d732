"""Do the till's records still add up? The checks behind `posreturns verify` and the window's start-up.
(Whether the database file itself can be trusted with a new return, at each start, is
`database_guard`'s.)

* the audit log: its guard triggers are in place and its hash chain is whole;
* every sale line's returned quantity and refunded amount equal the sums of its return lines;
* every stock level equals the sum of its movements;
* (full check only) SQLite's own `PRAGMA integrity_check` of every page and index.

Each finding is one sentence in English and French naming what broke; nothing is written.
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DatabaseError

from posreturns.domain.messages import translate
from posreturns.persistence.audit import chain_breaks, missing_triggers
from posreturns.services.errors import StorageError
from posreturns.services.integrity import Finding

LIMIT = 20  # findings of one kind: enough to act on, bounded for a badly damaged file

# Lines with returns whose ledger differs, then lines with a ledger but no returns (read through the
# partial index ix_order_lines_returned: a store has millions of lines and few returned ones).
_LINE_LEDGERS = (
    "WITH r AS (SELECT order_line_id, SUM(qty) AS qty, SUM(refund_minor + fee_minor) AS value FROM return_lines "
    "WHERE order_line_id IS NOT NULL GROUP BY order_line_id) "
    "SELECT ol.id, ol.returned_qty, ol.refunded_minor, r.qty, r.value FROM r JOIN order_lines ol "
    "ON ol.id = r.order_line_id WHERE ol.returned_qty <> r.qty OR ol.refunded_minor <> r.value "
    "UNION ALL SELECT ol.id, ol.returned_qty, ol.refunded_minor, 0, 0 FROM order_lines ol "
    "WHERE (ol.returned_qty > 0 OR ol.refunded_minor > 0) AND ol.id NOT IN (SELECT order_line_id FROM r) LIMIT ?")
_STOCK = (
    "SELECT location, sku, bucket, qty, total FROM (SELECT l.location, l.sku, l.bucket, l.qty, "
    "(SELECT COALESCE(SUM(m.delta), 0) FROM stock_movements m WHERE m.location = l.location AND m.sku = l.sku "
    "AND m.bucket = l.bucket) AS total FROM stock_levels l) WHERE qty <> total LIMIT ?")
_PROBLEMS = {
    "edited": translate("persistence.integrity", "was changed after it was written"),
    "broken_link": translate("persistence.integrity", "no longer follows the row before it (a row was changed or "
                                                      "removed)"),
    "unchained": translate("persistence.integrity", "has no hash: it was written around posreturns"),
}


class SqlIntegrity:
    """The checks, read-only, over one SQLite store."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def check(self, full: bool = False) -> list[Finding]:
        """Every finding; `full` adds SQLite's page-by-page check (slow on a store-scale file)."""
        try:
            with self.engine.connect() as connection:
                found = _database(connection) if full else []
                if found:  # a damaged file: the other checks would read garbage
                    return found
                return [*_audit(connection), *_line_ledgers(connection), *_stock(connection)]
        except (DatabaseError, StorageError) as error:  # pages too damaged to read at all
            reason = str(error.orig) if isinstance(error, DatabaseError) else str(error.__cause__ or error)
            return [Finding.of("database", "posreturns.db",
                               translate("persistence.integrity", "SQLite cannot read the database file ({0}).")
                               .format(reason))]


def _database(connection: Connection) -> list[Finding]:
    answers = [row[0] for row in connection.exec_driver_sql(f"PRAGMA integrity_check({LIMIT})")]
    if answers == ["ok"]:
        return []
    damaged = translate("persistence.integrity", "SQLite finds the database file damaged: {0}.")
    return [Finding.of("database", "posreturns.db", damaged.format(answer)) for answer in answers]


def _audit(connection: Connection) -> list[Finding]:
    unguarded = translate("persistence.integrity", "The audit log's guard {0} was removed: its rows can be changed.")
    found = [Finding.of("audit_guard", name, unguarded.format(name)) for name in missing_triggers(connection)]
    broken_row = translate("persistence.integrity", "Audit row {0} ({1}, {2}) {3}.")
    for broken in chain_breaks(connection, LIMIT):
        found.append(Finding.of("audit_chain", str(broken.row_id),
                                broken_row.format(broken.row_id, broken.action, broken.at, _PROBLEMS[broken.problem])))
    return found


def _line_ledgers(connection: Connection) -> list[Finding]:
    wrong = translate("persistence.integrity", "Sale line {0} says {1} returned / {2} refunded (minor units) but its "
                      "returns add up to {3} / {4}.")
    return [Finding.of("line_ledger", row.id, wrong.format(row.id, row.returned_qty, row.refunded_minor, row.qty,
                                                           row.value))
            for row in connection.exec_driver_sql(_LINE_LEDGERS, (LIMIT,))]


def _stock(connection: Connection) -> list[Finding]:
    wrong = translate("persistence.integrity", "Stock of {0} at {1} ({2}) is {3} but its movements add up to {4}.")
    return [Finding.of("stock", f"{row.location}/{row.sku}/{row.bucket}",
                       wrong.format(row.sku, row.location, row.bucket, row.qty, row.total))
            for row in connection.exec_driver_sql(_STOCK, (LIMIT,))]
