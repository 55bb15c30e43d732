"""Medusa's reference data the pushes need: stock locations (our stores, their quarantine and
second-hand locations), the second-hand sales channel, return reasons and the refund reason. Read
once per process, refreshed by the pull of the `stores` and `return_reasons` streams, and shared by
the uploader's workers (hence the lock). The one object every pusher is given, so no pusher reaches
back into another for it."""

from __future__ import annotations

import threading
from typing import Any

from posreturns.sync.medusa import mapping
from posreturns.sync.wire import HttpJsonClient


class ReferenceData:
    def __init__(self, client: HttpJsonClient, notify_customers: bool = False) -> None:
        self.client = client
        # the store's choice: whether Medusa may tell the customer of a return made at the till (no_notification)
        self.notify_customers = notify_customers
        self._locations: dict[str, str] | None = None  # Medusa location id -> store code
        self._quarantines: dict[str, str] = {}         # store code -> its quarantine location id
        self._resale: dict[str, str] = {}              # store code -> its second-hand location id
        self._channel: str | None = None               # the second-hand sales channel
        self._shipping_profile: str | None = None
        self._reasons: dict[str, str] | None = None    # our reason code -> Medusa return reason id
        self._refund_reason: str | None = None
        self._lock = threading.Lock()

    def refresh_locations(self) -> list[dict[str, Any]]:
        answer = self.client.get("/admin/stock-locations",
                                 [("fields", "id,name,metadata,created_at,*address"), ("limit", 200)])
        found = [loc for loc in answer.get("stock_locations") or [] if isinstance(loc, dict) and loc.get("id")]
        locations = [loc for loc in found if not mapping.quarantine_of(loc) and not mapping.resale_of(loc)]
        self._quarantines = quarantines(found)
        self._resale = side_locations(found, mapping.RESALE_OF)
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
                self._quarantines = self._create_side(mapping.QUARANTINE_OF, store_code,
                                                      f"{store_code} — quarantine (posreturns, not for sale)")
        return self._quarantines[store_code]

    def resale_location_id(self, store_code: str | None) -> str | None:
        """The second-hand location of a store (its graded items, in the second-hand sales channel only),
        created the first time an item is graded there; None when the store is not in Medusa."""
        if store_code is None or self.location_id(store_code) is None:
            return None
        channel = self.second_hand_channel_id()
        with self._lock:
            if store_code not in self._resale:
                self._resale = side_locations(self._all_locations(), mapping.RESALE_OF)
            if store_code not in self._resale:
                self._resale = self._create_side(mapping.RESALE_OF, store_code,
                                                 f"{store_code} — second hand (posreturns)")
                self.client.post(f"/admin/stock-locations/{self._resale[store_code]}/sales-channels",
                                 {"add": [channel]})
        return self._resale[store_code]

    def second_hand_channel_id(self) -> str:
        """The sales channel second-hand items are sold in (one for every store), made the first time."""
        with self._lock:
            if self._channel is None:
                self._channel = self._find_channel()
            if self._channel is None:
                made = self.client.post("/admin/sales-channels", {
                    "name": "Second hand (posreturns)", "description": "Returned units graded for resale in store",
                    "metadata": {mapping.SECOND_HAND_CHANNEL: True}}).get("sales_channel") or {}
                self._channel = self._find_channel()  # two tills at once: all keep the oldest, the other goes
                if made.get("id") and made["id"] != self._channel:
                    self.client.delete(f"/admin/sales-channels/{made['id']}")
            assert self._channel is not None
            return self._channel

    def shipping_profile_id(self) -> str | None:
        with self._lock:
            if self._shipping_profile is None:
                profiles = self.client.get("/admin/shipping-profiles", [("type", "default"), ("fields", "id")]
                                           ).get("shipping_profiles") or []
                self._shipping_profile = str(profiles[0]["id"]) if profiles else ""
        return self._shipping_profile or None

    def _find_channel(self) -> str | None:
        channels = self.client.get("/admin/sales-channels", [("fields", "id,metadata,created_at"), ("limit", 200)]
                                   ).get("sales_channels") or []
        ours = sorted((c for c in channels if (c.get("metadata") or {}).get(mapping.SECOND_HAND_CHANNEL)),
                      key=lambda c: (str(c.get("created_at") or ""), str(c["id"])))
        return str(ours[0]["id"]) if ours else None

    def _all_locations(self) -> list[dict[str, Any]]:
        answer = self.client.get("/admin/stock-locations", [("fields", "id,name,metadata,created_at"), ("limit", 200)])
        return [loc for loc in answer.get("stock_locations") or [] if isinstance(loc, dict) and loc.get("id")]

    def _create_side(self, key: str, store_code: str, name: str) -> dict[str, str]:
        made = self.client.post("/admin/stock-locations", {"name": name, "metadata": {key: store_code}}
                                ).get("stock_location") or {}
        # two tills may create one at the same moment: all keep the oldest, the other is removed
        chosen = side_locations(self._all_locations(), key)
        if made.get("id") and chosen.get(store_code) != made["id"]:
            self.client.delete(f"/admin/stock-locations/{made['id']}")
        return chosen

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
    return side_locations(locations, mapping.QUARANTINE_OF)


def side_locations(locations: list[dict[str, Any]], key: str) -> dict[str, str]:
    """Store code -> its location marked with `key` (quarantine, second hand): the oldest when a race made two."""
    chosen: dict[str, str] = {}
    for loc in sorted(locations, key=lambda loc: (str(loc.get("created_at") or ""), str(loc["id"]))):
        store = (loc.get("metadata") or {}).get(key)
        if store and str(store) not in chosen:
            chosen[str(store)] = str(loc["id"])
    return chosen
