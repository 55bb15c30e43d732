"""Medusa v2 records -> canonical `posreturns/1` records (pure functions, no HTTP).

Amounts are read from Medusa's exact `raw_<field>.value` decimal strings (never the JSON floats),
rounded half-up to the currency's minor unit. A store is a stock location (its name is the store
code, or `metadata.store_code`); a product is a variant (`sku`) with its `barcode`, `ean` and `upc`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from posreturns.domain.money import exponent, quantum
from posreturns.services.normalize import gtin14, gtin_check_digit_ok
from posreturns.services.sync_ports import OmsProtocolError

MARKER = "posreturns_event_id"
RETURN_ID = "posreturns_return_id"


def amount(record: dict[str, Any], field: str, currency: str) -> Decimal:
    """`record[field]` as an exact Decimal in major units, from `raw_<field>` when present."""
    raw = record.get(f"raw_{field}")
    value = raw.get("value") if isinstance(raw, dict) else record.get(field)
    if value is None:
        return Decimal(0)
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise OmsProtocolError(f"Medusa sent an unreadable amount for {field}: {str(value)[:30]}") from None
    return number.quantize(quantum(currency), rounding=ROUND_HALF_UP)


def text_amount(value: Decimal) -> str:
    return format(max(value, Decimal(0)), "f")


def major(minor: int, currency: str) -> Decimal:
    """An amount of our events (minor units) as Medusa writes it (major units)."""
    return Decimal(minor).scaleb(-exponent(currency.upper()))


def qty(record: dict[str, Any], field: str) -> int:
    raw = record.get(f"raw_{field}")
    value = raw.get("value") if isinstance(raw, dict) else record.get(field)
    try:
        return int(Decimal(str(value or 0)))
    except InvalidOperation:
        return 0


QUARANTINE_OF = "posreturns_quarantine_of"  # on a stock location: the store whose held units it keeps
RESALE_OF = "posreturns_resale_of"  # on a stock location: the store whose second-hand items it offers
SECOND_HAND_CHANNEL = "posreturns_second_hand"  # on a sales channel: the one second-hand items are sold in
SECOND_HAND_GRADE = "posreturns_second_hand"  # on a product: the grade of the second-hand item it is


def quarantine_of(location: dict[str, Any]) -> str | None:
    store = (location.get("metadata") or {}).get(QUARANTINE_OF)
    return str(store) if store else None


def resale_of(location: dict[str, Any]) -> str | None:
    store = (location.get("metadata") or {}).get(RESALE_OF)
    return str(store) if store else None


def store_code(location: dict[str, Any]) -> str:
    meta = location.get("metadata") or {}
    return str(meta.get("store_code") or location.get("name") or location["id"])


def store(location: dict[str, Any], currency: str, prices_include_tax: bool, timezone: str) -> dict[str, Any]:
    address = location.get("address") or {}
    name = location.get("name") or store_code(location)
    if address.get("city") and address.get("city") not in name:
        name = f"{name} ({address['city']})"
    return {"id": store_code(location), "name": name, "currency": currency,
            "prices_include_tax": prices_include_tax, "timezone": timezone}


def barcodes(variant: dict[str, Any]) -> list[str]:
    """barcode, ean and upc; a numeric code with a wrong check digit is dropped (it could never scan)."""
    codes: list[str] = []
    for field in ("barcode", "ean", "upc"):
        code = str(variant.get(field) or "").strip()
        if not code or code in codes:
            continue
        if gtin14(code) and not gtin_check_digit_ok(code):
            continue
        codes.append(code)
    return codes


def product(variant: dict[str, Any], currency: str) -> dict[str, Any] | None:
    sku = variant.get("sku")
    if not sku:
        return None
    parent = variant.get("product") or {}
    prices = [p for p in variant.get("prices") or [] if str(p.get("currency_code", "")).upper() == currency]
    price = amount(prices[0], "amount", currency) if prices else Decimal(0)
    meta = parent.get("metadata") or {}
    title = parent.get("title") or variant.get("title") or sku
    if variant.get("title") and variant.get("title") != title:
        title = f"{title} — {variant['title']}"
    options = {f"option{i + 1}": str(o.get("value")) for i, o in enumerate(variant.get("options") or [])
               if o.get("value") is not None}
    if meta.get(SECOND_HAND_GRADE):  # as the till that graded it wrote it, so every till reads one grade
        options = {"second_hand": str(meta[SECOND_HAND_GRADE])}
    return {"sku": sku, "product_id": variant.get("product_id") or parent.get("id") or sku, "title": title,
            "options": options, "barcodes": barcodes(variant), "price": text_amount(price),
            "tax_rate": str(meta.get("tax_rate") or "0"),
            "category": str(meta.get("category") or parent.get("handle") or "general"),
            "final_sale": bool(meta.get("final_sale", False)),
            "serial_tracked": bool(meta.get("serial_tracked", False))}


def customer(record: dict[str, Any]) -> dict[str, Any]:
    name = " ".join(part for part in (record.get("first_name"), record.get("last_name")) if part) or None
    return {"id": record["id"], "name": name, "email": record.get("email") or None,
            "phone": record.get("phone") or None}


def customer_address(record: dict[str, Any]) -> dict[str, Any] | None:
    """The customer's default shipping address (else their first) as a delivery address: the street,
    postal code, city and country only (no name, phone or company: the contact comes from the sale)."""
    addresses = [a for a in record.get("addresses") or [] if isinstance(a, dict) and a.get("address_1")]
    if not addresses:
        return None
    chosen = next((a for a in addresses if a.get("is_default_shipping")), addresses[0])
    return {"line1": str(chosen["address_1"]), "line2": chosen.get("address_2") or None,
            "postal_code": str(chosen.get("postal_code") or ""), "city": str(chosen.get("city") or ""),
            "country_code": str(chosen.get("country_code") or "fr").lower()}


def item_sku(item: dict[str, Any]) -> str:
    return str(item.get("variant_sku") or f"MEDUSA-{item.get('variant_id') or item['id']}")


def item_product(item: dict[str, Any], currency: str) -> dict[str, Any]:
    """A minimal product for a line whose variant is not (or no longer) in the catalogue."""
    return {"sku": item_sku(item), "product_id": item.get("product_id") or item_sku(item),
            "title": item.get("product_title") or item.get("title") or item_sku(item),
            "price": text_amount(amount(item, "unit_price", currency)), "tax_rate": "0", "category": "general"}


def order(record: dict[str, Any], currency_default: str) -> dict[str, Any]:
    """A Medusa order as a canonical order. Store sales carry `metadata.store_code` (the till's
    store); anything else is a web order (returnable in any store)."""
    currency = str(record.get("currency_code") or currency_default).upper()
    meta = record.get("metadata") or {}
    store_id = meta.get("store_code") or meta.get("posreturns_store_id")
    lines = []
    include_tax = any(i.get("is_tax_inclusive") for i in record.get("items") or [])
    total = amount(record, "shipping_total", currency)
    for item in record.get("items") or []:
        discount = sum((amount(a, "amount", currency) for a in item.get("adjustments") or []), Decimal(0))
        rates = [Decimal(str(t.get("rate") or 0)) for t in item.get("tax_lines") or []]
        tax = amount(item, "tax_total", currency)
        line = {"id": item["id"], "sku": item_sku(item), "qty": qty(item, "quantity"),
                "unit_price": text_amount(amount(item, "unit_price", currency)),
                "discount": text_amount(discount), "tax_rate": format(sum(rates, Decimal(0)).normalize(), "f"),
                "tax": text_amount(tax)}
        lines.append(line)
        total += line_paid(line) + (Decimal(0) if include_tax else tax)
    tenders = []
    for collection in record.get("payment_collections") or []:
        for payment in collection.get("payments") or []:
            if payment.get("canceled_at") or not payment.get("captured_at"):
                continue
            tenders.append({"method": "card", "amount": text_amount(amount(payment, "amount", currency)),
                            "reference": payment["id"]})
    result = {"id": record["id"], "number": str(record.get("display_id") or record["id"]),
              "channel": "store" if store_id else "web", "store_id": store_id or None,
              "placed_at": record["created_at"], "currency": currency, "prices_include_tax": include_tax,
              "customer_id": record.get("customer_id"), "lines": lines, "order_discount": "0",
              "shipping": text_amount(amount(record, "shipping_total", currency)), "tenders": tenders}
    fit_tenders(result, total)
    return result


def prior_returns(record: dict[str, Any], canonical: dict[str, Any]) -> list[dict[str, Any]]:
    """The order's received Medusa returns as canonical prior returns. A return this connector made
    carries the till's own return id (`metadata.posreturns_return_id`, or its exchange's), so the
    till that made it recognises it and never counts it twice, and what the till recorded of it for
    the store-wide report (its till, number, cashier, reasons, dispositions, payout)."""
    exchanges = {x.get("return_id"): x.get("metadata") or {} for x in record.get("exchanges") or []}
    lines = {line["id"]: line for line in canonical["lines"]}
    currency = canonical["currency"]
    result = []
    for ret in record.get("returns") or []:
        if ret.get("status") not in ("received", "partially_received") or ret.get("canceled_at"):
            continue
        meta = {**exchanges.get(ret["id"], {}), **(ret.get("metadata") or {})}
        told: dict[str, Any] = meta[REPORT] if isinstance(meta.get(REPORT), dict) else {}
        out_lines = []
        for item in ret.get("items") or []:
            line = lines.get(item.get("item_id"))
            units = min(qty(item, "received_quantity"), line["qty"]) if line else 0
            if line is None or units <= 0:
                continue
            out_lines += _line_parts(line, units, told.get("lines"), currency)
        if not out_lines:
            continue
        total = sum((Decimal(x["amount"]) for x in out_lines), Decimal(0))
        rid = meta.get(RETURN_ID) or ret["id"]
        result.append({"id": str(rid), "order_id": canonical["id"],
                       "created_at": ret.get("received_at") or ret.get("created_at"),
                       "lines": out_lines,
                       "tenders": [{"method": canonical["tenders"][0]["method"] if canonical["tenders"] else "card",
                                    "amount": text_amount(total)}],
                       **_labels(meta), **_till_record(told, currency)})
    return result


REPORT = "posreturns_report"  # what a till wrote of its return for the store-wide report (markers.py)
TOLD_METHODS = {"original", "store_credit", "exchange"}
TOLD_DECISIONS = {"allowed", "needs_approval"}
PAID_METHODS = {"card", "cash", "gift_card", "store_credit"}


def _line_parts(line: dict[str, Any], units: int, told: Any, currency: str) -> list[dict[str, Any]]:
    """The received units of one order line, split as the till recorded them (one part per reason and
    disposition), with the line's paid share spread so the parts add up to the whole."""
    parts: list[tuple[int, dict[str, str]]] = []
    left = units
    for entry in told if isinstance(told, list) else []:
        if not (isinstance(entry, list) and len(entry) == 4 and entry[0] == line["id"]
                and isinstance(entry[1], int) and entry[1] > 0 and left > 0):
            continue
        taken = min(entry[1], left)
        parts.append((taken, {key: value[:64] for key, value in (("reason", entry[2]), ("disposition", entry[3]))
                              if isinstance(value, str) and value.strip()}))
        left -= taken
    if left:
        parts.append((left, {}))
    paid, out, counted = line_paid(line), [], 0
    for part_units, labels in parts:
        before = (paid * counted / line["qty"]).quantize(quantum(currency), rounding="ROUND_DOWN")
        counted += part_units
        after = (paid * counted / line["qty"]).quantize(quantum(currency), rounding="ROUND_DOWN")
        out.append({"order_line_id": line["id"], "qty": part_units, "amount": text_amount(after - before), **labels})
    return out


