"""Batches through the posreturns Medusa plugin (oms/medusa-plugin), when the OMS has it.

`GET /admin/posreturns` says whether it is installed (404: not; the connector then uses Medusa's stock
Admin API, one event at a time) and how many events a request may carry. `POST
/admin/posreturns/events` applies them in Medusa itself — the same steps, markers and resume logic
as the stock-API connector, without a round trip per step — in order per order, and answers per
event; an order's events after one that could not be applied are not attempted (left out of the
answer). Each request carries the uploader's fencing token: Medusa refuses (409) an uploader that
a newer one of the same till has replaced, and stops a batch under way between events.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from posreturns.services.sync_ports import (
    LeaseLost,
    OmsRefused,
    OmsUnavailable,
    Outcome,
    PendingEvent,
    PushResult,
)
from posreturns.sync.medusa.held_stock import held_units_of
from posreturns.sync.wire import HttpJsonClient, NotFoundAtOms, dumps

log = logging.getLogger(__name__)
PROBE_SECONDS = 300.0      # how long the answer to "is the plugin there?" is trusted
BATCH_TIMEOUT = (3.05, 180.0)  # a batch takes a while to apply; the lease heartbeat runs meanwhile
BATCH_LIMIT = 100
MAX_BATCHES_AT_ONCE = 8  # whatever Medusa says: each batch keeps a few of its database connections busy


class PluginBatches:
    def __init__(self, client: HttpJsonClient, currency: str, enabled: bool = True, notify_customers: bool = False,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.client, self.currency, self.enabled, self.clock = client, currency, enabled, clock
        self.notify_customers = notify_customers
        self._offer: dict[str, Any] | None = None
        self._probed_at = float("-inf")
        self.timings: dict[str, dict[str, float]] = {}  # where Medusa spent the batches' time (bench.sync)
        self._timings_lock = threading.Lock()

    def offer(self) -> dict[str, Any]:
        """What the plugin says it offers ({} when it is not installed, or switched off)."""
        if not self.enabled:
            return {}
        if self._offer is None or self.clock() - self._probed_at > PROBE_SECONDS:
            try:
                answer = self.client.get("/admin/posreturns")
                self._offer = answer if answer.get("api") == 1 else {}
            except NotFoundAtOms:
                self._offer = {}
            except OmsRefused as error:
                log.warning("the posreturns plugin did not answer as expected (%s); using the Admin API", error)
                self._offer = {}
            self._probed_at = self.clock()
        return self._offer

    def limit(self) -> int:
        """Events per request, 0 when the plugin is not installed (or switched off)."""
        return min(int(self.offer().get("max_batch") or 0), BATCH_LIMIT)

    def steps(self) -> frozenset[str]:
        """The parts of an event the plugin makes itself beyond Medusa's own steps (held units, alerts)."""
        return frozenset(str(s) for s in self.offer().get("steps") or [])

    def batches_at_once(self) -> int:
        """How many batches to send at once: one per Node process of Medusa when the plugin keeps its fence
        and locks where every process sees them (0.4.0, `shared_fence`), else one."""
        offer = self.offer()
        if not offer.get("shared_fence"):
            return 1
        try:
            return max(1, min(int(offer.get("processes") or 1), MAX_BATCHES_AT_ONCE))
        except (TypeError, ValueError):
            return 1

    def stock_changes(self) -> bool:
        """Whether the plugin lists the stock levels changed since a time."""
        return bool(self.offer().get("stock_changes"))

    def push(self, events: list[PendingEvent], fence: Any = None) -> dict[str, PushResult]:
        if fence is not None:
            fence()
        scope = str(getattr(fence, "scope", "") or events[0].till_id)
        body = {"till_id": events[0].till_id, "uploader": scope, "fence": int(getattr(fence, "token", 0) or 0),
                "currency": self.currency, "no_notification": not self.notify_customers,
                "events": [_event(e) for e in events]}
        try:
            answer = self.client.request("POST", "/admin/posreturns/events", data=dumps(body).encode(),
                                         headers={"Content-Type": "application/json"}, timeout=BATCH_TIMEOUT)
        except OmsRefused as error:
            if error.status == 409:
                raise LeaseLost(str(error), _newest(str(error))) from None
            if error.status == 404:  # the plugin was removed since the probe
                self._offer, self._probed_at = {}, self.clock()
                raise OmsUnavailable(
                    "The posreturns plugin is no longer in Medusa; the events go one by one.") from None
            raise
        with self._timings_lock:  # batches may be sent side by side (batches_at_once)
            self._add_timings(answer.get("timings"))
        results: dict[str, PushResult] = {}
        for item in answer.get("results") or []:
            try:
                outcome = Outcome(item["outcome"])
            except (KeyError, ValueError):
                continue  # an answer we cannot read: the event was not settled, it is sent again
            detail = item.get("detail") if isinstance(item.get("detail"), dict) else {}
            results[str(item.get("event_id"))] = PushResult(outcome, item.get("reason"), None, detail)
        return results

    def _add_timings(self, timings: Any) -> None:
        if not isinstance(timings, dict):
            return
        for name, spent in timings.items():
            if isinstance(spent, dict):
                total = self.timings.setdefault(str(name), {"runs": 0, "ms": 0})
                total["runs"] += int(spent.get("runs") or 0)
                total["ms"] += float(spent.get("ms") or 0)


def _event(event: PendingEvent) -> dict[str, Any]:
    context = dict(event.context)
    if event.event_type == "ReturnCompleted":  # which units the return holds: the till's rules say it
        context["held_units"] = [{"unit_id": unit, "sku": line.get("sku"), "serial": line.get("serial"),
                                  "reason": line.get("reason"), "condition": line.get("condition"),
                                  "disposition": line.get("disposition"), "note": line.get("note")}
                                 for unit, line in held_units_of(event.payload.get("data") or {})]
    return {"seq": event.seq, "event_id": event.event_id, "event_type": event.event_type,
            "order_key": event.order_key or event.aggregate_id, "till_id": event.till_id,
            "first_attempt": event.first_attempt, "payload": event.payload, "context": context}


def _newest(message: str) -> int | None:
    """The newest token Medusa names in its refusal ("… token 12 …")."""
    words = message.replace(")", " ").replace("(", " ").split()
    for before, word in itertools.pairwise(words):
        if before == "token" and word.isdigit():
            return int(word)
    return None
