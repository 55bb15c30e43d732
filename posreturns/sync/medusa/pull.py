"""Pulling pages from Medusa v2: delta streams on `updated_at` and snapshot streams.

Delta cursor `v1|<updated_at>|<skip>`: the next page asks `updated_at[$gte]=<updated_at>` in
`updated_at` order and skips the `<skip>` records of that exact instant already written, so records
sharing a timestamp across a page boundary are neither lost nor re-counted.

Stock levels cannot be filtered on `updated_at` through the Admin API. With the posreturns plugin
they can: cursor `pl|<updated_at>|<skip>` (the same scheme) brings only the levels changed. Without
it, a full read (cursor `snap|<offset>` while it is under way) ends with cursor `full|<when>`; until
it is an hour old, each pull refreshes only the SKUs of the orders that changed since (a sale, a
return, a fulfilment — what moves stock), and the next full read catches any other change.
"""

from __future__ import annotations

from typing import Any, Protocol

from posreturns.services.sync_ports import CursorInvalid, OmsProtocolError

DELTA = "v1"
SNAPSHOT = "snap"
FULL = "full"
PLUGIN = "pl"


class Json(Protocol):
    def get(self, path: str, params: dict[str, Any] | list[tuple[str, Any]] | None = None) -> dict[str, Any]: ...


def parse_delta(cursor: str | None, kind: str = DELTA) -> tuple[str | None, int]:
    if cursor is None:
        return None, 0
    parts = cursor.split("|")
    if len(parts) != 3 or parts[0] != kind or not parts[2].isdigit():
        raise CursorInvalid(cursor)
    return parts[1], int(parts[2])


def next_delta(records: list[dict[str, Any]], since: str | None, skip: int, kind: str = DELTA) -> str | None:
    if not records:
        return None if since is None else f"{kind}|{since}|{skip}"
    last = str(records[-1].get("updated_at") or "")
    if not last:
        raise OmsProtocolError("Medusa sent records without updated_at; the pull cannot go on.")
    same = sum(1 for r in records if r.get("updated_at") == last)
    return f"{kind}|{last}|{same + (skip if last == since else 0)}"


def delta_page(client: Json, path: str, key: str, fields: str, cursor: str | None, limit: int,
               extra: list[tuple[str, Any]] | None = None) -> tuple[list[dict[str, Any]], str | None, bool, int | None]:
    """(records, next cursor, has_more, total)."""
    since, skip = parse_delta(cursor)
    # A record written at `since` may have been changed again since (an order noted by another till):
    # it is no longer at `since`, so skipping `skip` rows by offset would skip it. The rows still at
    # `since` are dropped by their time instead (by offset only when more of them than a page).
    offset = skip if skip >= limit else 0
    params: list[tuple[str, Any]] = [("order", "updated_at"), ("limit", limit), ("offset", offset), ("fields", fields)]
    if since:
        params.append(("updated_at[$gte]", since))
    params += extra or []
    answer = client.get(path, params)
    records = answer.get(key)
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise OmsProtocolError(f"Medusa's answer to {path} has no list of {key}.")
    total = answer.get("count") if isinstance(answer.get("count"), int) else None
    has_more = len(records) >= limit
    if not offset and skip:
        seen = 0
        kept = []
        for record in records:
            if seen < skip and record.get("updated_at") == since:
                seen += 1
            else:
                kept.append(record)
        records = kept
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


def stock_changes_page(client: Json, cursor: str | None, limit: int) -> tuple[list[dict[str, Any]], str | None, bool]:
    """The plugin's levels changed since the cursor: (levels, next cursor, has_more)."""
    since, skip = parse_delta(cursor, PLUGIN)
    params: list[tuple[str, Any]] = [("skip", skip), ("limit", limit)] + ([("since", since)] if since else [])
    answer = client.get("/admin/posreturns/stock", params)
    levels = answer.get("levels")
    if not isinstance(levels, list) or not all(isinstance(r, dict) for r in levels):
        raise OmsProtocolError("The posreturns plugin's stock answer has no list of levels.")
    return levels, next_delta(levels, since, skip, PLUGIN), len(levels) >= limit
