"""Store-credit voucher codes: `V-XXXX-XXXC`, barcode-ready, with a check character.

Seven random characters from Crockford's base 32 (no I, L, O, U: nothing to misread) and a
Luhn mod 32 check character, which catches every single-character typo and most swaps of two
neighbours when a code is typed instead of scanned. Randomness is injected so quotes stay pure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from posreturns.domain.money import Money

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_N = len(ALPHABET)
_PAYLOAD = 7

VoucherCodeSource = Callable[[], str]


@dataclass(frozen=True, slots=True)
class Voucher:
    """Store credit issued by a return: `amount` is the refund plus any incentive `bonus`."""

    code: str
    amount: Money
    bonus: Money


def check_character(payload: str) -> str:
    """Luhn mod N check character for `payload` (characters of `ALPHABET`)."""
    factor, total = 2, 0
    for char in reversed(payload):
        addend = factor * ALPHABET.index(char)
        total += addend // _N + addend % _N
        factor = 1 if factor == 2 else 2
    return ALPHABET[(_N - total % _N) % _N]


def format_code(payload: str) -> str:
    if len(payload) != _PAYLOAD or any(c not in ALPHABET for c in payload):
        raise ValueError(f"a voucher payload is {_PAYLOAD} characters of {ALPHABET}")
    body = payload + check_character(payload)
    return f"V-{body[:4]}-{body[4:]}"


def new_voucher_code(random_bytes: Callable[[int], bytes]) -> str:
    """A fresh code from injected randomness, e.g. `new_voucher_code(secrets.token_bytes)`."""
    raw = random_bytes(_PAYLOAD)
    return format_code("".join(ALPHABET[b % _N] for b in raw))


def is_valid_voucher_code(code: str) -> bool:
    """True when `code` is well formed and its check character matches (case-insensitive)."""
    text = code.strip().upper()
    if len(text) != 11 or not text.startswith("V-") or text[6] != "-":
        return False
    body = text[2:6] + text[7:]
    if any(c not in ALPHABET for c in body):
        return False
    return check_character(body[:-1]) == body[-1]
