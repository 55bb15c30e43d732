"""What the posreturns plugin's quick return (oms/medusa-plugin, every unit back on sale) leaves when
an attempt stops half-way and the plugin is gone before the next one, so the stock Admin API resumes:

* stopped right after the return was made: the return is requested (its change confirmed in the
  same step) but the event's marker is only on the request's change, not yet on the return; the
  return is found by that change (state.py), never made a second time;
* stopped after the receive: the order module received the units without putting them back in
  stock (the plugin restocks them itself, then marks the return `posreturns_restocked`; the receive's
  change says `posreturns_quick_receive`). The restock is made here, once: each line's units back
  on sale are added to the store's level with stock.py's intent note. The Admin API cannot mark a
  received return, so the note on the inventory item is what makes a resumed restock a no-op: the
  plugin writes the same note, under the same key, before it restocks, and honours one it finds (a
  restock made here, then the plugin back for the same event), so neither path restocks twice.
"""

from __future__ import annotations

from typing import Any

from posreturns.sync.medusa.state import Api, OrderState
from posreturns.sync.medusa.stock import move

RECEIVED_HERE = "posreturns_quick_receive"  # on the receive's change: the plugin received it, restock its own
RESTOCKED = "posreturns_restocked"  # on the return: the plugin put its units back


def restock_owed(state: OrderState, found: dict[str, Any], event_id: str) -> bool:
    return found.get("status") == "received" and (found.get("metadata") or {}).get(RESTOCKED) is not True and any(
        c.get("return_id") == found["id"] and c.get("change_type") == "return_receive"
        and (c.get("metadata") or {}).get(RECEIVED_HERE) == event_id for c in state.changes)


def restock(api: Api, event_id: str, found: dict[str, Any], wanted: dict[str, dict[str, Any]]) -> int:
    """The units of the return `found` that go back on sale, added at its location; how many lines now."""
    moved = 0
    for line_id, w in wanted.items():
        if w["restock"] and move(api, f"posreturns_stock_{event_id}_{line_id}", str(w["sku"]),
                                 str(found["location_id"]), int(w["restock"])):
            moved += 1
    return moved
