"""Differential tests: our encoder's bytes == python-escpos ``Dummy`` bytes for each primitive."""

from __future__ import annotations

import random

import pytest
from escpos import constants
from escpos.printer import Dummy
from PIL import Image
from posdrivers.escpos.encoder import EscPosEncoder
from posdrivers.escpos.profiles import PrinterProfile


def dummy(*calls: tuple[str, tuple, dict]) -> bytes:
    printer = Dummy()
    for name, args, kwargs in calls:
        getattr(printer, name)(*args, **kwargs)
    return bytes(printer.output)


def enc(profile: PrinterProfile) -> EscPosEncoder:
    return EscPosEncoder(profile)


def test_initialize_is_esc_at_then_the_profiles_code_page(tm_t20iii: PrinterProfile) -> None:
    assert enc(tm_t20iii).initialize().to_bytes() == dummy(
        ("hw", ("INIT",), {}), ("charcode", ("CP1252",), {})
    )


@pytest.mark.parametrize(
    ("profile_name", "escpos_name", "text"),
    [
        ("epson-tm-t20iii", "CP1252", "Reçu : été, crème brûlée, 12,50 € — Œuvre l’été"),
        ("generic-80mm", "CP858", "Reçu : été, crème brûlée, 12,50 € à Noël"),
    ],
)
def test_code_page_and_text_match_python_escpos(profile_name: str, escpos_name: str, text: str) -> None:
    from posdrivers.escpos.profiles import load_profile

    ours = enc(load_profile(profile_name)).code_page().text(text).to_bytes()
    assert ours == dummy(("charcode", (escpos_name,), {}), ("text", (text,), {}))


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        (lambda e: e.bold(), {"bold": True}),
        (lambda e: e.bold(False), {"bold": False}),
        (lambda e: e.underline(1), {"underline": 1}),
        (lambda e: e.underline(2), {"underline": 2}),
        (lambda e: e.underline(0), {"underline": 0}),
        (lambda e: e.align("center"), {"align": "center"}),
        (lambda e: e.align("right"), {"align": "right"}),
        (lambda e: e.align("left"), {"align": "left"}),
        (lambda e: e.size(2, 2), {"custom_size": True, "width": 2, "height": 2}),
        (lambda e: e.size(3, 1), {"custom_size": True, "width": 3, "height": 1}),
        (lambda e: e.size(1, 8), {"custom_size": True, "width": 1, "height": 8}),
        (lambda e: e.font("B"), {"font": "b"}),
    ],
)
def test_text_styles_match_python_escpos(tm_t20iii: PrinterProfile, ours, theirs) -> None:
    assert ours(enc(tm_t20iii)).to_bytes() == dummy(("set", (), theirs))


def test_full_and_partial_cut_match_python_escpos(
    generic_80: PrinterProfile, tm_t20iii: PrinterProfile
) -> None:
    assert enc(generic_80).cut().to_bytes() == dummy(("cut", (), {}))
    assert enc(tm_t20iii).cut().to_bytes() == dummy(("cut", (), {"mode": "PART"}))
    assert enc(tm_t20iii).cut(partial=False).to_bytes() == dummy(("cut", (), {}))


@pytest.mark.parametrize("pin", [2, 5])
def test_drawer_kick_matches_python_escpos(tm_t20iii: PrinterProfile, pin: int) -> None:
    assert enc(tm_t20iii).drawer_kick(pin).to_bytes() == dummy(("cashdraw", (pin,), {}))


@pytest.mark.parametrize(
    ("level", "escpos_level"),
    [
        ("L", constants.QR_ECLEVEL_L),
        ("M", constants.QR_ECLEVEL_M),
        ("Q", constants.QR_ECLEVEL_Q),
        ("H", constants.QR_ECLEVEL_H),
    ],
)
@pytest.mark.parametrize("size", [3, 6, 8])
def test_native_qr_matches_python_escpos(
    tm_t20iii: PrinterProfile, level: str, escpos_level: int, size: int
) -> None:
    data = "https://ex.fr/r/RET-2026-000123"
    ours = enc(tm_t20iii).qr(data, size=size, error=level).to_bytes()
    assert ours == dummy(("qr", (data,), {"native": True, "size": size, "ec": escpos_level}))


@pytest.mark.parametrize("data", ["RET-2026-000123", "PA01-000042", "A", "0123456789"])
def test_code128_matches_python_escpos(tm_t20iii: PrinterProfile, data: str) -> None:
    ours = enc(tm_t20iii).code128(data).to_bytes()
    theirs = dummy(("barcode", ("{B" + data, "CODE128"), {"function_type": "B", "align_ct": False}))
    assert ours == theirs


@pytest.mark.parametrize(
    ("height", "width", "hri", "pos"),
    [(64, 3, "below", "BELOW"), (100, 2, "none", "OFF"), (80, 4, "both", "BOTH"), (50, 3, "above", "ABOVE")],
)
def test_ean13_matches_python_escpos(
    tm_t20iii: PrinterProfile, height: int, width: int, hri: str, pos: str
) -> None:
    ours = enc(tm_t20iii).ean13("4006381333931", height=height, module_width=width, hri=hri).to_bytes()
    theirs = dummy(
        (
            "barcode",
            ("4006381333931", "EAN13"),
            {"function_type": "B", "align_ct": False, "height": height, "width": width, "pos": pos},
        )
    )
    assert ours == theirs


@pytest.mark.parametrize(("width", "height"), [(8, 1), (37, 23), (64, 64), (200, 1000)])
def test_raster_image_matches_python_escpos(tm_t20iii: PrinterProfile, width: int, height: int) -> None:
    rng = random.Random(width * 1000 + height)
    image = Image.new("1", (width, height), 1)
    image.putdata([rng.choice((0, 255)) for _ in range(width * height)])
    ours = enc(tm_t20iii).image(image).to_bytes()
    assert ours == dummy(("image", (image,), {"impl": "bitImageRaster", "center": False}))


def test_rows_of_bits_give_the_same_bytes_as_a_pillow_image(tm_t20iii: PrinterProfile) -> None:
    rows = [[(x * y + x) % 3 == 0 for x in range(21)] for y in range(9)]
    image = Image.new("1", (21, 9), 1)
    image.putdata([0 if bit else 255 for row in rows for bit in row])
    assert enc(tm_t20iii).image(rows).to_bytes() == enc(tm_t20iii).image(image).to_bytes()
    assert enc(tm_t20iii).image(rows).to_bytes() == dummy(("image", (image,), {"impl": "bitImageRaster"}))
