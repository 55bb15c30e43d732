"""Split a scanner's byte stream into scans.

A serial / USB-CDC scanner sends each scan followed by a terminator (CR by default). The framer is
fed arbitrary chunks and returns, in order, one item per scan:

* :class:`RawScan` — the text of a well-formed scan (UTF-8, no control characters except GS 0x1D,
  the GS1 separator), without its terminator;
* :class:`UnreadableScan` — a scan that cannot be used, with the reason and the raw bytes: longer
  than ``max_length`` bytes (the rest up to the next terminator is skipped, then framing resyncs),
  invalid UTF-8, or control characters.

Stray CR/LF around a scan are ignored, so a scanner sending CRLF works with a CR terminator and an
empty line produces nothing. The default terminator ``ANY`` ends a scan at CR, LF or CRLF, so a
scanner whose suffix is LF (or was changed) never has two scans merged into one.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

TERMINATORS = {"ANY": b"", "CR": b"\r", "LF": b"\n", "CRLF": b"\r\n", "TAB": b"\t"}
DEFAULT_MAX_LENGTH = 4096
GS = "\x1d"


@dataclass(frozen=True)
class RawScan:
    """A framed scan, decoded, not yet interpreted (see :func:`posdrivers.scanner.parsing.parse_scan`)."""

    text: str


@dataclass(frozen=True)
class UnreadableScan:
    """Something arrived that is not a usable scan; ``reason`` is a sentence for the cashier."""

    reason: str
    raw: bytes


ScanItem = RawScan | UnreadableScan


def terminator_bytes(name: str) -> bytes:
    """``"CR"``, ``"LF"``, ``"CRLF"`` or ``"TAB"`` → its bytes; ``"ANY"`` (CR, LF or CRLF) → ``b""``."""
    try:
        return TERMINATORS[name.upper()]
    except KeyError:
        raise ValueError(f"Scanner terminator {name!r} is unknown: use ANY, CR, LF, CRLF or TAB.") from None


def has_bad_controls(text: str) -> bool:
    """True if ``text`` holds control characters other than GS (including C1 controls and DEL)."""
    return any(unicodedata.category(c) == "Cc" and c != GS for c in text)


def check_frame(raw: bytes, max_length: int = DEFAULT_MAX_LENGTH) -> ScanItem:
    """Validate one scan's bytes (terminator already removed)."""
    if len(raw) > max_length:
        return UnreadableScan(
            f"The scan is longer than {max_length} bytes: scan the code again.", raw[:max_length]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return UnreadableScan(
            "The scan is not valid text (bad UTF-8): check the scanner's settings and scan again.", raw
        )
    if has_bad_controls(text):
        return UnreadableScan(
            "The scan holds control characters: check the scanner's settings and scan again.", raw
        )
    return RawScan(text)


class LineFramer:
    """Incremental framer; not thread-safe (one reader thread owns it)."""

    def __init__(self, terminator: str = "ANY", max_length: int = DEFAULT_MAX_LENGTH) -> None:
        self.terminator = terminator_bytes(terminator)
        self.max_length = max_length
        self._buffer = bytearray()
        self._skipping = False

    def feed(self, chunk: bytes) -> list[ScanItem]:
        """Add bytes; return the scans they complete."""
        self._buffer += chunk
        items: list[ScanItem] = []
        while True:
            end, length = self._find_end()
            if end < 0:
                break
            frame = bytes(self._buffer[:end])
            del self._buffer[: end + length]
            if self._skipping:
                self._skipping = False
                continue
            self._emit(frame, items)
        if len(self._buffer) > self.max_length + 2 and not self._skipping:
            # Too long and still no terminator: report once now, then skip to the next terminator.
            items.append(check_frame(bytes(self._buffer), self.max_length))
            self._skipping = True
        if self._skipping:
            # Keep what could be the start of a split multi-byte terminator (CR of CRLF).
            del self._buffer[: max(0, len(self._buffer) - (len(self.terminator) - 1))]
        return items

    def _find_end(self) -> tuple[int, int]:
        """Where the next terminator starts and its length; (-1, 0) when there is none yet."""
        if self.terminator:
            return self._buffer.find(self.terminator), len(self.terminator)
        ends = [i for i in (self._buffer.find(b"\r"), self._buffer.find(b"\n")) if i >= 0]
        return (min(ends), 1) if ends else (-1, 0)

    def _emit(self, frame: bytes, items: list[ScanItem]) -> None:
        frame = frame.strip(b"\r\n")
        if frame:
            items.append(check_frame(frame, self.max_length))

    def reset(self) -> None:
        """Forget a partial scan (e.g. after the device was unplugged)."""
        self._buffer.clear()
        self._skipping = False
