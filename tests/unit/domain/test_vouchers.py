"""Voucher codes: V-XXXX-XXXX with a Luhn mod 32 check character over Crockford base 32."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from posreturns.domain.vouchers import ALPHABET, format_code, is_valid_voucher_code, new_voucher_code

payloads = st.text(alphabet=ALPHABET, min_size=7, max_size=7)


@given(payloads)
def test_every_generated_code_is_valid_and_barcode_ready(payload: str) -> None:
    code = format_code(payload)
    assert len(code) == 11 and code[:2] == "V-" and code[6] == "-" and code.isascii()
    assert is_valid_voucher_code(code) and is_valid_voucher_code(code.lower())


@given(payloads, st.integers(0, 7), st.sampled_from(ALPHABET))
def test_any_single_character_typo_is_caught(payload: str, position: int, char: str) -> None:
    body = payload + format_code(payload)[-1]
    if body[position] == char:
        return
    typo = body[:position] + char + body[position + 1 :]
    assert not is_valid_voucher_code(f"V-{typo[:4]}-{typo[4:]}")


def test_codes_come_from_injected_randomness() -> None:
    rng = random.Random(7)
    a = new_voucher_code(lambda n: bytes(rng.randrange(256) for _ in range(n)))
    rng = random.Random(7)
    assert new_voucher_code(lambda n: bytes(rng.randrange(256) for _ in range(n))) == a
    assert not is_valid_voucher_code("V-0000-0000X") and not is_valid_voucher_code("X-0000-0000")