def _till_record(told: dict[str, Any], currency: str) -> dict[str, Any]:
    """The canonical return's cashier, approval, decision, refund method, bonus and payout, where
    the till wrote them; anything malformed is left out (the report shows it as not known)."""
    found: dict[str, Any] = {}
    for key, name in (("cashier", "cashier"), ("approved_by", "approved_by")):
        if isinstance(told.get(key), str) and told[key].strip():
            found[name] = told[key][:64]
    if told.get("method") in TOLD_METHODS:
        found["refund_method"] = told["method"]
    if told.get("decision") in TOLD_DECISIONS:
        found["decision"] = told["decision"]
    if isinstance(told.get("bonus"), int) and told["bonus"] > 0:
        found["bonus"] = text_amount(major(told["bonus"], currency))
    if found.get("refund_method") == "exchange":
        if isinstance(told.get("paid_more"), int) and told["paid_more"] > 0:
            found["paid_more"] = text_amount(major(told["paid_more"], currency))
        if told.get("delivery") in ("home", "store"):
            found["delivery"] = told["delivery"]
    paid = [{"method": p[0], "amount": text_amount(major(p[1], currency))} for p in told.get("paid") or []
            if isinstance(p, list) and len(p) == 2 and p[0] in PAID_METHODS and isinstance(p[1], int) and p[1] > 0]
    if paid:
        found["paid"] = paid
    return found


