"""Receipt-less returns valued from the price history the cache keeps: recorded by imports and pulls,
told by the demo's promotions, read over the policy's last N days."""

from __future__ import annotations

import json
from datetime import date

from helpers.returns import CASHIER, MANAGER, PIN, line, request, rows

from posreturns.app import Till
from posreturns.demo.store import demo_document, demo_price_history
from posreturns.persistence.price_history import record_price_points
from posreturns.services.importing import import_bytes

CONTACT = {"phone": "06 00 00 00 01"}


def test_an_import_records_a_price_only_when_it_changes(shop: Till) -> None:
    document = demo_document(date(2026, 11, 26))
    database = shop.data_dir / "posreturns.db"
    before = rows(database, "SELECT * FROM price_history")
    import_bytes(json.dumps(document).encode(), "again", shop.cache_writer)  # the same prices: nothing new
    assert rows(database, "SELECT * FROM price_history") == before
    # a point is to the second: the set-up's points an hour back, so the new price cannot land on their second
    with shop.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE price_history SET valid_from = strftime('%Y-%m-%dT%H:%M:%SZ', "
                                   "valid_from, '-1 hour')")
    (speaker,) = [p for p in document["products"] if p["sku"] == "ENC-PORT"]
    speaker["price"] = "69.90"
    import_bytes(json.dumps(document).encode(), "new price", shop.cache_writer)
    history = rows(database,
                   "SELECT price_minor, source FROM price_history WHERE sku = 'ENC-PORT' ORDER BY valid_from")
    assert [tuple(row) for row in history][-2:] == [(7990, "demo"), (6990, "new price")]


def test_without_a_receipt_the_lowest_price_of_the_last_30_days_is_refunded_and_shown(shop: Till) -> None:
    record_price_points(shop.engine, demo_price_history(date(2026, 11, 26)), "demo")
    answer = shop.returns.quote(request(None, line("ENC-PORT", reason="CHANGED_MIND"), method="store_credit",
                                        customer=CONTACT))
    assert answer["refund_total"] == "59.90"  # the weekend promotion 10 days ago, not today's 79.90
    (steps,) = [ln["breakdown"] for ln in answer["lines"]]
    lowest = next(step for step in steps if step["key"] == "lowest_price")
    assert lowest["amount"] == "-20.00" and "since 2026-11-16" in lowest["en"]
    jeans = shop.returns.quote(request(None, line("JEAN-SLIM-40", reason="CHANGED_MIND"),
                                       method="store_credit", customer=CONTACT))
    assert jeans["refund_total"] == "89.00"  # its lower price ended 40 days ago, outside the window
    done = shop.returns.complete(request(None, line("ENC-PORT", reason="CHANGED_MIND"), method="store_credit",
                                         customer=CONTACT, approval={"manager": MANAGER, "pin": PIN}), CASHIER)
    assert done["voucher"]["amount"] == "59.90"
