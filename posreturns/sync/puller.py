"""The delta puller: stream by stream, page by page, each page's rows written together with the
stream's new cursor in one transaction (a crash resumes after the last written page).

A page the contract refuses is not fatal: its records are written one by one and the bad ones are
skipped (counted and logged), so one odd order in the OMS never stops a store's sync. When the OMS
no longer knows a cursor, every stream is pulled again from the start; the outbox is untouched.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import orjson

from posreturns.services.canonical import FORMAT, load_document
from posreturns.services.errors import ImportRejected
from posreturns.services.ports import Clock
from posreturns.services.sync_ports import CursorInvalid, OmsGateway, PulledPage, SyncState

log = logging.getLogger(__name__)
PAGE = 100
MAX_PAGES = 100_000  # a stream that never ends is a broken OMS; stop rather than loop forever
Progress = Callable[[str, int, int | None], None]
SECTIONS = ("stores", "products", "customers", "orders", "stock", "returns")


@dataclass
class PullReport:
    pulled: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    repulled: bool = False


class Puller:
    def __init__(self, gateway: OmsGateway, state: SyncState, clock: Clock, page_size: int = PAGE) -> None:
        self.gateway = gateway
        self.state = state
        self.clock = clock
        self.page_size = page_size

    def run(self, progress: Progress | None = None, streams: tuple[str, ...] | None = None) -> PullReport:
        report = PullReport()
        wanted = streams or self.gateway.streams()
        try:
            for stream in wanted:
                self._stream(stream, report, progress)
        except CursorInvalid:
            log.warning("the OMS no longer knows our cursors: pulling everything again (the outbox is kept)")
            self.state.reset_streams(self.clock.now())
            report.repulled = True
            for stream in wanted:
                self._stream(stream, report, progress)
        return report

    def _stream(self, stream: str, report: PullReport, progress: Progress | None) -> None:
        cursor = self.state.cursor(stream)
        done = 0
        for _ in range(MAX_PAGES):
            page = self.gateway.pull(stream, cursor, self.page_size)
            written, skipped = self.write(page)
            done += page.fetched
            report.pulled[stream] = report.pulled.get(stream, 0) + written
            if skipped:
                report.skipped[stream] = report.skipped.get(stream, 0) + skipped
            if progress:
                progress(stream, done, page.total)
            cursor = page.next_cursor
            if not page.has_more:
                return

    def write(self, page: PulledPage) -> tuple[int, int]:
        """Write a page and its cursor (one transaction); (records written, records skipped)."""
        source = f"oms:{self.gateway.name}:{page.stream}"
        try:
            document = load_document(orjson.dumps(page.document), source)
            self.state.write_page(page.stream, document, source, page.next_cursor, self.clock.now())
            return sum(document.counts.values()), 0
        except ImportRejected as error:
            log.warning("a page of %s was refused (%s); writing its records one by one", page.stream, error)
        written = skipped = 0
        for single in _singles(page.document):
            try:
                document = load_document(orjson.dumps(single), source)
                self.state.write_page(page.stream, document, source, self.state.cursor(page.stream), self.clock.now())
                written += 1
            except ImportRejected as error:
                log.warning("skipped a record of %s from the OMS: %s", page.stream, error)
                skipped += 1
        empty = load_document(orjson.dumps({"format": FORMAT}), source)
        self.state.write_page(page.stream, empty, source, page.next_cursor, self.clock.now())
        return written, skipped


def _singles(document: dict[str, Any]) -> list[dict[str, Any]]:
    """One document per record; an order keeps the products and customer it refers to, and a
    return the order it belongs to."""
    base = {"format": FORMAT, **({"catalog_currency": document["catalog_currency"]}
                                 if "catalog_currency" in document else {})}
    products = {p.get("sku"): p for p in document.get("products") or [] if isinstance(p, dict)}
    customers = {c.get("id"): c for c in document.get("customers") or [] if isinstance(c, dict)}
    singles: list[dict[str, Any]] = []
    for section in ("stores", "products", "customers", "stock"):
        singles += [{**base, section: [item]} for item in document.get(section) or []]
    returns_by_order: dict[Any, list[Any]] = {}
    for item in document.get("returns") or []:
        returns_by_order.setdefault(item.get("order_id") if isinstance(item, dict) else None, []).append(item)
    for order in document.get("orders") or []:
        if not isinstance(order, dict):
            singles.append({**base, "orders": [order]})
            continue
        skus = {line.get("sku") for line in order.get("lines") or [] if isinstance(line, dict)}
        singles.append({**base, "products": [products[s] for s in skus if s in products],
                        "customers": [customers[order["customer_id"]]] if order.get("customer_id") in customers else [],
                        "orders": [order], "returns": returns_by_order.pop(order.get("id"), [])})
    for leftover in returns_by_order.values():
        singles += [{**base, "returns": [item]} for item in leftover]
    return singles
