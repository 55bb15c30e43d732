"""The till's device settings (scanner and printer keys): checked before they are stored, and turned
into driver configuration. A wrong value is refused with one sentence saying what to use instead;
it never reaches a device."""

from __future__ import annotations

import string
from collections.abc import Callable
from typing import Any

from posdrivers import PosDriverError, WedgeConfig, list_profiles, load_profile_file
from posdrivers.printer import split_printer_url
from posdrivers.transports import transport_from_url

from posreturns.devices.driver_problem import DriverProblem
from posreturns.domain.messages import Text, translate
from posreturns.services.errors import BadInput

Get = Callable[[str], str | None]
SCANNER_MODES = ("keyboard", "serial")
#: enter / tab / enter-or-tab / none for a keyboard scanner; cr / lf / crlf (or enter: any line end) for a serial one.
SCANNER_SUFFIXES = ("enter", "tab", "enter-or-tab", "none", "cr", "lf", "crlf")
PARITIES = {"N": "none", "E": "even", "O": "odd", "M": "mark", "S": "space"}
BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
DEFAULT_SUFFIX = "enter-or-tab"
DEVICE_KEYS = ("scanner.mode", "scanner.port", "scanner.suffix", "scanner.baudrate", "scanner.parity",
               "scanner.gs_substitute", "scanner.prefix", "printer.url", "printer.profile", "printer.profile_file")


def check_setting(key: str, value: str) -> str:
    """The value to store for `key` (trimmed, normalised), or BadInput. Keys that are not device
    settings pass unchanged."""
    value = value.strip()
    check = _CHECKS.get(key)
    return check(value) if check is not None and value else value


def _choice(choices: tuple[str, ...], what: Text) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value.lower() not in choices:
            raise BadInput(translate("devices.device_settings", "{0!r} is not a {1}: use one of {2}.")
                           .format(value, what,
                                     ", ".join(choices)))
        return value.lower()

    return check


def _baudrate(value: str) -> str:
    if not value.isdigit() or int(value) not in BAUD_RATES:
        raise BadInput(translate("devices.device_settings", "{0!r} is not a serial speed: use one of {1} (9600 "
                                                            "is usual).")
                       .format(value, ', '.join(map(str, BAUD_RATES))))
    return value


def _parity(value: str) -> str:
    if value.upper()[:1] not in PARITIES or len(value) > 1 and value.lower() not in PARITIES.values():
        raise BadInput(translate("devices.device_settings", "{0!r} is not a parity: use N (none), E (even) or O "
                                                            "(odd).").format(value))
    return value.upper()[:1]


def _one_character(value: str) -> str:
    if len(value) != 1 or value not in string.punctuation:
        raise BadInput(translate("devices.device_settings", "{0!r} cannot stand for the GS1 separator: use one "
                                                            "punctuation character, e.g. |.").format(value))
    return value


def _prefix(value: str) -> str:
    if len(value) > 4 or not value.isprintable():
        raise BadInput(translate("devices.device_settings", "The scanner prefix must be 1 to 4 printable "
                                                            "characters, e.g. §."))
    return value


def _printer_url(value: str) -> str:
    try:
        transport_from_url(split_printer_url(value)[0])
    except PosDriverError as error:
        raise BadInput(translate("devices.device_settings", "{0} Use tcp://ADDRESS:9100, serial:/dev/ttyUSB0, "
                                 "usblp:/dev/usb/lp0 or file:PATH.").format(DriverProblem(error))) from None
    return value


def _profile(value: str) -> str:
    if value not in list_profiles():
        raise BadInput(translate("devices.device_settings", "There is no printer profile named {0!r}: choose one of "
                                 "{1}, or set printer.profile_file to your own profile file.").format(value,
                                 ", ".join(list_profiles())))
    return value


def _profile_file(value: str) -> str:
    try:
        load_profile_file(value)
    except PosDriverError as error:
        raise BadInput(translate("devices.device_settings", "The printer profile file is not valid: {0}")
                       .format(str(error))) from None
    return value


_CHECKS: dict[str, Callable[[str], str]] = {
    "scanner.mode": _choice(SCANNER_MODES, translate("devices.device_settings", "scanner connection")),
    "scanner.suffix": _choice(SCANNER_SUFFIXES, translate("devices.device_settings", "scanner suffix")),
    "scanner.baudrate": _baudrate,
    "scanner.parity": _parity,
    "scanner.gs_substitute": _one_character,
    "scanner.prefix": _prefix,
    "printer.url": _printer_url,
    "printer.profile": _profile,
    "printer.profile_file": _profile_file,
}


def wedge_config(get: Get) -> WedgeConfig:
    """The keyboard-wedge detection for the till's scanner settings."""
    suffix = get("scanner.suffix") or DEFAULT_SUFFIX
    suffix = "enter" if suffix in ("cr", "lf", "crlf") else suffix
    return WedgeConfig.for_suffix(suffix, prefix=get("scanner.prefix") or "")


def serial_options(get: Get) -> dict[str, Any]:
    """The serial reader's settings: speed, parity and the line end that closes a scan."""
    suffix = get("scanner.suffix") or "enter"
    terminator = {"cr": "CR", "lf": "LF", "crlf": "CRLF", "tab": "TAB"}.get(suffix, "ANY")
    return {"baudrate": int(get("scanner.baudrate") or 9600), "parity": get("scanner.parity") or "N",
            "terminator": terminator}


def gs_substitute(get: Get) -> str | None:
    """The character the scanner sends instead of GS (keyboard layouts often drop Ctrl+])."""
    return get("scanner.gs_substitute") or None
