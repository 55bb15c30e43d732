"""What the virtual printer's interpreter produces: one :class:`Op` per ESC/POS command or text run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: ESC t numbers the interpreter knows (Epson numbering) → Python codec.
CODE_PAGES = {0: "cp437", 2: "cp850", 3: "cp860", 4: "cp863", 5: "cp865", 16: "cp1252", 19: "cp858"}


@dataclass(frozen=True)
class Barcode:
    """A 1D barcode: symbology (``CODE128``, ``EAN13``, …), decoded data and the ``GS h/w/H`` settings."""

    symbology: str
    data: str
    height: int = 162
    module_width: int = 3
    hri: int = 0


@dataclass(frozen=True)
class QrCode:
    """A native QR code (``GS ( k``)."""

    data: bytes
    size: int = 3
    error: str = "L"
    model: int = 2


@dataclass(frozen=True)
class Op:
    """One interpreted command.

    ``kind`` is one of: init, codepage (value: ESC t number), text (str), lf, bold (bool), underline
    (0-2), size ((w, h)), align ("left"/"center"/"right"), font ("A"/"B"), feed (lines), barcode
    (:class:`Barcode`), qr (:class:`QrCode`), raster (:class:`~posdrivers.escpos.raster.BitImage`),
    cut ("full"/"partial"), drawer ((pin, on_ms, off_ms)), status (n of DLE EOT n), process_id (the
    four bytes of GS ( H function 48), transmit_status (n of GS r n), setting ((name, value) for
    commands with no visible effect here), unknown (bytes not understood).
    ``raw`` holds the bytes the op came from.
    """

    kind: str
    value: Any = None
    raw: bytes = b""


#: Ops that put something on paper or move hardware; a job without any of these is not stored.
VISIBLE = frozenset({"text", "lf", "feed", "barcode", "qr", "raster", "cut", "drawer"})
#: Requests the printer answers on the connection; they are not part of a job.
QUESTIONS = frozenset({"status", "process_id", "transmit_status"})
