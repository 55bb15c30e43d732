"""What the test OMS holds, and how it is put there through the Admin API (idempotently).

Every object is looked up by its natural key (name, handle, SKU, e-mail, value, code, ``seed_key``)
before it is created, so seeding twice creates nothing, and half-done orders are completed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from oms.admin_api import AdminClient


def _gs1_check(digits: str) -> str:
    """The GS1 check digit (EAN-13 / UPC-A) for the digits before it."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return str((10 - total % 10) % 10)


def ean13(base12: str) -> str:
    return base12 + _gs1_check(base12)


def upca(base11: str) -> str:
    return base11 + _gs1_check(base11)


RETURN_REASONS = {  # our reason codes -> Medusa return reason value/label
    "wrong_size": "Wrong size",
    "changed_mind": "Changed mind",
    "defective": "Defective",
    "damaged_in_transit": "Damaged in transit",
    "not_as_described": "Not as described",
    "late_delivery": "Late delivery",
    "wrong_item": "Wrong item",
    "other": "Other",
}

LOCATIONS = {
    "PARIS-01": {
        "address_1": "12 rue de Rivoli",
        "city": "Paris",
        "postal_code": "75004",
        "country_code": "fr",
    },
    "LYON-02": {
        "address_1": "5 place Bellecour",
        "city": "Lyon",
        "postal_code": "69002",
        "country_code": "fr",
    },
}
STOCK = {"PARIS-01": 20, "LYON-02": 5}  # initial stocked_quantity of every variant

PRODUCTS: list[dict[str, Any]] = [
    {
        "handle": "organic-tee",
        "title": "Organic cotton T-shirt",
        "option": "Size",
        "variants": [
            {
                "value": "S",
                "sku": "TEE-ORG-S",
                "ean": ean13("376012340001"),
                "upc": upca("08123400001"),
                "price": 25,
            },
            {
                "value": "M",
                "sku": "TEE-ORG-M",
                "ean": ean13("376012340002"),
                "upc": upca("08123400002"),
                "price": 25,
            },
            {
                "value": "L",
                "sku": "TEE-ORG-L",
                "ean": ean13("376012340003"),
                "upc": upca("08123400003"),
                "price": 25,
            },
        ],
    },
    {
        "handle": "city-runner",
        "title": "City Runner shoes",
        "option": "Size",
        "variants": [
            {
                "value": "42",
                "sku": "SHOE-RUN-42",
                "ean": ean13("376012340042"),
                "upc": upca("08123400042"),
                "price": 89.9,
            },
            {
                "value": "43",
                "sku": "SHOE-RUN-43",
                "ean": ean13("376012340043"),
                "upc": upca("08123400043"),
                "price": 89.9,
            },
        ],
    },
    {
        "handle": "studio-headphones",
        "title": "Studio wireless headphones",
        "option": "Colour",
        "variants": [
            {
                "value": "Black",
                "sku": "HP-STUDIO-BLK",
                "ean": ean13("376012340100"),
                "upc": upca("08123400100"),
                "price": 129.99,
            },
        ],
    },
]

CUSTOMER = {
    "email": "camille.martin@example.com",
    "first_name": "Camille",
    "last_name": "Martin",
    "phone": "+33612345678",
}
ADDRESS = {
    "first_name": "Camille",
    "last_name": "Martin",
    "address_1": "8 rue des Lilas",
    "city": "Paris",
    "postal_code": "75011",
    "country_code": "fr",
    "phone": "+33612345678",
}
PROMO_CODE = "WELCOME10"  # 10 % off every item

# Orders, all for CUSTOMER, paid and fulfilled from PARIS-01. Keys are stored in order.metadata.seed_key.
ORDERS: dict[str, dict[str, Any]] = {
    "two_lines_discount": {"lines": [("TEE-ORG-M", 1), ("SHOE-RUN-42", 1)], "promo": PROMO_CODE},
    "partial_return": {"lines": [("TEE-ORG-S", 2), ("HP-STUDIO-BLK", 1)]},
    "single_line": {"lines": [("SHOE-RUN-43", 1)]},
    "exchange": {"lines": [("TEE-ORG-M", 1)]},
}


