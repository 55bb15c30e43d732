"""Medusa's reference data the pushes need: stock locations (our stores), return reasons and the
refund reason. Read once per process, refreshed by the pull of the `stores` and `return_reasons`
streams, and shared by the uploader's workers (hence the lock). The one object every pusher is
given, so no pusher reaches back into another for it."""

from __future__ import annotations

import threading
from typing import Any

from posreturns.sync.medusa import mapping
from posreturns.sync.wire import HttpJsonClient


class ReferenceData:
    def __init__(self, client: HttpJsonClient) -> None:
        self.client = client
        self._locations: dict[str, str] | None = None  # Medusa location id -> store code
        self._reasons: dict[str, str] | None = None    # our reason code -> Medusa return reason id
        self._refund_reason: str | None = None
        self._lock = threading.Lock()

    def refresh_locations(self) -> list[dict[str, Any]]:
        answer = self.client.get("/admin/stock-locations", [("fields", "id,name,metadata,*address"), ("limit", 200)])
        locations = [loc for loc in answer.get("stock_locations") or [] if isinstance(loc, dict) and loc.get("id")]
        self._locations = {loc["id"]: mapping.store_code(loc) for loc in locations}
        return locations

    def location_codes(self) -> dict[str, str]:
        with self._lock:
            if self._locations is None:
                self.refresh_locations()
        return self._locations or {}

    def location_id(self, store_code: str | None) -> str | None:
        return next((lid for lid, code in self.location_codes().items() if code == store_code), None)

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
