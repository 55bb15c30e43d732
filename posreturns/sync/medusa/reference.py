"""Medusa's reference data the pushes need: stock locations (our stores and their quarantine
locations), return reasons and the refund reason. Read once per process, refreshed by the pull of the
`stores` and `return_reasons` streams, and shared by the uploader's workers (hence the lock). The one
object every pusher is given, so no pusher reaches back into another for it."""

from __future__ import annotations

import threading
from typing import Any

from posreturns.sync.medusa import mapping
from posreturns.sync.wire import HttpJsonClient


class ReferenceData:
    def __init__(self, client: HttpJsonClient) -> None:
        self.client = client
        self._locations: dict[str, str] | None = None  # Medusa location id -> store code
        self._quarantines: dict[str, str] = {}         # store code -> its quarantine location id
        self._reasons: dict[str, str] | None = None    # our reason code -> Medusa return reason id
        self._refund_reason: str | None = None
        self._lock = threading.Lock()

    def refresh_locations(self) -> list[dict[str, Any]]:
        answer = self.client.get("/admin/stock-locations",
                                 [("fields", "id,name,metadata,created_at,*address"), ("limit", 200)])
        found = [loc for loc in answer.get("stock_locations") or [] if isinstance(loc, dict) and loc.get("id")]
        locations = [loc for loc in found if not mapping.quarantine_of(loc)]
        self._quarantines = quarantines(found)
        self._locations = {loc["id"]: mapping.store_code(loc) for loc in locations}
        return locations

    def location_codes(self) -> dict[str, str]:
        with self._lock:
            if self._locations is None:
                self.refresh_locations()
        return self._locations or {}

    def location_id(self, store_code: str | None) -> str | None:
        return next((lid for lid, code in self.location_codes().items() if code == store_code), None)

    def quarantine_id(self, store_code: str | None) -> str | None:
        """The quarantine location of a store (held units: visible in Medusa, in no sales channel, so not
        sellable), created the first time a unit is held there; None when the store is not in Medusa."""
        store = self.location_id(store_code)
        if store is None or store_code is None:
            return None
        with self._lock:
            if store_code not in self._quarantines:
                self._quarantines = quarantines(self._all_locations())
            if store_code not in self._quarantines:
                self._create_quarantine(store_code)
        return self._quarantines[store_code]

    def _all_locations(self) -> list[dict[str, Any]]:
        answer = self.client.get("/admin/stock-locations", [("fields", "id,name,metadata,created_at"), ("limit", 200)])
        return [loc for loc in answer.get("stock_locations") or [] if isinstance(loc, dict) and loc.get("id")]

    def _create_quarantine(self, store_code: str) -> None:
        made = self.client.post("/admin/stock-locations", {
            "name": f"{store_code} — quarantine (posreturns, not for sale)",
            "metadata": {mapping.QUARANTINE_OF: store_code}}).get("stock_location") or {}
        # two tills may create one at the same moment: all keep the oldest, the other is removed
        self._quarantines = quarantines(self._all_locations())
        if made.get("id") and self._quarantines.get(store_code) != made["id"]:
            self.client.delete(f"/admin/stock-locations/{made['id']}")

    def store_of_location(self, location_id: str | None) -> str | None:
        """The store code of a Medusa location; the location id itself when it is not one of our stores."""
        return self.location_codes().get(location_id or "", location_id)

    def refresh_reasons(self) -> dict[str, str]:
        answer = self.client.get("/admin/return-reasons", [("fields", "id,value,label"), ("limit", 200)])
        self._reasons = {str(r["value"]).lower(): r["id"] for r in answer.get("return_reasons") or [] if r.get("value")}
        return self._reasons

    def reason_id(self, code: str | None) -> str | None:
        with self._lock:
            if self._reasons is None:
                self.refresh_reasons()
        return (self._reasons or {}).get((code or "").lower())

    def refund_reason(self) -> str | None:
        with self._lock:
            if self._refund_reason is None:
                reasons = self.client.get("/admin/refund-reasons", [("limit", 100)]).get("refund_reasons") or []
                self._refund_reason = next((r["id"] for r in reasons if r.get("code") == "return"), "")
        return self._refund_reason or None


def quarantines(locations: list[dict[str, Any]]) -> dict[str, str]:
    """Store code -> its quarantine location: the oldest when a race made two."""
    chosen: dict[str, str] = {}
    for loc in sorted(locations, key=lambda loc: (str(loc.get("created_at") or ""), str(loc["id"]))):
        store = mapping.quarantine_of(loc)
        if store and store not in chosen:
            chosen[store] = str(loc["id"])
    return chosen
