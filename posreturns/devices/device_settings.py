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


def _choice(choices: tuple[str, ...], what_en: str, what_fr: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value.lower() not in choices:
            raise BadInput(f"{value!r} is not a {what_en}: use one of {', '.join(choices)}.",
                           f"« {value} » n'est pas {what_fr} : utilisez {', '.join(choices)}.")
        return value.lower()

    return check


def _baudrate(value: str) -> str:
    if not value.isdigit() or int(value) not in BAUD_RATES:
        raise BadInput(f"{value!r} is not a serial speed: use one of {', '.join(map(str, BAUD_RATES))} "
                       "(9600 is usual).",
                       f"« {value} » n'est pas une vitesse série : "
                       f"utilisez {', '.join(map(str, BAUD_RATES))} (9600 en général).")
    return value


def _parity(value: str) -> str:
    if value.upper()[:1] not in PARITIES or len(value) > 1 and value.lower() not in PARITIES.values():
        raise BadInput(f"{value!r} is not a parity: use N (none), E (even) or O (odd).",
                       f"« {value} » n'est pas une parité : utilisez N (aucune), E (paire) ou O (impaire).")
    return value.upper()[:1]


def _one_character(value: str) -> str:
    if len(value) != 1 or value not in string.punctuation:
        raise BadInput(f"{value!r} cannot stand for the GS1 separator: use one punctuation character, e.g. |.",
                       f"« {value} » ne peut pas remplacer le séparateur GS1 : "
                       "utilisez un signe de ponctuation, p. ex. |.")
    return value


def _prefix(value: str) -> str:
    if len(value) > 4 or not value.isprintable():
        raise BadInput("The scanner prefix must be 1 to 4 printable characters, e.g. §.",
                       "Le préfixe du scanner doit faire 1 à 4 caractères imprimables, p. ex. §.")
    return value


def _printer_url(value: str) -> str:
    try:
        transport_from_url(split_printer_url(value)[0])
    except PosDriverError as error:
        raise BadInput(str(error), "L'adresse de l'imprimante n'est pas valable : "
                       "utilisez tcp://ADRESSE:9100, serial:/dev/ttyUSB0, usblp:/dev/usb/lp0 ou file:CHEMIN.") from None
    return value


def _profile(value: str) -> str:
    if value not in list_profiles():
        raise BadInput(f"There is no printer profile named {value!r}: choose one of {', '.join(list_profiles())}, "
                       "or set printer.profile_file to your own profile file.",
                       f"Aucun profil d'imprimante ne s'appelle « {value} » : "
                       f"choisissez parmi {', '.join(list_profiles())}, "
                       "ou indiquez votre propre fichier dans printer.profile_file.")
    return value


def _profile_file(value: str) -> str:
    try:
        load_profile_file(value)
    except PosDriverError as error:
        raise BadInput(str(error), "Le fichier de profil d'imprimante n'est pas valable : " + str(error)) from None
    return value


_CHECKS: dict[str, Callable[[str], str]] = {
    "scanner.mode": _choice(SCANNER_MODES, "scanner connection", "un mode de scanner"),
    "scanner.suffix": _choice(SCANNER_SUFFIXES, "scanner suffix", "un suffixe de scanner"),
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
