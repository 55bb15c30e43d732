from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posreturns.domain.errors import CurrencyMismatch, InvalidAmount
from posreturns.domain.money import Money, allocate_minor, div_half_up, equal_shares, parse_minor


def test_amounts_parse_exactly_into_minor_units() -> None:
    assert parse_minor("19.99", "EUR") == 1999
    assert parse_minor("5", "EUR") == 500
    assert parse_minor("0.5", "EUR") == 50
    assert parse_minor("-2.10", "EUR") == -210
    assert parse_minor("1200", "JPY") == 1200
    assert parse_minor("1.250", "EUR") == 125  # trailing zeros are harmless


@pytest.mark.parametrize("text", ["19.999", "1,50", "", "abc", "1e3", " 1.00", "--1"])
def test_malformed_or_too_precise_amounts_are_refused(text: str) -> None:
    with pytest.raises(InvalidAmount):
        parse_minor(text, "EUR")


def test_money_rounds_half_up_once_and_never_mixes_currencies() -> None:
    assert Money.of(Decimal("2.345"), "EUR").amount == Decimal("2.35")
    assert Money.of(Decimal("-2.345"), "EUR").amount == Decimal("-2.35")
    with pytest.raises(CurrencyMismatch):
        Money.parse("1", "EUR") + Money.parse("1", "USD")
    with pytest.raises(TypeError):
        Money.parse("1", "EUR") * 1.5  # type: ignore[operator]


@given(st.integers(-10**12, 10**12), st.lists(st.integers(0, 10**6), min_size=1, max_size=20))
def test_allocation_always_sums_exactly_and_stays_within_one_unit_of_the_exact_share(total: int,
                                                                                     weights: list[int]) -> None:
    parts = allocate_minor(total, weights)
    assert sum(parts) == total
    if sum(weights):
        for part, weight in zip(parts, weights, strict=True):
            exact = Decimal(total) * weight / sum(weights)
            assert abs(Decimal(part) - exact) < 1


@given(st.integers(-10**9, 10**9), st.integers(1, 10**6))
def test_integer_rounding_agrees_with_money_of(numerator: int, denominator: int) -> None:
    expected = Money.of(Decimal(numerator) / Decimal(denominator) / 100, "EUR").minor
    assert div_half_up(numerator, denominator) == expected


@given(st.integers(-10**12, 10**12), st.integers(1, 60), st.integers(0, 70), st.integers(0, 70))
def test_equal_shares_sums_the_parts_allocate_minor_gives(total: int, parts: int, start: int, count: int) -> None:
    assert equal_shares(total, parts, start, count) == sum(allocate_minor(total, [1] * parts)[start : start + count])
