"""Signing in on a real till: PIN checks counted inside the write transaction (threads and processes),
a lockout that clock steps neither end nor stretch, unlock by an administrator, the same sentence and
the same work for every refusal, a pepper kept out of the database, and files for the till's user only."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
from helpers.returns import MANAGER, PIN, Moments, guess, open_shop, rows

from posreturns.app import Till
from posreturns.domain.errors import PinError
from posreturns.domain.lockout import HARD_LIMIT, MAX_FAILURES
from posreturns.domain.permissions import Permission
from posreturns.domain.pins import PepperMissing
from posreturns.domain.users import Principal, Role
from posreturns.services.errors import PermissionDenied

ADMIN, ADMIN_PIN = "root", "135790"


@pytest.fixture
def moments() -> Moments:
    return Moments()


@pytest.fixture
def shop(tmp_path: Path, moments: Moments) -> Iterator[Till]:
    till = open_shop(tmp_path / "shop", moments=moments)
    till.users.seed(ADMIN, "Root", "admin", ADMIN_PIN)
    yield till
    till.close()


def db(till: Till) -> Path:
    return till.data_dir / "posreturns.db"


def failures(till: Till, user_id: str = MANAGER) -> int:
    return int(rows(db(till), "SELECT failed_attempts FROM users WHERE id = ?", (user_id,))[0][0])


def refusals(till: Till) -> list[str]:
    return [json.loads(r[0])["reason"] for r in rows(
        db(till), "SELECT detail_json FROM audit_log WHERE action = 'signin.refused' ORDER BY id")]


def sign_in(till: Till, pin: str, user_id: str = MANAGER) -> Principal:
    return till.access.sign_in(user_id, pin, Permission.APPROVE_RETURN)


def lock(till: Till, user_id: str = MANAGER) -> None:
    for _ in range(MAX_FAILURES):
        with pytest.raises(PinError):
            sign_in(till, "9999", user_id)


def test_wrong_pins_from_many_threads_at_once_are_each_counted(shop: Till) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda _n: _attempt(shop, "9999"), range(8)))
    assert failures(shop) == MAX_FAILURES
    assert sorted(refusals(shop)) == ["locked"] * 3 + ["wrong_pin"] * 5
    assert sum("locked" in answer for answer in answers) == 4  # the fifth wrong PIN says it locked the account


def _attempt(till: Till, pin: str) -> str:
    try:
        sign_in(till, pin)
        return "signed in"
    except PinError as error:
        return str(error)


def test_wrong_pins_from_several_processes_at_once_are_each_counted(shop: Till, tmp_path: Path) -> None:
    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(4), spawn.Queue()
    workers = [spawn.Process(target=guess, args=(str(shop.data_dir), MANAGER, [f"90{n}1", f"90{n}2"], barrier, results))
               for n in range(4)]
    for worker in workers:
        worker.start()
    answers = [answer for _ in workers for answer in results.get(timeout=120)]
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0
    assert len(answers) == 8 and "signed in" not in answers
    assert failures(shop) == MAX_FAILURES
    assert sorted(refusals(shop)) == ["locked"] * 3 + ["wrong_pin"] * 5


def test_clock_steps_neither_end_nor_stretch_a_lock(shop: Till, moments: Moments) -> None:
    lock(shop)
    moments.set_clock(timedelta(days=2))  # forward: the lock still runs on the uptime
    with pytest.raises(PinError, match="locked for 5 more minute"):
        sign_in(shop, PIN)
    moments.wait(150)
    moments.set_clock(-timedelta(days=5))  # back: the lock does not grow
    with pytest.raises(PinError, match="locked for 3 more minute"):
        sign_in(shop, PIN)
    moments.wait(151)
    assert sign_in(shop, PIN).user_id == MANAGER and failures(shop) == 0


def test_a_lock_begun_under_a_clock_far_ahead_lasts_one_lockout_after_a_restart(shop: Till, moments: Moments) -> None:
    moments.set_clock(timedelta(days=3))
    lock(shop)
    moments.set_clock(-timedelta(days=3))
    moments.restart()
    with pytest.raises(PinError, match="locked for 5 more minute"):
        sign_in(shop, PIN)
    moments.wait(5 * 60)
    assert sign_in(shop, PIN).user_id == MANAGER


def test_only_an_administrator_unlocks_and_the_tenth_wrong_pin_needs_one(shop: Till, moments: Moments) -> None:
    lock(shop)
    manager = Principal(MANAGER, "Marie", Role.MANAGER)
    with pytest.raises(PermissionDenied, match="Only an administrator"):
        shop.users.unlock(manager, MANAGER)
    admin = shop.access.sign_in(ADMIN, ADMIN_PIN, Permission.MANAGE_USERS)
    shop.users.unlock(admin, MANAGER)
    assert failures(shop) == 0 and sign_in(shop, PIN).user_id == MANAGER
    for _ in range(HARD_LIMIT):
        moments.wait(5 * 60)
        with pytest.raises(PinError):
            sign_in(shop, "9999")
    moments.wait(10**6)
    with pytest.raises(PinError, match="until an administrator unlocks it"):
        sign_in(shop, PIN)
    shop.users.unlock(admin, MANAGER)
    assert sign_in(shop, PIN).user_id == MANAGER
    actions = [r[0] for r in rows(db(shop), "SELECT action FROM audit_log WHERE subject = ? AND action IN "
                                            "('user.unlocked', 'access.denied') ORDER BY id", (MANAGER,))]
    assert actions == ["access.denied", "user.unlocked", "user.unlocked"]


def test_every_refusal_is_the_same_sentence_after_the_same_work(shop: Till, monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib

    shop.users.seed("bob", "Bob", "cashier", "1357")
    lock(shop, "bob")
    real, calls = hashlib.scrypt, []

    def counted(*args: object, **kwargs: object) -> bytes:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(hashlib, "scrypt", counted)
    seen = {}
    for case, (user_id, pin) in {"unknown id": ("zoe", "1357"), "wrong role": ("bob", "1357"),
                                 "wrong PIN": (MANAGER, "9999")}.items():
        if case == "wrong role":
            shop.users.seed("carl", "Carl", "cashier", "1357")
            user_id = "carl"
        calls.clear()
        with pytest.raises(PinError) as refused:
            sign_in(shop, pin, user_id)
        seen[case] = (str(refused.value), refused.value.in_language("fr"), len(calls))
    assert len(set(seen.values())) == 1, seen
    assert seen["wrong PIN"][2] == 1
    calls.clear()
    with pytest.raises(PinError, match="locked"):  # a locked account is told so, after the same work
        sign_in(shop, "1357", "bob")
    assert len(calls) == 1


def test_a_hash_of_the_first_version_still_signs_in_and_is_replaced(shop: Till) -> None:
    import base64
    import hashlib

    digest = hashlib.scrypt(b"4321", salt=b"s" * 16, n=2**14, r=8, p=1, dklen=32)
    legacy = f"scrypt${2**14}$8$1${base64.b64encode(b's' * 16).decode()}${base64.b64encode(digest).decode()}"
    connection = sqlite3.connect(db(shop))
    with connection:
        connection.execute("UPDATE users SET pin_hash = ? WHERE id = ?", (legacy, MANAGER))
    connection.close()
    assert sign_in(shop, "4321").user_id == MANAGER
    stored = rows(db(shop), "SELECT pin_hash FROM users WHERE id = ?", (MANAGER,))[0][0]
    assert stored.startswith("sp1$") and stored != legacy
    assert sign_in(shop, "4321").user_id == MANAGER


def test_a_stolen_database_does_not_carry_the_pepper(shop: Till, tmp_path: Path) -> None:
    pepper_file = shop.data_dir / "pin-pepper.json"
    secret = json.loads(pepper_file.read_text())["peppers"][0]
    assert stat.S_IMODE(pepper_file.stat().st_mode) == 0o600
    assert secret.encode() not in db(shop).read_bytes()
    stolen = tmp_path / "stolen"
    stolen.mkdir()
    for name in ("posreturns.db", "posreturns.db-wal"):  # the database as a thief copies it: not its folder
        shutil.copy(shop.data_dir / name, stolen / name)
    thief = open_shop(stolen, setup=False)
    try:
        with pytest.raises(PepperMissing, match="PIN secret is missing"):
            sign_in(thief, PIN)
    finally:
        thief.close()


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes; Windows relies on the profile folder's ACL")
def test_the_data_folder_and_the_database_are_the_tills_user_only(shop: Till) -> None:
    assert stat.S_IMODE(shop.data_dir.stat().st_mode) == 0o700
    for name in ("posreturns.db", "posreturns.db-wal", "posreturns.db-shm"):
        path = shop.data_dir / name
        if path.exists():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, name


def test_a_pin_checked_ahead_of_its_action_is_one_sign_in_in_the_audit_log(shop: Till) -> None:
    with pytest.raises(PinError):
        shop.access.check_pin(MANAGER, "0000", Permission.APPROVE_RETURN)  # the approval dialog's wrong PIN
    assert refusals(shop) == ["wrong_pin"] and failures(shop) == 1
    assert shop.access.check_pin(MANAGER, PIN, Permission.APPROVE_RETURN).user_id == MANAGER
    assert failures(shop) == 0  # a right PIN still ends the run of wrong ones
    sign_in(shop, PIN)  # the completion that carries the approval
    signed = rows(db(shop), "SELECT actor FROM audit_log WHERE action = 'user.signed_in'")
    assert [tuple(row) for row in signed] == [(MANAGER,)]
