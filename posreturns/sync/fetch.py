"""On-demand fetch: when a receipt is not in the local cache and the OMS answers, the sale is
fetched, written to the cache (with its products and customer), and the lookup finds it."""

from __future__ import annotations

import logging

import orjson

from posreturns.services.canonical import load_document
from posreturns.services.errors import ImportRejected
from posreturns.services.ports import Clock
from posreturns.services.sync_ports import OmsGateway, OmsRefused, OmsUnavailable, SyncState

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
