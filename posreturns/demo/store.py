"""The deterministic French demo store PARIS-01, as a canonical `posreturns/1` document.

Sales are dated relative to an anchor day (today by default), so that the demo's receipts stay
inside the return window whenever it is loaded; for a given anchor the document is always the same.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
STORE = {"id": "PARIS-01", "name": "Maison Lumière — Paris Rivoli", "currency": "EUR",
         "prices_include_tax": True, "timezone": "Europe/Paris"}
NEARBY_STORE = {"id": "PARIS-03", "name": "Maison Lumière — Paris Marais", "currency": "EUR",
                "prices_include_tax": True, "timezone": "Europe/Paris"}
OTHER_STORE = {"id": "LYON-02", "name": "Maison Lumière — Lyon Bellecour", "currency": "EUR",
               "prices_include_tax": True, "timezone": "Europe/Paris"}
# Sizes sold out here, to exchange from the network with a delivery promise (see demo/network.py).
NOT_HERE = ("BASK-CUIR-42", "ROBE-LIN-36", "TSH-RED-XL")


def _ean13(body12: str) -> str:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


def _products() -> list[dict[str, Any]]:
    products: list[dict[str, Any]] = []
    serial = 0

    def add(sku: str, pid: str, title: str, options: dict[str, str], price: str, category: str,
            final_sale: bool = False, serial_tracked: bool = False, rate: str = "20") -> None:
        nonlocal serial
        serial += 1
        products.append({"sku": sku, "product_id": pid, "title": title, "options": options,
                         "barcodes": [_ean13(f"376000{serial:06d}")], "price": price, "tax_rate": rate,
                         "category": category, "final_sale": final_sale, "serial_tracked": serial_tracked})

    for colour, code in (("Blanc", "WHT"), ("Bleu marine", "NVY"), ("Rouge", "RED")):
        for size in ("S", "M", "L", "XL"):
            add(f"TSH-{code}-{size}", "P-TSHIRT", f"T-shirt coton bio {colour} {size}",
                {"couleur": colour, "taille": size}, "29.90", "apparel")
    for size in ("36", "38", "40", "42", "44"):
        add(f"JEAN-SLIM-{size}", "P-JEAN", f"Jean slim brut {size}", {"taille": size}, "89.00", "apparel")
        add(f"ROBE-LIN-{size}", "P-ROBE", f"Robe en lin {size}", {"taille": size}, "120.00", "apparel")
    for size in ("39", "40", "41", "42", "43", "44"):
        add(f"BASK-CUIR-{size}", "P-BASKET", f"Baskets cuir blanc {size}", {"pointure": size}, "139.00", "shoes")
    add("CASQ-BT-NOIR", "P-CASQUE", "Casque Bluetooth à réduction de bruit, noir", {"couleur": "Noir"},
        "249.00", "electronics", serial_tracked=True)
    add("CASQ-BT-BLANC", "P-CASQUE", "Casque Bluetooth à réduction de bruit, blanc", {"couleur": "Blanc"},
        "249.00", "electronics", serial_tracked=True)
    add("MONTRE-CONN-42", "P-MONTRE", "Montre connectée 42 mm", {"taille": "42 mm"}, "329.00", "electronics",
        serial_tracked=True)
    add("ENC-PORT", "P-ENCEINTE", "Enceinte portable étanche", {}, "79.90", "electronics")
    add("MAILLOT-M", "P-MAILLOT", "Maillot de bain — soldes finales", {"taille": "M"}, "45.00", "swimwear",
        final_sale=True)
    add("CHAUSS-PACK", "P-CHAUSSETTES", "Lot de 3 paires de chaussettes", {}, "15.00", "apparel")
    add("LIVRE-MODE", "P-LIVRE", "Livre « Histoire de la mode »", {}, "35.00", "books", rate="5.5")
    return products


CUSTOMERS = [
    {"id": "CUS-001", "name": "Camille Martin", "email": "camille.martin@example.fr", "phone": "+33 6 12 34 56 78"},
    {"id": "CUS-002", "name": "Hélène Dupré", "email": "helene.dupre@example.fr", "phone": "06 98 76 54 32"},
    {"id": "CUS-003", "name": "Lucas Bernard", "email": "lucas.bernard@example.fr", "phone": "07 11 22 33 44"},
    {"id": "CUS-004", "name": "Inès Lefèvre", "email": "ines.lefevre@example.fr", "phone": "06 55 44 33 22"},
    {"id": "CUS-005", "name": "Théo Moreau", "email": "theo.moreau@example.fr", "phone": "06 01 02 03 04"},
]


def demo_price_history(anchor: date | None = None) -> list[tuple[str, int, datetime]]:
    """Past shelf prices (SKU, minor units, from when): a weekend promotion on the speaker 10 days ago
    and a headphone offer 20 to 15 days ago, inside the default 30 days a return without a receipt
    looks back; the jeans' winter price of 40 days ago is outside it."""
    day = anchor or date.today()

    def at(days_ago: int) -> datetime:
        return datetime.combine(day - timedelta(days=days_ago), time(8, 0), PARIS)

    points = [("ENC-PORT", 7990, at(60)), ("ENC-PORT", 5990, at(10)), ("ENC-PORT", 7990, at(8)),
              ("CASQ-BT-NOIR", 24900, at(60)), ("CASQ-BT-NOIR", 19900, at(20)), ("CASQ-BT-NOIR", 24900, at(15))]
    return points + [(f"JEAN-SLIM-{size}", minor, at(days)) for size in ("36", "38", "40", "42", "44")
                     for minor, days in ((6900, 60), (8900, 40))]


