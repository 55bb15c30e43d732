"""Encoder behaviour: code pages checked with Python's codecs, no silent '?', validation of codes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from posdrivers.errors import BarcodeDataError, EncodingError, UnprintableText
from posdrivers.escpos.codepages import unprintable_characters
from posdrivers.escpos.encoder import EscPosEncoder, status_request
from posdrivers.escpos.profiles import PrinterProfile

FRENCH = "àâäçéèêëîïôöùûüÿÀÂÇÉÈÊËÎÏÔÙÛÜ «€» °"


def text_bytes(profile: PrinterProfile, text: str) -> bytes:
    return EscPosEncoder(profile).text(text).to_bytes()


def test_french_text_on_wpc1252_is_exactly_pythons_cp1252(tm_t20iii: PrinterProfile) -> None:
    text = FRENCH + " Œuvre œuf — l’été “cité” … ™"
    assert text_bytes(tm_t20iii, text) == text.encode("cp1252")
    assert text_bytes(tm_t20iii, "é€Œ’") == b"\xe9\x80\x8c\x92"


def test_french_text_on_pc858_is_exactly_pythons_cp858(generic_80: PrinterProfile) -> None:
    assert text_bytes(generic_80, FRENCH) == FRENCH.encode("cp858")
    assert text_bytes(generic_80, "é€à") == b"\x82\xd5\x85"


@pytest.mark.parametrize(
    ("text", "printed_as"),
    [
        ("Œuvre", "OEuvre"),
        ("bœuf", "boeuf"),
        ("l’été", "l'été"),
        ("‘oui’", "'oui'"),
        ("“cité”", '"cité"'),
        ("12 € — TTC", "12 € - TTC"),
        ("2–3", "2-3"),
        ("attendez…", "attendez..."),
        ("12\u202f500\u2009€", "12 500 €"),
        ("12\u00a0€", "12\u00a0€"),  # PC858 has the no-break space (0xFF): kept, not transliterated
        ("Ÿ", "Y"),
    ],
)
def test_pc858_transliterates_what_it_lacks(generic_80: PrinterProfile, text: str, printed_as: str) -> None:
    assert text_bytes(generic_80, text) == printed_as.encode("cp858")


@settings(deadline=None)
@given(st.text(alphabet=FRENCH + "Œœ’‘“”—–…abcXYZ0123456789 ,.;:!-'\n", max_size=80))
def test_encoded_text_never_has_a_question_mark_that_was_not_typed(text: str) -> None:
    from posdrivers.escpos.profiles import load_profile

    for name in ("generic-80mm", "epson-tm-t20iii"):
        assert b"?" not in text_bytes(load_profile(name), text)


def test_unprintable_characters_raise_in_strict_mode_and_are_listed(generic_80: PrinterProfile) -> None:
    with pytest.raises(UnprintableText) as info:
        EscPosEncoder(generic_80, strict=True).text("Prix 日本 ✓ 日")
    assert info.value.characters == ["日", "本", "✓"]
    assert "PC858" in str(info.value) and "U+65E5" in str(info.value)
    assert unprintable_characters("Prix 日本 ✓", generic_80.code_page) == ["日", "本", "✓"]
    assert unprintable_characters("Crème brûlée — Œuf", generic_80.code_page) == []


@pytest.mark.parametrize("control", ["\x1b@", "\x1dV\x00", "\x10\x04\x01", "\x00", "\r", "\x7f"])
def test_control_characters_in_text_are_never_sent(tm_t20iii: PrinterProfile, control: str) -> None:
    data = text_bytes(tm_t20iii, f"abc{control}def")
    assert data.startswith(b"abc") and data.endswith(b"def") and not any(b < 0x20 or b == 0x7F for b in data)
    with pytest.raises(UnprintableText):
        EscPosEncoder(tm_t20iii, strict=True).text(f"abc{control}def")


@pytest.mark.parametrize(("text", "cp1252", "cp858"), [
    ("Łódź", "Lódz", "Lódz"),             # Ł has no accent to drop: transliterated
    ("Győr", "Gyor", "Gyor"),             # ő → o
    ("Москва", "Moskva", "Moskva"),
    ("Merci 🙂", "Merci ?", "Merci ?"),    # a symbol the page lacks: a visible ?
    ("Œuvre – 5 €", "Œuvre – 5 €", "OEuvre - 5 €"),
])
def test_characters_outside_the_code_page_degrade_and_never_block(text: str, cp1252: str, cp858: str,
                                                                   tm_t20iii: PrinterProfile,
                                                                   generic_80: PrinterProfile) -> None:
    for profile, expected in ((tm_t20iii, cp1252), (generic_80, cp858)):
        encoder = EscPosEncoder(profile).text(text)
        assert encoder.to_bytes() == expected.encode(profile.code_page.codec)
        assert all(char not in expected for char in encoder.degraded)
    assert EscPosEncoder(tm_t20iii).text("Łódź 🙂").degraded == {"Ł": "L", "ź": "z", "🙂": "?"}


def test_decomposed_accents_are_composed_first(tm_t20iii: PrinterProfile) -> None:
    assert text_bytes(tm_t20iii, "e\u0301te\u0301") == "été".encode("cp1252")


def test_line_adds_a_line_feed(tm_t20iii: PrinterProfile) -> None:
    assert EscPosEncoder(tm_t20iii).line("a").line().to_bytes() == b"a\n\n"


@pytest.mark.parametrize("data", ["ret-1", "RET 1", "RET_1", "", "É", "A" * 254])
def test_code128_refuses_data_outside_a_z_0_9_dash(tm_t20iii: PrinterProfile, data: str) -> None:
    with pytest.raises(BarcodeDataError):
        EscPosEncoder(tm_t20iii).code128(data)


def test_ean13_wrong_check_digit_is_an_error_naming_the_right_one(tm_t20iii: PrinterProfile) -> None:
    with pytest.raises(BarcodeDataError, match="should end in 1"):
        EscPosEncoder(tm_t20iii).ean13("4006381333932")
    for bad in ("400638133393", "40063813339310", "400638133393A"):
        with pytest.raises(BarcodeDataError):
            EscPosEncoder(tm_t20iii).ean13(bad)


def test_qr_without_native_support_is_sent_as_a_raster_image(generic_58: PrinterProfile) -> None:
    data = EscPosEncoder(generic_58).qr("https://ex.fr/r/RET-1").to_bytes()
    assert b"\x1d(k" not in data and data.startswith(b"\x1dv0\x00")


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda e: e.qr(""), BarcodeDataError),
        (lambda e: e.qr("x", size=0), BarcodeDataError),
        (lambda e: e.qr("x", error="X"), BarcodeDataError),
        (lambda e: e.qr("x" * 8000), BarcodeDataError),
        (lambda e: e.size(9, 1), EncodingError),
        (lambda e: e.align("middle"), EncodingError),
        (lambda e: e.underline(3), EncodingError),
        (lambda e: e.feed(256), EncodingError),
        (lambda e: e.drawer_kick(3), EncodingError),
        (lambda e: e.code128("A", height=0), BarcodeDataError),
        (lambda e: e.code128("A", module_width=7), BarcodeDataError),
        (lambda e: e.image([[1] * 577]), EncodingError),
        (lambda e: e.image([]), EncodingError),
        (lambda e: e.image([[1, 0], [1]]), EncodingError),
    ],
)
def test_bad_arguments_raise_encoding_errors(tm_t20iii: PrinterProfile, call, error) -> None:
    with pytest.raises(error):
        call(EscPosEncoder(tm_t20iii))


def test_no_cutter_profile_only_feeds(generic_58: PrinterProfile) -> None:
    assert EscPosEncoder(generic_58).cut().to_bytes() == b"\x1bd\x04"


def test_drawer_pulse_comes_from_the_profile_in_2_ms_units(generic_80: PrinterProfile) -> None:
    assert generic_80.drawer.on_ms == 120 and generic_80.drawer.off_ms == 240
    assert EscPosEncoder(generic_80).drawer_kick().to_bytes() == b"\x1bp\x00\x3c\x78"


def test_status_requests_are_dle_eot_n() -> None:
    assert [status_request(n) for n in (1, 2, 3, 4)] == [
        b"\x10\x04\x01",
        b"\x10\x04\x02",
        b"\x10\x04\x03",
        b"\x10\x04\x04",
    ]
    with pytest.raises(EncodingError):
        status_request(5)


def test_bytes_accumulate_in_order(tm_t20iii: PrinterProfile) -> None:
    encoder = EscPosEncoder(tm_t20iii).bold().text("A").bold(False)
    assert bytes(encoder) == b"\x1bE\x01A\x1bE\x00"
