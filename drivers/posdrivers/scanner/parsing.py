"""Interpret one scan: AIM symbology identifier, GTINs with check digits, GS1 element strings, text.

:func:`parse_scan` returns a :class:`ScannedCode` whose ``kind`` is:

* ``"gtin"`` — EAN-13, EAN-8, UPC-A, UPC-E or GTIN-14 with a valid check digit, normalised to GTIN-14
  in ``gtin`` (UPC-E is expanded first). A wrong check digit raises :class:`ScanError`; it is never fixed.
* ``"gs1"`` — a GS1 element string (GS1-128 ``]C1``, GS1 DataMatrix ``]d2``, GS1 QR ``]Q3``, GS1 DataBar
  ``]e0``, HRI text ``(01)…(21)…``, or an unprefixed string starting with AI 01): ``ais`` maps every
  AI to its value; ``gtin`` (AI 01, as GTIN-14), ``serial`` (21), ``batch`` (10), ``expiry`` (17, a
  date) are filled when present. The GS separator may be replaced by ``gs_substitute`` (wedge mode).
* ``"url"`` — an http(s) URL (typically a QR code on an e-receipt); ``"text"`` — anything else
  printable, e.g. receipt numbers ``PA01-000042``, return numbers ``RET-…``, voucher codes: the
  application decides what they are, and must look them up rather than trust them.

Without an AIM prefix, a code made only of 8, 12, 13 or 14 digits is taken as a GTIN (so our own
codes must hold a letter or a dash). An 8-digit code is EAN-8 if its check digit fits, else UPC-E.

Anything unusable — invalid UTF-8, control characters other than GS, more than ``max_length``
bytes, an empty scan, digits with a wrong check digit, a malformed GS1 string — raises
:class:`ScanError` with a sentence for the cashier; nothing else is ever raised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from posdrivers.errors import ScanError
from posdrivers.scanner.framing import DEFAULT_MAX_LENGTH, GS, RawScan, check_frame, has_bad_controls
from posdrivers.scanner.symbology import GS1_SYMBOLOGIES, split_aim, symbology_name

_GTIN_LENGTHS = (8, 12, 13, 14)
_UNPREFIXED_GS1 = re.compile(r"01\d{14}.*", re.DOTALL)
_FORMATS = {8: "EAN-8", 12: "UPC-A", 13: "EAN-13", 14: "GTIN-14"}


@dataclass(frozen=True)
class ScannedCode:
    """An interpreted scan. ``text`` is the data without the AIM prefix."""

    kind: str
    text: str
    raw: str
    symbology: str | None = None
    symbology_name: str | None = None
    gtin: str | None = None
    gtin_format: str | None = None
    serial: str | None = None
    batch: str | None = None
    expiry: date | None = None
    ais: dict[str, str] = field(default_factory=dict, hash=False)


def prepare() -> None:
    """Imports what reading a scan needs (biip builds its GS1 tables on import, ~0.1 s of CPU): a
    window calls it off its GUI thread once it shows, so neither its start nor its first scan waits."""
    import biip.gs1_messages
    import biip.gtin
    import biip.upc  # noqa: F401


def parse_scan(
    raw: str | bytes, *, gs_substitute: str | None = None, max_length: int = DEFAULT_MAX_LENGTH
) -> ScannedCode:
    """Interpret ``raw`` (see the module docstring). Raises :class:`ScanError` only."""
    text = _checked_text(raw, max_length).strip("\r\n")
    if not text:
        raise ScanError("The scan is empty: scan the code again.", raw)
    aim, data = split_aim(text)
    base: dict[str, Any] = {
        "raw": text,
        "text": data,
        "symbology": aim,
        "symbology_name": symbology_name(aim),
    }
    if not data:
        raise ScanError("The scan has a symbology prefix but no data: scan the code again.", raw)
    seps = [GS] + ([gs_substitute] if gs_substitute else [])
    if aim in GS1_SYMBOLOGIES or (aim is None and _looks_gs1(data, seps)):
        return _gs1(data, seps, base, raw)
    if aim is not None and aim[1] == "E":
        return _ean_upc(aim, data, base, raw)
    if data.isascii() and data.isdigit() and len(data) in _GTIN_LENGTHS and (aim is None or aim[1] == "I"):
        return _gtin(data, base, raw)
    if GS in data:
        raise ScanError(
            "The scan holds a GS1 separator but is not a GS1 code: check the scanner's settings.", raw
        )
    kind = "url" if re.match(r"https?://\S+$", data, re.IGNORECASE) else "text"
    return ScannedCode(kind=kind, **base)


def _checked_text(raw: str | bytes, max_length: int) -> str:
    if isinstance(raw, bytes | bytearray):
        item = check_frame(bytes(raw), max_length)
        if not isinstance(item, RawScan):
            raise ScanError(item.reason, raw)
        return item.text
    if len(raw.encode("utf-8", "surrogatepass")) > max_length:
        raise ScanError(f"The scan is longer than {max_length} bytes: scan the code again.", raw[:max_length])
    if has_bad_controls(raw.strip("\r\n")) or any("\ud800" <= c <= "\udfff" for c in raw):
        raise ScanError(
            "The scan holds control characters: check the scanner's settings and scan again.", raw
        )
    return raw


def _looks_gs1(data: str, seps: list[str]) -> bool:
    if data.startswith("(01)") or _UNPREFIXED_GS1.fullmatch(data):
        return True
    return data[:2].isascii() and data[:2].isdigit() and any(sep in data for sep in seps)


def _gtin_14(digits: str, raw: str | bytes) -> str:
    from biip import ParseError
    from biip.gtin import Gtin
    from biip.upc import Upc

    try:
        if len(digits) == 8 and not _valid_gtin(digits) and digits[0] in "01":
            return Gtin.parse(Upc.parse(digits).as_upc_a()).as_gtin_14()
        return Gtin.parse(digits).as_gtin_14()
    except ParseError as exc:
        raise ScanError(
            f"The code {digits} has a wrong check digit or length ({exc}): scan it again or type it.", raw
        ) from exc


def _valid_gtin(digits: str) -> bool:
    from biip import ParseError
    from biip.gtin import Gtin

    try:
        Gtin.parse(digits)
    except ParseError:
        return False
    return True


def _gtin(digits: str, base: dict[str, Any], raw: str | bytes, fmt: str | None = None) -> ScannedCode:
    gtin = _gtin_14(digits, raw)
    if fmt is None:
        fmt = "UPC-E" if len(digits) == 8 and not _valid_gtin(digits) else _FORMATS[len(digits)]
    return ScannedCode(kind="gtin", gtin=gtin, gtin_format=fmt, **base)


def _ean_upc(aim: str, data: str, base: dict[str, Any], raw: str | bytes) -> ScannedCode:
    if not (data.isascii() and data.isdigit()):
        raise ScanError(f"The EAN/UPC scan {data!r} holds more than digits: scan it again.", raw)
    if aim == "]E4" and len(data) == 8:
        return _gtin(data, base, raw, "EAN-8")
    if aim == "]E0" and len(data) == 8:
        from biip import ParseError
        from biip.upc import Upc

        try:
            upc_a = Upc.parse(data).as_upc_a()
        except ParseError as exc:
            raise ScanError(
                f"The UPC-E code {data} has a wrong check digit ({exc}): scan it again.", raw
            ) from exc
        return _gtin(upc_a, base, raw, "UPC-E")
    if aim == "]E3" and len(data) in (15, 18):
        data = data[:13]
    if len(data) in (12, 13):
        return _gtin(data, base, raw, "UPC-A" if len(data) == 12 or data[0] == "0" else "EAN-13")
    raise ScanError(f"The EAN/UPC scan {data!r} has {len(data)} digits: scan it again.", raw)


def _gs1(data: str, seps: list[str], base: dict[str, Any], raw: str | bytes) -> ScannedCode:
    from biip import ParseConfig, ParseError
    from biip.gs1_messages import GS1Message

    config = ParseConfig(separator_chars=seps)
    try:
        message = (
            GS1Message.parse_hri(data, config=config)
            if data.startswith("(")
            else GS1Message.parse(data, config=config)
        )
    except (ParseError, ValueError) as exc:
        raise ScanError(f"The GS1 code could not be read ({exc}): scan it again.", raw) from exc
    ais: dict[str, str] = {}
    gtin = expiry = None
    for element in message.element_strings:
        ais[element.ai.ai] = element.value
        if element.ai.ai == "01":
            if element.gtin is None:
                raise ScanError(
                    f"The GTIN {element.value} in the GS1 code has a wrong check digit: scan it again.", raw
                )
            gtin = element.gtin.as_gtin_14()
        if element.ai.ai == "17":
            expiry = element.date
    return ScannedCode(
        kind="gs1",
        gtin=gtin,
        gtin_format="GTIN-14" if gtin else None,
        serial=ais.get("21"),
        batch=ais.get("10"),
        expiry=expiry,
        ais=ais,
        **base,
    )
