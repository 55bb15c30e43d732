"""A completed return printed on the virtual printer over real TCP: content, barcodes, faults, drawer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image
from posdrivers.virtual.printer import VirtualPrinter

from posreturns.app import Till, open_printing
from posreturns.domain.users import Principal

DRAWER_KICK = b"\x1bp"
MARIE = Principal.vouched("marie", by="tests")



def _complete(till: Till, line: str, receipt: str, method: str = "original", key: str = "k-1") -> dict[str, Any]:
    return till.returns.complete({"receipt": receipt, "cashier": "marie", "idempotency_key": key,
                                  "refund_method": method,
                                  "lines": [{"code": line, "qty": 1, "reason": "WRONG_SIZE", "condition": "NEW_WITH_TAGS"}]},
                                 MARIE)


def test_a_completed_return_prints_a_correct_receipt_with_scannable_codes(demo_till: Till, printer: VirtualPrinter) -> None:
    done = _complete(demo_till, "ORD-1002-L1", "PA01-000102")
    outcome = open_printing(demo_till, printer.url).print_return(done["return_number"])
    assert outcome.printed and not outcome.drawer_opened
    job = printer.wait_for_job(1)
    assert done["return_number"] in job.text and "PA01-000102" in job.text
    assert "Robe en lin 38" in job.text and "100,20 €" in job.text and "Mauvaise taille" in job.text
    found = {r.format.name: r.text for r in zxingcpp.read_barcodes(Image.open(job.png_path).convert("L"))}
    assert found.get("Code128") == done["return_number"]
    assert found.get("QRCode") == done["return_number"]
    assert b"\x1bt\x10" in job.data  # WPC1252 selected, so "é" and "€" print as themselves
    assert "é".encode("cp1252") in job.data and "€".encode("cp1252") in job.data


def test_store_credit_prints_the_voucher_with_its_barcode(demo_till: Till, printer: VirtualPrinter) -> None:
    done = _complete(demo_till, "ORD-1003-L1", "PA01-000103", method="store_credit")
    open_printing(demo_till, printer.url).print_return(done["return_number"])
    job = printer.wait_for_job(1)
    code = done["voucher"]["code"]
    assert code in job.text
    found = [r.text for r in zxingcpp.read_barcodes(Image.open(job.png_path).convert("L"))]
    assert code in found


def test_the_drawer_opens_for_a_cash_refund_on_the_first_print_only(demo_till: Till, printer: VirtualPrinter) -> None:
    done = _complete(demo_till, "ORD-1003-L2", "PA01-000103")
    assert [t["method"] for t in done["tenders"]] == ["cash"]
    printing = open_printing(demo_till, printer.url)
    assert printing.print_return(done["return_number"]).drawer_opened
    assert DRAWER_KICK in printer.wait_for_job(1).data + b"".join(j.data for j in printer.jobs)
    reprint = printing.print_return(done["return_number"])
    assert reprint.printed and not reprint.drawer_opened
    assert DRAWER_KICK not in printer.wait_for_job(printer.jobs[-1].number).data


def test_no_drawer_kick_for_a_card_refund(demo_till: Till, printer: VirtualPrinter) -> None:
    done = _complete(demo_till, "ORD-1001-L1", "PA01-000101")
    open_printing(demo_till, printer.url).print_return(done["return_number"])
    assert all(DRAWER_KICK not in job.data for job in printer.jobs)


@pytest.mark.parametrize("fault", ["paper_out", "cover_open", "no_answer", "refuse"])
def test_a_printer_fault_keeps_the_job_and_a_retry_prints_it(demo_till: Till, printer: VirtualPrinter, fault: str) -> None:
    done = _complete(demo_till, "ORD-1001-L2", "PA01-000101")
    printer.set_fault(fault)
    printing = open_printing(demo_till, printer.url)
    outcome = printing.print_return(done["return_number"])
    assert not outcome.printed
    assert "reprint it when the printer is ready" in outcome.message
    assert demo_till.returns.show(done["return_number"])["return_number"] == done["return_number"]  # committed anyway
    [kept] = printing.jobs.unprinted()
    assert kept.reference == done["return_number"] and kept.status == "failed" and kept.last_error
    printer.set_fault(None)
    assert [o.printed for o in printing.retry_unprinted()] == [True]
    assert done["return_number"] in printer.wait_for_job(1).text
    assert printing.jobs.unprinted() == []


def test_printer_status_is_read_back(demo_till: Till, printer: VirtualPrinter) -> None:
    printing = open_printing(demo_till, printer.url)
    assert printing.status()["ready"] is True
    printer.set_fault("paper_out")
    status = printing.status()
    assert status["ready"] is False and status["paper_out"] is True


def test_return_complete_on_the_command_line_prints_on_the_printer_given(tmp_path: Path, printer: VirtualPrinter) -> None:
    import json
    import subprocess
    import sys

    def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "posreturns", "--data-dir", str(tmp_path / "till"), *args],
                              input=stdin, capture_output=True, text=True, timeout=120)

    assert cli("demo").returncode == 0
    request = {"receipt": "PA01-000101", "idempotency_key": "cli-print-1",
               "lines": [{"code": "ORD-1001-L2", "qty": 1, "reason": "WRONG_SIZE", "condition": "NEW_WITH_TAGS"}]}
    camille = ("--user", "camille", "--pin-stdin")  # the demo's cashier; her PIN is the first line of stdin
    done = cli("return", "complete", "--printer", printer.url, *camille, stdin="2580\n" + json.dumps(request))
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["print"]["printed"] is True
    assert answer["return_number"] in printer.wait_for_job(1).text
    printer.set_fault("paper_out")
    again = json.loads(cli("--printer", printer.url, "return", "complete", *camille, stdin="2580\n" + json.dumps(
        {**request, "idempotency_key": "cli-print-2", "lines": [{**request["lines"][0], "code": "ORD-1001-L1"}]})).stdout)
    assert again["print"]["printed"] is False and "paper" in again["print"]["message"]
    assert json.loads(cli("--json", "print", "jobs").stdout)["jobs"][0]["reference"] == again["return_number"]
