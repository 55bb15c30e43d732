"""Return numbers: unique per store and till whatever the ids, short enough for a receipt barcode."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posreturns.services.errors import BadInput
from posreturns.services.numbering import check_till_id, return_number, till_code


def test_plain_ids_read_as_themselves() -> None:
    assert return_number("PARIS-01", "T1", 7) == "RPARIS01-T1-000007"


def test_tills_sharing_their_first_characters_get_different_numbers() -> None:
    numbers = {return_number("PARIS-01", till, 1) for till in ("CAISSE1", "CAISSE2", "CAISSE-NORD-1", "CAISSE-NORD-2")}
    assert len(numbers) == 4


def test_stores_sharing_their_first_characters_get_different_numbers() -> None:
    assert return_number("MARSEILLE-1", "T1", 1) != return_number("MARSEILLE-2", "T1", 1)


@given(st.text(min_size=1, max_size=40), st.text(min_size=1, max_size=40))
def test_a_number_fits_a_receipt_barcode_whatever_the_ids(store: str, till: str) -> None:
    number = return_number(store, till, 999_999)
    assert len(number) <= 23 and all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in number)
    assert number == number.upper() and number.count("-") == 2


def test_a_fingerprinted_code_never_equals_a_plain_one() -> None:
    assert [len(till_code(t)) for t in ("T1", "CAIS1", "CAISSE1", "caisse 1", "")] == [2, 5, 6, 6, 4]


def test_a_till_id_that_would_share_numbers_with_a_known_till_is_refused() -> None:
    assert check_till_id(" T2 ", ["T1"]) == "T2"
    with pytest.raises(BadInput, match='same return numbers .* as the till "T-1"'):
        check_till_id("t1", ["T-1"])
    with pytest.raises(BadInput, match="not a till id"):
        check_till_id("T1\u0000", [])
