"""`MedusaGateway`: the Medusa v2 connector (Admin API, secret API key as HTTP Basic).

Pull: stores (stock locations), return reasons, products (variants), customers, orders of the
return window (store and web) with their received returns, stock levels. Push: `ReturnCompleted`
(a Medusa return received at the store + the refund on the payment, or a Medusa exchange),
`StockAdjusted`, `VoucherIssued`, `ExceptionResolved` — in batches through the posreturns plugin
when Medusa has it (plugin.py), else one by one through the Admin API (push.py).
See docs/oms-medusa.md for the mapping and its limits.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from posreturns.services.canonical import FORMAT
from posreturns.services.ports import Clock
from posreturns.services.sync_ports import ClaimHolder, PendingEvent, PulledPage, PushResult
from posreturns.sync.medusa import claims, mapping
from posreturns.sync.medusa.delivery import DELIVERED_EXCHANGE, is_delivered
from posreturns.sync.medusa.plugin import PluginBatches
from posreturns.sync.medusa.pull import delta_page
from posreturns.sync.medusa.push import MedusaPusher
from posreturns.sync.medusa.reference import ReferenceData
from posreturns.sync.medusa.repair import Repair, by_display_id, repair
from posreturns.sync.medusa.stock_pull import StockStream
from posreturns.sync.wire import HttpJsonClient

log = logging.getLogger(__name__)
ORDER_FIELDS = ("id,display_id,status,created_at,updated_at,currency_code,email,customer_id,metadata,total,"
                "shipping_total,payment_status,*items,items.detail.*,*items.adjustments,*items.tax_lines,"
                "*fulfillments,*payment_collections,*payment_collections.payments,*customer,*returns,"
                "returns.items.*,*exchanges")
VARIANT_FIELDS = ("id,sku,barcode,ean,upc,title,updated_at,product_id,"
                  "product.id,product.title,product.handle,product.metadata,*prices,*options")
CUSTOMER_FIELDS = "id,email,first_name,last_name,phone,updated_at"
PAID = ("captured", "partially_captured", "partially_refunded", "refunded")
STREAMS = ("stores", "return_reasons", "products", "customers", "orders", "stock")
PROBE_TIMEOUT = (2.05, 3.0)  # seconds: whether the OMS is there must be known quickly


@dataclass(frozen=True)
class MedusaConfig:
    base_url: str
    api_key: str
    currency: str = "EUR"
    timezone: str = "Europe/Paris"
    prices_include_tax: bool = False
    order_window_days: int = 90
    verify_tls: bool | str = True
    use_plugin: bool = True  # send batches through the posreturns plugin when Medusa has it
    notify_customers: bool = False  # let Medusa's notifications tell the customer (no_notification: false)

    def __repr__(self) -> str:  # the key never appears in a repr, a log or a traceback
        return f"MedusaConfig(base_url={self.base_url!r}, api_key='***')"


class MedusaGateway:
    name = "medusa"

    def __init__(self, config: MedusaConfig, clock: Clock, client: HttpJsonClient | None = None) -> None:
        self.config = config
        self.clock = clock
        self.client = client or HttpJsonClient(config.base_url, (config.api_key, ""), verify=config.verify_tls,
                                               now=clock.now)
        self.refs = ReferenceData(self.client, config.notify_customers)
        self.pusher = MedusaPusher(self.client, config.currency, self.refs)
        self.batches = PluginBatches(self.client, config.currency, config.use_plugin, config.notify_customers)
        self.stock = StockStream(self.client, self.refs.location_codes, self.batches, clock)

    def close(self) -> None:
        self.client.close()

    def streams(self) -> tuple[str, ...]:
        return STREAMS

    # -- pull ---------------------------------------------------------------------------------------
    def pull(self, stream: str, cursor: str | None, limit: int) -> PulledPage:
        currency = self.config.currency
        if stream == "stores":
            locations = self.refs.refresh_locations()
            doc = {"stores": [mapping.store(loc, currency, self.config.prices_include_tax, self.config.timezone)
                              for loc in locations]}
            return self._page(stream, doc, None, False, len(locations), len(locations))
        if stream == "return_reasons":
            reasons = self.refs.refresh_reasons()
            return self._page(stream, {}, None, False, len(reasons), len(reasons))
        if stream == "products":
            records, nxt, more, total = delta_page(self.client, "/admin/product-variants", "variants",
                                                   VARIANT_FIELDS, cursor, limit)
            products = [p for p in (mapping.product(v, currency) for v in records) if p]
            return self._page(stream, {"products": _unique_barcodes(products)}, nxt, more, total, len(records))
        if stream == "customers":
            records, nxt, more, total = delta_page(self.client, "/admin/customers", "customers", CUSTOMER_FIELDS,
                                                   cursor, limit)
            return self._page(stream, {"customers": [mapping.customer(c) for c in records]}, nxt, more, total,
                              len(records))
        if stream == "orders":
            window_start = self.clock.now() - timedelta(days=self.config.order_window_days)
            since = window_start.strftime("%Y-%m-%dT%H:%M:%S.000Z")
            records, nxt, more, total = delta_page(self.client, "/admin/orders", "orders", ORDER_FIELDS, cursor, limit,
                                                   [("created_at[$gte]", since)])
            return self._page(stream, self.orders_document(records), nxt, more, total, len(records))
        if stream == "stock":
            return self._stock(cursor, limit)
        raise ValueError(f"unknown stream {stream}")

    def _page(self, stream: str, body: dict[str, Any], cursor: str | None, more: bool, total: int | None,
              fetched: int) -> PulledPage:
        return PulledPage(stream, {"format": FORMAT, "catalog_currency": self.config.currency, **body}, cursor, more,
                          total, fetched)

    def orders_document(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        """Orders with their customers, prior returns, and products for lines off the catalogue."""
        orders, returns, customers, products, held = [], [], {}, {}, []
        for record in records:
            if record.get("status") in ("draft", "canceled", "archived") or record.get("payment_status") not in PAID:
                continue
            canonical = mapping.order(record, self.config.currency)
            orders.append(canonical)
            self.stock.touched({line["sku"] for line in canonical["lines"]})
            returns += mapping.prior_returns(record, canonical)
            held += mapping.held_units(record)
            if record.get("customer"):
                customers[record["customer"]["id"]] = mapping.customer(record["customer"])
            for item in record.get("items") or []:
                if not item.get("variant_sku"):
                    products[mapping.item_sku(item)] = mapping.item_product(item, self.config.currency)
        return {"products": list(products.values()), "customers": list(customers.values()), "orders": orders,
                "returns": returns, "held_units": mapping.latest_of_each(held)}

    def _stock(self, cursor: str | None, limit: int) -> PulledPage:
        rows, nxt, more, total, fetched = self.stock.page(cursor, limit)
        return self._page("stock", {"stock": rows}, nxt, more, total, fetched)

    # -- on-demand lookup -----------------------------------------------------------------------------
    def fetch_order(self, number: str) -> dict[str, Any] | None:
        text = number.strip().lstrip("#")
        if text.startswith("order_"):
            records = [self.client.get(f"/admin/orders/{text}", [("fields", ORDER_FIELDS)]).get("order") or {}]
        elif text.isdigit():
            found = by_display_id(self.client, int(text))
            records = [self.client.get(f"/admin/orders/{found['id']}", [("fields", ORDER_FIELDS)]).get("order") or {}
                       ] if found else []
        else:
            return None
        records = [r for r in records if r.get("id")]
        if not records:
            return None
        document = self.orders_document(records[:1])
        skus = sorted({line["sku"] for o in document["orders"] for line in o["lines"]})
        if skus:
            variants = self.client.get("/admin/product-variants", [("fields", VARIANT_FIELDS), ("limit", 100)]
                                       + [("sku", sku) for sku in skus]).get("variants") or []
            known = {p["sku"]: p for p in document["products"]}
            known.update({p["sku"]: p for p in (mapping.product(v, self.config.currency) for v in variants) if p})
            document["products"] = list(known.values())
        stores = [mapping.store(loc, self.config.currency, self.config.prices_include_tax, self.config.timezone)
                  for loc in self.refs.refresh_locations()]
        return {"format": FORMAT, "catalog_currency": self.config.currency, "stores": stores, **document}

    def fetch_customer_address(self, customer_id: str) -> dict[str, Any] | None:
        """The delivery address Medusa holds for the customer (mapping.customer_address), or None."""
        record = self.client.get(f"/admin/customers/{customer_id}", [("fields", "id,*addresses")]).get("customer")
        return mapping.customer_address(record) if isinstance(record, dict) else None

    # -- push ------------------------------------------------------------------------------------------
    def push(self, event: PendingEvent, fence: Callable[[], None] | None = None) -> PushResult:
        return self.pusher.push(event, fence)

    def batch_limit(self) -> int:
        return self.batches.limit()

    def batches_at_once(self) -> int:
        return self.batches.batches_at_once()

    def push_batch(self, events: list[PendingEvent], fence: Any = None) -> dict[str, PushResult]:
        steps = self.batches.steps()
        if DELIVERED_EXCHANGE not in steps and any(is_delivered(event) for event in events):
            return self.pusher.one_by_one(events, fence)  # a plugin older than 0.3 knows no delivered exchange
        return self.pusher.after_plugin(events, self.batches.push(events, fence), fence, steps)

    # -- numbers no other till issues (claims.py) ------------------------------------------------------------
    def claimed(self, kind: str) -> dict[str, str]:
        return claims.claimed(self.client, kind)

    def claim(self, kind: str, name: str, holder: ClaimHolder) -> ClaimHolder:
        return claims.claim(self.client, kind, name, holder)

    # -- is it there? -----------------------------------------------------------------------------------
    def probe(self, timeout: tuple[float, float] = PROBE_TIMEOUT) -> dict[str, Any]:
        """Ask Medusa something small with the till's key, within `timeout`; raises OmsUnavailable."""
        started = time.monotonic()
        self.client.request("GET", "/admin/stock-locations", params=[("limit", 1), ("fields", "id")], timeout=timeout)
        latency = round((time.monotonic() - started) * 1000)
        return {"latency_ms": latency, "plugin": self.batches.limit() > 0}

    # -- repair ----------------------------------------------------------------------------------------
    def repair(self, order: str, dry_run: bool = False) -> Repair:
        """Cancel the till's own changes an older version left pending on `order` (repair.py)."""
        return repair(self.client, order, dry_run)


def _unique_barcodes(products: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Medusa does not stop two variants from sharing a code; the till needs one owner per code."""
    seen: set[str] = set()
    for product in products:
        codes = [c for c in product["barcodes"] if c not in seen]
        if len(codes) != len(product["barcodes"]):
            log.warning("a barcode of %s is also on another variant in Medusa; kept on the first one", product["sku"])
        seen.update(codes)
        product["barcodes"] = codes
    return products

