"""Manager PINs (scrypt, salted, parameters in the hash) and the lockout state machine."""

from __future__ import annotations

from datetime import timedelta

import pytest
from unit.domain.builders import NOW

from posreturns.domain.errors import PinError
from posreturns.domain.users import (
    LOCKOUT,
    MAX_FAILURES,
    Lockout,
    Role,
    User,
    WrongPin,
    check_manager_pin,
    hash_pin,
    verify_pin,
)

FAST = {"n": 2**4, "r": 1, "p": 1}  # tests only: the defaults are slow on purpose


def test_hash_carries_its_parameters_and_a_random_salt() -> None:
    stored = hash_pin("2468")
    scheme, n, r, p, _salt, _digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2**14), "8", "1")
    assert verify_pin("2468", stored) and not verify_pin("2469", stored)
    assert hash_pin("2468") != stored  # another salt
    assert hash_pin("2468", salt=b"s" * 16, **FAST) == hash_pin("2468", salt=b"s" * 16, **FAST)


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "", "١٢٣٤"])
def test_malformed_pins_are_refused(pin: str) -> None:
    with pytest.raises(PinError, match="4 to 8 digits"):
        hash_pin(pin, **FAST)


@pytest.mark.parametrize(
    "stored", ["", "plain$1234", "scrypt$x$1$1$AA==$AA==", "bcrypt$16$1$1$AA==$AA==", "scrypt$16$1$1$!!$AA=="]
)
def test_malformed_hashes_never_match(stored: str) -> None:
    assert not verify_pin("1234", stored)


def manager(pin: str = "1357", role: Role = Role.MANAGER) -> User:
    return User("u1", "Claire", role, hash_pin(pin, **FAST))


def test_a_manager_pin_approves_and_resets_failures() -> None:
    state = check_manager_pin(manager(), "1357", Lockout(failures=3), NOW)
    assert state == Lockout()
    assert Role.ADMIN.can_approve and not Role.CASHIER.can_approve


def test_a_cashier_cannot_approve_even_with_the_right_pin() -> None:
    with pytest.raises(PinError, match="not a manager"):
        check_manager_pin(manager(role=Role.CASHIER), "1357", Lockout(), NOW)


def test_five_wrong_pins_lock_for_five_minutes_then_the_count_starts_again() -> None:
    user, state = manager(), Lockout()
    for attempt in range(1, MAX_FAILURES + 1):
        with pytest.raises(WrongPin) as caught:
            check_manager_pin(user, "0000", state, NOW)
        state = caught.value.lockout
        assert state.failures == attempt
    assert state.is_locked(NOW) and state.locked_until == NOW + LOCKOUT
    with pytest.raises(PinError, match="locked for 5 more minute"):
        check_manager_pin(user, "1357", state, NOW)  # even the right PIN
    with pytest.raises(PinError, match="locked for 1 more minute"):
        check_manager_pin(user, "1357", state, NOW + LOCKOUT - timedelta(seconds=30))
    assert check_manager_pin(user, "1357", state, NOW + LOCKOUT) == Lockout()
    assert state.failed(NOW + LOCKOUT) == Lockout(failures=1)
    assert state.failed(NOW + timedelta(minutes=1)) is state  # failures while locked do not extend it
