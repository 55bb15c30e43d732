"""ESC/POS: the command encoder, printer profiles and status decoding (pure, no I/O)."""

from posdrivers.escpos.codepages import encode_text, unprintable_characters
from posdrivers.escpos.encoder import EscPosEncoder, status_request
from posdrivers.escpos.profiles import (
    CodePage,
    DrawerSettings,
    PrinterProfile,
    list_profiles,
    load_profile,
    load_profile_file,
)
from posdrivers.escpos.status import PrinterStatus, parse_status

__all__ = [
    "CodePage",
    "DrawerSettings",
    "EscPosEncoder",
    "PrinterProfile",
    "PrinterStatus",
    "encode_text",
    "list_profiles",
    "load_profile",
    "load_profile_file",
    "parse_status",
    "status_request",
    "unprintable_characters",
]
