"""Second hand: the grade table of the policy, the resale price rounded to the store's price ending,
and the in-store EAN-13 of a resale item in the GS1 restricted-circulation range (prefix 2)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from posreturns.domain.errors import UserFacingError
from posreturns.domain.messages import Text, translate
from posreturns.domain.money import Money, quantum
from posreturns.domain.returns import RefundMethod


class Grade(StrEnum):
    A = "A"  # like new
    B = "B"  # good
    C = "C"  # fair


GRADE_WORDS: dict[Grade, Text] = {Grade.A: translate("domain.resale", "like new"),
                                  Grade.B: translate("domain.resale", "good"),
                                  Grade.C: translate("domain.resale", "fair")}


@dataclass(frozen=True, slots=True)
class ResaleRules:
    percent: dict[Grade, Decimal]  # of the price paid
    price_ending: Decimal  # e.g. 0.90 -> 12.90, 0.00 -> 13.00
    ean_prefix: str  # restricted circulation: "2" followed by up to two digits
    # how a second-hand item sold here comes back: these methods only, and never the grades sold as is
    return_methods: frozenset[RefundMethod] = frozenset(RefundMethod)
    sold_as_is: frozenset[Grade] = frozenset()


def grade_of(text: str | None) -> Grade | None:
    """The grade of a second-hand item as the catalogue notes it ("A", "B", "C"), else None."""
    try:
        return Grade(text) if text else None
    except ValueError:
        return None


def resale_price(paid: Money, grade: Grade, rules: ResaleRules) -> Money:
    """The grade's share of the price paid, to the nearest price with the store's ending (halves up),
    never below the smallest such price."""
    raw = paid.amount * rules.percent[grade] / 100
    ending = rules.price_ending
    whole = ((raw - ending) / 1).to_integral_value(rounding=ROUND_HALF_UP)
    price = max(whole, Decimal(0) if ending > 0 else Decimal(1)) + ending
    return Money(price.quantize(quantum(paid.currency)), paid.currency)


class BadEan(UserFacingError):
    """A restricted-circulation prefix or number that cannot make an EAN-13."""


def ean13_check_digit(first12: str) -> int:
    """GS1 check digit: weights 1 and 3 from the left over the 12 digits."""
    if len(first12) != 12 or not first12.isdigit():
        raise BadEan(f"{first12!r} is not 12 digits; an EAN-13 is built from 12 digits and a check digit.")
    from biip.checksums import gs1_standard_check_digit  # biip builds its GS1 tables on import: when first asked

    return gs1_standard_check_digit(first12)


def check_prefix(prefix: str) -> str:
    if not (1 <= len(prefix) <= 3 and prefix.isdigit() and prefix.startswith("2")):
        raise BadEan(f'The in-store EAN prefix "{prefix}" is not in the restricted-circulation range; use "2" '
                     'followed by up to two digits, such as "2" or "29".')
    return prefix


def restricted_ean13(prefix: str, number: int) -> str:
    """The `number`-th in-store code: prefix, the number zero-padded, check digit."""
    width = 12 - len(check_prefix(prefix))
    if not 0 < number < 10**width:
        raise BadEan(f"In-store code {number} does not fit after prefix {prefix}; choose a shorter prefix.")
    first12 = prefix + str(number).zfill(width)
    return first12 + str(ean13_check_digit(first12))


BLOCK_DIGITS = 4  # a till's block of in-store codes: 1-9999 claimed in the OMS; 0 for a till without one


def serials_per_block(prefix: str) -> int:
    return int(10 ** (12 - len(check_prefix(prefix)) - BLOCK_DIGITS))


def till_ean13(prefix: str, block: int, serial: int) -> str:
    """The `serial`-th in-store code of a till's `block`: prefix, block on four digits, serial, check
    digit. Block 0 gives the codes numbered without a block (`restricted_ean13`)."""
    per_block = serials_per_block(prefix)
    if not 0 <= block < 10**BLOCK_DIGITS or not 0 < serial < per_block:
        raise BadEan(f"In-store code {serial} of block {block} does not fit after prefix {prefix}; this till "
                     "needs a new block of codes (posreturns sync --once claims one).")
    return restricted_ean13(prefix, block * per_block + serial)


def is_valid_ean13(code: str) -> bool:
    return len(code) == 13 and code.isdigit() and ean13_check_digit(code[:12]) == int(code[12])
