"""The envelope of the outbox events (services/return_events.py, docs/sync.md):
`cache_as_of` = when the orders were last pulled, `payload_sha256` = the fingerprint of the rest,
and `VoucherIssued` names the original order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from helpers.returns import CASHIER, line, open_shop, request

from posreturns.app import Till
from posreturns.persistence.engine import WRITE
from posreturns.services.returns.events import fingerprint


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Till]:
    opened = open_shop(tmp_path / "data")
    yield opened
    opened.close()


def payloads(till: Till) -> list[dict[str, Any]]:
    with till.engine.connect() as connection:
        return [json.loads(p) for (p,) in connection.exec_driver_sql("SELECT payload_json FROM outbox ORDER BY seq")]


def test_every_event_carries_its_fingerprint_and_the_age_of_the_cache(shop: Till) -> None:
    shop.returns.complete(request("PA01-000101", line("TSH-NVY-M"), key="before-any-pull"), CASHIER)
    first = payloads(shop)
    assert first and all(p["cache_as_of"] is None for p in first)      # never pulled from an OMS
    with shop.engine.connect().execution_options(**WRITE) as connection, connection.begin():
        connection.exec_driver_sql("INSERT INTO sync_streams (stream, cursor, last_pulled_at) "
                                   "VALUES ('orders', NULL, '2026-11-26T07:30:00+00:00')")
    shop.returns.complete(request("PA01-000101", line("TSH-NVY-M"), method="store_credit", key="after-a-pull"), CASHIER)
    later = payloads(shop)[len(first):]
    assert [p["event_type"] for p in later] == ["ReturnCompleted", "StockAdjusted", "VoucherIssued"]
    assert {p["cache_as_of"] for p in later} == {"2026-11-26T07:30:00Z"}
    for payload in first + later:
        assert len(payload["payload_sha256"]) == 64 and payload["payload_sha256"] == fingerprint(payload)
    changed = {**later[0], "data": {**later[0]["data"], "refund_total_minor": 1}}
    assert fingerprint(changed) != later[0]["payload_sha256"]          # any change shows


def test_a_voucher_names_the_original_order(shop: Till) -> None:
    answer = shop.returns.complete(request("PA01-000101", line("TSH-NVY-M"), method="store_credit"), CASHIER)
    (voucher,) = [p for p in payloads(shop) if p["event_type"] == "VoucherIssued"]
    assert voucher["data"]["order_id"] == answer["order_id"] and voucher["data"]["order_id"]
    assert voucher["data"]["code"] == answer["voucher"]["code"]


def test_every_event_names_the_version_of_posreturns_that_wrote_it(shop: Till) -> None:
    shop.returns.complete(request("PA01-000101", line("TSH-NVY-M"), method="store_credit"), CASHIER)
    events = payloads(shop)
    assert len(events) == 3
    assert {p["device"]["app_version"] for p in events} == {version("posreturns")} != {None}
    assert all(p["payload_sha256"] == fingerprint(p) for p in events)  # the version is fingerprinted too
