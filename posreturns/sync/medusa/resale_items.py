"""Second-hand items in Medusa: a unit a manager graded (`HeldUnitMoved`, action `resale`) becomes a
product of its own in the second-hand sales channel, with one variant (the till's `SH-…` SKU, its
in-store EAN-13 as barcode, its price from the policy's grade table) and one unit in stock at the
store's second-hand location (reference.py: a stock location in that channel only), so it is sold as
second hand and never as new.

Resumable: the variant is looked up by its SKU before anything is made (Medusa creates a product and
its variants in one step, so a product is there whole or not at all), and the level is created only
when the item has none at that location (a unit sold meanwhile is never put back). The product's
metadata carries the unit, its grade, its return and the event (`posreturns_resale_unit`, …), its
category, tax rate and serial tracking copied from the original product, so the tills that pull it
read the same item as the till that graded it.
"""

from __future__ import annotations

from typing import Any

from posreturns.services.sync_ports import OmsRefused, Outcome, PendingEvent, PushResult
from posreturns.sync.medusa import mapping
from posreturns.sync.medusa.reference import ReferenceData
from posreturns.sync.medusa.state import Api

UNIT_KEY = "posreturns_resale_unit"
KINDS = ("HeldUnitMoved", "ResaleRelabelled")  # a unit graded for second hand; its new code after a refusal
COPIED = ("category", "tax_rate", "serial_tracked")


class ResaleItems:
    name = "resale_items"  # made here after the plugin too: the plugin does not list it (plugin.py)

    def __init__(self, refs: ReferenceData) -> None:
        self.refs = refs

    def concerns(self, event: PendingEvent) -> bool:
        data = event.payload.get("data") or {}
        return event.event_type in KINDS and data.get("action") == "resale" and isinstance(data.get("resale"), dict)

    def after(self, api: Api, event: PendingEvent, done: PushResult) -> PushResult:
        if done.outcome not in (Outcome.APPLIED, Outcome.DUPLICATE) or not self.concerns(event):
            return done
        data = event.payload.get("data") or {}
        try:
            detail = self._publish(api, event, data)
        except LabelTaken as taken:
            return PushResult(Outcome.REJECTED, str(taken))
        except OmsRefused as error:
            return PushResult(Outcome.REJECTED, f"Medusa refused the second-hand item of unit {data.get('unit_id')}: "
                                                f"{error}")
        return PushResult(done.outcome, done.reason, done.retry_after, {**done.detail, **detail})

    def _publish(self, api: Api, event: PendingEvent, data: dict[str, Any]) -> dict[str, Any]:
        resale, store = data["resale"], str(data.get("location") or "")
        location = self.refs.resale_location_id(store)
        if location is None:
            raise OmsRefused(f"Medusa has no stock location for store {store}", 404)
        sku = str(resale["sku"])
        variant, ean = _variant(api, sku, OWNER_FIELDS), str(resale.get("ean13") or "")
        if variant is not None:
            _check_ours(variant, event, data)
            if ean and variant.get("barcode") != ean:  # relabelled after it was put on sale
                _check_label_free(api, data, ean)
                api.post(f"/admin/products/{variant['product_id']}/variants/{variant['id']}",
                         {"barcode": ean, "ean": ean})
        made = variant is None
        if variant is None:
            _check_label_free(api, data, ean)
            api.post("/admin/products", self._product(api, event, data, resale))
            variant = _variant(api, sku)
            if variant is None:
                raise OmsRefused(f"the product made for {sku} has no variant with that SKU", 409)
        items = api.get("/admin/inventory-items", [("sku", sku), ("fields", "id,sku,*location_levels")]
                        ).get("inventory_items") or []
        if not items:
            raise OmsRefused(f"Medusa made no inventory item for {sku}", 409)
        item = items[0]
        stocked = any(level.get("location_id") == location for level in item.get("location_levels") or [])
        if not stocked:
            api.post(f"/admin/inventory-items/{item['id']}/location-levels",
                     {"location_id": location, "stocked_quantity": 1})
        return {"resale_product_id": variant.get("product_id"), "resale_variant_id": variant.get("id"),
                "resale_location": location, "resale_published": made or not stocked}

    def _product(self, api: Api, event: PendingEvent, data: dict[str, Any], resale: dict[str, Any]) -> dict[str, Any]:
        currency = str(resale.get("currency") or "EUR")
        grade, sku = str(resale.get("grade")), str(resale["sku"])
        original = _variant(api, str(data.get("sku") or ""), "id,product.metadata,product.handle") or {}
        parent = original.get("product") or {}
        meta = parent.get("metadata") or {}
        copied = {key: meta[key] for key in COPIED if key in meta}
        copied.setdefault("category", parent.get("handle") or "general")
        body: dict[str, Any] = {
            "title": str(resale.get("title") or f"{data.get('sku')} · second hand ({grade})"),
            "handle": f"posreturns-{sku.lower()}", "status": "published",
            "sales_channels": [{"id": self.refs.second_hand_channel_id()}],
            "options": [{"title": "Grade", "values": [grade]}],
            "metadata": {**copied, mapping.SECOND_HAND_GRADE: grade, UNIT_KEY: data.get("unit_id"),
                         "posreturns_original_sku": data.get("sku"), "posreturns_return_number":
                         data.get("return_number"), "posreturns_store": data.get("location"),
                         "posreturns_event_id": data.get("resale_event_id") or event.event_id},
            "variants": [{"title": f"Grade {grade}", "sku": sku, "barcode": resale.get("ean13"),
                          "ean": resale.get("ean13"), "options": {"Grade": grade}, "manage_inventory": True,
                          "prices": [{"currency_code": currency.lower(),
                                      "amount": mapping.major(int(resale.get("price_minor") or 0), currency)}]}]}
        profile = self.refs.shipping_profile_id()
        if profile:
            body["shipping_profile_id"] = profile
        return body


