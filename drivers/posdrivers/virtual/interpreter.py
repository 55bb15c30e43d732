"""An incremental ESC/POS interpreter for the virtual printer: bytes in, :class:`Op` values out.

It understands everything :class:`~posdrivers.escpos.encoder.EscPosEncoder` emits and the common
commands python-escpos emits (``ESC !``, ``GS V 65/66``, ``GS k`` functions A and B, ``DLE DC4``…).
Feed it chunks as they arrive; a command cut between two chunks is kept until it is complete, so
``DLE EOT`` inside image or barcode data is never mistaken for a status request. Bytes it does not
understand become ``unknown`` ops (one per byte), never an exception.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from posdrivers.virtual.graphics import Result as _Result
from posdrivers.virtual.graphics import parse_barcode, parse_raster
from posdrivers.virtual.ops import CODE_PAGES, Op, QrCode

_ALIGN = {0: "left", 1: "center", 2: "right", 48: "left", 49: "center", 50: "right"}
_QR_ERRORS = {48: "L", 49: "M", 50: "Q", 51: "H"}
_FIXED = {
    b"\x1b{": 3,
    b"\x1dB": 3,
    b"\x1bG": 3,
    b"\x1db": 3,
    b"\x1b2": 2,
    b"\x1b3": 3,
    b"\x1bV": 3,
    b"\x1dL": 4,
    b"\x1dW": 4,
    b"\x1b ": 3,
}


class Interpreter:
    """Keeps the printer state (code page, barcode and QR settings) across chunks."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self.reset()

    def reset(self) -> None:
        self.code_page = 0
        self.barcode = {"height": 162, "module_width": 3, "hri": 0}
        self.qr = QrCode(b"", size=3, error="L", model=2)

    def feed(self, data: bytes) -> list[Op]:
        """Interpret as much as possible; incomplete trailing commands wait for the next chunk."""
        self._buffer += data
        ops: list[Op] = []
        pos, buf = 0, bytes(self._buffer)
        while pos < len(buf):
            result = self._one(buf, pos)
            if result is None:
                break
            end, new = result
            ops.extend(new)
            pos = end
        del self._buffer[:pos]
        return ops

    def finish(self) -> list[Op]:
        """End of stream: whatever incomplete command is left becomes ``unknown``."""
        leftover, self._buffer = bytes(self._buffer), bytearray()
        return [Op("unknown", leftover, leftover)] if leftover else []

    def _one(self, buf: bytes, pos: int) -> _Result:
        byte = buf[pos]
        if byte >= 0x20 and byte != 0x7F:
            end = pos
            while end < len(buf) and buf[end] >= 0x20 and buf[end] != 0x7F:
                end += 1
            codec = CODE_PAGES.get(self.code_page, "latin-1")
            return end, [Op("text", buf[pos:end].decode(codec, "replace"), buf[pos:end])]
        if byte == 0x0A:
            return pos + 1, [Op("lf", None, b"\n")]
        if byte in (0x0D, 0x00):
            return pos + 1, [Op("setting", ("ignored", byte), buf[pos : pos + 1])]
        handler = {0x1B: self._esc, 0x1D: self._gs, 0x10: self._dle}.get(byte)
        if handler is None:
            return pos + 1, [Op("unknown", buf[pos : pos + 1], buf[pos : pos + 1])]
        if pos + 1 >= len(buf):
            return None
        return handler(buf, pos)

    @staticmethod
    def _fixed(buf: bytes, pos: int, length: int, make: Callable[[bytes], list[Op]]) -> _Result:
        if pos + length > len(buf):
            return None
        raw = buf[pos : pos + length]
        ops = make(raw)  # the first op carries the bytes, so joining every op's raw gives the stream back
        return pos + length, [Op(op.kind, op.value, raw if i == 0 else b"") for i, op in enumerate(ops)]

    def _esc(self, buf: bytes, pos: int) -> _Result:
        cmd = buf[pos + 1 : pos + 2]
        simple: dict[bytes, tuple[int, Callable[[bytes], list[Op]]]] = {
            b"@": (2, lambda r: self._init()),
            b"t": (3, lambda r: self._codepage(r[2])),
            b"E": (3, lambda r: [Op("bold", bool(r[2] & 1))]),
            b"-": (3, lambda r: [Op("underline", r[2] % 48 if r[2] >= 48 else r[2])]),
            b"a": (3, lambda r: [Op("align", _ALIGN.get(r[2], "left"))]),
            b"M": (3, lambda r: [Op("font", "B" if r[2] in (1, 49) else "A")]),
            b"d": (3, lambda r: [Op("feed", r[2])]),
            b"J": (3, lambda r: [Op("feed", max(1, r[2] // 30))]),
            b"!": (3, lambda r: self._print_mode(r[2])),
            b"p": (5, lambda r: [Op("drawer", (2 if r[2] in (0, 48) else 5, r[3] * 2, r[4] * 2))]),
        }
        if cmd in simple:
            return self._fixed(buf, pos, *simple[cmd])
        prefix = buf[pos : pos + 2]
        if prefix in _FIXED:
            return self._fixed(
                buf, pos, _FIXED[prefix], lambda r: [Op("setting", (r[:2].hex(), r[2:].hex()))]
            )
        return pos + 1, [Op("unknown", buf[pos : pos + 1], buf[pos : pos + 1])]

    def _gs(self, buf: bytes, pos: int) -> _Result:
        cmd = buf[pos + 1 : pos + 2]
        settings = {b"h": "height", b"w": "module_width", b"H": "hri"}
        if cmd in settings:
            return self._fixed(buf, pos, 3, lambda r: self._barcode_setting(settings[cmd], r[2]))
        if cmd == b"f":
            return self._fixed(buf, pos, 3, lambda r: [Op("setting", ("hri_font", r[2]))])
        if cmd == b"!":
            return self._fixed(buf, pos, 3, lambda r: [Op("size", ((r[2] >> 4) + 1, (r[2] & 7) + 1))])
        if cmd == b"V":
            return self._cut(buf, pos)
        if cmd == b"k":
            return parse_barcode(buf, pos, self.barcode)
        if cmd == b"(":
            return self._gs_paren(buf, pos)
        if cmd == b"v":
            return parse_raster(buf, pos)
        if cmd == b"r":
            return self._fixed(buf, pos, 3, lambda r: [Op("transmit_status", r[2])])
        prefix = buf[pos : pos + 2]
        if prefix in _FIXED:
            return self._fixed(
                buf, pos, _FIXED[prefix], lambda r: [Op("setting", (r[:2].hex(), r[2:].hex()))]
            )
        return pos + 1, [Op("unknown", buf[pos : pos + 1], buf[pos : pos + 1])]

    def _dle(self, buf: bytes, pos: int) -> _Result:
        if buf[pos + 1] == 0x04:
            return self._fixed(buf, pos, 3, lambda r: [Op("status", r[2])])
        if buf[pos + 1] == 0x14:
            return self._fixed(
                buf, pos, 5, lambda r: [Op("drawer", (2 if r[3] == 0 else 5, r[4] * 100, r[4] * 100))]
            )
        return pos + 1, [Op("unknown", buf[pos : pos + 1], buf[pos : pos + 1])]

    # --- state-changing helpers ------------------------------------------------------------------

    def _init(self) -> list[Op]:
        self.reset()
        return [Op("init")]

    def _codepage(self, number: int) -> list[Op]:
        self.code_page = number
        return [Op("codepage", number)]

    def _print_mode(self, n: int) -> list[Op]:
        return [
            Op("font", "B" if n & 1 else "A"),
            Op("bold", bool(n & 8)),
            Op("size", (2 if n & 0x20 else 1, 2 if n & 0x10 else 1)),
            Op("underline", 1 if n & 0x80 else 0),
        ]

    def _barcode_setting(self, name: str, value: int) -> list[Op]:
        self.barcode[name] = value % 48 if name == "hri" and value >= 48 else value
        return [Op("setting", (name, value))]

    def _cut(self, buf: bytes, pos: int) -> _Result:
        if pos + 3 > len(buf):
            return None
        mode = buf[pos + 2]
        if mode in (65, 66):
            return self._fixed(
                buf, pos, 4, lambda r: [Op("feed", r[3]), Op("cut", "full" if mode == 65 else "partial")]
            )
        return self._fixed(buf, pos, 3, lambda r: [Op("cut", "full" if mode in (0, 48) else "partial")])

    def _gs_paren(self, buf: bytes, pos: int) -> _Result:
        if pos + 5 > len(buf):
            return None
        length = buf[pos + 3] | buf[pos + 4] << 8
        stop = pos + 5 + length
        if stop > len(buf):
            return None
        raw, body = buf[pos:stop], buf[pos + 5 : stop]
        if buf[pos + 2] == ord("H") and body[:2] == b"00" and len(body) == 6:
            return stop, [Op("process_id", body[2:], raw)]
        if buf[pos + 2] != ord("k") or len(body) < 3 or body[0] != 49:
            return stop, [Op("setting", ("gs(", raw.hex()), raw)]
        fn, arg = body[1], body[2]
        ops: list[Op] = [Op("setting", ("qr", fn), raw)]
        if fn == 65:
            self.qr = replace(self.qr, model=arg - 48 if arg >= 48 else arg)
        elif fn == 67:
            self.qr = replace(self.qr, size=arg)
        elif fn == 69:
            self.qr = replace(self.qr, error=_QR_ERRORS.get(arg, "L"))
        elif fn == 80:
            self.qr = replace(self.qr, data=body[3:])
        elif fn == 81:
            ops = [Op("qr", self.qr, raw)]
        return stop, ops
