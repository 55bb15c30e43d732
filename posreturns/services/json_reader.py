"""Typed access to a parsed JSON document, each problem reported with its JSON path."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from posreturns.domain.errors import InvalidAmount
from posreturns.domain.money import parse_minor
from posreturns.services.errors import ImportRejected
from posreturns.services.input_checks import has_card_number, machine_made, storable

MAX_COUNT = 1_000_000  # units on a line, in stock
MAX_AMOUNT_MINOR = 10**12  # 10 billion in a 2-decimal currency: far above any sale, far below SQLite's limit
MAX_TEXT = 1000
_RATE = re.compile(r"[0-9]{1,2}(?:\.[0-9]{1,6})?")


class JsonReader:
    """Typed access to a JSON object, raising `ImportRejected` with the path of what is wrong."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._amounts: dict[tuple[str, str], int] = {}  # prices repeat: parse each text once
        self._rates: dict[str, str] = {}

    def fail(self, path: str, reason: str) -> ImportRejected:
        return ImportRejected(self.source, path, reason)

    def obj(self, value: Any, path: str, fields: frozenset[str] | None = None) -> dict[str, Any]:
        """`value` as an object; with `fields`, a key not among them is refused by its name."""
        if not isinstance(value, dict):
            raise self.fail(path, f"expected an object, got {describe(value)}.")
        if fields is not None and not fields.issuperset(value):
            unknown = sorted(set(value) - fields)[0]
            raise self.fail(f"{path}.{printable(unknown)}", "this field is unknown in posreturns/1; check its spelling "
                                                         "in docs/data-format.md or leave it out.")
        return value

    def array(self, parent: dict[str, Any], key: str, path: str, required: bool = False) -> list[Any]:
        if key not in parent:
            if required:
                raise self.fail(f"{path}.{key}", "this field is missing.")
            return []
        value = parent[key]
        if not isinstance(value, list):
            raise self.fail(f"{path}.{key}", f"expected an array, got {describe(value)}.")
        return value

    def text(self, parent: dict[str, Any], key: str, path: str, optional: bool = False) -> Any:
        value = parent.get(key)
        if value is None and optional:
            return None
        if key not in parent:
            raise self.fail(f"{path}.{key}", "this field is missing.")
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{path}.{key}", f"expected a non-empty string, got {describe(value)}.")
        self.check_text(value, f"{path}.{key}", by_machine=machine_made(key))
        return value

    def check_text(self, value: str, path: str, by_machine: bool = False) -> None:
        """Text that can be stored, printed and kept: never a card number (its value is not echoed),
        unless it was made `by_machine` (see `input_checks.machine_made`)."""
        if len(value) > MAX_TEXT:
            raise self.fail(path, f"this text is {len(value)} characters long; at most {MAX_TEXT} are allowed.")
        if not storable(value):
            raise self.fail(path, "this text holds control characters or invalid Unicode (a lone surrogate); "
                                  "remove them.")
        if not by_machine and has_card_number(value):
            raise self.fail(path, "this looks like a full payment card number, which a till never stores; "
                                  'keep at most its last four digits (in "card_last4").')

    def flag(self, parent: dict[str, Any], key: str, path: str, default: bool | None = None) -> bool:
        if key not in parent:
            if default is not None:
                return default
            raise self.fail(f"{path}.{key}", "this field is missing.")
        value = parent.get(key)
        if not isinstance(value, bool):
            raise self.fail(f"{path}.{key}", f"expected true or false, got {describe(value)}.")
        return value

    def count(self, parent: dict[str, Any], key: str, path: str, minimum: int) -> int:
        if key not in parent:
            raise self.fail(f"{path}.{key}", "this field is missing.")
        value = parent[key]
        if type(value) is not int or not minimum <= value <= MAX_COUNT:
            raise self.fail(f"{path}.{key}", f"expected a whole number from {minimum} to {MAX_COUNT:,}, "
                                             f"got {describe(value)}.")
        return value

    def amount(self, parent: dict[str, Any], key: str, path: str, currency: str, default: str | None = None) -> int:
        value = parent.get(key, default)
        if key not in parent and default is None:
            raise self.fail(f"{path}.{key}", "this field is missing.")
        if not isinstance(value, str):
            raise self.fail(f"{path}.{key}", f'expected a decimal string such as "19.99", got {describe(value)}.')
        cached = self._amounts.get((value, currency))
        if cached is not None:
            return cached
        try:
            minor = parse_minor(value, currency) if len(value) <= 30 else None
        except InvalidAmount as error:
            raise self.fail(f"{path}.{key}", str(error)) from None
        if minor is None or abs(minor) > MAX_AMOUNT_MINOR:
            raise self.fail(f"{path}.{key}", f"{describe(value)} is out of range; an amount is at most "
                                             f"{MAX_AMOUNT_MINOR:,} minor units.")
        if minor >= 0:
            self._amounts[(value, currency)] = minor
        if minor < 0:
            raise self.fail(f"{path}.{key}", f'"{value}" is negative; amounts in this file are never negative.')
        return minor

    def rate(self, parent: dict[str, Any], key: str, path: str) -> str:
        value = parent.get(key)
        if isinstance(value, str) and value in self._rates:
            return self._rates[value]
        try:
            rate = Decimal(value) if isinstance(value, str) and _RATE.fullmatch(value) else None
        except InvalidOperation:
            rate = None
        if rate is None or not 0 <= rate < 100:
            raise self.fail(f"{path}.{key}",
                            f'expected a tax rate in percent as a string such as "20" or "5.5", got {describe(value)}.')
        self._rates[str(value)] = normalized = format(rate.normalize(), "f") if rate else "0"
        return normalized


def describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return f"the number {value}" if abs(value) < 10**30 else "a number too large"
    if isinstance(value, str):
        return f'"{printable(value[:40])}"'
    return "an array" if isinstance(value, list) else "an object"


def printable(text: str) -> str:
    """`text` as it can be printed in a message: never a card number, never a lone surrogate."""
    if has_card_number(text):
        return "(a card number)"
    return "".join(char if char.isprintable() else f"\\u{ord(char):04x}" for char in text)
