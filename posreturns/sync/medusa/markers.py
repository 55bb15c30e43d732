"""What the till writes on the Medusa records it creates, and how it recognises them again.

A return or exchange carries `metadata.posreturns_event_id` (the marker looked for before anything
is done), the till's return id, number and till, the offline flag, and, for events written since
they exist, the event's fingerprint (`posreturns_payload_sha256`) and the age of the till's order
data (`posreturns_cache_as_of`), so a person reading Medusa can tell an offline return made from an
old cache, the version of posreturns that made it (`posreturns_app_version`), and what the store-wide
report of the other tills needs (`posreturns_report`: cashier and approving manager by their user ids,
decision, refund method, bonus, each line's reason and disposition, the payout by tender, what the
customer paid on top of an exchange and whether its replacement is delivered home or to a store; no
customer data, no notes, no serials). A record found with
the event's marker but another fingerprint is not ours to resume. The Medusa plugin writes the same
(oms/medusa-plugin/src/lib/returns.ts).
"""

from __future__ import annotations

from typing import Any

from posreturns.services.sync_ports import PendingEvent
from posreturns.sync.medusa.mapping import MARKER, REPORT, RETURN_ID

FINGERPRINT = "posreturns_payload_sha256"
CACHE_AS_OF = "posreturns_cache_as_of"
APP_VERSION = "posreturns_app_version"


def event_metadata(event: PendingEvent, data: dict[str, Any]) -> dict[str, Any]:
    """The metadata of the return / exchange made for `event`."""
    meta: dict[str, Any] = {MARKER: event.event_id, RETURN_ID: data.get("return_id"),
                            "posreturns_return_number": data.get("return_number"), "posreturns_till": event.till_id,
                            "posreturns_offline": bool(event.payload.get("offline"))}
    for key, field in ((FINGERPRINT, "payload_sha256"), (CACHE_AS_OF, "cache_as_of")):
        if event.payload.get(field):
            meta[key] = event.payload[field]
    app_version = (event.payload.get("device") or {}).get("app_version")
    if app_version:
        meta[APP_VERSION] = app_version
    meta[REPORT] = report_fields(event, data)
    return meta


def report_fields(event: PendingEvent, data: dict[str, Any]) -> dict[str, Any]:
    """The return as the store-wide report counts it (amounts in minor units, lines as
    [order line, units, reason, disposition], payout as [method, amount], `delivery` home or store,
    never the address): small, and by ids only."""
    exchange = data.get("exchange") or {}
    return {"cashier": event.payload.get("operator_id"), "approved_by": event.payload.get("approved_by"),
            "decision": data.get("decision"), "method": data.get("refund_method"), "bonus": _bonus(data),
            "paid_more": int(exchange.get("to_collect_minor") or 0),
            "delivery": (exchange.get("delivery") or {}).get("to"),
            "lines": [[line.get("order_line_id"), line.get("qty"), line.get("reason"), line.get("disposition")]
                      for line in data.get("lines") or []],
            "paid": [[tender.get("method"), tender.get("amount_minor")] for tender in data.get("tenders") or []]}


def _bonus(data: dict[str, Any]) -> int:
    if data.get("exchange"):
        return int(data["exchange"].get("bonus_minor") or 0)
    voucher = data.get("voucher")
    if voucher:  # a voucher is the refund plus its bonus
        return max(int(voucher.get("amount_minor") or 0) - int(data.get("refund_total_minor") or 0), 0)
    return 0


def other_content(found: dict[str, Any], event: PendingEvent) -> str | None:
    """The refusal when Medusa's record has the event's marker but another fingerprint, else None
    (older events and records without a fingerprint are taken as the same)."""
    theirs = (found.get("metadata") or {}).get(FINGERPRINT)
    ours = event.payload.get("payload_sha256")
    if theirs and ours and theirs != ours:
        return (f"Medusa already holds event {event.event_id} with different content (fingerprint "
                f"{str(theirs)[:12]}…, this till's {str(ours)[:12]}…); nothing was changed.")
    return None
