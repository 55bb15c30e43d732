"""The scanner set-up sheet prints scannable codes, and a test scan tells what to change."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from posdrivers import load_profile
from posdrivers.virtual.printer import VirtualPrinter

from posreturns.devices.escpos_output import encode_document
from posreturns.devices.scanner_sheet import EAN_CODE, GS1_CODE, HONEYWELL, LAYOUT_CODE, check_test_scan, scanner_sheet


@pytest.mark.parametrize("profile_name", ["epson-tm-t20iii", "generic-58mm"])
def test_every_code_of_the_sheet_decodes_from_the_printed_paper(tmp_path: Path, profile_name: str) -> None:
    profile = load_profile(profile_name)
    with VirtualPrinter(jobs_dir=tmp_path, profile=profile) as printer:
        from posdrivers import Printer

        with Printer.from_url(printer.url, profile) as device:
            device.print_job(encode_document(scanner_sheet("fr"), profile).data)
        job = printer.wait_for_job(1)
    found = {bytes(r.bytes).decode("latin-1"): r.format.name
             for r in zxingcpp.read_barcodes(Image.open(job.png_path).convert("L"))}
    assert {LAYOUT_CODE, EAN_CODE, GS1_CODE, *(command for _key, command in HONEYWELL)} <= set(found)
    assert found[LAYOUT_CODE] == "Code128"  # a linear code: 1D laser scanners must read it too
    assert "Suffixe : Entrée (CR)" in job.text and "Clavier : français (AZERTY)" in job.text


@pytest.mark.parametrize(("scanned", "completed", "ok", "says"), [
    (LAYOUT_CODE, True, True, "Correct"),
    ("]C0" + LAYOUT_CODE, True, True, "Correct"),
    (LAYOUT_CODE, False, False, "no Enter"),
    ("QWAZ?)&\"(èçà", True, False, "QWERTY (US) but this till is AZERTY"),
    ("QWAZ:6!#%&()", True, False, "AZERTY (French) but this till is QWERTY"),
    (LAYOUT_CODE.lower(), True, False, "Caps Lock"),
    ("010400638133393121SN-TEST-42", True, False, "separator is lost"),
    ("0104006381333931|21SN-TEST-42", True, False, "arrives as '|'"),
])
def test_a_test_scan_says_what_to_change(scanned: str, completed: bool, ok: bool, says: str) -> None:
    check = check_test_scan(scanned, completed)
    assert check is not None and check.ok is ok and says in check.en and check.fr


def test_the_configured_stand_in_makes_the_gs1_test_pass_and_other_scans_are_no_test() -> None:
    check = check_test_scan("0104006381333931|21SN-TEST-42", True, gs_substitute="|")
    assert check is not None and check.ok
    assert check_test_scan("PA01-000101", True) is None
