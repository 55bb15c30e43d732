"""AIM symbology identifiers (ISO/IEC 15424): the ``]Cm`` prefix a scanner can put before the data."""

from __future__ import annotations

import re

_AIM = re.compile(r"\]([A-Za-z])([0-9A-Za-z])")

#: Identifiers whose data is a GS1 element string.
GS1_SYMBOLOGIES = frozenset({"]C1", "]d2", "]Q3", "]e0", "]J1"})

_NAMES = {
    "A": "Code 39",
    "C": "Code 128",
    "d": "Data Matrix",
    "E": "EAN/UPC",
    "e": "GS1 DataBar",
    "I": "Interleaved 2 of 5",
    "J": "Han Xin",
    "L": "PDF417",
    "Q": "QR Code",
    "z": "Aztec",
}
_SPECIFIC = {
    "]C1": "GS1-128",
    "]d2": "GS1 DataMatrix",
    "]Q3": "GS1 QR Code",
    "]E4": "EAN-8",
}


def split_aim(text: str) -> tuple[str | None, str]:
    """``"]E04006381333931"`` → ``("]E0", "4006381333931")``; no prefix → ``(None, text)``."""
    match = _AIM.match(text)
    if match is None:
        return None, text
    return match.group(0), text[3:]


def symbology_name(aim: str | None) -> str | None:
    """A readable name for an AIM identifier, or None if unknown."""
    if aim is None:
        return None
    return _SPECIFIC.get(aim) or _NAMES.get(aim[1])
