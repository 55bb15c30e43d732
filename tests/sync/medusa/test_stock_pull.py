"""The stock stream reads only what changed: with the plugin, the levels changed since the cursor;
without it, a full read once an hour and in between only the SKUs of the orders that changed."""

from __future__ import annotations

from typing import Any

from helpers.clock import SettableClock

from posreturns.sync.medusa.stock_pull import StockStream

LOCATIONS = {"sloc_paris": "PARIS-01"}


class Inventory:
    """GET /admin/inventory-items (whole list or by SKU) and the plugin's stock changes; logs each call."""

    def __init__(self, levels: dict[str, int]) -> None:
        self.levels = levels
        self.calls: list[tuple[str, list[tuple[str, Any]]]] = []

    def item(self, sku: str) -> dict[str, Any]:
        return {"id": f"iitem_{sku}", "sku": sku, "location_levels": [
            {"location_id": "sloc_paris", "stocked_quantity": self.levels[sku], "reserved_quantity": 1}]}

    def get(self, path: str, params: list[tuple[str, Any]]) -> dict[str, Any]:
        self.calls.append((path, params))
        query = dict(params)
        if path == "/admin/posreturns":
            return {"api": 1, "max_batch": 200, "stock_changes": False}
        skus = [v for k, v in params if k == "sku"]
        if skus:
            return {"inventory_items": [self.item(s) for s in skus]}
        start, limit = int(query["offset"]), int(query["limit"])
        every = [self.item(s) for s in sorted(self.levels)]
        return {"inventory_items": every[start:start + limit], "count": len(every)}


class NoPlugin:
    def stock_changes(self) -> bool:
        return False


def test_without_the_plugin_a_full_read_then_only_the_skus_of_changed_orders_until_an_hour_has_passed() -> None:
    inventory, clock = Inventory({f"SKU-{n}": 10 for n in range(5)}), SettableClock()
    stream = StockStream(inventory, lambda: LOCATIONS, NoPlugin(), clock)  # type: ignore[arg-type]
    rows, cursor, more, _, _ = stream.page(None, 3)
    assert more and len(rows) == 3 and cursor == "snap|3"
    rows, cursor, more, _, _ = stream.page(cursor, 3)
    assert not more and len(rows) == 2 and cursor == f"full|{clock.now().isoformat()}"
    inventory.levels["SKU-4"] = 3
    inventory.calls.clear()
    clock.advance(600)
    stream.touched({"SKU-4"})                                   # an order with SKU-4 changed
    rows, again, more, _, _ = stream.page(cursor, 3)
    assert rows == [{"sku": "SKU-4", "location": "PARIS-01", "sellable": 2}] and again == cursor and not more
    assert [dict(p).get("sku") for _, p in inventory.calls] == ["SKU-4"]
    inventory.calls.clear()
    assert stream.page(cursor, 3)[0] == [] and inventory.calls == []   # nothing changed: nothing read
    clock.advance(3600)
    rows, cursor, more, _, _ = stream.page(cursor, 3)
    assert more and cursor == "snap|3"                           # an hour on: a full read again


class Changes:
    def __init__(self) -> None:
        self.asked: list[dict[str, Any]] = []

    def get(self, path: str, params: list[tuple[str, Any]]) -> dict[str, Any]:
        self.asked.append(dict(params))
        changed = [{"sku": "SKU-1", "location_id": "sloc_paris", "stocked_quantity": 7, "reserved_quantity": 2,
                    "updated_at": "2026-11-26T09:00:00.000Z"}]
        return {"levels": changed if dict(params).get("since") is None else []}


class Plugin:
    def stock_changes(self) -> bool:
        return True


def test_with_the_plugin_only_the_levels_changed_since_the_cursor() -> None:
    changes = Changes()
    stream = StockStream(changes, lambda: LOCATIONS, Plugin(), SettableClock())  # type: ignore[arg-type]
    rows, cursor, more, _, _ = stream.page("full|2026-11-26T08:00:00+00:00", 100)   # a till moving to the plugin
    assert rows == [{"sku": "SKU-1", "location": "PARIS-01", "sellable": 5}] and not more
    assert cursor == "pl|2026-11-26T09:00:00.000Z|1"
    assert stream.page(cursor, 100)[0] == []
    assert changes.asked[-1] == {"skip": 1, "limit": 100, "since": "2026-11-26T09:00:00.000Z"}
