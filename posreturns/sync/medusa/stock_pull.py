"""The `stock` stream from Medusa: only what changed (pull.py says how).

With the posreturns plugin: the levels changed since the cursor. Without it: a full read once an
hour, and in between the levels of the SKUs of the orders pulled in the same run (the orders stream
comes first), read 50 SKUs per request. The till keeps sellable = stocked - reserved per store.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from posreturns.services.ports import Clock
from posreturns.services.sync_ports import CursorInvalid
from posreturns.sync.medusa import mapping
from posreturns.sync.medusa.plugin import PluginBatches
from posreturns.sync.medusa.pull import FULL, PLUGIN, snapshot_page, stock_changes_page
from posreturns.sync.wire import HttpJsonClient

FULL_EVERY = timedelta(hours=1)
SKUS_PER_REQUEST = 50
ITEM_FIELDS = "id,sku,*location_levels"
Page = tuple[list[dict[str, Any]], str | None, bool, int | None, int]  # rows, cursor, more, total, fetched


class StockStream:
    def __init__(self, client: HttpJsonClient, locations: Callable[[], dict[str, str]], plugin: PluginBatches,
                 clock: Clock) -> None:
        self.client, self.locations, self.plugin, self.clock = client, locations, plugin, clock
        self._touched: set[str] = set()
        self._lock = threading.Lock()

    def touched(self, skus: set[str]) -> None:
        """SKUs of orders that changed: their levels are read at the next stock pull."""
        with self._lock:
            self._touched |= skus

    def page(self, cursor: str | None, limit: int) -> Page:
        kind, _, rest = (cursor or "").partition("|")
        if self.plugin.stock_changes():
            if kind != PLUGIN:  # first pull, or a till moving to the plugin: everything once, then changes
                cursor = None
            levels, nxt, more = stock_changes_page(self.client, cursor, limit)
            return self._rows(levels), nxt, more, None, len(levels)
        if kind == FULL and self._recent(rest):
            return self._refresh(cursor)
        records, nxt, more, total = snapshot_page(self.client, "/admin/inventory-items", "inventory_items",
                                                  ITEM_FIELDS, cursor if kind == "snap" else None, limit)
        if not more:
            nxt = f"{FULL}|{self.clock.now().isoformat()}"
            with self._lock:
                self._touched.clear()
        return self._rows(_levels(records)), nxt, more, total, len(records)

    def _recent(self, stamp: str) -> bool:
        try:
            return self.clock.now() - datetime.fromisoformat(stamp) < FULL_EVERY
        except (ValueError, TypeError):
            raise CursorInvalid(stamp) from None

    def _refresh(self, cursor: str | None) -> Page:
        with self._lock:
            skus, self._touched = sorted(self._touched), set()
        records: list[dict[str, Any]] = []
        for start in range(0, len(skus), SKUS_PER_REQUEST):
            chunk = skus[start:start + SKUS_PER_REQUEST]
            answer = self.client.get("/admin/inventory-items", [("fields", ITEM_FIELDS), ("limit", len(chunk))]
                                     + [("sku", sku) for sku in chunk])
            records += answer.get("inventory_items") or []
        return self._rows(_levels(records)), cursor, False, len(records), len(records)

    def _rows(self, levels: list[dict[str, Any]]) -> list[dict[str, Any]]:
        codes = self.locations()
        stock = []
        for level in levels:
            code = codes.get(str(level.get("location_id") or ""))
            if level.get("sku") and code:
                sellable = mapping.qty(level, "stocked_quantity") - mapping.qty(level, "reserved_quantity")
                stock.append({"sku": level["sku"], "location": code, "sellable": max(sellable, 0)})
        return stock


def _levels(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**level, "sku": item.get("sku")} for item in items for level in item.get("location_levels") or []]
