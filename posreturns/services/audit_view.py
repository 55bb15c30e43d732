"""Reading the audit log: who did what, when, on which return or unit, filtered, and as CSV.

The log itself is append-only and hash-chained (`posreturns verify` checks the chain); this only
reads it."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

MAX_ROWS = 5000
COLUMNS = ("id", "at", "actor", "action", "subject", "detail")


@dataclass(frozen=True, slots=True)
class AuditFilter:
    who: str = ""  # the actor's user id, exactly
    action: str = ""  # an action or its start: "return." takes every return action
    subject: str = ""  # part of the subject: a return number, unit id, Z number…
    since: date | None = None  # UTC days, inclusive
    until: date | None = None
    limit: int = 500


@dataclass(frozen=True, slots=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str | None
    action: str
    subject: str | None
    detail_json: str


class AuditReader(Protocol):
    def search(self, wanted: AuditFilter) -> list[AuditRecord]: ...


class AuditView:
    def __init__(self, reader: AuditReader) -> None:
        self.reader = reader

    def search(self, wanted: AuditFilter) -> list[AuditRecord]:
        """Newest first, at most `wanted.limit` rows (and never more than MAX_ROWS)."""
        from dataclasses import replace

        return self.reader.search(replace(wanted, limit=max(1, min(wanted.limit, MAX_ROWS))))


def audit_csv(records: list[AuditRecord], language: str) -> bytes:
    """UTF-8 with a byte-order mark, `;` in French; the detail as the JSON the log holds."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if language == "fr" else ",", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in records:
        writer.writerow([r.id, r.at.strftime("%Y-%m-%dT%H:%M:%SZ"), r.actor or "", r.action, r.subject or "",
                         r.detail_json])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
