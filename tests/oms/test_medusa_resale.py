"""Second-hand items in a real Medusa 2.21: a held unit a manager grades becomes a product of its own
in the second-hand sales channel, one unit in stock at the store's second-hand location (in that
channel only), with the till's SKU, in-store EAN-13 and graded price; a retried push makes nothing
twice; the tills read the item back as second hand."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from helpers.medusa import events, make_order, open_store_till, request, resent
from helpers.restock import manager
from helpers.returns import CASHIER, line

from posreturns.app import open_restock
from posreturns.domain.resale import Grade
from posreturns.persistence.outbox import SqlOutbox
from posreturns.services.sync_ports import Outcome
from posreturns.sync.medusa.gateway import MedusaConfig, MedusaGateway
from posreturns.sync.medusa.mapping import RESALE_OF, SECOND_HAND_CHANNEL

pytestmark = pytest.mark.oms
SKU = "SHOE-RUN-43"
PRODUCT_FIELDS = "id,title,handle,metadata,*sales_channels,*variants,*variants.prices,*variants.inventory_items"


def resale_location(medusa: Any, store: str = "PARIS-01") -> dict[str, Any]:
    locations = medusa.admin.get("/admin/stock-locations", fields="id,name,metadata,*sales_channels",
                                 limit=200)["stock_locations"]
    (found,) = [loc for loc in locations if (loc.get("metadata") or {}).get(RESALE_OF) == store]
    return dict(found)


def products_of(medusa: Any, sku: str) -> list[dict[str, Any]]:
    variants = medusa.admin.get("/admin/product-variants", sku=sku, fields="id,product_id")["variants"]
    return [medusa.admin.get(f"/admin/products/{v['product_id']}", fields=PRODUCT_FIELDS)["product"] for v in variants]


def level_at(medusa: Any, item_id: str, location: str) -> int:
    levels = medusa.admin.get(f"/admin/inventory-items/{item_id}/location-levels", location_id=location
                              )["inventory_levels"]
    return int(levels[0]["stocked_quantity"]) if levels else 0


def test_a_graded_unit_is_sold_in_the_second_hand_channel_from_the_store_second_hand_location(
        tmp_path: Path, medusa: Any) -> None:
    till, sync = open_store_till(tmp_path / "t1", medusa, till_id="T1")
    try:
        sale = make_order(medusa, [(SKU, 1)])
        sync.run_once()
        answer = till.returns.complete(request(str(sale["display_id"]), line(
            SKU, reason="DEFECTIVE", condition="USED"), key="resale-1"), CASHIER)
        assert sync.run_once().upload.counts["rejected"] == 0
        restock = open_restock(till)
        (unit,) = [u for u in restock.queue() if u.return_number == answer["return_number"]]
        item = restock.resell(manager(till), unit.id, Grade.B)
        pending = [e for e in SqlOutbox(till.engine).chains(till.clock.now(), 50) if e.event_type == "HeldUnitMoved"]
        report = sync.run_once()
        assert report.online and report.upload.counts["rejected"] == 0, report.error
        (moved,) = [e for e in events(till) if e.event_type == "HeldUnitMoved"]
        assert moved.status == "applied"

        (product,) = products_of(medusa, item.sku)
        (variant,) = product["variants"]
        assert (variant["sku"], variant["barcode"]) == (item.sku, item.ean13)
        (price,) = [p for p in variant["prices"] if p["currency_code"] == "eur"]
        assert Decimal(str(price["amount"])) == Decimal(item.price_minor) / 100
        assert product["metadata"]["posreturns_second_hand"] == "B"
        assert product["metadata"]["posreturns_resale_unit"] == unit.id
        channel_ids = [c["id"] for c in product["sales_channels"]]
        channels = medusa.admin.get("/admin/sales-channels", fields="id,metadata", limit=200)["sales_channels"]
        assert channel_ids == [c["id"] for c in channels if (c.get("metadata") or {}).get(SECOND_HAND_CHANNEL)]
        location = resale_location(medusa)
        assert [c["id"] for c in location["sales_channels"]] == channel_ids  # sold there, and only there
        inventory = variant["inventory_items"][0]["inventory_item_id"]
        assert level_at(medusa, inventory, location["id"]) == 1
        assert level_at(medusa, inventory, medusa.location_id("PARIS-01")) == 0  # never on sale as new

        # a push resumed after a crash (Admin API path) makes nothing twice, and never restocks a sold unit
        medusa.admin.post(f"/admin/inventory-items/{inventory}/location-levels/{location['id']}",
                          {"stocked_quantity": 0})
        admin_api = MedusaGateway(MedusaConfig(medusa.base_url, medusa.api_key, use_plugin=False), till.clock)
        try:
            (event,) = pending
            result = admin_api.push(resent(event))
            assert result.outcome in (Outcome.APPLIED, Outcome.DUPLICATE), result.reason
            assert result.detail["resale_published"] is False
            assert {loc["id"] for loc in admin_api.refs.refresh_locations()}.isdisjoint({location["id"]})
        finally:
            admin_api.close()
        assert len(products_of(medusa, item.sku)) == 1
        assert level_at(medusa, inventory, location["id"]) == 0

        sync.run_once()  # the catalogue pull brings the item back: still the till's second-hand item
        with till.engine.connect() as connection:
            options, price_minor = connection.exec_driver_sql(
                "SELECT options_json, price_minor FROM variants WHERE sku = ?", (item.sku,)).one()
        assert '"second_hand": "B"' in options and price_minor == item.price_minor
    finally:
        sync.gateway.close()
        till.close()


def test_a_unit_graded_at_the_till_reaches_the_second_hand_channel_with_its_return(tmp_path: Path,
                                                                                   medusa: Any) -> None:
    till, sync = open_store_till(tmp_path / "t1", medusa, till_id="T1")
    try:
        till.policies.install('version = "2026-11-resale"\n[[dispositions]]\nname = "used"\nconditions = ["USED"]\n'
                              'disposition = "RESALE"\n', "resale.toml")
        sale = make_order(medusa, [(SKU, 1)])
        sync.run_once()
        answer = till.returns.complete(request(str(sale["display_id"]), line(
            SKU, reason="CHANGED_MIND", condition="USED", grade="A"), key="graded-at-till"), CASHIER)
        (item,) = answer["second_hand"]
        report = sync.run_once()
        assert report.online and report.upload.counts["rejected"] == 0, report.error
        assert [e.event_type for e in events(till) if e.status != "applied"] == []
        (product,) = products_of(medusa, item["sku"])
        assert product["metadata"]["posreturns_second_hand"] == "A"
        inventory = product["variants"][0]["inventory_items"][0]["inventory_item_id"]
        assert level_at(medusa, inventory, resale_location(medusa)["id"]) == 1
        original = medusa.admin.get(f"/admin/inventory-items/{medusa.variant(SKU)['inventory_item_id']}",
                                    fields="id,metadata")["inventory_item"]["metadata"]
        note = original[f"posreturns_held_{item['unit_id']}"]   # in quarantine with its return, out again
        assert (note["state"], note["held"], note["by"]) == ("resale", False, "alice")
    finally:
        sync.gateway.close()
        till.close()