class LabelTaken(Exception):
    """What the till labelled the unit with already belongs to another product in Medusa."""


OWNER_FIELDS = "id,sku,barcode,ean,product_id,title,product.title,product.metadata"


def _check_ours(variant: dict[str, Any], event: PendingEvent, data: dict[str, Any]) -> None:
    """A variant with the item's SKU made for another event is another till's item with the same unit
    id (two tills numbering their returns alike): never taken as this one, already published."""
    meta = (variant.get("product") or {}).get("metadata") or {}
    theirs = meta.get("posreturns_event_id")
    if theirs and theirs not in (event.event_id, data.get("resale_event_id")):
        unit = data.get("unit_id")
        raise LabelTaken(
            f"Medusa already has SKU {variant.get('sku')} for another second-hand item (unit {meta.get(UNIT_KEY)} of "
            f"store {meta.get('posreturns_store')}, return {meta.get('posreturns_return_number')}), so unit {unit} "
            "was not put on sale there: two tills issued the same return number; give one of them another till id "
            "(posreturns config set till.id), and dismiss this exception once the unit is on sale in Medusa by hand.")


def _check_label_free(api: Api, data: dict[str, Any], ean: str) -> None:
    """Medusa keeps a variant's barcode unique: the label's code must not be another product's."""
    if not ean:
        return
    found = api.get("/admin/product-variants", [("q", ean), ("fields", OWNER_FIELDS), ("limit", 5)]).get("variants")
    other = next((v for v in found or [] if ean in (v.get("barcode"), v.get("ean"))), None)
    if other is not None:
        product = other.get("product") or {}
        raise LabelTaken(
            f"The label code {ean} of second-hand unit {data.get('unit_id')} is already the barcode of "
            f"{other.get('sku')} (\"{product.get('title') or other.get('title')}\") in Medusa, so the unit was not put "
            "on sale there: give it a new code (posreturns sync resolve <this exception's number> --relabel --user "
            f"MANAGER), print its new label (posreturns print label {data.get('unit_id')}) and stick it over the old "
            "one.")


def _variant(api: Api, sku: str, fields: str = "id,sku,product_id") -> dict[str, Any] | None:
    if not sku:
        return None
    found = api.get("/admin/product-variants", [("sku", sku), ("fields", fields), ("limit", 1)]).get("variants") or []
    return dict(found[0]) if found else None
