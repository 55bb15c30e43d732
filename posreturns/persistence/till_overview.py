"""Small reads for the window and the receipts: what waits to sync, recent returns, names."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine


class SqlTillOverview:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _scalar(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        with self.engine.connect() as connection:
            return connection.exec_driver_sql(sql, params).scalar()

    def pending_events(self) -> int:
        return int(self._scalar("SELECT count(*) FROM outbox WHERE status = 'pending'"))

    def last_pulled_at(self) -> str | None:
        value = self._scalar("SELECT max(last_pulled_at) FROM sync_streams")
        return str(value) if value else None

    def store_name(self, store_id: str) -> str | None:
        value = self._scalar("SELECT name FROM stores WHERE id = ?", (store_id,))
        return str(value) if value else None

    def in_use(self) -> bool:
        """Whether anything real was recorded or loaded here (sales, returns, users, events)."""
        return bool(self._scalar("SELECT EXISTS (SELECT 1 FROM orders) OR EXISTS (SELECT 1 FROM returns) "
                                 "OR EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM outbox)"))

    def audited(self, action: str, subject: str) -> bool:
        return bool(self._scalar("SELECT count(*) FROM audit_log WHERE action = ? AND subject = ?", (action, subject)))

    def recent_returns(self, till_id: str, limit: int = 10) -> list[dict[str, str]]:
        """The latest returns completed at this till, newest first, for the home screen."""
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT number, created_at, result_json FROM returns WHERE origin = 'till' AND till_id = ? "
                "ORDER BY created_at DESC LIMIT ?", (till_id, limit)).all()
        found = []
        for row in rows:
            result = json.loads(row.result_json or "{}")
            exchange = result.get("exchange") or {}
            found.append({"return_number": row.number, "time": row.created_at.replace("T", " ").rstrip("Z"),
                          "created_at": row.created_at, "currency": result.get("currency") or "",
                          "receipt": result.get("receipt") or "", "refund": result.get("refund_total", ""),
                          "exchange": "1" if exchange else "", "to_collect": exchange.get("to_collect") or "",
                          "to_refund": exchange.get("to_refund") or ""})
        return found
