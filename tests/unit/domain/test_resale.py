"""Second hand: the restricted-circulation EAN-13, the resale price and the policy's grade table."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posreturns.domain.errors import PolicyError
from posreturns.domain.money import Money
from posreturns.domain.policy.toml import default_policy, parse_policy
from posreturns.domain.resale import (
    BadEan,
    Grade,
    ResaleRules,
    ean13_check_digit,
    is_valid_ean13,
    resale_price,
    restricted_ean13,
    till_ean13,
)

RULES = ResaleRules({Grade.A: Decimal(70), Grade.B: Decimal(50), Grade.C: Decimal(30)}, Decimal("0.90"), "2")


@pytest.mark.parametrize("code", ["4006381333931", "5901234123457", "9780201379624"])
def test_check_digit_of_published_codes(code: str) -> None:
    assert ean13_check_digit(code[:12]) == int(code[12])


def test_in_store_codes_start_with_the_prefix_and_carry_their_check_digit() -> None:
    assert restricted_ean13("2", 1) == "2000000000015"
    assert restricted_ean13("29", 12345) == "2900000123458"  # 2+27+3+2+9+4+15 = 62 -> 8
    assert is_valid_ean13(restricted_ean13("21", 987654321))


@given(st.sampled_from(["2", "20", "27", "299"]), st.integers(1, 10**9 - 1))
def test_every_in_store_code_is_a_valid_restricted_ean13(prefix: str, number: int) -> None:
    code = restricted_ean13(prefix, number)
    assert code.startswith(prefix) and is_valid_ean13(code)
    assert code[:1] == "2"  # GS1 restricted circulation


@pytest.mark.parametrize("prefix", ["3", "", "2000", "2a"])
def test_prefix_outside_restricted_circulation_is_refused(prefix: str) -> None:
    with pytest.raises(BadEan, match="restricted-circulation"):
        restricted_ean13(prefix, 1)


def test_a_number_too_long_for_the_prefix_is_refused() -> None:
    with pytest.raises(BadEan, match="does not fit"):
        restricted_ean13("299", 10**9)


@given(st.sampled_from(["2", "29", "299"]), st.integers(0, 9999), st.integers(0, 9999),
       st.integers(1, 10**5 - 1), st.integers(1, 10**5 - 1))
def test_two_blocks_never_share_a_code(prefix: str, block: int, other: int, serial: int, other_serial: int) -> None:
    code = till_ean13(prefix, block, serial)
    assert is_valid_ean13(code) and code[len(prefix):len(prefix) + 4] == f"{block:04d}"
    assert (code == till_ean13(prefix, other, other_serial)) == ((block, serial) == (other, other_serial))


def test_block_zero_is_the_numbering_without_a_block_and_a_full_block_is_refused() -> None:
    assert till_ean13("2", 0, 1) == restricted_ean13("2", 1) == "2000000000015"
    assert till_ean13("2", 12, 7) == restricted_ean13("2", 12 * 10**7 + 7)
    with pytest.raises(BadEan, match="needs a new block"):
        till_ean13("299", 3, 10**5)


@pytest.mark.parametrize(("paid", "grade", "expected"), [
    ("29.90", Grade.A, "20.90"),   # 20.93
    ("29.90", Grade.B, "14.90"),   # 14.95
    ("34.99", Grade.B, "17.90"),   # 17.495
    ("10.00", Grade.C, "2.90"),    # 3.00: 2.90 is nearer than 3.90
    ("1.00", Grade.C, "0.90"),     # never below the smallest price with the ending
])
def test_resale_price_is_the_grade_share_to_the_nearest_price_ending(paid: str, grade: Grade, expected: str) -> None:
    assert resale_price(Money.parse(paid, "EUR"), grade, RULES) == Money.parse(expected, "EUR")


def test_whole_amounts_ending() -> None:
    rules = ResaleRules(RULES.percent, Decimal("0.00"), "2")
    assert resale_price(Money.parse("29.90", "EUR"), Grade.B, rules) == Money.parse("15.00", "EUR")
    assert resale_price(Money.parse("0.50", "EUR"), Grade.C, rules) == Money.parse("1.00", "EUR")


@given(st.integers(1, 10_000_000), st.sampled_from(list(Grade)))
def test_resale_price_ends_as_the_store_wants_and_stays_near_the_share(paid_minor: int, grade: Grade) -> None:
    paid = Money.from_minor(paid_minor, "EUR")
    price = resale_price(paid, grade, RULES)
    assert price.amount % 1 == Decimal("0.90")
    share = paid.amount * RULES.percent[grade] / 100
    assert abs(price.amount - share) <= Decimal("0.50") or price.amount == Decimal("0.90")


def test_the_default_policy_holds_the_grade_table() -> None:
    rules = default_policy().resale
    assert rules.percent == RULES.percent and rules.price_ending == Decimal("0.90") and rules.ean_prefix == "2"


def test_a_policy_can_change_the_grades_and_ending() -> None:
    policy = parse_policy('version = "x"\n[resale]\ngrades = { A = 80, B = 60, C = 40 }\nprice_ending = "0.00"\n'
                              'ean_prefix = "29"\n')
    assert policy.resale.percent[Grade.A] == 80 and policy.resale.price_ending == 0 and policy.resale.ean_prefix == "29"


@pytest.mark.parametrize(("text", "key"), [
    ('[resale]\nprice_ending = "1.50"\n', "price_ending"),
    ('[resale]\nprice_ending = "0.999"\n', "price_ending"),
    ('[resale]\nean_prefix = "30"\n', "ean_prefix"),
    ('[resale]\ngrades = { A = 120 }\n', "grades.A"),
    ('[resale]\ngrades = { D = 10 }\n', "grades.D"),
])
def test_a_bad_resale_table_names_its_key(text: str, key: str) -> None:
    with pytest.raises(PolicyError, match=key.replace(".", r"\.")):
        parse_policy('version = "x"\n' + text)