def _at(anchor: date, days_ago: int, hour: int, minute: int = 0) -> str:
    moment = datetime.combine(anchor - timedelta(days=days_ago), time(hour, minute), PARIS)
    return moment.isoformat()


def _order(oid: str, number: str, channel: str, placed_at: str, customer: str | None,
           lines: list[tuple[str, str, int, str, str]], tenders: list[dict[str, str]],
           order_discount: str = "0", shipping: str = "0",
           serials: dict[int, list[str]] | None = None) -> dict[str, Any]:
    out_lines = []
    for i, (sku, _title, qty, unit, discount) in enumerate(lines):
        line = {"id": f"{oid}-L{i + 1}", "sku": sku, "qty": qty, "unit_price": unit, "discount": discount,
                "tax_rate": "5.5" if sku == "LIVRE-MODE" else "20"}
        if serials and i in serials:
            line["serials"] = serials[i]
        out_lines.append(line)
    return {"id": oid, "number": number, "channel": channel, "store_id": "PARIS-01" if channel == "store" else None,
            "placed_at": placed_at, "currency": "EUR", "prices_include_tax": True, "customer_id": customer,
            "lines": out_lines, "order_discount": order_discount, "shipping": shipping, "tenders": tenders}


def _card(amount: str, last4: str) -> dict[str, str]:
    return {"method": "card", "amount": amount, "reference": f"CB-{last4}", "card_last4": last4}