class Seeder:
    def __init__(self, client: AdminClient) -> None:
        self.c = client
        self.ids: dict[str, Any] = {}

    def run(self) -> dict[str, Any]:
        self.c.get("/admin/stores")  # fail early with a clear error if the key does not work
        self.region()
        self.sales_channel()
        self.ids["shipping_profile_id"] = self.c.get("/admin/shipping-profiles", type="default")[
            "shipping_profiles"
        ][0]["id"]
        self.locations()
        self.products()
        self.customer()
        self.return_reasons()
        self.refund_reasons()
        self.promotion()
        self.publishable_key()
        self.orders()
        return self.ids

    def region(self) -> None:
        found = self.c.find("/admin/regions", "regions", lambda r: r["name"] == "France", name="France")
        if not found:
            found = self.c.post(
                "/admin/regions",
                {
                    "name": "France",
                    "currency_code": "eur",
                    "countries": ["fr"],
                    "payment_providers": ["pp_system_default"],
                },
            )["region"]
        self.ids["region_id"] = found["id"]

    def sales_channel(self) -> None:
        name = "posreturns stores"
        found = self.c.find("/admin/sales-channels", "sales_channels", lambda r: r["name"] == name, name=name)
        if not found:
            found = self.c.post(
                "/admin/sales-channels", {"name": name, "description": "In-store tills (POS)"}
            )["sales_channel"]
        self.ids["sales_channel_id"] = found["id"]

    def locations(self) -> None:
        self.ids.setdefault("locations", {})
        self.ids.setdefault("shipping_options", {})
        for code, address in LOCATIONS.items():
            loc = self.c.find(
                "/admin/stock-locations",
                "stock_locations",
                lambda r, n=code: r["name"] == n,
                name=code,
                fields="id,name,*sales_channels,*fulfillment_providers,*fulfillment_sets",
            )
            if not loc:
                loc = self.c.post(
                    "/admin/stock-locations",
                    {"name": code, "address": address, "metadata": {"store_code": code}},
                )["stock_location"]
                loc.update(sales_channels=[], fulfillment_providers=[], fulfillment_sets=[])
            lid = loc["id"]
            self.ids["locations"][code] = lid
            if self.ids["sales_channel_id"] not in {s["id"] for s in loc["sales_channels"] or []}:
                self.c.post(
                    f"/admin/stock-locations/{lid}/sales-channels", {"add": [self.ids["sales_channel_id"]]}
                )
            if "manual_manual" not in {p["id"] for p in loc["fulfillment_providers"] or []}:
                self.c.post(f"/admin/stock-locations/{lid}/fulfillment-providers", {"add": ["manual_manual"]})
            fsets = loc["fulfillment_sets"] or []
            if not fsets:
                fsets = self.c.post(
                    f"/admin/stock-locations/{lid}/fulfillment-sets",
                    {"name": f"{code} in store", "type": "shipping"},
                    fields="id,*fulfillment_sets",
                )["stock_location"]["fulfillment_sets"]
            fset_id = fsets[0]["id"]
            zones = self.c.get(
                f"/admin/stock-locations/{lid}",
                fields="id,fulfillment_sets.id,fulfillment_sets.service_zones.id",
            )["stock_location"]
            zone_ids = [
                z["id"]
                for f in zones["fulfillment_sets"]
                if f["id"] == fset_id
                for z in f.get("service_zones") or []
            ]
            if not zone_ids:
                zone = self.c.post(
                    f"/admin/fulfillment-sets/{fset_id}/service-zones",
                    {"name": f"{code} France", "geo_zones": [{"type": "country", "country_code": "fr"}]},
                    fields="id,*service_zones",
                )["fulfillment_set"]["service_zones"][0]
                zone_ids = [zone["id"]]
            self.ids["shipping_options"][code] = self._shipping_options(code, zone_ids[0])
        self.ids["location_id"] = self.ids["locations"]["PARIS-01"]

    def _shipping_options(self, code: str, zone_id: str) -> dict[str, str]:
        existing = {
            o["name"]: o["id"]
            for o in self.c.list_all(
                "/admin/shipping-options", "shipping_options", service_zone_id=zone_id, fields="id,name"
            )
        }
        out: dict[str, str] = {}
        for kind, is_return in (("outbound", "false"), ("return", "true")):
            name = f"{code} {'hand-over' if kind == 'outbound' else 'in-store return'}"
            if name not in existing:
                existing[name] = self.c.post(
                    "/admin/shipping-options",
                    {
                        "name": name,
                        "price_type": "flat",
                        "provider_id": "manual_manual",
                        "service_zone_id": zone_id,
                        "shipping_profile_id": self.ids["shipping_profile_id"],
                        "type": {"label": name, "description": name, "code": f"{code.lower()}-{kind}"},
                        "prices": [{"currency_code": "eur", "amount": 0}],
                        "rules": [
                            {"attribute": "enabled_in_store", "value": "true", "operator": "eq"},
                            {"attribute": "is_return", "value": is_return, "operator": "eq"},
                        ],
                    },
                )["shipping_option"]["id"]
            out[kind] = existing[name]
        return out

    def products(self) -> None:
        self.ids.setdefault("products", {})
        self.ids.setdefault("variants", {})
        fields = "id,handle,*variants,*variants.inventory_items"
        for spec in PRODUCTS:
            product = self.c.find(
                "/admin/products",
                "products",
                lambda r, h=spec["handle"]: r["handle"] == h,
                handle=spec["handle"],
                fields=fields,
            )
            if not product:
                product = self.c.post(
                    "/admin/products",
                    {
                        "title": spec["title"],
                        "handle": spec["handle"],
                        "status": "published",
                        "shipping_profile_id": self.ids["shipping_profile_id"],
                        "options": [
                            {"title": spec["option"], "values": [v["value"] for v in spec["variants"]]}
                        ],
                        "sales_channels": [{"id": self.ids["sales_channel_id"]}],
                        "variants": [
                            {
                                "title": f"{spec['option']} {v['value']}",
                                "sku": v["sku"],
                                "barcode": v["ean"],
                                "ean": v["ean"],
                                "upc": v["upc"],
                                "options": {spec["option"]: v["value"]},
                                "manage_inventory": True,
                                "prices": [{"currency_code": "eur", "amount": v["price"]}],
                            }
                            for v in spec["variants"]
                        ],
                    },
                    fields=fields,
                )["product"]
            self.ids["products"][spec["handle"]] = product["id"]
            for variant in product["variants"]:
                item_id = variant["inventory_items"][0]["inventory_item_id"]
                self.ids["variants"][variant["sku"]] = {
                    "id": variant["id"],
                    "product_id": product["id"],
                    "inventory_item_id": item_id,
                    "barcode": variant["barcode"],
                    "ean": variant["ean"],
                    "upc": variant["upc"],
                }
                self._stock(item_id)

    def _stock(self, item_id: str) -> None:
        levels = self.c.get(f"/admin/inventory-items/{item_id}/location-levels", limit=100)[
            "inventory_levels"
        ]
        have = {lvl["location_id"] for lvl in levels}
        create = [
            {"location_id": self.ids["locations"][code], "stocked_quantity": qty}
            for code, qty in STOCK.items()
            if self.ids["locations"][code] not in have
        ]
        if create:
            self.c.post(f"/admin/inventory-items/{item_id}/location-levels/batch", {"create": create})

    def customer(self) -> None:
        found = self.c.find(
            "/admin/customers",
            "customers",
            lambda r: r["email"] == CUSTOMER["email"],
            email=CUSTOMER["email"],
        )
        if not found:
            found = self.c.post("/admin/customers", CUSTOMER)["customer"]
        self.ids["customer_id"] = found["id"]

    def return_reasons(self) -> None:
        existing = {r["value"]: r["id"] for r in self.c.list_all("/admin/return-reasons", "return_reasons")}
        for code, label in RETURN_REASONS.items():
            if code not in existing:
                existing[code] = self.c.post(
                    "/admin/return-reasons",
                    {"value": code, "label": label, "description": f"posreturns reason code {code}"},
                )["return_reason"]["id"]
        self.ids["return_reasons"] = {code: existing[code] for code in RETURN_REASONS}

    def refund_reasons(self) -> None:
        existing = {r["code"]: r["id"] for r in self.c.list_all("/admin/refund-reasons", "refund_reasons")}
        if "return" not in existing:
            existing["return"] = self.c.post(
                "/admin/refund-reasons",
                {"label": "Return", "code": "return", "description": "Refund for goods returned in store"},
            )["refund_reason"]["id"]
        self.ids["refund_reasons"] = existing

    def promotion(self) -> None:
        found = self.c.find(
            "/admin/promotions", "promotions", lambda r: r["code"] == PROMO_CODE, code=PROMO_CODE
        )
        if not found:
            found = self.c.post(
                "/admin/promotions",
                {
                    "code": PROMO_CODE,
                    "type": "standard",
                    "status": "active",
                    "is_automatic": False,
                    "application_method": {
                        "type": "percentage",
                        "target_type": "items",
                        "allocation": "across",
                        "value": 10,
                        "currency_code": "eur",
                    },
                },
            )["promotion"]
        self.ids["promotion_id"] = found["id"]

    def publishable_key(self) -> None:
        keys = self.c.get("/admin/api-keys", type="publishable", fields="id,token,*sales_channels")[
            "api_keys"
        ]
        if keys and self.ids["sales_channel_id"] not in {
            s["id"] for s in keys[0].get("sales_channels") or []
        }:
            self.c.post(
                f"/admin/api-keys/{keys[0]['id']}/sales-channels", {"add": [self.ids["sales_channel_id"]]}
            )

    # ---- orders

    def orders(self) -> None:
        self.ids.setdefault("orders", {})
        by_key = {
            o["metadata"]["seed_key"]: o
            for o in self.c.list_all(
                "/admin/orders", "orders", customer_id=self.ids["customer_id"], fields="id,metadata"
            )
            if (o.get("metadata") or {}).get("seed_key")
        }
        drafts = {
            o["metadata"]["seed_key"]: o
            for o in self.c.list_all(
                "/admin/draft-orders",
                "draft_orders",
                customer_id=self.ids["customer_id"],
                fields="id,metadata",
            )
            if (o.get("metadata") or {}).get("seed_key")
        }
        for key, spec in ORDERS.items():
            order_id = by_key[key]["id"] if key in by_key else None
            if order_id is None:
                draft_id = drafts[key]["id"] if key in drafts else self._draft(key, spec)
                order_id = self.c.post(f"/admin/draft-orders/{draft_id}/convert-to-order")["order"]["id"]
            self._pay(order_id)
            self._fulfil(order_id)
            order = self.c.get(f"/admin/orders/{order_id}", fields="id,display_id,*items")["order"]
            self.ids["orders"][key] = {
                "id": order["id"],
                "display_id": order["display_id"],
                "items": {i["variant_sku"]: i["id"] for i in order["items"]},
            }

    def _draft(self, key: str, spec: Mapping[str, Any]) -> str:
        body: dict[str, Any] = {
            "region_id": self.ids["region_id"],
            "sales_channel_id": self.ids["sales_channel_id"],
            "customer_id": self.ids["customer_id"],
            "email": CUSTOMER["email"],
            "shipping_address": ADDRESS,
            "billing_address": ADDRESS,
            "items": [
                {"variant_id": self.ids["variants"][sku]["id"], "quantity": qty} for sku, qty in spec["lines"]
            ],
            "shipping_methods": [
                {
                    "shipping_option_id": self.ids["shipping_options"]["PARIS-01"]["outbound"],
                    "name": "In-store hand-over",
                    "amount": 0,
                }
            ],
            "metadata": {"seed_key": key, "store_code": "PARIS-01"},
        }
        if spec.get("promo"):
            body["promo_codes"] = [spec["promo"]]
        return str(self.c.post("/admin/draft-orders", body)["draft_order"]["id"])

    def _pay(self, order_id: str) -> None:
        order = self.c.get(
            f"/admin/orders/{order_id}", fields="id,total,payment_status,*payment_collections"
        )["order"]
        if order["payment_status"] in ("captured", "partially_refunded", "refunded"):
            return
        open_pcs = [pc for pc in order.get("payment_collections") or [] if pc["status"] not in ("canceled",)]
        pc_id = (
            open_pcs[0]["id"]
            if open_pcs
            else self.c.post("/admin/payment-collections", {"order_id": order_id, "amount": order["total"]})[
                "payment_collection"
            ]["id"]
        )
        self.c.post(f"/admin/payment-collections/{pc_id}/mark-as-paid", {"order_id": order_id})

    def _fulfil(self, order_id: str) -> None:
        order = self.c.get(f"/admin/orders/{order_id}", fields="id,fulfillment_status,*items")["order"]
        todo = [
            {"id": i["id"], "quantity": i["quantity"] - i["detail"]["fulfilled_quantity"]}
            for i in order["items"]
            if i["quantity"] > i["detail"]["fulfilled_quantity"]
        ]
        if todo:
            self.c.post(
                f"/admin/orders/{order_id}/fulfillments",
                {"items": todo, "location_id": self.ids["locations"]["PARIS-01"], "no_notification": True},
            )
