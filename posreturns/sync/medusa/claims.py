"""Claims in Medusa: what one till holds and no other till of the chain may (its block of second-hand
codes, its ranges of return numbers; sync/numbers.py).

Medusa keeps an inventory item's SKU unique, in one database transaction: a claim is an inventory item
with SKU `POSRETURNS-CLAIM-<KIND>-<NAME>` (never stocked anywhere, never linked to a variant), whose
metadata names its holder — the till database (`posreturns_install`), its store and till id. Of two
tills claiming one name at once, one creates the item and the other is refused and reads the holder.
A claim whose answer was lost is found again with this till's install id: it is ours.
"""

from __future__ import annotations

from typing import Any

from posreturns.services.sync_ports import ClaimHolder, OmsRefused
from posreturns.sync.medusa.state import Api

PREFIX = "POSRETURNS-CLAIM-"
INSTALL, STORE, TILL = "posreturns_install", "posreturns_store", "posreturns_till"
PAGE = 1000


def claim_sku(kind: str, name: str) -> str:
    return f"{PREFIX}{kind}-{name}".upper()


def claimed(api: Api, kind: str) -> dict[str, str]:
    stem, names, offset = claim_sku(kind, ""), {}, 0
    while True:
        items = api.get("/admin/inventory-items", [("q", stem), ("fields", "id,sku,metadata"), ("limit", PAGE),
                                                   ("offset", offset)]).get("inventory_items") or []
        names.update({str(i["sku"])[len(stem):]: str((i.get("metadata") or {}).get(INSTALL) or "")
                      for i in items if str(i.get("sku") or "").startswith(stem)})
        if len(items) < PAGE:
            return names
        offset += PAGE


def claim(api: Api, kind: str, name: str, holder: ClaimHolder) -> ClaimHolder:
    sku = claim_sku(kind, name)
    try:
        api.post("/admin/inventory-items", {
            "sku": sku, "title": f"posreturns: {kind} {name} of till {holder.till_id}, store {holder.store_id}",
            "description": "Numbers this till issues and no other till may (posreturns); do not stock or delete.",
            "requires_shipping": False,
            "metadata": {INSTALL: holder.install_id, STORE: holder.store_id, TILL: holder.till_id}})
        return holder
    except OmsRefused as refused:  # taken (by another till, or by this one when the answer was lost)
        found = _holder(api, sku)
        if found is None:
            raise refused from None
        return found


def _holder(api: Api, sku: str) -> ClaimHolder | None:
    items = api.get("/admin/inventory-items", [("sku", sku), ("fields", "id,sku,metadata")]).get("inventory_items")
    for item in items or []:
        meta: dict[str, Any] = item.get("metadata") or {}
        if item.get("sku") == sku:
            return ClaimHolder(str(meta.get(INSTALL) or ""), str(meta.get(STORE) or ""), str(meta.get(TILL) or ""))
    return None