def demo_document(anchor: date | None = None) -> dict[str, Any]:
    """The demo store as a canonical document; `anchor` is 'today' for the demo's dates."""
    day = anchor or date.today()
    orders = [
        # A simple store sale: two T-shirts and a jean, paid by card.
        _order("ORD-1001", "PA01-000101", "store", _at(day, 3, 11, 5), "CUS-001",
               [("TSH-NVY-M", "", 2, "29.90", "0"), ("JEAN-SLIM-40", "", 1, "89.00", "0")],
               [_card("148.80", "4242")]),
        # Line discount and an order discount, split between card and cash.
        _order("ORD-1002", "PA01-000102", "store", _at(day, 6, 15, 40), "CUS-002",
               [("ROBE-LIN-38", "", 1, "120.00", "12.00"), ("BASK-CUIR-41", "", 1, "139.00", "0"),
                ("CHAUSS-PACK", "", 2, "15.00", "0")],
               [_card("200.00", "1881"), {"method": "cash", "amount": "57.00"}], order_discount="20.00"),
        # A sale item (40 % off): store credit or exchange only.
        _order("ORD-1003", "PA01-000103", "store", _at(day, 9, 17, 15), "CUS-003",
               [("JEAN-SLIM-42", "", 1, "89.00", "35.60"), ("TSH-WHT-L", "", 1, "29.90", "0")],
               [{"method": "cash", "amount": "83.30"}]),
        # Electronics with serials, partly paid with a gift card.
        _order("ORD-1004", "PA01-000104", "store", _at(day, 12, 10, 30), "CUS-004",
               [("CASQ-BT-NOIR", "", 1, "249.00", "0"), ("ENC-PORT", "", 1, "79.90", "0")],
               [{"method": "gift_card", "amount": "50.00", "reference": "GC-7781"}, _card("278.90", "0005")],
               serials={0: ["SN-CQ-0001"]}),
        # Final-sale swimwear: refused by policy.
        _order("ORD-1005", "PA01-000105", "store", _at(day, 2, 16, 0), "CUS-005",
               [("MAILLOT-M", "", 1, "45.00", "0"), ("TSH-RED-S", "", 1, "29.90", "0")],
               [_card("74.90", "3333")]),
        # Already partly returned (see "returns"): 1 of 3 T-shirts back.
        _order("ORD-1006", "PA01-000106", "store", _at(day, 15, 12, 20), "CUS-001",
               [("TSH-WHT-M", "", 3, "29.90", "0"), ("LIVRE-MODE", "", 1, "35.00", "0")],
               [_card("124.70", "4242")]),
        # Past the 30-day window.
        _order("ORD-1007", "PA01-000107", "store", _at(day, 45, 14, 0), "CUS-002",
               [("BASK-CUIR-39", "", 1, "139.00", "0")], [_card("139.00", "1881")]),
        # A watch over 300 € with serial, split card + store credit.
        _order("ORD-1008", "PA01-000108", "store", _at(day, 20, 18, 45), "CUS-003",
               [("MONTRE-CONN-42", "", 1, "329.00", "0"), ("CASQ-BT-BLANC", "", 1, "249.00", "49.80")],
               [{"method": "store_credit", "amount": "100.00", "reference": "V-DEMO-0001"}, _card("428.20", "7070")],
               serials={0: ["SN-MW-4201"], 1: ["SN-CQ-0107"]}),
        # Web orders, returned in store (buy online, return in store).
        _order("ORD-W2001", "W-100201", "web", _at(day, 8, 21, 10), "CUS-004",
               [("ROBE-LIN-40", "", 1, "120.00", "0"), ("TSH-RED-M", "", 2, "29.90", "0")],
               [_card("174.70", "0005")], order_discount="10.00", shipping="4.90"),
        _order("ORD-W2002", "W-100202", "web", _at(day, 4, 9, 0), "CUS-005",
               [("BASK-CUIR-43", "", 1, "139.00", "0")], [_card("139.00", "3333")]),
    ]
    products = _products()
    stock = []
    for i, product in enumerate(products):
        here = 0 if product["sku"] in NOT_HERE else 2 + (i * 7) % 9
        stock.append({"sku": product["sku"], "location": "PARIS-01", "sellable": here})
        stock.append({"sku": product["sku"], "location": "PARIS-03", "sellable": (i * 3) % 4})
        stock.append({"sku": product["sku"], "location": "LYON-02", "sellable": (i * 5) % 6})
        stock.append({"sku": product["sku"], "location": "WAREHOUSE", "sellable": 20 + i % 10})
    returns = [{"id": "RET-OMS-0001", "order_id": "ORD-1006", "created_at": _at(day, 10, 11, 0),
                "lines": [{"order_line_id": "ORD-1006-L1", "qty": 1, "amount": "29.90"}],
                "tenders": [{"method": "card", "amount": "29.90"}]}]
    # copies: a caller that edits its document (a test making a bad file) must not edit the demo of the next
    return {"format": "posreturns/1", "stores": [dict(s) for s in (STORE, NEARBY_STORE, OTHER_STORE)],
            "products": products, "customers": [dict(c) for c in CUSTOMERS], "orders": orders, "stock": stock,
            "returns": returns}
