"""Grading at the till: a unit the policy sends to second hand is held in the manager's queue unless the
cashier gives its grade with the return; then it becomes a second-hand item at once (its own SKU,
in-store EAN-13, graded price), and its label prints with the receipt, decoded from the paper."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from helpers.cli import run_in
from helpers.returns import rows
from PIL import Image
from posdrivers.virtual.printer import VirtualPrinter

from posreturns.app import open_restock, open_till
from posreturns.domain.held_units import UnitState

CASHIER = ("--user", "camille", "--pin-stdin")
SECOND_HAND_POLICY = '''version = "2026-11-resale"
[[dispositions]]
name = "used-goes-second-hand"
conditions = ["USED"]
disposition = "RESALE"
'''


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "demo"
    assert run_in(folder, "demo", "--today", "2026-11-26")[0] == 0
    with open_till(folder) as till:
        till.policies.install(SECOND_HAND_POLICY, "resale.toml")
    yield folder


def complete(store: Path, key: str, **line: str) -> tuple[int, dict[str, object], str]:
    body = {"receipt": "PA01-000101", "idempotency_key": key, "refund_method": "store_credit",
            "lines": [{"code": "TSH-NVY-M", "qty": 1, "reason": "CHANGED_MIND", "condition": "USED", **line}]}
    code, out, err = run_in(store, "return", "complete", *CASHIER, stdin="2580\n" + json.dumps(body))
    return code, (json.loads(out) if code == 0 else {}), err


def test_a_unit_graded_at_the_till_is_a_second_hand_item_with_its_label(store: Path, printer: VirtualPrinter) -> None:
    assert run_in(store, "config", "set", "printer.url", printer.url, "--user", "sophie", "--pin-stdin",
                  stdin="1234\n")[0] == 0
    code, answer, err = complete(store, "graded", grade="B")
    assert code == 0, err
    (item,) = answer["second_hand"]  # type: ignore[misc]
    assert item["grade"] == "B" and item["sku"].startswith("SH-") and "second_hand_problem" not in answer
    with open_till(store) as till:
        restock = open_restock(till)
        assert not restock.queue()                                    # it never waits for a grade
        (unit,) = restock.queue(include_done=True)
        assert (unit.state, unit.acted_by, unit.disposition) == (UnitState.RESALE, "camille", "RESALE")
        (listed,) = restock.resale_items()
        assert (listed.sku, listed.ean13) == (item["sku"], item["ean13"])
        levels = {(r["sku"], r["bucket"]): r["qty"] for r in rows(till.data_dir / "posreturns.db",
                  "SELECT sku, bucket, qty FROM stock_levels WHERE qty != 0 AND bucket != 'sellable'")}
        assert levels == {(item["sku"], "resale"): 1}                 # in through quarantine, out to second hand
    kinds = [r["kind"] for r in rows(store / "posreturns.db", "SELECT kind FROM print_jobs ORDER BY id")]
    assert kinds == ["return_receipt", "resale_label"]
    with Image.open(printer.wait_for_job(2).png_path) as image:
        assert {r.text for r in zxingcpp.read_barcodes(image.convert("L"))} == {item["ean13"]}


def test_without_a_grade_the_unit_waits_in_the_queue_and_a_grade_elsewhere_is_refused(store: Path) -> None:
    code, answer, err = complete(store, "ungraded")
    assert code == 0 and "second_hand" not in answer, err
    with open_till(store) as till:
        (unit,) = open_restock(till).queue()
        assert (unit.disposition, unit.state) == ("RESALE", UnitState.HELD)
    code, _answer, err = complete(store, "wrong", condition="NEW_WITH_TAGS", grade="A")
    assert code == 2 and "only a unit the policy sends to second hand is graded at the till" in err
    assert len(rows(store / "posreturns.db", "SELECT id FROM returns WHERE origin = 'till'")) == 1  # nothing written
