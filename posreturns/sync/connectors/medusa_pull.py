"""Pulling pages from Medusa v2: delta streams on `updated_at` and snapshot streams.

Delta cursor `v1|<updated_at>|<skip>`: the next page asks `updated_at[$gte]=<updated_at>` in
`updated_at` order and skips the `<skip>` records of that exact instant already written, so records
sharing a timestamp across a page boundary are neither lost nor re-counted. Stock has no delta feed
in Medusa (its levels cannot be filtered on `updated_at`): it is a snapshot stream, read in full at
every run, with cursor `snap|<offset>` while a read is under way and none once it is complete.
"""

from __future__ import annotations

from typing import Any, Protocol

from posreturns.services.sync_ports import CursorInvalid, OmsProtocolError

DELTA = "v1"
SNAPSHOT = "snap"


class Json(Protocol):
    def get(self, path: str, params: dict[str, Any] | list[tuple[str, Any]] | None = None) -> dict[str, Any]: ...


def parse_delta(cursor: str | None) -> tuple[str | None, int]:
    if cursor is None:
        return None, 0
    parts = cursor.split("|")
    if len(parts) != 3 or parts[0] != DELTA or not parts[2].isdigit():
        raise CursorInvalid(cursor)
    return parts[1], int(parts[2])


def next_delta(records: list[dict[str, Any]], since: str | None, skip: int) -> str | None:
    if not records:
        return None if since is None else f"{DELTA}|{since}|{skip}"
    last = str(records[-1].get("updated_at") or "")
    if not last:
        raise OmsProtocolError("Medusa sent records without updated_at; the pull cannot go on.")
    same = sum(1 for r in records if r.get("updated_at") == last)
    return f"{DELTA}|{last}|{same + (skip if last == since else 0)}"


def delta_page(client: Json, path: str, key: str, fields: str, cursor: str | None, limit: int,
               extra: list[tuple[str, Any]] | None = None) -> tuple[list[dict[str, Any]], str | None, bool, int | None]:
    """(records, next cursor, has_more, total)."""
    since, skip = parse_delta(cursor)
    params: list[tuple[str, Any]] = [("order", "updated_at"), ("limit", limit), ("offset", skip), ("fields", fields)]
    if since:
        params.append(("updated_at[$gte]", since))
    params += extra or []
    answer = client.get(path, params)
    records = answer.get(key)
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise OmsProtocolError(f"Medusa's answer to {path} has no list of {key}.")
    total = answer.get("count") if isinstance(answer.get("count"), int) else None
    has_more = len(records) >= limit
    cursor_out = next_delta(records, since, skip)
    return records, cursor_out, has_more, total


def snapshot_page(client: Json, path: str, key: str, fields: str, cursor: str | None,
                  limit: int) -> tuple[list[dict[str, Any]], str | None, bool, int | None]:
    offset = 0
    if cursor is not None:
        kind, _, number = cursor.partition("|")
        if kind != SNAPSHOT or not number.isdigit():
            raise CursorInvalid(cursor)
        offset = int(number)
    answer = client.get(path, [("limit", limit), ("offset", offset), ("fields", fields), ("order", "id")])
    records = answer.get(key)
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise OmsProtocolError(f"Medusa's answer to {path} has no list of {key}.")
    has_more = len(records) >= limit
    total = answer.get("count") if isinstance(answer.get("count"), int) else None
    return records, f"{SNAPSHOT}|{offset + len(records)}" if has_more else None, has_more, total
