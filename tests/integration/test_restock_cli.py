"""The restock commands on the demo store: JSON like the rest, a manager's PIN for every action, one
sentence and exit 2 for what is refused, and labels printed after the action, decoded from the paper."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from helpers.cli import run_in
from helpers.restock import hold
from helpers.returns import rows
from PIL import Image
from posdrivers.virtual.printer import VirtualPrinter

from posreturns.app import open_till

MANAGER = ("--user", "sophie", "--pin-stdin")
UNIT1, UNIT2 = "UPARIS01-T1-000001-1", "UPARIS01-T1-000001-2"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    folder = tmp_path / "demo"
    assert run_in(folder, "demo", "--today", "2026-11-26")[0] == 0
    with open_till(folder) as till:
        hold(till, "PA01-000101", "TSH-NVY-M", 2)
    return folder


@pytest.fixture
def paper(store: Path, printer: VirtualPrinter) -> Iterator[VirtualPrinter]:
    assert run_in(store, "config", "set", "printer.url", printer.url, *MANAGER, stdin="1234\n")[0] == 0
    yield printer


def codes(printer: VirtualPrinter, job: int) -> dict[str, str]:
    with Image.open(printer.wait_for_job(job).png_path) as image:
        return {r.format.name: r.text for r in zxingcpp.read_barcodes(image.convert("L"))}


def test_list_shows_the_held_units_as_json(store: Path) -> None:
    code, out, _ = run_in(store, "--json", "restock", "list")
    units = json.loads(out)["units"]
    assert code == 0 and [u["id"] for u in units] == [UNIT1, UNIT2]
    assert units[0]["alerts"] == ["notify_buyer"] and units[0]["state"] == "held" and units[0]["age_hours"] >= 0
    assert run_in(store, "restock", "list", "--reason", "WRONG_SIZE")[1].startswith("No unit is held")
    code, out, _ = run_in(store, "--json", "restock", "show", UNIT2.lower())
    assert code == 0 and json.loads(out)["order_number"] == "PA01-000101"


def test_release_needs_a_manager_and_a_second_action_is_refused_with_who(store: Path) -> None:
    code, _out, err = run_in(store, "--json", "restock", "release", UNIT1, "--user", "camille", "--pin-stdin",
                             stdin="2580\n")
    assert code == 2 and json.loads(err)["error"]["code"] == "pin_refused"
    code, out, _ = run_in(store, "--json", "restock", "release", UNIT1, "--by", "sophie", "--pin-stdin", stdin="1234\n")
    assert code == 0 and json.loads(out)["units"][0]["state"] == "released"
    code, _out, err = run_in(store, "--json", "restock", "scrap", UNIT1, "--reason", "torn", *MANAGER, stdin="1234\n")
    assert code == 2 and "already released to sale by sophie" in json.loads(err)["error"]["message"]
    code, _out, err = run_in(store, "restock", "release", "UNOPE-9", *MANAGER, stdin="1234\n")
    assert code == 3 and err.count("\n") == 1 and "No held unit 'UNOPE-9'" in err


def test_rtv_batches_then_ship_prints_the_slip(paper: VirtualPrinter, store: Path) -> None:
    code, out, _ = run_in(store, "--json", "restock", "rtv", UNIT1, UNIT2, "--vendor", "Coton Bio", *MANAGER,
                          stdin="1234\n")
    [batch] = json.loads(out)["batches"]
    assert code == 0 and batch.startswith("RTV-PARIS01-T1-")
    code, out, _ = run_in(store, "--json", "rtv", "list", "--status", "open")
    assert json.loads(out)["batches"][0]["units"] == [UNIT1, UNIT2]
    code, out, _ = run_in(store, "--json", "rtv", "ship", batch, "--reference", "COLIS-1", *MANAGER, stdin="1234\n")
    shipped = json.loads(out)
    assert code == 0 and shipped["status"] == "shipped" and shipped["print"]["printed"]
    assert codes(paper, 1) == {"Code128": batch}
    [slip] = rows(store / "posreturns.db", "SELECT kind, preview_text FROM print_jobs")
    assert slip["kind"] == "rtv_slip" and "Coton Bio" in slip["preview_text"] and "COLIS-1" in slip["preview_text"]
    assert UNIT1 in slip["preview_text"] and UNIT2 in slip["preview_text"]


def test_resale_prints_a_label_whose_barcode_is_the_item(paper: VirtualPrinter, store: Path) -> None:
    code, out, _ = run_in(store, "--json", "restock", "resale", UNIT1, "--grade", "B", *MANAGER, stdin="1234\n")
    item = json.loads(out)
    assert code == 0 and item["price_minor"] == 1490 and item["print"]["printed"], out
    assert codes(paper, 1) == {"EAN13": item["ean13"]}
    with open_till(store) as till:
        from posreturns.persistence.catalog import SqlCatalog

        assert SqlCatalog(till.engine).find_variant(item["ean13"])["sku"] == item["sku"]  # scans at the till
    code, out, _ = run_in(store, "--json", "resale", "list")
    [listed] = json.loads(out)["items"]
    assert listed["sku"] == item["sku"] and listed["recovery_percent"] == "49.8"


def test_print_label_reprints_the_inspection_tag(paper: VirtualPrinter, store: Path) -> None:
    code, out, _ = run_in(store, "--json", "print", "label", UNIT2, "--user", "camille", "--pin-stdin", stdin="2580\n")
    assert code == 0 and json.loads(out)["printed"]
    assert codes(paper, 1) == {"Code128": UNIT2}


def test_alerts_are_listed_and_resolved_with_a_note(store: Path) -> None:
    code, out, _ = run_in(store, "--json", "alerts", "list")
    [alert] = json.loads(out)["alerts"]
    assert code == 0 and alert["code"] == "notify_buyer" and alert["units"] == [UNIT1, UNIT2]
    code, _out, err = run_in(store, "alerts", "resolve", str(alert["id"]), *MANAGER, stdin="1234\n")
    assert code == 2 and "Give what was done" in err
    code, out, _ = run_in(store, "--json", "alerts", "resolve", str(alert["id"]), "--note", "buyer told", *MANAGER,
                          stdin="1234\n")
    assert code == 0 and json.loads(out)["status"] == "resolved"
    assert json.loads(run_in(store, "--json", "alerts", "list")[1])["alerts"] == []
    resolved_by = rows(store / "posreturns.db", "SELECT actor FROM audit_log WHERE action = 'alert.resolved'")
    assert resolved_by[0][0] == "sophie"


def test_the_tag_prints_with_the_receipt_of_a_return_that_holds_units(paper: VirtualPrinter, store: Path) -> None:
    body = {"receipt": "PA01-000102", "idempotency_key": "cli-hold", "refund_method": "store_credit",
            "lines": [{"code": "ROBE-LIN-38", "qty": 1, "reason": "DEFECTIVE", "condition": "OPENED"}]}
    code, out, err = run_in(store, "--json", "return", "complete", "--user", "camille", "--pin-stdin",
                            stdin="2580\n" + json.dumps(body))
    assert code == 0, err
    number = json.loads(out)["return_number"]
    assert codes(paper, 2) == {"Code128": "U" + number[1:] + "-1"}  # the receipt is job 1, the tag job 2


def test_the_workspace_settings_take_whole_numbers_only(store: Path) -> None:
    code, _out, err = run_in(store, "config", "set", "manager.idle_minutes", "soon", "--user", "admin", "--pin-stdin",
                             stdin="246810\n")
    assert code == 2 and "manager.idle_minutes must be a whole number from 1 to 240" in err
    assert run_in(store, "config", "set", "restock.highlight_hours", "72", "--user", "admin", "--pin-stdin",
                  stdin="246810\n")[0] == 0
    assert run_in(store, "config", "get", "restock.highlight_hours")[1].strip() == "72"
    code, _out, err = run_in(store, "config", "set", "resale.ean_seq", "1", "--user", "admin", "--pin-stdin",
                             stdin="246810\n")
    assert code == 2  # the in-store EAN counter is posreturns' own: never set by hand
    for claimed in ("resale.ean_block", "returns.range.T1"):  # and so are the numbers claimed in the OMS
        assert run_in(store, "config", "set", claimed, "7", "--user", "admin", "--pin-stdin", stdin="246810\n")[0] == 2


def test_a_second_hand_label_the_oms_gives_to_another_product_gets_a_new_code(store: Path) -> None:
    code, out, _ = run_in(store, "--json", "restock", "resale", UNIT1, "--grade", "B", *MANAGER, stdin="1234\n")
    old = json.loads(out)["ean13"]
    taken = (f"The label code {old} of second-hand unit {UNIT1} is already the barcode of SH-X in Medusa, so the "
             "unit was not put on sale there: give it a new code (…).")
    with open_till(store) as till, till.engine.connect() as connection, connection.begin():
        seq = connection.exec_driver_sql("SELECT seq FROM outbox WHERE event_type = 'HeldUnitMoved'").scalar_one()
        connection.exec_driver_sql("UPDATE outbox SET status = 'rejected', last_error = ? WHERE seq = ?", (taken, seq))
    assert f"resolve: posreturns sync resolve {seq} --retry|--dismiss|--relabel" in run_in(store, "sync",
                                                                                          "exceptions")[1]
    code, out, err = run_in(store, "--json", "sync", "resolve", str(seq), "--relabel", *MANAGER, stdin="1234\n")
    assert code == 0, err
    new = json.loads(out)["ean13"]
    assert new != old and json.loads(out)["unit_id"] == UNIT1
    assert [i["ean13"] for i in json.loads(run_in(store, "--json", "resale", "list")[1])["items"]] == [new]
    db = store / "posreturns.db"
    barcodes = rows(db, "SELECT code FROM barcodes WHERE sku = 'SH-PARIS01-T1-000001-1'")
    assert [r["code"] for r in barcodes] == ["0" + new]
    relabelled = rows(db, "SELECT status, payload_json FROM outbox WHERE event_type = 'ResaleRelabelled'")
    assert relabelled[0]["status"] == "pending" and json.loads(relabelled[0]["payload_json"])["data"]["resale"][
        "ean13"] == new
    assert json.loads(run_in(store, "--json", "sync", "exceptions")[1])["exceptions"] == []
    code, _out, err = run_in(store, "sync", "resolve", "1", "--relabel", *MANAGER, stdin="1234\n")
    assert code == 2 and "only those get a new label" in err
