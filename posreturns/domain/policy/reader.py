"""A strict reader over parsed TOML tables: typed getters that name the key on every error."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from posreturns.domain.errors import DomainError, PolicyError
from posreturns.domain.money import Money

E = TypeVar("E", bound=StrEnum)


def deep_merge(base: Mapping[str, object], override: Mapping[str, object]) -> dict[str, object]:
    """Tables merge key by key; any other value (arrays included) replaces the base value."""
    merged = dict(base)
    for key, value in override.items():
        old = merged.get(key)
        if isinstance(old, Mapping) and isinstance(value, Mapping):
            merged[key] = deep_merge(old, value)
        else:
            merged[key] = value
    return merged


class Table:
    """One TOML table; remembers which keys were read so `finish` can refuse unknown ones.

    A subclass reads another kind of file by changing the words of its errors (`KEY`, `FILE`,
    `GUIDE`) and their class (`ERROR`)."""

    KEY = "Policy key"
    FILE = "the policy file"
    GUIDE = "docs/policy.md"
    ERROR: type[DomainError] = PolicyError

    def __init__(self, data: object, path: str) -> None:
        if not isinstance(data, Mapping):
            raise self.ERROR(f"{self.KEY} '{path}' must be a table; fix {self.FILE}.")
        self.data: Mapping[str, object] = data
        self.path = path
        self._read: set[str] = set()

    def key(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str, expected: str) -> DomainError:
        return self.ERROR(f"{self.KEY} '{self.key(key)}' must be {expected}; fix {self.FILE}.")

    def raw(self, key: str) -> object:
        self._read.add(key)
        if key not in self.data:
            raise self.ERROR(f"{self.KEY} '{self.key(key)}' is missing; add it to {self.FILE}.")
        return self.data[key]

    def has(self, key: str) -> bool:
        return key in self.data

    def finish(self) -> None:
        unknown = sorted(set(self.data) - self._read)
        if unknown:
            raise self.ERROR(f"{self.KEY} '{self.key(unknown[0])}' is not known; check its spelling in {self.GUIDE}.")

    def text(self, key: str) -> str:
        value = self.raw(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "a non-empty string")
        return value

    def boolean(self, key: str) -> bool:
        value = self.raw(key)
        if not isinstance(value, bool):
            raise self.fail(key, "true or false")
        return value

    def integer(self, key: str, minimum: int = 0) -> int:
        value = self.raw(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.fail(key, f"a whole number of at least {minimum}")
        return value

    def percent(self, key: str) -> Decimal:
        value = self.raw(key)
        try:
            if isinstance(value, bool) or not isinstance(value, int | str):
                raise InvalidOperation
            rate = Decimal(value)
        except InvalidOperation:
            raise self.fail(key, 'a percentage between 0 and 100, such as 10 or "5.5"') from None
        if not 0 <= rate <= 100:
            raise self.fail(key, 'a percentage between 0 and 100, such as 10 or "5.5"')
        return rate

    def decimal(self, key: str) -> Decimal:
        value = self.raw(key)
        try:
            if not isinstance(value, str):
                raise InvalidOperation
            number = Decimal(value)
        except InvalidOperation:
            raise self.fail(key, 'a positive decimal string such as "0.05"') from None
        if not number.is_finite() or number <= 0:
            raise self.fail(key, 'a positive decimal string such as "0.05"')
        return number

    def money(self, key: str, currency: str) -> Money:
        value = self.raw(key)
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise self.fail(key, f'an amount in {currency} written as a string, such as "50.00"')
        try:
            amount = Money.parse(str(value), currency)
        except DomainError:
            raise self.fail(key, f'an amount in {currency} written as a string, such as "50.00"') from None
        if amount.amount < 0:
            raise self.fail(key, "an amount of zero or more")
        return amount

    def day(self, key: str) -> date:
        value = self.raw(key)
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise self.fail(key, "a date such as 2026-12-24")

    def choice(self, key: str, enum: type[E]) -> E:
        value = self.raw(key)
        try:
            return enum(str(value)) if isinstance(value, str) else enum("\0")
        except ValueError:
            choices = ", ".join(f'"{m.value}"' for m in enum)
            raise self.fail(key, f"one of {choices}") from None

    def choices(self, key: str, enum: type[E]) -> frozenset[E]:
        value = self.raw(key)
        if not isinstance(value, list):
            raise self.fail(key, "a list")
        options = ", ".join(f'"{m.value}"' for m in enum)
        try:
            return frozenset(enum(item) for item in value)
        except ValueError:
            raise self.fail(key, f"a list of {options}") from None

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.raw(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "a list of strings")
        return tuple(value)

    def table(self, key: str) -> Table:
        return type(self)(self.raw(key), self.key(key))

    def tables(self, key: str) -> list[Table]:
        value = self.raw(key)
        if not isinstance(value, list):
            raise self.fail(key, "an array of tables ([[...]])")
        return [type(self)(item, f"{self.key(key)}[{i}]") for i, item in enumerate(value)]
