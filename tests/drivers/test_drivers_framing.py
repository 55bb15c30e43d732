"""Line framing of a serial scanner's byte stream."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from posdrivers.scanner.framing import LineFramer, RawScan, UnreadableScan


@pytest.mark.parametrize(
    ("terminator", "stream"),
    [
        ("CR", b"4006381333931\rRET-1\r"),
        ("LF", b"4006381333931\nRET-1\n"),
        ("CRLF", b"4006381333931\r\nRET-1\r\n"),
        ("TAB", b"4006381333931\tRET-1\t"),
        ("CR", b"4006381333931\r\nRET-1\r\n"),  # scanner sends CRLF, till expects CR: still two clean scans
        ("LF", b"\r\n\r\n4006381333931\r\nRET-1\r\n\n"),  # empty lines produce nothing
    ],
)
def test_terminators(terminator: str, stream: bytes) -> None:
    assert LineFramer(terminator).feed(stream) == [RawScan("4006381333931"), RawScan("RET-1")]


def test_scans_split_across_chunks_are_joined() -> None:
    framer = LineFramer("CRLF")
    assert framer.feed(b"]E0400638") == []
    assert framer.feed(b"1333931\r") == []
    assert framer.feed(b"\n]C0RET") == [RawScan("]E04006381333931")]
    assert framer.feed(b"-1\r\n") == [RawScan("]C0RET-1")]


def test_gs_separator_is_kept_and_utf8_is_decoded() -> None:
    assert LineFramer().feed("]d2010123456789012821SN\x1d10LOT\rRéf-é\r".encode()) == [
        RawScan("]d2010123456789012821SN\x1d10LOT"),
        RawScan("Réf-é"),
    ]


@pytest.mark.parametrize(
    "bad", [b"\xff\xfeabc", b"ab\xc3", b"ab\x1bcd", b"ab\x00cd", b"ab\x7fcd", "ab\x85cd".encode()]
)
def test_invalid_utf8_and_control_characters_are_unreadable_and_the_next_scan_is_fine(bad: bytes) -> None:
    items = LineFramer().feed(bad + b"\r4006381333931\r")
    assert isinstance(items[0], UnreadableScan) and items[0].raw == bad
    assert "scan again" in items[0].reason
    assert items[1:] == [RawScan("4006381333931")]


def test_too_long_line_is_reported_once_then_framing_resyncs() -> None:
    framer = LineFramer("CR", max_length=4096)
    items = []
    for _ in range(10):
        items += framer.feed(b"A" * 1024)  # 10 KiB without a terminator
    items += framer.feed(b"AAAA\rRET-1\r")
    assert len(items) == 2
    assert isinstance(items[0], UnreadableScan) and "longer than 4096 bytes" in items[0].reason
    assert items[1] == RawScan("RET-1")


def test_a_line_of_exactly_max_length_is_fine() -> None:
    assert LineFramer(max_length=16).feed(b"A" * 16 + b"\r") == [RawScan("A" * 16)]
    assert isinstance(LineFramer(max_length=16).feed(b"A" * 17 + b"\r")[0], UnreadableScan)


def test_resync_works_when_a_crlf_terminator_is_split() -> None:
    framer = LineFramer("CRLF", max_length=8)
    assert len(framer.feed(b"X" * 20 + b"\r")) == 1
    assert framer.feed(b"\nOK\r\n") == [RawScan("OK")]


def test_unknown_terminator() -> None:
    with pytest.raises(ValueError, match="CR, LF, CRLF or TAB"):
        LineFramer("ETX")


@settings(deadline=None)
@given(st.binary(max_size=600), st.lists(st.integers(min_value=1, max_value=50), max_size=20))
def test_any_bytes_any_chunking_give_the_same_items_and_never_raise(data: bytes, cuts: list[int]) -> None:
    whole = LineFramer("CR", max_length=64).feed(data)
    framer, items, pos = LineFramer("CR", max_length=64), [], 0
    for size in cuts:
        items += framer.feed(data[pos : pos + size])
        pos += size
    items += framer.feed(data[pos:])
    assert items == whole
    for item in items:
        assert isinstance(item, RawScan | UnreadableScan)
        if isinstance(item, RawScan):
            assert item.text and "\r" not in item.text and len(item.text.encode()) <= 64


@pytest.mark.parametrize("stream", [b"4006381333931\nRET-1\n", b"4006381333931\rRET-1\r",
                                    b"4006381333931\r\nRET-1\r\n", b"4006381333931\n\rRET-1\r\n\n"])
def test_the_default_ends_a_scan_at_any_line_end_so_lf_scans_never_merge(stream: bytes) -> None:
    assert LineFramer().feed(stream) == [RawScan("4006381333931"), RawScan("RET-1")]


def test_any_line_end_split_across_chunks() -> None:
    framer = LineFramer()
    assert framer.feed(b"PA01-0001") == []
    assert framer.feed(b"01\r") == [RawScan("PA01-000101")]
    assert framer.feed(b"\nRET-1\n") == [RawScan("RET-1")]
