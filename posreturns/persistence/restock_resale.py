"""Second hand over SQLite: a graded unit becomes its own variant (so it scans at the till) with an
in-store EAN-13, moved from quarantine to the resale bucket under that SKU."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import Connection

from posreturns.domain.held_units import UnitAction, check_can_act
from posreturns.domain.messages import translate
from posreturns.domain.money import div_half_up
from posreturns.domain.resale import BLOCK_DIGITS, Grade, till_ean13
from posreturns.domain.returns import StockBucket
from posreturns.domain.utc import format_utc, parse_utc
from posreturns.persistence.engine import WRITE
from posreturns.persistence.restock_store import leave_queue, unit_or_fail
from posreturns.services.errors import BadInput
from posreturns.services.normalize import barcode_key
from posreturns.services.restock_ports import Actor, ResaleItem, ResaleOffer, UnitChange

_ITEMS = ("SELECT i.sku, i.unit_id, i.ean13, i.grade, i.price_minor, i.refund_minor, i.currency, i.created_at, "
          "i.created_by, v.title FROM resale_items i JOIN variants v ON v.sku = i.sku ")


def _item(row: Any) -> ResaleItem:
    return ResaleItem(row.sku, row.unit_id, row.ean13, Grade(row.grade), row.title, row.price_minor, row.refund_minor,
                      row.currency, parse_utc(row.created_at), row.created_by)


def next_code(connection: Connection, prefix: str) -> str:
    """The next in-store code of this till's block (claimed in the OMS by the sync; block 0 on a till
    without an OMS), past the highest code of the block the catalogue holds (a restored backup, codes the
    OMS already has) and never a code already taken: a code is never issued twice."""
    run = connection.exec_driver_sql
    settings: dict[str, str] = dict(run("SELECT key, value FROM settings WHERE key IN "
                                        "('resale.ean_block', 'resale.ean_seq', 'oms.url')").all())
    block = settings.get("resale.ean_block")
    if block is None and settings.get("oms.url"):
        raise BadInput(translate("persistence.resale", "This till has no block of second-hand codes from the OMS "
                                                       "yet, so its labels could repeat another till's; connect it "
                                                       "to the OMS (posreturns sync --once) and try again."))
    block_number = int(block or 0)
    first12 = till_ean13(prefix, block_number, 1)[:12]
    stem = "0" + first12[: len(prefix) + BLOCK_DIGITS]
    highest = run("SELECT MAX(code) FROM barcodes WHERE code LIKE ? AND length(code) = 14", (stem + "%",)).scalar()
    seq = max(int(settings.get("resale.ean_seq") or 0), int(highest[len(stem):13]) if highest else 0)
    while True:  # a code already taken (an import, a restored backup) is skipped, never reused
        seq += 1
        ean = till_ean13(prefix, block_number, seq)
        if run("SELECT 1 FROM barcodes WHERE code = ?", (barcode_key(ean),)).first() is None:
            break
    run("INSERT INTO settings (key, value) VALUES ('resale.ean_seq', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(seq),))
    return ean


def resale_sku(unit_id: str) -> str:
    return "SH-" + unit_id.removeprefix("U")


class SqlResale:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def paid_per_unit(self, unit_id: str) -> int:
        """What the customer paid for one unit: the sale line's price paid, else the refund (receipt-less)."""
        with self.engine.connect() as connection:
            row = connection.exec_driver_sql(
                "SELECT ol.paid_minor, ol.qty, l.refund_minor, l.fee_minor, l.qty AS returned FROM held_units h "
                "JOIN return_lines l ON l.id = h.return_line_id LEFT JOIN order_lines ol ON ol.id = l.order_line_id "
                "WHERE h.id = ?", (unit_id,)).first()
        if row is None:
            return 0
        if row.paid_minor is not None:
            return div_half_up(row.paid_minor, row.qty)
        return div_half_up(row.refund_minor + row.fee_minor, max(1, row.returned))

    def resell(self, actor: Actor, offer: ResaleOffer) -> ResaleItem:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            run = connection.exec_driver_sql
            unit = unit_or_fail(connection, offer.unit_id)
            check_can_act(unit, UnitAction.RESALE)
            sku = resale_sku(unit.id)
            ean = next_code(connection, offer.ean_prefix)
            product = run("SELECT product_id, tax_rate, serial_tracked FROM variants WHERE sku = ?",
                          (unit.sku,)).first()
            if product is None:
                raise BadInput(f"{unit.sku} is not in this till's catalogue, so its second-hand item cannot be "
                               "created; pull the catalogue from the OMS (posreturns sync --once) and try again.")
            run("INSERT INTO variants (sku, product_id, title, options_json, price_minor, tax_rate, final_sale, "
                "serial_tracked) VALUES (?,?,?,?,?,?,0,?)",
                (sku, product.product_id, offer.title, json.dumps({"second_hand": offer.grade.value}),
                 offer.price_minor, product.tax_rate, product.serial_tracked))
            run("INSERT INTO barcodes (code, sku) VALUES (?, ?)", (barcode_key(ean), sku))
            run("INSERT INTO resale_items (sku, unit_id, ean13, grade, price_minor, refund_minor, currency, "
                "created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?)",
                (sku, unit.id, ean, offer.grade.value, offer.price_minor, offer.refund_minor, offer.currency,
                 format_utc(actor.at), actor.user_id))
            extra = {"resale": {"sku": sku, "ean13": ean, "grade": offer.grade.value, "price_minor": offer.price_minor,
                                "refund_minor": offer.refund_minor, "currency": offer.currency, "title": offer.title}}
            leave_queue(connection, actor, unit, UnitChange(unit.id, UnitAction.RESALE, f"grade {offer.grade.value}"),
                        extra, moves_to=(sku, StockBucket.RESALE))
            return _item(run(_ITEMS + "WHERE i.sku = ?", (sku,)).one())

    def items(self) -> list[ResaleItem]:
        with self.engine.connect() as connection:
            return [_item(row) for row in connection.exec_driver_sql(_ITEMS + "ORDER BY i.created_at, i.sku")]

    def item(self, unit_id: str) -> ResaleItem | None:
        with self.engine.connect() as connection:
            row = connection.exec_driver_sql(_ITEMS + "WHERE i.unit_id = ?", (unit_id.strip().upper(),)).first()
        return None if row is None else _item(row)
