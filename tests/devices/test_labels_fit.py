"""Labels on 58 and 80 mm paper: a code too wide for the paper is never dropped; the resale SKU's
EAN-13 or a QR code carries it instead, and whatever is printed decodes (zxing-cpp on the rendering)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from posdrivers import Printer, load_profile
from posdrivers.virtual.printer import VirtualPrinter

from posreturns.devices.escpos_output import encode_document
from posreturns.devices.labels import InspectionTag, ResaleLabel, inspection_tag, resale_label

LONG = "RS-PARIS01-000123"  # an internal resale code: fits 80 mm, too wide for 58 mm at scannable bars


def _print(tmp_path: Path, profile_name: str, blocks: list) -> dict[str, str]:  # type: ignore[type-arg]
    profile = load_profile(profile_name)
    with VirtualPrinter(jobs_dir=tmp_path / profile_name, profile=profile) as printer:
        with Printer.from_url(printer.url, profile) as device:
            device.print_job(encode_document(blocks, profile).data)
        job = printer.wait_for_job(1)
    with Image.open(job.png_path) as image:
        return {r.format.name: r.text for r in zxingcpp.read_barcodes(image.convert("L"))}


@pytest.mark.parametrize(("profile", "expected"), [
    ("epson-tm-t20iii", {"Code128": LONG}),
    ("generic-58mm", {"EAN13": "3760000000161"}),
])
def test_a_resale_label_fits_80_and_58_mm(tmp_path: Path, profile: str, expected: dict[str, str]) -> None:
    label = ResaleLabel("Robe en lin 38", "B", "60.00", "120.00", "EUR", LONG, ean13="3760000000161")
    found = _print(tmp_path, profile, resale_label(label, "fr"))
    assert expected.items() <= found.items()


def test_without_an_ean_13_the_code_becomes_a_qr_code_on_58_mm(tmp_path: Path) -> None:
    tag = InspectionTag("RPARIS01-T1-000123", "CASQ-BT-NOIR", "Casque", "DEFECTIVE", "OPENED",
                        datetime(2026, 11, 26, 14, 5), serial="SN-CQ-0001")
    found = _print(tmp_path, "generic-58mm", inspection_tag(tag, "fr"))
    assert found.get("QRCode") == "RPARIS01-T1-000123"
    assert _print(tmp_path, "epson-tm-t20iii", inspection_tag(tag, "fr")).get("Code128") == "RPARIS01-T1-000123"
