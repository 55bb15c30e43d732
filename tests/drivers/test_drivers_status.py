"""DLE EOT reply decoding."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from posdrivers.errors import BadStatusReply
from posdrivers.escpos.status import PrinterStatus, parse_status, status_bytes

READY = {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12}


def test_all_fixed_bits_only_means_ready() -> None:
    status = parse_status(READY)
    assert status == PrinterStatus(online=True)
    assert status.ready and status.sentence == "The printer is ready."


def test_paper_end_reply_0x7e_means_paper_out() -> None:
    status = parse_status({**READY, 1: 0x1A, 2: 0x32, 4: 0x7E})
    assert status.paper_out and not status.online and not status.ready
    assert not status.paper_near_end
    assert "out of paper" in status.sentence and "new roll" in status.sentence


def test_cover_open() -> None:
    status = parse_status({**READY, 1: 0x1A, 2: 0x16})
    assert status.cover_open and not status.ready
    assert "cover is open" in status.sentence


def test_paper_near_end_still_prints() -> None:
    status = parse_status({**READY, 4: 0x1E})
    assert status.paper_near_end and status.ready
    assert "nearly finished" in status.sentence


def test_offline_without_cause() -> None:
    status = parse_status({**READY, 1: 0x1A})
    assert not status.online and "offline" in status.sentence


@pytest.mark.parametrize(
    ("byte", "detail"),
    [(0x16, "mechanical"), (0x1A, "auto-cutter"), (0x32, "unrecoverable"), (0x52, "too hot")],
)
def test_error_causes_are_named(byte: int, detail: str) -> None:
    status = parse_status({**READY, 3: byte})
    assert status.error and not status.ready
    assert detail in status.error_detail and detail in status.sentence


@pytest.mark.parametrize(
    ("byte", "high_means_open", "open_"),
    [(0x16, True, True), (0x12, True, False), (0x16, False, False), (0x12, False, True)],
)
def test_drawer_sensor_polarity_is_a_setting(byte: int, high_means_open: bool, open_: bool) -> None:
    assert parse_status({**READY, 1: byte}, drawer_open_when_high=high_means_open).drawer_open is open_


@pytest.mark.parametrize("byte", [0x00, 0xFF, 0x13, 0x92, 0x02])
def test_bytes_that_are_not_status_bytes_are_rejected(byte: int) -> None:
    with pytest.raises(BadStatusReply, match=f"0x{byte:02X}"):
        parse_status({**READY, 4: byte})


@settings(deadline=None)
@given(st.booleans(), st.booleans(), st.booleans(), st.booleans(), st.booleans())
def test_status_bytes_round_trip(
    cover: bool, paper_out: bool, near_end: bool, drawer: bool, error: bool
) -> None:
    status = PrinterStatus(
        online=not (cover or paper_out or error),
        cover_open=cover,
        paper_out=paper_out,
        paper_near_end=near_end and not paper_out,
        drawer_open=drawer,
        error=error,
        error_detail="unrecoverable error" if error else "",
    )
    replies = status_bytes(status)
    assert all(value & 0x93 == 0x12 for value in replies.values())
    assert parse_status(replies) == status
