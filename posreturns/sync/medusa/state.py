"""What Medusa already holds of an order, read before resuming an event an earlier attempt may have
left half-done: its returns and exchanges (found by the event's marker) and its order changes still
pending (a return requested but not confirmed, a receive begun but not confirmed, an exchange not
requested). A pending change locks the order for every other change, so a resumed push either
confirms it or cancels it and starts that step again; it never leaves one behind.
"""

from __future__ import annotations

from typing import Any, Protocol

from posreturns.sync.medusa import mapping

RETURN_FIELDS = ("id,status,metadata,location_id,created_at,received_at,canceled_at,display_id,exchange_id,"
                 "*items")
CHANGE_FIELDS = "id,change_type,status,return_id,exchange_id,created_at,metadata"


class Api(Protocol):
    def get(self, path: str, params: dict[str, Any] | list[tuple[str, Any]] | None = None) -> dict[str, Any]: ...

    def post(self, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]: ...

    def delete(self, path: str) -> dict[str, Any]: ...


class OrderState:
    def __init__(self, api: Api, order_id: str) -> None:
        self.api, self.order_id = api, order_id
        self.returns: list[dict[str, Any]] = list(api.get("/admin/returns", [
            ("order_id", order_id), ("fields", RETURN_FIELDS), ("limit", 200)]).get("returns") or [])
        self.changes: list[dict[str, Any]] = list(api.get(f"/admin/orders/{order_id}/changes", [
            ("fields", CHANGE_FIELDS)]).get("order_changes") or [])
        self._exchanges: list[dict[str, Any]] | None = None

    def return_of(self, event_id: str) -> dict[str, Any] | None:
        """The event's return, by the marker on it, else by the marker on its request's change (the plugin
        writes it there first, in the step that makes the return: quick_leftovers.py), with that change's
        metadata and `unmarked` (to be written on the return)."""
        found = _marked(self.returns, event_id)
        if found is not None:
            return found
        live = {r["id"]: r for r in self.returns if not r.get("canceled_at")}
        for change in self.changes:
            meta = change.get("metadata") or {}
            made = live.get(change.get("return_id") or "")
            if change.get("change_type") == "return_request" and meta.get(mapping.MARKER) == event_id and made:
                return {**made, "metadata": {**(made.get("metadata") or {}), **meta}, "unmarked": True}
        return None

    def exchange_of(self, event_id: str) -> dict[str, Any] | None:
        return _marked(self.exchange_records(), event_id)

    def exchange_records(self) -> list[dict[str, Any]]:
        if self._exchanges is None:
            self._exchanges = list(self.api.get("/admin/exchanges", [
                ("order_id", self.order_id), ("fields", "id,return_id,metadata,canceled_at"),
                ("limit", 200)]).get("exchanges") or [])
        return self._exchanges

    def pending(self, change_type: str, *, return_id: str | None = None, exchange_id: str | None = None) -> bool:
        return any(c.get("status") == "pending" and c.get("change_type") == change_type
                   and (return_id is None or c.get("return_id") == return_id)
                   and (exchange_id is None or c.get("exchange_id") == exchange_id) for c in self.changes)

    def pending_changes(self) -> list[dict[str, Any]]:
        return [c for c in self.changes if c.get("status") == "pending" and c.get("change_type")]


def _marked(records: list[dict[str, Any]], event_id: str) -> dict[str, Any] | None:
    for record in records:
        if (record.get("metadata") or {}).get(mapping.MARKER) == event_id and not record.get("canceled_at"):
            return dict(record)
    return None


def finish_or_drop_return(api: Api, state: OrderState, found: dict[str, Any]) -> dict[str, Any] | None:
    """Make a return found by its marker resumable: a receive begun and never confirmed is
    cancelled (it is done again whole); a return whose request was never confirmed is dropped
    (None: it is created again), or cancelled when its request is gone already. Either way the order
    is no longer locked by it."""
    rid = found["id"]
    if state.pending("return_receive", return_id=rid):
        api.delete(f"/admin/returns/{rid}/receive")
    if found.get("status") == "open":
        if state.pending("return_request", return_id=rid):
            api.delete(f"/admin/returns/{rid}/request")  # the return is gone with its request
        else:  # its request was cancelled under it (an older version did so): an empty shell, cancelled
            api.post(f"/admin/returns/{rid}/cancel", {})
        return None
    return found
