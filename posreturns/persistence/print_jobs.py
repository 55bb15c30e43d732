"""`PrintJobStore` over SQLite: jobs are committed before a byte is sent to the printer, and every
drawer opening (or failure to open) is written to the audit log."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine

from posreturns.domain.utc import format_utc
from posreturns.persistence.engine import WRITE
from posreturns.services.printing_ports import WAITING, PrintJob

_COLUMNS = ("id, kind, reference, printer_url, profile, payload, preview_text, open_drawer, status, attempts, "
            "last_error, document, copy, created_at")
_WAITING_SQL = "status IN ({})".format(", ".join(f"'{status}'" for status in WAITING))
DRAWER_OPENED, DRAWER_FAILED = "drawer.opened", "drawer.failed"


def _now() -> str:
    return format_utc(datetime.now(UTC))


class SqlPrintJobs:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, kind: str, reference: str | None, printer_url: str, profile: str, payload: bytes,
            preview_text: str, open_drawer: bool, document: str | None = None, copy: bool = False) -> PrintJob:
        now = _now()
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            job_id = connection.exec_driver_sql(
                "INSERT INTO print_jobs (created_at, kind, reference, printer_url, profile, payload, preview_text, "
                "open_drawer, status, attempts, document, copy, updated_at) "
                "VALUES (?,?,?,?,?,?,?,?,'pending',0,?,?,?) RETURNING id",
                (now, kind, reference, printer_url, profile, payload, preview_text, open_drawer, document, copy,
                 now)).scalar_one()
        return PrintJob(job_id, kind, reference, printer_url, profile, payload, preview_text, open_drawer, "pending",
                        0, None, document, copy, now)

    def mark(self, job_id: int, status: str, error: str | None = None, *, printer_url: str | None = None,
             profile: str | None = None, payload: bytes | None = None, proof: str | None = None) -> None:
        """One attempt's result, with where it went (the printer configured at the time)."""
        now = _now()
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            connection.exec_driver_sql(
                "UPDATE print_jobs SET status = ?, attempts = attempts + 1, last_error = ?, updated_at = ?, "
                "printer_url = coalesce(?, printer_url), profile = coalesce(?, profile), "
                "payload = coalesce(?, payload), proof = coalesce(?, proof), "
                "printed_at = CASE WHEN ? IN ('printed', 'sent') THEN ? ELSE printed_at END WHERE id = ?",
                (status, error, now, printer_url, profile, payload, proof, status, now, job_id))

    def get(self, job_id: int) -> PrintJob | None:
        rows = self._select("WHERE id = ?", (job_id,))
        return rows[0] if rows else None

    def unprinted(self, limit: int = 50) -> list[PrintJob]:
        """Jobs waiting for the printer, oldest first (not the superseded or cancelled ones)."""
        return self._select(f"WHERE {_WAITING_SQL} ORDER BY id LIMIT ?", (limit,))

    def for_reference(self, reference: str) -> list[PrintJob]:
        return self._select("WHERE reference = ? ORDER BY id", (reference,))

    def supersede(self, reference: str, by: int) -> int:
        """A new print of `reference` replaces the jobs of it still waiting: a later retry never prints
        the same receipt twice. Returns how many were superseded."""
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            return int(connection.exec_driver_sql(
                f"UPDATE print_jobs SET status = 'superseded', updated_at = ?, last_error = ? "
                f"WHERE reference = ? AND id != ? AND {_WAITING_SQL}",
                (_now(), f"replaced by job {by}", reference, by)).rowcount)

    def cancel(self, job_id: int) -> bool:
        """Drop a waiting job (kept in the table, never sent again); False if it was not waiting."""
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            return bool(connection.exec_driver_sql(
                f"UPDATE print_jobs SET status = 'cancelled', updated_at = ? WHERE id = ? AND {_WAITING_SQL}",
                (_now(), job_id)).rowcount)

    def drawer_opened_for(self, reference: str) -> bool:
        with self.engine.connect() as connection:
            return connection.exec_driver_sql(
                "SELECT 1 FROM audit_log WHERE action = ? AND subject = ? LIMIT 1", (DRAWER_OPENED, reference)
            ).first() is not None

    def record_drawer(self, reference: str | None, actor: str | None, reason: str, opened: bool,
                      error: str | None = None) -> None:
        detail: dict[str, Any] = {"reason": reason}
        if error:
            detail["error"] = error
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            connection.exec_driver_sql(
                "INSERT INTO audit_log (at, actor, action, subject, detail_json) VALUES (?,?,?,?,?)",
                (_now(), actor, DRAWER_OPENED if opened else DRAWER_FAILED, reference,
                 json.dumps(detail, ensure_ascii=False, sort_keys=True)))

    def _select(self, where: str, params: tuple[Any, ...]) -> list[PrintJob]:
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(f"SELECT {_COLUMNS} FROM print_jobs {where}", params).all()
        return [PrintJob(r.id, r.kind, r.reference, r.printer_url, r.profile, bytes(r.payload), r.preview_text,
                         bool(r.open_drawer), r.status, r.attempts, r.last_error, r.document, bool(r.copy),
                         r.created_at) for r in rows]