def _labels(meta: dict[str, Any]) -> dict[str, str]:
    found = {"number": meta.get("posreturns_return_number"), "till_id": meta.get("posreturns_till")}
    return {key: str(value)[:64] for key, value in found.items() if isinstance(value, str) and value.strip()}


def fit_tenders(order_record: dict[str, Any], total: Decimal) -> None:
    """Make the tenders add up to the order's total (the contract requires it): what Medusa has
    not captured yet, or has captured beyond, is booked on the first tender / a card tender."""
    tenders = order_record["tenders"]
    paid = sum((Decimal(t["amount"]) for t in tenders), Decimal(0))
    if paid == total:
        return
    if tenders and Decimal(tenders[0]["amount"]) + (total - paid) >= 0:
        tenders[0]["amount"] = text_amount(Decimal(tenders[0]["amount"]) + (total - paid))
    else:
        order_record["tenders"] = [{"method": "card", "amount": text_amount(total)}]


def line_paid(line: dict[str, Any]) -> Decimal:
    return Decimal(line["unit_price"]) * int(line["qty"]) - Decimal(line["discount"])


HELD_NOTE = "posreturns_held_"  # an order's note of a unit a till of the store holds (held_stock.py)
HELD_FIELDS = ("return_id", "return_number", "serial", "reason", "condition", "disposition", "note")


def held_units(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The units held by the returns of an order, from the tills' notes on it, as canonical held units."""
    units = []
    for key, note in sorted((record.get("metadata") or {}).items()):
        if not (key.startswith(HELD_NOTE) and isinstance(note, dict) and note.get("store") and note.get("sku")
                and note.get("return_id")):
            continue
        unit = {"id": key[len(HELD_NOTE):], "till_id": note.get("till"), "store_id": note["store"],
                "sku": note["sku"], "state": note.get("state") or "held", "held_at": note.get("held_at"),
                **{field: note.get(field) for field in HELD_FIELDS}}
        if note.get("by"):
            unit["acted_by"], unit["acted_at"] = note["by"], note.get("at")
        units.append({k: (str(v) if v is not None and not isinstance(v, str) else v) for k, v in unit.items()
                      if v not in (None, "")})
    return units


def latest_of_each(units: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One held unit per id, the last noted (a page's orders come oldest change first). A unit id is made
    from its return's number, so a till reinstalled with its numbering started again notes an id that
    an older order already holds: the page keeps the newer note instead of being refused for it."""
    return list({unit["id"]: unit for unit in units}.values())
