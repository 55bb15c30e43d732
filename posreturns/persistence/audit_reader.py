"""Filtered reads of the audit log, newest first (parameters only: no SQL built from what was typed)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Engine

from posreturns.services.audit_view import AuditFilter, AuditRecord


class SqlAuditReader:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def search(self, wanted: AuditFilter) -> list[AuditRecord]:
        clauses: list[str] = ["1 = 1"]  # each clause is fixed text; the values go as parameters
        params: list[str | int] = []
        if wanted.who:
            clauses.append("actor = ?")
            params.append(wanted.who)
        if wanted.action:
            clauses.append("substr(action, 1, ?) = ?")
            params += [len(wanted.action), wanted.action]
        if wanted.subject:
            clauses.append("instr(coalesce(subject, ''), ?) > 0")
            params.append(wanted.subject)
        if wanted.since:
            clauses.append("at >= ?")
            params.append(f"{wanted.since.isoformat()}T00:00:00Z")
        if wanted.until:
            clauses.append("at < ?")
            params.append(f"{(wanted.until + timedelta(days=1)).isoformat()}T00:00:00Z")
        params.append(wanted.limit)
        sql = ("SELECT id, at, actor, action, subject, detail_json FROM audit_log WHERE "
               + " AND ".join(clauses) + " ORDER BY id DESC LIMIT ?")
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(sql, tuple(params)).all()
        return [AuditRecord(r.id, datetime.fromisoformat(r.at), r.actor, r.action, r.subject, r.detail_json)
                for r in rows]
