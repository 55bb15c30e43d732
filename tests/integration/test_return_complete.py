"""Completing returns on the demo store through the service: every row and ledger written."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import dump
from helpers.returns import CASHIER, MANAGER, PIN, check_whole, line, request, rows, stock_levels

from posreturns.app import Till
from posreturns.services.errors import BadInput


def db(till: Till) -> Path:
    return till.data_dir / "posreturns.db"


def test_a_return_to_the_original_tenders_writes_every_row_in_one_go(shop: Till) -> None:
    before = stock_levels(db(shop))
    answer = shop.returns.complete(request("PA01-000102", line("ROBE-LIN-38")), CASHIER)
    assert re.fullmatch(r"RPARIS01-T1-000001", answer["return_number"])
    assert (answer["status"], answer["refund_total"], answer["policy_version"]) == (
        "allowed",
        "100.20",
        "2026-11",
    )
    assert [(t["method"], t["amount"], t["executed_by"]) for t in answer["tenders"]] == [
        ("card", "100.20", "host")
    ]
    ret = rows(db(shop), "SELECT * FROM returns WHERE number = ?", (answer["return_number"],))[0]
    assert (ret["order_id"], ret["origin"], ret["store_id"], ret["till_id"], ret["cashier"]) == (
        "ORD-1002",
        "till",
        "PARIS-01",
        "T1",
        "alice",
    )
    assert (ret["refund_total_minor"], ret["policy_version"], ret["decision"], ret["idempotency_key"]) == (
        10020,
        "2026-11",
        "allowed",
        "key-1",
    )
    assert json.loads(ret["result_json"]) == answer and ret["created_at"] == "2026-11-26T09:00:00Z"
    assert ret["customer_id"] == "CUS-002" and ret["approved_by"] is None
    (rl,) = rows(db(shop), "SELECT * FROM return_lines WHERE return_id = ?", (ret["id"],))
    assert (
        rl["order_line_id"],
        rl["qty"],
        rl["refund_minor"],
        rl["tax_minor"],
        rl["reason"],
        rl["disposition"],
    ) == ("ORD-1002-L1", 1, 10020, 1670, "WRONG_SIZE", "RESTOCK")
    (ol,) = rows(db(shop), "SELECT returned_qty, refunded_minor FROM order_lines WHERE id = 'ORD-1002-L1'")
    assert tuple(ol) == (1, 10020)
    tenders = rows(
        db(shop), "SELECT method, refunded_minor FROM tenders WHERE order_id = 'ORD-1002' ORDER BY position"
    )
    assert [tuple(t) for t in tenders] == [("card", 10020), ("cash", 0)]
    assert (
        stock_levels(db(shop))[("PARIS-01", "ROBE-LIN-38", "sellable")]
        == before[("PARIS-01", "ROBE-LIN-38", "sellable")] + 1
    )
    (move,) = rows(db(shop), "SELECT * FROM stock_movements WHERE reason <> 'oms.level'")
    assert (move["sku"], move["bucket"], move["delta"], move["reason"], move["reference"]) == (
        "ROBE-LIN-38",
        "sellable",
        1,
        "return",
        answer["return_number"],
    )
    events = shop.queries.outbox("pending", 10)
    assert [e["event_type"] for e in events] == ["ReturnCompleted", "StockAdjusted"]
    assert [e["seq"] for e in events] == sorted(e["seq"] for e in events)
    data = events[0]["payload"]["data"]
    assert data["lines"][0] | {} == data["lines"][0] and data["lines"][0]["refund_minor"] == 10020
    assert (
        events[0]["payload"]["policy_version"] == "2026-11"
        and events[0]["payload"]["device"]["till_id"] == "T1"
    )
    assert events[1]["payload"]["data"]["deltas"] == [
        {
            "sku": "ROBE-LIN-38",
            "location": "PARIS-01",
            "bucket": "sellable",
            "delta": 1,
            "reason": "return",
            "serial": None,
        }
    ]
    assert len({e["event_id"] for e in events}) == 2
    assert "float" not in json.dumps([e["payload"] for e in events])
    check_whole(db(shop), before)


def test_store_credit_issues_a_voucher_and_still_consumes_the_tenders(shop: Till) -> None:
    answer = shop.returns.complete(request("PA01-000101", line("TSH-NVY-M", 2), method="store_credit"), CASHIER)
    voucher = answer["voucher"]
    assert voucher["amount"] == "59.80" and re.fullmatch(r"V-[0-9A-Z]{4}-[0-9A-Z]{4}", voucher["code"])
    (row,) = rows(db(shop), "SELECT code, amount_minor FROM vouchers")
    assert tuple(row) == (voucher["code"], 5980)
    assert rows(db(shop), "SELECT refunded_minor FROM tenders WHERE order_id = 'ORD-1001'")[0][0] == 5980
    issued = [e for e in shop.queries.outbox(None, 10) if e["event_type"] == "VoucherIssued"]
    assert (
        issued[0]["aggregate"]["id"] == voucher["code"]
        and issued[0]["payload"]["data"]["amount_minor"] == 5980
    )
    check_whole(db(shop))


def test_an_exchange_takes_the_replacement_out_of_sellable_stock(shop: Till) -> None:
    before = stock_levels(db(shop))
    answer = shop.returns.complete(
        request(
            "PA01-000101",
            line("JEAN-SLIM-40"),
            method="exchange",
            exchange_lines=[{"code": "JEAN-SLIM-42", "qty": 1}],
        ), CASHIER
    )
    assert answer["exchange"]["difference"] == "0.00" and answer["tenders"] == []
    after = stock_levels(db(shop))
    assert (
        after[("PARIS-01", "JEAN-SLIM-42", "sellable")]
        == before[("PARIS-01", "JEAN-SLIM-42", "sellable")] - 1
    )
    assert (
        after[("PARIS-01", "JEAN-SLIM-40", "sellable")]
        == before[("PARIS-01", "JEAN-SLIM-40", "sellable")] + 1
    )
    (x,) = rows(db(shop), "SELECT sku, qty, unit_price_minor FROM exchange_lines")
    assert tuple(x) == ("JEAN-SLIM-42", 1, 8900)
    check_whole(db(shop), before)


def test_shipping_of_a_web_order_goes_back_once(shop: Till) -> None:
    first = shop.returns.complete(
        request("W-100201", line("TSH-RED-M", reason="DEFECTIVE", condition="USED"), key="a"), CASHIER
    )
    assert first["shipping"] == "4.90"
    assert rows(db(shop), "SELECT shipping_refunded_minor FROM orders WHERE id = 'ORD-W2001'")[0][0] == 490
    second = shop.returns.complete(
        request("W-100201", line("TSH-RED-M", reason="DEFECTIVE", condition="USED"), key="b"), CASHIER
    )
    assert second["shipping"] == "0.00"
    check_whole(db(shop))


def test_serial_numbers_must_be_sold_on_the_line_and_are_kept(shop: Till) -> None:
    with pytest.raises(BadInput, match="SN-NOPE"):
        shop.returns.complete(
            request("PA01-000104", line("CASQ-BT-NOIR", serial="SN-NOPE", reason="DEFECTIVE")), CASHIER
        )
    shop.returns.complete(
        request(
            "PA01-000104", line("CASQ-BT-NOIR", serial="SN-CQ-0001", reason="DEFECTIVE", condition="OPENED")
        ), CASHIER
    )
    assert (
        rows(db(shop), "SELECT serial FROM return_lines WHERE order_line_id = 'ORD-1004-L1'")[0][0]
        == "SN-CQ-0001"
    )
    with pytest.raises(BadInput, match="already been returned"):
        shop.returns.complete(request("PA01-000104", line("CASQ-BT-NOIR", serial="SN-CQ-0001"), key="again"), CASHIER)


def test_a_receiptless_return_gives_store_credit_at_todays_price(shop: Till) -> None:
    answer = shop.returns.complete(
        request(
            None,
            line("TSH-WHT-S", reason="CHANGED_MIND"),
            method="store_credit",
            customer={"phone": "06 00 00 00 01"},
        ), CASHIER
    )
    assert answer["receipt"] is None and answer["voucher"]["amount"] == "29.90"
    (ret,) = rows(db(shop), "SELECT order_id, refund_total_minor FROM returns WHERE origin = 'till'")
    assert tuple(ret) == (None, 2990)
    check_whole(db(shop))


def test_offline_returns_are_marked_and_counted_against_the_till_cap(shop: Till) -> None:
    shop.returns.complete(request("PA01-000101", line("JEAN-SLIM-40"), offline=True), CASHIER)
    assert rows(db(shop), "SELECT offline FROM returns WHERE origin = 'till'")[0][0] == 1
    assert shop.queries.offline_refunded("T1", shop.clock.now().replace(hour=0)) == 8900
    event = shop.queries.outbox(None, 1)[0]
    assert event["payload"]["offline"] is True


def test_return_numbers_follow_a_per_till_counter(shop: Till) -> None:
    numbers = [
        shop.returns.complete(request("PA01-000101", line("TSH-NVY-M"), key=k), CASHIER)["return_number"]
        for k in ("a", "b")
    ]
    assert numbers == ["RPARIS01-T1-000001", "RPARIS01-T1-000002"]
    other = shop.returns.complete(request("PA01-000102", line("CHAUSS-PACK"), key="c", till_id="T2"), CASHIER)
    assert other["return_number"] == "RPARIS01-T2-000001"


def test_show_gives_the_stored_answer_and_the_sync_state(shop: Till) -> None:
    answer = shop.returns.complete(request("PA01-000102", line("CHAUSS-PACK", 2)), CASHIER)
    shown = shop.returns.show(answer["return_number"].lower())
    assert shown["refund_total"] == answer["refund_total"] and shown["origin"] == "till"
    assert [s["event_type"] for s in shown["sync"]] == ["ReturnCompleted", "StockAdjusted"]
    imported = shop.returns.show("RET-OMS-0001")
    assert imported["origin"] == "oms" and imported["lines"][0]["qty"] == 1


def test_a_quote_writes_nothing_even_with_a_wrong_pin(shop: Till) -> None:
    before = dump(shop)
    quoted = shop.returns.quote(
        request(
            "PA01-000108",
            line("MONTRE-CONN-42", serial="SN-MW-4201"),
            line("CASQ-BT-BLANC", serial="SN-CQ-0107"),
            approval={"manager": MANAGER, "pin": "0000"},
        )
    )
    assert quoted["status"] == "needs_approval" and quoted["return_number"] is None
    shop.returns.quote(request("PA01-000101", line("TSH-NVY-M"), method="store_credit"))
    assert dump(shop) == before


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"receipt": "PA01-000101"}, 'no "lines"'),
        (request("PA01-000101", line("TSH-NVY-M", reason="WRONG_SIZ")), "lines[0].reason"),
        (request("PA01-000101", line("TSH-NVY-M", 3)), "Only 2"),
        (request("PA01-000101", line("NOPE-123")), "not a product this till knows"),
        (request("PA01-000101", line("ROBE-LIN-38")), "not on receipt PA01-000101"),
        (request("PA01-000106", line("TSH-WHT-M", 3)), "Only 2"),
        (request("PA01-000101", line("TSH-NVY-M"), key=None), "idempotency_key"),
        (request("PA01-000101", line("TSH-NVY-M"), colour="red"), '"colour"'),
        (request("PA01-000101", line("TSH-NVY-M", reason="OTHER")), "needs a note"),
    ],
)
def test_bad_requests_say_what_is_wrong_and_write_nothing(shop: Till, body: dict, message: str) -> None:
    before = dump(shop)
    with pytest.raises(
        BadInput if "Only" not in message and "note" not in message else Exception, match=re.escape(message)
    ) as raised:
        shop.returns.complete(body, CASHIER)
    assert str(raised.value).count(". ") == 0 and str(raised.value).endswith(".")
    assert dump(shop) == before


def test_the_last_replacement_taken_by_another_till_meanwhile_is_not_handed_out_twice(
        shop: Till, monkeypatch: pytest.MonkeyPatch) -> None:
    """The quote saw the last unit in stock; by commit time another till has taken it. The commit
    notices (stock would go below zero), quotes again, and refuses with the reason."""
    with shop.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE stock_levels SET qty = 0 WHERE location = 'PARIS-01' "
                                   "AND sku = 'JEAN-SLIM-42' AND bucket = 'sellable'")
    real = shop.queries.sellable
    stale = iter([1])  # the first quote still sees the unit the other till just took
    monkeypatch.setattr(shop.queries, "sellable", lambda sku, location: next(stale, None) or real(sku, location))
    before = dump(shop)
    with pytest.raises(Exception, match="not in stock in this store") as raised:
        shop.returns.complete(request("PA01-000101", line("JEAN-SLIM-40"), method="exchange",
                                      exchange_lines=[{"code": "JEAN-SLIM-42", "qty": 1}]), CASHIER)
    assert "LedgerChanged" not in type(raised.value).__name__
    assert dump(shop) == before


def test_a_manager_lifts_a_refusal_with_a_reason_signed_and_audited_once(shop: Till) -> None:
    late = request("PA01-000107", line("BASK-CUIR-39"), method="store_credit")  # 45 days ago: refused
    assert shop.returns.quote(late)["refusal_paths"] == ["override", "goodwill"]
    with pytest.raises(BadInput, match="override.reason"):
        shop.returns.quote({**late, "override": {"path": "goodwill", "reason": " "}})
    goodwill = {**late, "override": {"path": "goodwill", "reason": "Regular customer, box unopened"}}
    asked = shop.returns.quote(goodwill)
    assert asked["status"] == "needs_approval" and asked["refund_total"] == "139.00"
    done = shop.returns.complete({**goodwill, "approval": {"manager": MANAGER, "pin": PIN}}, CASHIER)
    assert done["approved_by"] == MANAGER and done["voucher"]["amount"] == "139.00"
    entries = rows(db(shop), "SELECT actor, detail_json FROM audit_log WHERE action = 'return.approved'")
    assert [(actor, json.loads(detail)["override"]) for actor, detail in entries] == [
        (MANAGER, {"path": "goodwill", "reason": "Regular customer, box unopened"})]
    assert "window" in json.loads(entries[0][1])["rules"]


def test_a_ledger_check_constraint_that_fires_at_commit_quotes_the_return_again(
        shop: Till, monkeypatch: pytest.MonkeyPatch) -> None:
    """The last guard: with the re-read of the ledgers switched off, another till's return of the
    whole line lands just before this one writes; the order lines' CHECK refuses the write, and the
    return is quoted again from what is stored now, which refuses it. Nothing of it is written."""
    from posreturns.persistence import return_recorder

    monkeypatch.setattr(return_recorder, "_check_ledgers", lambda connection, c: None)
    recorder = shop.return_service.recorder
    record = recorder.record
    other_till = iter([True])

    def after_another_till(c: object) -> object:
        if next(other_till, False):
            with shop.engine.begin() as connection:
                connection.exec_driver_sql("UPDATE order_lines SET returned_qty = qty WHERE order_id = "
                                           "(SELECT id FROM orders WHERE number = 'PA01-000101')")
        return record(c)  # type: ignore[arg-type]

    monkeypatch.setattr(recorder, "record", after_another_till)
    before = rows(db(shop), "SELECT COUNT(*) FROM returns")[0][0]
    with pytest.raises(Exception, match="already been returned") as raised:
        shop.returns.complete(request("PA01-000101", line("TSH-NVY-M")), CASHIER)
    assert "IntegrityError" not in type(raised.value).__name__
    assert rows(db(shop), "SELECT COUNT(*) FROM returns")[0][0] == before
