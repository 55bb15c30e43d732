"""Fixtures for the posdrivers tests: profiles, a started virtual printer, a zxing decoder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from posdrivers.escpos.profiles import PrinterProfile, load_profile
from posdrivers.virtual.printer import VirtualPrinter


@pytest.fixture
def tm_t20iii() -> PrinterProfile:
    return load_profile("epson-tm-t20iii")


@pytest.fixture
def generic_58() -> PrinterProfile:
    return load_profile("generic-58mm")


@pytest.fixture
def generic_80() -> PrinterProfile:
    return load_profile("generic-80mm")


@pytest.fixture
def virtual_printer(tmp_path: Path) -> Iterator[VirtualPrinter]:
    """A started virtual printer on a free loopback port, with a control port; stopped afterwards."""
    printer = VirtualPrinter(jobs_dir=tmp_path / "jobs", control_port=0, slow_delay=3.0)
    with printer:
        yield printer


def decode_png(path: Path) -> dict[str, str]:
    """Every barcode zxing-cpp finds in a picture, as {format name: text}."""
    import zxingcpp
    from PIL import Image

    with Image.open(path) as image:
        return {r.format.name: r.text for r in zxingcpp.read_barcodes(image.convert("L"))}


@pytest.fixture
def decode() -> Callable[[Path], dict[str, str]]:
    """zxing-cpp as a fixture (test modules cannot import this conftest by name)."""
    return decode_png
