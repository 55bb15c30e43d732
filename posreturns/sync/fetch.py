"""On-demand fetch: when a receipt is not in the local cache and the OMS answers, the sale is
fetched, written to the cache (with its products and customer), and the lookup finds it. A customer's
delivery address is fetched when an exchange is delivered home, and never cached: the till keeps the
address of a delivery only with that return."""

from __future__ import annotations

import logging
from typing import Any

import orjson

from posreturns.services.canonical import load_document
from posreturns.services.errors import ImportRejected
from posreturns.services.ports import Clock
from posreturns.services.sync_ports import OmsGateway, OmsRefused, OmsUnavailable, SyncState
from posreturns.sync.wire import NotFoundAtOms

log = logging.getLogger(__name__)


class RemoteOrderFetcher:
    """`fetch_missing` of `OrderLookup`: True when the sale was fetched into the cache."""

    def __init__(self, gateway: OmsGateway, state: SyncState, clock: Clock) -> None:
        self.gateway = gateway
        self.state = state
        self.clock = clock

    def __call__(self, number: str) -> bool:
        try:
            document = self.gateway.fetch_order(number)
        except (OmsUnavailable, OmsRefused) as error:
            log.info("on-demand fetch of %s failed: %s", number, error)
            self.state.record_contact(isinstance(error, OmsRefused), str(error), self.clock.now())
            return False
        self.state.record_contact(True, None, self.clock.now())
        if not document or not document.get("orders"):
            return False
        source = f"oms:{self.gateway.name}:lookup"
        try:
            parsed = load_document(orjson.dumps(document), source)
            self.state.write_page("orders", parsed, source, self.state.cursor("orders"), self.clock.now())
        except ImportRejected as error:
            log.warning("the OMS's sale %s could not be cached: %s", number, error)
            return False
        return True


class RemoteCustomerAddress:
    """The address the OMS holds for a customer, or None (none held, the OMS away, or a connector
    that cannot tell); the address itself is never logged."""

    def __init__(self, gateway: Any, state: SyncState, clock: Clock) -> None:
        self.gateway = gateway
        self.state = state
        self.clock = clock

    def __call__(self, customer_id: str) -> dict[str, Any] | None:
        fetch = getattr(self.gateway, "fetch_customer_address", None)
        if fetch is None:
            return None
        try:
            found = fetch(customer_id)
        except NotFoundAtOms:
            return None
        except (OmsUnavailable, OmsRefused) as error:
            log.info("the address of customer %s could not be fetched: %s", customer_id, error)
            self.state.record_contact(isinstance(error, OmsRefused), str(error), self.clock.now())
            return None
        self.state.record_contact(True, None, self.clock.now())
        return found if isinstance(found, dict) else None
