"""Scan interpretation: AIM prefixes, GTINs with check digits, GS1 element strings, text; fuzzing."""

from __future__ import annotations

import contextlib
from datetime import date

import barcode
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from posdrivers.errors import ScanError
from posdrivers.scanner.parsing import parse_scan


@pytest.mark.parametrize(
    ("raw", "gtin", "fmt", "symbology"),
    [
        ("]E04006381333931", "04006381333931", "EAN-13", "]E0"),
        ("4006381333931", "04006381333931", "EAN-13", None),
        ("4006381333931\r\n", "04006381333931", "EAN-13", None),
        ("036000291452", "00036000291452", "UPC-A", None),
        ("]E00036000291452", "00036000291452", "UPC-A", "]E0"),  # UPC-A sent as 13 digits
        ("]E0036000291452", "00036000291452", "UPC-A", "]E0"),
        ("04252614", "00042100005264", "UPC-E", None),
        ("]E004252614", "00042100005264", "UPC-E", "]E0"),
        ("]E496385074", "00000096385074", "EAN-8", "]E4"),
        ("96385074", "00000096385074", "EAN-8", None),
        ("]I110012345678902", "10012345678902", "GTIN-14", "]I1"),
        ("]E3400638133393112", "04006381333931", "EAN-13", "]E3"),  # EAN-13 + 2-digit add-on
    ],
)
def test_retail_codes_become_gtin_14(raw: str, gtin: str, fmt: str, symbology: str | None) -> None:
    code = parse_scan(raw)
    assert (code.kind, code.gtin, code.gtin_format, code.symbology) == ("gtin", gtin, fmt, symbology)


@pytest.mark.parametrize(
    "raw",
    [
        "4006381333932",
        "]E04006381333930",
        "036000291453",
        "]E004252615",
        "]E496385075",
        "96385075",
        "10012345678903",
    ],
)
def test_wrong_check_digits_are_errors_never_fixed(raw: str) -> None:
    with pytest.raises(ScanError, match="check digit"):
        parse_scan(raw)


@settings(deadline=None)
@given(st.text(alphabet="0123456789", min_size=12, max_size=12), st.integers(min_value=0, max_value=9))
def test_ean13_accepted_exactly_when_python_barcode_agrees_on_the_check_digit(
    payload: str, digit: int
) -> None:
    expected = barcode.get("ean13", payload).get_fullcode()[-1]  # independent check-digit implementation
    if str(digit) == expected:
        assert parse_scan(f"]E0{payload}{digit}").gtin == f"0{payload}{digit}"
    else:
        with pytest.raises(ScanError):
            parse_scan(f"]E0{payload}{digit}")


@pytest.mark.parametrize(
    ("raw", "gs_substitute"),
    [
        ("]d2010950600013435221SN-0001\x1d10LOT42\x1d17271231", None),
        ("]C1010950600013435221SN-0001\x1d10LOT42\x1d17271231", None),
        ("]d2010950600013435221SN-0001|10LOT42|17271231", "|"),
        ("010950600013435221SN-0001\x1d10LOT42\x1d17271231", None),
        ("(01)09506000134352(21)SN-0001(10)LOT42(17)271231", None),
    ],
)
def test_gs1_element_strings(raw: str, gs_substitute: str | None) -> None:
    code = parse_scan(raw, gs_substitute=gs_substitute)
    assert code.kind == "gs1"
    assert (code.gtin, code.serial, code.batch, code.expiry) == (
        "09506000134352",
        "SN-0001",
        "LOT42",
        date(2027, 12, 31),
    )
    assert code.ais == {"01": "09506000134352", "21": "SN-0001", "10": "LOT42", "17": "271231"}


def test_gs1_symbology_names() -> None:
    assert parse_scan("]C10109506000134352").symbology_name == "GS1-128"
    assert parse_scan("]d20109506000134352").symbology_name == "GS1 DataMatrix"


@pytest.mark.parametrize(
    "raw",
    ["]d2010950600013435321SN", "]C1019506000134352", "]d2ZZTOP", "]C1(01)12", "]d2010950600013435217991399"],
)
def test_bad_gs1_strings_are_scan_errors(raw: str) -> None:
    with pytest.raises(ScanError):
        parse_scan(raw)


def test_substitute_separator_only_when_configured() -> None:
    with pytest.raises(ScanError):
        parse_scan(
            "]d2010950600013435221SN-0001|10LOT42"
        )  # '|' is no GS1 character: the string does not parse
    assert parse_scan("]d2010950600013435221SN-0001|10LOT42", gs_substitute="|").batch == "LOT42"


@pytest.mark.parametrize(
    ("raw", "kind", "text"),
    [
        ("PA01-000042", "text", "PA01-000042"),
        ("]C0RET-2026-000123", "text", "RET-2026-000123"),
        ("RET-2026-000123", "text", "RET-2026-000123"),
        ("AVOIR-7F3K22QA", "text", "AVOIR-7F3K22QA"),
        ("12345", "text", "12345"),
        ("]Q1https://ex.fr/r/RET-2026-000123", "url", "https://ex.fr/r/RET-2026-000123"),
        ("https://ex.fr/e/PA01-000042?x=1", "url", "https://ex.fr/e/PA01-000042?x=1"),
        ("]Q1Bonjour, reçu n° PA01-000042", "text", "Bonjour, reçu n° PA01-000042"),
    ],
)
def test_other_codes_are_text_or_url_for_the_application(raw: str, kind: str, text: str) -> None:
    code = parse_scan(raw)
    assert (code.kind, code.text, code.gtin) == (kind, text, None)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\xff\xfe\xfd", "UTF-8"),
        (b"RET-1\x1b[2J", "control"),
        ("RET-1\x00", "control"),
        ("PA01\x07", "control"),
        ("A" * 10_000, "longer than"),
        (b"A" * 10_000, "longer than"),
        ("", "empty"),
        ("\r\n", "empty"),
        ("]E0", "no data"),
        ("]E0ABC", "more than digits"),
        ("]E012345", "digits"),
        ("RET\x1d1", "GS1 separator"),
        ("\ud800abc", "control"),
    ],
)
def test_garbage_is_an_unreadable_scan(raw: str | bytes, message: str) -> None:
    with pytest.raises(ScanError, match=message):
        parse_scan(raw)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_raise_nothing_but_scan_error(raw: bytes) -> None:
    with contextlib.suppress(ScanError):
        parse_scan(raw)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=200),
        st.builds(
            lambda p, t: p + t,
            st.sampled_from(["]E0", "]E4", "]C1", "]d2", "]Q1", "]Q3", "]I1", "]e0", "(01)", "01"]),
            st.text(alphabet="0123456789\x1d|()ABC-", max_size=60),
        ),
    )
)
def test_arbitrary_text_raises_nothing_but_scan_error(raw: str) -> None:
    try:
        code = parse_scan(raw, gs_substitute="|")
    except ScanError:
        return
    assert code.kind in ("gtin", "gs1", "text", "url")
    if code.gtin is not None:
        assert len(code.gtin) == 14 and code.gtin.isdigit()
