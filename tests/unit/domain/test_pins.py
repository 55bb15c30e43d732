"""PIN rules and hashes: peppered, salted scrypt whose parameters travel in the hash; older hashes verify."""

from __future__ import annotations

import base64
import hashlib

import pytest

from posreturns.domain.errors import PinError
from posreturns.domain.pins import (
    SCRYPT_N,
    Pepper,
    PepperMissing,
    check_new_pin,
    hash_pin,
    needs_rehash,
    pepper_id_of,
    verify_pin,
)
from posreturns.domain.users import Role

FAST = {"n": 2**4, "r": 1, "p": 1}  # tests only: the defaults are slow on purpose
PEPPER = Pepper(b"p" * 32)


def test_a_hash_names_its_scheme_pepper_and_cost_and_has_a_random_salt() -> None:
    stored = hash_pin("2468", PEPPER)
    scheme, pepper_id, n, r, p, _salt, _digest = stored.split("$")
    assert (scheme, pepper_id, n, r, p) == ("sp1", PEPPER.id, str(SCRYPT_N), "8", "1")
    assert pepper_id_of(stored) == PEPPER.id and "2468" not in stored
    assert verify_pin("2468", stored, PEPPER) and not verify_pin("2469", stored, PEPPER)
    assert hash_pin("2468", PEPPER) != stored  # another salt
    assert hash_pin("2468", PEPPER, salt=b"s" * 16, **FAST) == hash_pin("2468", PEPPER, salt=b"s" * 16, **FAST)


def test_without_its_pepper_a_hash_cannot_be_checked_at_all() -> None:
    stored = hash_pin("2468", PEPPER, **FAST)
    other = Pepper(b"q" * 32)
    assert hash_pin("2468", other, salt=b"s" * 16, **FAST) != hash_pin("2468", PEPPER, salt=b"s" * 16, **FAST)
    for pepper in (None, other):
        with pytest.raises(PepperMissing, match="PIN secret is missing"):
            verify_pin("2468", stored, pepper)


def _legacy(pin: str, salt: bytes = b"l" * 16) -> str:
    """A hash as the first version stored them: scrypt of the bare PIN."""
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=16, r=1, p=1, dklen=32)
    return f"scrypt$16$1$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def test_hashes_of_the_first_version_still_verify_and_ask_to_be_replaced() -> None:
    old = _legacy("1357")
    assert verify_pin("1357", old, None) and verify_pin("1357", old, PEPPER) and not verify_pin("1358", old, PEPPER)
    assert needs_rehash(old, PEPPER)
    assert needs_rehash(hash_pin("1357", PEPPER, **FAST), PEPPER)  # cheaper than today
    assert needs_rehash(hash_pin("1357", Pepper(b"q" * 32), **FAST), PEPPER)  # another pepper
    assert not needs_rehash(hash_pin("1357", PEPPER), PEPPER)


@pytest.mark.parametrize(
    "stored", ["", "plain$1234", "scrypt$x$1$1$AA==$AA==", "bcrypt$16$1$1$AA==$AA==", "scrypt$16$1$1$!!$AA==",
               f"sp1${PEPPER.id}$x$1$1$AA==$AA==", f"sp1${PEPPER.id}$16$1$1$AA==$!!"]
)
def test_malformed_hashes_never_match(stored: str) -> None:
    assert not verify_pin("1234", stored, PEPPER)


@pytest.mark.parametrize(("pin", "role", "problem"), [
    ("123", Role.CASHIER, "4 to 12 digits"), ("12a4", Role.MANAGER, "4 to 12 digits"), ("", Role.CASHIER, "digits"),
    ("١٢٣٤", Role.CASHIER, "digits"), ("1234567890123", Role.MANAGER, "4 to 12 digits"),
    ("24681", Role.ADMIN, "6 to 12 digits"), ("7777", Role.CASHIER, "one repeated digit"),
])
def test_weak_or_malformed_pins_are_refused_with_the_rule(pin: str, role: Role, problem: str) -> None:
    with pytest.raises(PinError, match=problem):
        check_new_pin(pin, role)


def test_admins_need_six_digits_and_others_four() -> None:
    check_new_pin("2580", Role.CASHIER)
    check_new_pin("2580", Role.MANAGER)
    check_new_pin("246810", Role.ADMIN)
