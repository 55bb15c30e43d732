"""The hash that chains audit rows, registered as an SQL function on every connection of ours
(`posreturns_chain`) for the trigger that stamps each new row, and used again by `verify`."""

from __future__ import annotations

import hashlib
import json

CHAIN_FUNCTION = "posreturns_chain"


def chain_hash(prev: str | None, row_id: int, at: str, actor: str | None, action: str, subject: str | None,
               detail_json: str) -> str:
    """sha256 of a row's columns and the previous row's hash, as canonical JSON."""
    body = json.dumps([prev or "", row_id, at, actor, action, subject, detail_json], ensure_ascii=False,
                      separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()
