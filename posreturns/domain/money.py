"""Money: `Decimal` amounts in a currency, integer minor units at the edges.

The one rounding rule of the product lives here: `Money.of` rounds half up to the currency's minor
unit. Splitting an amount over parts (`Money.allocate`) uses the largest-remainder method so the
parts always add up exactly to the whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from posreturns.domain.currencies import MINOR_UNITS
from posreturns.domain.errors import CurrencyMismatch, InvalidAmount

_AMOUNT = re.compile(r"-?(\d+)(?:\.(\d+))?")


def exponent(currency: str) -> int:
    """The decimals of the currency's minor unit (ISO 4217; 2 for a code it does not list)."""
    return MINOR_UNITS.get(currency, 2)


def quantum(currency: str) -> Decimal:
    """The currency's minor unit as a `Decimal` (0.01 for EUR): what every amount is quantized to."""
    return _scale(currency)[1]


# (decimals, minor unit) by currency: asked for every amount made, several hundred times a quote
_SCALES: dict[str, tuple[int, Decimal]] = {}
_ZEROS: dict[str, Money] = {}


def _scale(currency: str) -> tuple[int, Decimal]:
    found = _SCALES.get(currency)
    if found is None:
        places = exponent(currency)
        found = _SCALES[currency] = (places, Decimal(1).scaleb(-places))
    return found


def parse_minor(text: str, currency: str) -> int:
    """Parse a decimal string such as "19.99" into minor units (1999), refusing extra decimals."""
    match = _AMOUNT.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise InvalidAmount(f'"{text}" is not an amount; write it as a decimal string such as "19.99".')
    whole: str = match.group(1)
    fraction: str = match.group(2) or ""
    places = exponent(currency)
    if len(fraction) == places:
        minor = int(whole + fraction)
        return -minor if text[0] == "-" else minor
    if len(fraction) > places and fraction[places:].strip("0"):
        raise InvalidAmount(f'"{text}" has more than {places} decimals, which {currency} does not allow.')
    fraction = (fraction + "0" * places)[:places]
    minor = int(whole) * int(10**places) + (int(fraction) if fraction else 0)
    return -minor if text.startswith("-") else minor


@dataclass(frozen=True, slots=True)
class Money:
    """An exact amount of one currency, always held at the currency's minor unit."""

    amount: Decimal
    currency: str

    @classmethod
    def of(cls, value: Decimal | int | str, currency: str) -> Money:
        """Round `value` half up to the currency's minor unit: the product's only rounding rule."""
        return cls(Decimal(value).quantize(_scale(currency)[1], rounding=ROUND_HALF_UP), currency)

    @classmethod
    def from_minor(cls, minor: int, currency: str) -> Money:
        places, step = _scale(currency)
        return cls(Decimal(minor).scaleb(-places).quantize(step), currency)

    @classmethod
    def parse(cls, text: str, currency: str) -> Money:
        return cls.from_minor(parse_minor(text, currency), currency)

    @classmethod
    def zero(cls, currency: str) -> Money:
        found = _ZEROS.get(currency)  # amounts are immutable: one zero per currency will do
        if found is None:
            found = _ZEROS[currency] = cls.from_minor(0, currency)
        return found

    @classmethod
    def total(cls, amounts: Iterable[Money], currency: str) -> Money:
        result = cls.zero(currency)
        for amount in amounts:
            result = result + amount
        return result

    @property
    def minor(self) -> int:
        return int(self.amount.scaleb(_scale(self.currency)[0]))

    def _check(self, other: Money) -> None:
        if other.currency != self.currency:
            raise CurrencyMismatch(f"cannot combine {self.currency} with {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._check(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._check(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __mul__(self, factor: int) -> Money:
        if not isinstance(factor, int):
            raise TypeError("multiply money by whole quantities only; use Money.of(amount * rate) to round")
        return Money(self.amount * factor, self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        self._check(other)
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        self._check(other)
        return self.amount <= other.amount

    def __gt__(self, other: Money) -> bool:
        self._check(other)
        return self.amount > other.amount

    def __ge__(self, other: Money) -> bool:
        self._check(other)
        return self.amount >= other.amount

    def is_zero(self) -> bool:
        return self.amount == 0

    def min(self, other: Money) -> Money:
        return self if self <= other else other

    def max(self, other: Money) -> Money:
        return self if self >= other else other

    def allocate(self, weights: Sequence[int | Decimal]) -> list[Money]:
        """Split into parts proportional to `weights`, to the minor unit, summing exactly to self."""
        minors = allocate_minor(self.minor, weights)
        return [Money.from_minor(m, self.currency) for m in minors]

    def __str__(self) -> str:
        return str(self.amount)

    def format(self) -> str:
        """Plain display form, e.g. '19.99 EUR' (the UI formats for the locale)."""
        return f"{self.amount} {self.currency}"


def div_half_up(numerator: int, denominator: int) -> int:
    """Integer division rounded half away from zero: `Money.of`'s rule, for minor-unit arithmetic."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    quotient, remainder = divmod(abs(numerator), denominator)
    if 2 * remainder >= denominator:
        quotient += 1
    return quotient if numerator >= 0 else -quotient


def equal_shares(total: int, parts: int, start: int, count: int) -> int:
    """`sum(allocate_minor(total, [1] * parts)[start:start + count])` without the list: each part
    gets total // parts, and the first total % parts parts one more."""
    sign = -1 if total < 0 else 1
    each, extra = divmod(abs(total), parts)
    end = min(start + count, parts)
    start = min(max(start, 0), end)
    return sign * (each * (end - start) + max(0, min(end, extra) - start))


def allocate_minor(total: int, weights: Sequence[int | Decimal]) -> list[int]:
    """Largest-remainder split of `total` minor units over `weights`; ties go to the earlier part."""
    if not weights:
        return []
    if not all(isinstance(w, int) for w in weights):
        scale = 10 ** max(0, *(-int(Decimal(w).as_tuple().exponent) for w in weights))
        weights = [int(Decimal(w) * scale) for w in weights]
    integer_weights = [int(w) for w in weights]
    weight_sum = sum(integer_weights)
    if weight_sum == 0:
        return [total] + [0] * (len(weights) - 1)
    sign = -1 if total < 0 else 1
    magnitude = abs(total)
    floors, remainders = [], []
    for weight in integer_weights:
        floor, remainder = divmod(magnitude * weight, weight_sum)
        floors.append(floor)
        remainders.append(remainder)
    leftover = magnitude - sum(floors)
    if leftover:
        order = sorted(range(len(floors)), key=lambda i: (-remainders[i], i))
        for i in order[:leftover]:
            floors[i] += 1
    return [sign * f for f in floors]


SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CHF": "CHF"}


def display(amount: str | Decimal, currency: str, language: str, group: str = " ", space: str = " ") -> str:
    """An amount as a person reads it: '1 234,50 €' in French, '€1,234.50' in English, with the
    currency's own number of decimals. `group` and `space` let the screen use non-breaking spaces
    where the receipt printer's code page has only the plain one."""
    value = Decimal(amount)
    sign = "-" if value < 0 else ""
    digits = f"{abs(value):,.{exponent(currency)}f}"
    symbol = SYMBOLS.get(currency, currency)
    if language == "fr":
        return f"{sign}{digits.replace(',', '_').replace('.', ',').replace('_', group)}{space}{symbol}"
    return f"{sign}{symbol}{digits}" if len(symbol) == 1 else f"{sign}{digits}{space}{symbol}"
