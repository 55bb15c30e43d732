"""A completed return printed on the virtual printer over real TCP: content, barcodes, faults, drawer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image
from posdrivers import load_profile
from posdrivers.virtual.printer import VirtualPrinter

from posreturns.app import Till, open_drawer_control, open_printing
from posreturns.devices.drawer import pays_cash_at_till
from posreturns.domain.users import Principal

DRAWER_KICK = b"\x1bp"
DRAWER_PULSE = b"\x10\x14\x01"
MARIE = Principal.vouched("marie", by="tests")


def _complete(till: Till, line: str, receipt: str, method: str = "original", key: str = "k-1") -> dict[str, Any]:
    return till.returns.complete({"receipt": receipt, "cashier": "marie", "idempotency_key": key,
                                  "refund_method": method,
                                  "lines": [{"code": line, "qty": 1, "reason": "WRONG_SIZE",
                                             "condition": "NEW_WITH_TAGS"}]},
                                 MARIE)


def test_a_completed_return_prints_a_correct_receipt_with_scannable_codes(demo_till: Till,
                                                                          printer: VirtualPrinter) -> None:
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


def test_the_drawer_opens_once_for_a_cash_refund_apart_from_the_receipt_and_is_audited(
        demo_till: Till, printer: VirtualPrinter) -> None:
    done = _complete(demo_till, "ORD-1003-L2", "PA01-000103")
    assert [t["method"] for t in done["tenders"]] == ["cash"]
    printing = open_printing(demo_till, printer.url)
    drawer = open_drawer_control(printing)
    printer.set_fault("paper_out")  # the real-time pulse does not wait for paper
    assert drawer.open_for_return(done["return_number"], pays_cash_at_till(done), "marie").opened
    assert printer.wait_for_job(1).data == DRAWER_PULSE + b"\x00\x01"
    again = drawer.open_for_return(done["return_number"], pays_cash_at_till(done), "marie")
    assert again is not None and not again.opened and "already opened" in again.message
    printer.set_fault(None)
    assert printing.print_return(done["return_number"]).printed
    assert printing.print_return(done["return_number"]).copy
    assert all(DRAWER_KICK not in job.data and DRAWER_PULSE not in job.data for job in printer.jobs[1:])
    with demo_till.engine.connect() as connection:
        audit = connection.exec_driver_sql(
            "SELECT actor, action, subject FROM audit_log WHERE action LIKE 'drawer.%'").all()
    assert [tuple(row) for row in audit] == [("marie", "drawer.opened", done["return_number"])]


def test_no_drawer_for_a_card_refund(demo_till: Till, printer: VirtualPrinter) -> None:
    done = _complete(demo_till, "ORD-1001-L1", "PA01-000101")
    drawer = open_drawer_control(open_printing(demo_till, printer.url))
    assert drawer.open_for_return(done["return_number"], pays_cash_at_till(done), "marie") is None
    open_printing(demo_till, printer.url).print_return(done["return_number"])
    assert all(DRAWER_KICK not in job.data and DRAWER_PULSE not in job.data for job in printer.jobs)


def test_a_drawer_that_cannot_open_says_so_and_is_audited(demo_till: Till, printer: VirtualPrinter) -> None:
    done = _complete(demo_till, "ORD-1003-L2", "PA01-000103")
    printer.set_fault("refuse")
    drawer = open_drawer_control(open_printing(demo_till, printer.url))
    outcome = drawer.open_for_return(done["return_number"], pays_cash_at_till(done), "marie")
    assert outcome is not None and not outcome.opened and "Open it with its key" in outcome.message
    with demo_till.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT action FROM audit_log WHERE subject = ? AND action LIKE 'drawer.%'",
                                          (done["return_number"],)).scalar() == "drawer.failed"


def test_a_reprint_is_marked_copy_and_its_codes_still_decode(demo_till: Till, printer: VirtualPrinter) -> None:
    done = _complete(demo_till, "ORD-1002-L1", "PA01-000102")
    printing = open_printing(demo_till, printer.url)
    assert not printing.print_return(done["return_number"]).copy
    assert printing.print_return(done["return_number"]).copy
    original, copy = printer.wait_for_job(1), printer.wait_for_job(2)
    assert "DUPLICATA" not in original.text and copy.text.count("DUPLICATA") == 2
    found = {r.format.name: r.text for r in zxingcpp.read_barcodes(Image.open(copy.png_path).convert("L"))}
    assert found.get("Code128") == done["return_number"]


def test_a_reprint_replaces_the_waiting_job_so_a_retry_prints_nothing_twice(demo_till: Till,
                                                                            printer: VirtualPrinter) -> None:
    done = _complete(demo_till, "ORD-1002-L1", "PA01-000102")
    printing = open_printing(demo_till, printer.url)
    printer.set_fault("paper_out")
    first = printing.print_return(done["return_number"])
    assert not first.printed
    printer.set_fault(None)
    second = printing.print_return(done["return_number"])
    assert second.printed and not second.copy  # the original never came out: this is the original
    assert printing.retry_unprinted() == [] and printing.waiting() == []
    assert printing.jobs.get(first.job_id).status == "superseded"  # type: ignore[union-attr]
    assert len(printer.jobs) == 1


def test_a_retry_goes_to_the_printer_configured_now(demo_till: Till, printer: VirtualPrinter, tmp_path: Path) -> None:
    done = _complete(demo_till, "ORD-1002-L1", "PA01-000102")
    demo_till.settings.set("printer.url", printer.url)
    printer.set_fault("refuse")
    printing = open_printing(demo_till)
    assert not printing.print_return(done["return_number"]).printed
    with VirtualPrinter("127.0.0.1", 0, jobs_dir=tmp_path / "new", profile=load_profile("generic-58mm")) as new:
        demo_till.settings.set("printer.url", new.url)
        demo_till.settings.set("printer.profile", "generic-58mm")
        [outcome] = printing.retry_unprinted()
        assert outcome.printed
        job = new.wait_for_job(1)
        assert b"\x1bt\x13" in job.data  # laid out again for the new printer: PC858, 58 mm
        assert done["return_number"] in job.text
    assert printer.jobs == []


def test_a_waiting_job_can_be_cancelled(demo_till: Till, printer: VirtualPrinter) -> None:
    done = _complete(demo_till, "ORD-1002-L1", "PA01-000102")
    printing = open_printing(demo_till, printer.url)
    printer.set_fault("cover_open")
    job_id = printing.print_return(done["return_number"]).job_id
    assert [job.id for job in printing.waiting()] == [job_id]
    assert printing.cancel(job_id) and not printing.cancel(job_id)
    printer.set_fault(None)
    assert printing.retry_unprinted() == [] and printer.jobs == []


def test_a_printer_that_drops_the_connection_printed_nothing_and_the_job_waits(demo_till: Till,
                                                                               printer: VirtualPrinter) -> None:
    done = _complete(demo_till, "ORD-1002-L1", "PA01-000102")
    printing = open_printing(demo_till, printer.url)
    printer.set_fault("drop")
    outcomes = [printing.print_return(done["return_number"]) for _ in range(10)]
    assert not any(outcome.printed for outcome in outcomes)
    assert len(printing.waiting()) == 1  # each new print replaced the one before: one receipt waits
    printer.set_fault(None)
    assert [outcome.printed for outcome in printing.retry_unprinted()] == [True]


def test_a_printer_that_cannot_confirm_gets_the_job_as_sent(demo_till: Till, tmp_path: Path) -> None:
    done = _complete(demo_till, "ORD-1002-L1", "PA01-000102")
    outcome = open_printing(demo_till, f"file:{tmp_path / 'spool.bin'}").print_return(done["return_number"])
    assert outcome.printed and not outcome.confirmed and "cannot confirm" in outcome.message
    assert open_printing(demo_till, "memory:").jobs.get(outcome.job_id).status == "sent"  # type: ignore[union-attr]
    assert (tmp_path / "spool.bin").read_bytes().startswith(b"\x1b@")


def test_text_the_code_page_lacks_degrades_and_the_job_prints(demo_till: Till, printer: VirtualPrinter) -> None:
    from posreturns.devices.documents import Cut, Text

    outcome = open_printing(demo_till, printer.url).print_document("test", None, [Text("Łukasz 🙂 Győr"), Cut()])
    assert outcome.printed and outcome.degraded == {"Ł": "L", "🙂": "?", "ő": "o"}
    assert "Lukasz ? Gyor" in printer.wait_for_job(1).text


def test_an_unknown_profile_keeps_the_job_until_the_profile_is_fixed(demo_till: Till, printer: VirtualPrinter) -> None:
    done = _complete(demo_till, "ORD-1002-L1", "PA01-000102")
    demo_till.settings.set("printer.url", printer.url)
    demo_till.settings.set("printer.profile", "no-such-printer")  # written past `config set`, e.g. by hand
    printing = open_printing(demo_till)
    outcome = printing.print_return(done["return_number"])
    assert not outcome.printed and "no printer profile named 'no-such-printer'" in outcome.message
    demo_till.settings.set("printer.profile", "epson-tm-t20iii")
    assert [o.printed for o in printing.retry_unprinted()] == [True]


@pytest.mark.parametrize("fault", ["paper_out", "cover_open", "no_answer", "refuse"])
def test_a_printer_fault_keeps_the_job_and_a_retry_prints_it(demo_till: Till, printer: VirtualPrinter,
                                                             fault: str) -> None:
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


def test_return_complete_on_the_command_line_prints_on_the_printer_given(tmp_path: Path,
                                                                         printer: VirtualPrinter) -> None:
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
        {**request, "idempotency_key": "cli-print-2",
         "lines": [{**request["lines"][0], "code": "ORD-1001-L1"}]})).stdout)
    assert again["print"]["printed"] is False and "paper" in again["print"]["message"]
    assert json.loads(cli("--json", "print", "jobs").stdout)["jobs"][0]["reference"] == again["return_number"]


def test_a_replacement_delivered_here_prints_its_promise_then_the_pickup_slip(demo_till: Till,
                                                                            printer: VirtualPrinter) -> None:
    from datetime import date

    from posreturns.app import open_promises
    from posreturns.demo.network import demo_network
    from posreturns.domain.users import Role

    open_promises(demo_till).load(demo_network(date(2026, 11, 26)), "demo", Principal("root", "Root", Role.ADMIN))
    done = demo_till.returns.complete(
        {"receipt": "PA01-000102", "cashier": "marie", "idempotency_key": "k-pickup", "refund_method": "exchange",
         "lines": [{"code": "ORD-1002-L2", "qty": 1, "reason": "WRONG_SIZE", "condition": "NEW_WITH_TAGS"}],
         "exchange_lines": [{"code": "BASK-CUIR-42", "qty": 1}],
         "delivery": {"source": "WAREHOUSE", "to": "store", "name": "Jeanne Martin", "phone": "06 12 34 56 78"}},
        MARIE)
    open_printing(demo_till, printer.url).print_return(done["return_number"])
    receipt = printer.wait_for_job(1)
    assert "RETRAIT DANS CE MAGASIN" in receipt.text and "Entrepôt (Orléans)" in receipt.text
    assert "Prévu le" in receipt.text and "avant 12:00" in receipt.text
    slip = printer.wait_for_job(2)
    assert "BON DE RETRAIT" in slip.text and "Jeanne Martin" in slip.text and "06 12 34 56 78" in slip.text
    assert "1 x Baskets cuir blanc 42" in slip.text
    found = {r.format.name: r.text for r in zxingcpp.read_barcodes(Image.open(slip.png_path).convert("L"))}
    assert found.get("Code128") == done["return_number"]
    printing = open_printing(demo_till, printer.url)
    printing.print_return(done["return_number"])                                   # a reprint: no second slip
    assert "DUPLICATA" in printer.wait_for_job(3).text
    assert len(printing.jobs.for_reference(f"{done['return_number']}/pickup")) == 1
