"""Provisioning files: one TOML file sets up a till (printer, scanner, OMS, till and store ids),
so rolling out many tills is one file per till or one shared file plus `--till`.

    [till]
    id = "T3"
    [store]
    id = "PARIS-01"
    [printer]
    url = "tcp://10.0.0.51:9100"
    profile = "epson-tm-t20iii"

Tables and dotted keys both work (`printer.url = "…"`); values are strings, numbers or booleans.
The whole file is checked before anything is written. Secrets have no place in it: the OMS API key
goes to the OS keyring with `posreturns oms connect --api-key-stdin`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from typing import Any

from posreturns.services.errors import BadInput

KNOWN_KEYS = (
    "till.id", "store.id", "store.address", "language",
    "printer.url", "printer.profile", "printer.profile_file",
    "scanner.mode", "scanner.port", "scanner.suffix", "scanner.baudrate", "scanner.parity", "scanner.gs_substitute",
    "scanner.prefix",
    "mail.host", "mail.port", "mail.security", "mail.user", "mail.from", "mail.reply_to", "mail.ca_bundle",
    "mail.in_doubt", "sms.url", "sms.sender", "sms.in_doubt",
    "oms.kind", "oms.url", "oms.currency", "oms.timezone", "oms.order_window_days", "oms.ca_bundle",
)
CHOICES = {"language": ("fr", "en"), "scanner.mode": ("keyboard", "serial"), "oms.kind": ("medusa",)}
SECRET_WORDS = ("key", "secret", "token", "password", "pin")


def read_provisioning(text: bytes, source: str) -> dict[str, str]:
    """The settings of a provisioning file, flattened to `section.key` strings; BadInput names the
    first problem (line-level for TOML syntax) and what to do."""
    try:
        document = tomllib.loads(text.decode("utf-8"))
    except UnicodeDecodeError:
        raise BadInput(f"{source} is not UTF-8 text; save it as UTF-8 and import it again.") from None
    except tomllib.TOMLDecodeError as error:
        raise BadInput(f"{source} is not valid TOML ({error}); fix it and import it again.") from None
    values = _flatten(document, source)
    for key, value in values.items():
        _check(key, value, source)
    if values.get("scanner.mode") == "serial" and not values.get("scanner.port"):
        raise BadInput(f"{source}: scanner.mode is serial but scanner.port is missing; add the port (e.g. COM3 or "
                       "/dev/ttyACM0).")
    if not values:
        raise BadInput(f"{source} sets nothing; see docs/install.md for the keys a provisioning file can set.")
    return values


def _flatten(table: Mapping[str, Any], source: str, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, source, f"{key}."))
        elif isinstance(value, bool):
            flat[key] = "true" if value else "false"
        elif isinstance(value, (str, int)):
            flat[key] = str(value).strip()
        else:
            raise BadInput(f"{source}: {key} must be a text or a whole number, not {type(value).__name__}.")
    return flat


def _check(key: str, value: str, source: str) -> None:
    if key not in KNOWN_KEYS:
        if any(word in key.rsplit(".", 1)[-1].lower() for word in SECRET_WORDS):
            raise BadInput(f"{source}: {key} looks like a secret, which a provisioning file must not carry; "
                           "store the OMS API key with `posreturns oms connect --url URL --api-key-stdin` instead.")
        raise BadInput(f"{source}: {key} is not a setting posreturns knows; use one of {', '.join(KNOWN_KEYS)}.")
    if key in CHOICES and value not in CHOICES[key]:
        raise BadInput(f"{source}: {key} = {value!r} is not allowed; use {' or '.join(CHOICES[key])}.")
    if key in ("till.id", "store.id") and not value:
        raise BadInput(f"{source}: {key} is empty; give it a value such as T1 or PARIS-01.")
    if key == "oms.url" and not value.startswith(("https://", "http://")):
        raise BadInput(f"{source}: oms.url must start with https:// (or http:// on a test network).")
    if key == "oms.order_window_days" and not value.isdigit():
        raise BadInput(f"{source}: oms.order_window_days must be a whole number of days, e.g. 90.")
