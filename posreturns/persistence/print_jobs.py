"""`PrintJobStore` over SQLite: jobs are committed before a byte is sent to the printer."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine

from posreturns.persistence.engine import WRITE
from posreturns.services.printing_ports import PrintJob

_COLUMNS = ("id, kind, reference, printer_url, profile, payload, preview_text, open_drawer, status, attempts, "
            "last_error")


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class SqlPrintJobs:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, kind: str, reference: str | None, printer_url: str, profile: str, payload: bytes,
            preview_text: str, open_drawer: bool) -> PrintJob:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            job_id = connection.exec_driver_sql(
                "INSERT INTO print_jobs (created_at, kind, reference, printer_url, profile, payload, preview_text, "
                "open_drawer, status, attempts) VALUES (?,?,?,?,?,?,?,?,'pending',0) RETURNING id",
                (_now(), kind, reference, printer_url, profile, payload, preview_text, open_drawer)).scalar_one()
        return PrintJob(job_id, kind, reference, printer_url, profile, payload, preview_text, open_drawer, "pending", 0, None)

    def mark(self, job_id: int, status: str, error: str | None = None) -> None:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            connection.exec_driver_sql(
                "UPDATE print_jobs SET status = ?, attempts = attempts + 1, last_error = ?, "
                "printed_at = CASE WHEN ? = 'printed' THEN ? ELSE printed_at END WHERE id = ?",
                (status, error, status, _now(), job_id))

    def get(self, job_id: int) -> PrintJob | None:
        rows = self._select("WHERE id = ?", (job_id,))
        return rows[0] if rows else None

    def unprinted(self, limit: int = 50) -> list[PrintJob]:
        return self._select("WHERE status != 'printed' ORDER BY id LIMIT ?", (limit,))

    def for_reference(self, reference: str) -> list[PrintJob]:
        return self._select("WHERE reference = ? ORDER BY id", (reference,))

    def _select(self, where: str, params: tuple[Any, ...]) -> list[PrintJob]:
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(f"SELECT {_COLUMNS} FROM print_jobs {where}", params).all()
        return [PrintJob(r.id, r.kind, r.reference, r.printer_url, r.profile, bytes(r.payload), r.preview_text,
                         bool(r.open_drawer), r.status, r.attempts, r.last_error) for r in rows]
