"""Printer profiles: the few facts about a printer model that the encoder and the printer facade need.

Profiles ship as JSON files in ``posdrivers/escpos/profile_data/`` (one per model, named after the
profile). An integrator with another model can load their own file with :func:`load_profile_file`.
Fields (all required)::

    name, display_name          identifier used in configuration, and a readable name
    paper_width_mm, dpi         paper roll width and print head resolution
    dots_per_line               printable width in dots (raster images must not be wider)
    columns                     {"A": n, "B": n} characters per line in font A and font B
    code_page                   {"name": "WPC1252", "escpos_number": 16, "codec": "cp1252"}
                                the one fixed code page selected with ESC t n after every ESC @
    qr_native                   true if the printer has GS ( k QR; false → QR sent as a raster image
    barcodes_native             symbologies the printer draws itself with GS k ("CODE128", "EAN13")
    cut                         "full", "partial" or "none" (no cutter: only feed)
    cut_feed_lines              lines fed (ESC d n) before cutting, so the last line clears the blade
    drawer                      {"pin": 2|5, "on_ms": int, "off_ms": int, "open_when_high": bool,
                                 "realtime": bool} cash drawer pulse, the polarity of the drawer
                                sensor, and whether the printer has the real-time pulse DLE DC4 1
                                (executed at once, even out of paper) rather than ESC p only

Optional (with their default)::

    completion: "status"        how the printer confirms a job: "process_id" (Epson GS ( H, sent when the
                                printing is complete), "transmit_status" (GS r 1, answered in order),
                                "status" (DLE EOT read back after the job) or "none" (never answers:
                                jobs are sent without confirmation)
    command_set: "escpos"       "escpos" only; Star printers must run their ESC/POS emulation
    source: ""                  where the figures come from (the maker's command reference)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from posdrivers.errors import BadProfile, ProfileNotFound

_DATA_PACKAGE = "posdrivers.escpos.profile_data"
CUT_KINDS = ("full", "partial", "none")
COMPLETIONS = ("process_id", "transmit_status", "status", "none")


@dataclass(frozen=True)
class CodePage:
    """A printer code table: its name, its ESC t number on this printer, and the Python codec."""

    name: str
    escpos_number: int
    codec: str


@dataclass(frozen=True)
class DrawerSettings:
    """Cash drawer wiring: kick-out pin (2 or 5), pulse on/off time, and drawer sensor polarity."""

    pin: int
    on_ms: int
    off_ms: int
    open_when_high: bool = True
    realtime: bool = False


@dataclass(frozen=True)
class PrinterProfile:
    """Immutable description of one printer model."""

    name: str
    display_name: str
    paper_width_mm: int
    dpi: int
    dots_per_line: int
    columns_font_a: int
    columns_font_b: int
    code_page: CodePage
    qr_native: bool
    barcodes_native: frozenset[str]
    cut: str
    cut_feed_lines: int
    drawer: DrawerSettings
    completion: str = "status"
    source: str = ""

    def columns(self, font: str = "A") -> int:
        """Characters per line in font ``"A"`` or ``"B"`` at normal width."""
        return self.columns_font_b if font.upper() == "B" else self.columns_font_a


def list_profiles() -> list[str]:
    """Names of the profiles shipped with posdrivers, sorted."""
    folder = resources.files(_DATA_PACKAGE)
    return sorted(p.name[: -len(".json")] for p in folder.iterdir() if p.name.endswith(".json"))


def load_profile(name: str) -> PrinterProfile:
    """Load a shipped profile by name (see :func:`list_profiles`)."""
    resource = resources.files(_DATA_PACKAGE) / f"{name}.json"
    if "/" in name or "\\" in name or not resource.is_file():
        raise ProfileNotFound(
            f"There is no printer profile named {name!r}: choose one of {', '.join(list_profiles())}, "
            "or load your own profile file."
        )
    return profile_from_dict(json.loads(resource.read_text(encoding="utf-8")), source=f"profile {name!r}")


def load_profile_file(path: str | Path) -> PrinterProfile:
    """Load a profile from a JSON file of the same format as the shipped ones."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BadProfile(
            f"The printer profile file {path} cannot be read ({exc}): check the path and the JSON."
        ) from exc
    return profile_from_dict(data, source=str(path))


def profile_from_dict(data: Any, *, source: str = "profile") -> PrinterProfile:
    """Build and check a profile from decoded JSON; raises :class:`BadProfile` naming the bad field."""
    if not isinstance(data, dict):
        raise BadProfile(f"The {source} is not a JSON object: fix the file.")

    def get(path: str, kind: type, default: Any = None) -> Any:
        value: Any = data
        for key in path.split("."):
            if not isinstance(value, dict) or (key not in value and default is None):
                raise BadProfile(
                    f"The {source} has no field {path!r}: add it (compare with a shipped profile)."
                )
            value = value.get(key, default)
        try:
            if kind is bool:
                if not isinstance(value, bool):
                    raise TypeError
                return value
            return frozenset(str(v).upper() for v in value) if kind is frozenset else kind(value)
        except (TypeError, ValueError):
            raise BadProfile(
                f"The {source} field {path!r} has the wrong value {value!r}: it must be a {kind.__name__}."
            ) from None

    profile = PrinterProfile(
        name=get("name", str),
        display_name=get("display_name", str),
        paper_width_mm=get("paper_width_mm", int),
        dpi=get("dpi", int),
        dots_per_line=get("dots_per_line", int),
        columns_font_a=get("columns.A", int),
        columns_font_b=get("columns.B", int),
        code_page=CodePage(
            get("code_page.name", str), get("code_page.escpos_number", int), get("code_page.codec", str)
        ),
        qr_native=get("qr_native", bool),
        barcodes_native=get("barcodes_native", frozenset),
        cut=get("cut", str),
        cut_feed_lines=get("cut_feed_lines", int),
        drawer=DrawerSettings(
            get("drawer.pin", int),
            get("drawer.on_ms", int),
            get("drawer.off_ms", int),
            get("drawer.open_when_high", bool, True),
            get("drawer.realtime", bool, False),
        ),
        completion=get("completion", str, "status"),
        source=get("source", str, ""),
    )
    if data.get("command_set", "escpos") != "escpos":
        raise BadProfile(
            f"The {source} uses the command set {data.get('command_set')!r}: only ESC/POS is supported; "
            "switch the printer to its ESC/POS emulation and use \"escpos\"."
        )
    _check(profile, source)
    return profile


def _check(profile: PrinterProfile, source: str) -> None:
    problems = []
    if profile.completion not in COMPLETIONS:
        problems.append(f"completion must be one of {COMPLETIONS}")
    if profile.cut not in CUT_KINDS:
        problems.append(f"cut must be one of {CUT_KINDS}")
    if profile.drawer.pin not in (2, 5):
        problems.append("drawer.pin must be 2 or 5")
    if not 0 <= profile.code_page.escpos_number <= 255:
        problems.append("code_page.escpos_number must be 0-255")
    if profile.dots_per_line <= 0 or profile.dots_per_line % 8:
        problems.append("dots_per_line must be a positive multiple of 8")
    try:
        "é".encode(profile.code_page.codec)
    except LookupError:
        problems.append(f"code_page.codec {profile.code_page.codec!r} is not a Python codec")
    except UnicodeError:
        pass
    if problems:
        raise BadProfile(f"The {source} is invalid: {'; '.join(problems)}. Fix the profile file.")
