"""The PIN lockout: a count that time does not reset, and lock periods clock steps can neither end
nor stretch (measured on the uptime of the current boot; across a restart, bounded)."""

from __future__ import annotations

from datetime import timedelta

from helpers.domain_builders import NOW

from posreturns.domain.lockout import HARD_LIMIT, LOCKOUT, MAX_FAILURES, Lockout, Moment

START = Moment(NOW, "boot-1", 1000.0)


def later(moment: Moment, seconds: float, clock: timedelta = timedelta(0)) -> Moment:
    """`seconds` of real time later, with the wall clock moved by `clock` besides."""
    return Moment(moment.wall + timedelta(seconds=seconds) + clock, moment.boot, moment.uptime + seconds)


def locked_at(moment: Moment) -> Lockout:
    state = Lockout()
    for _ in range(MAX_FAILURES):
        state = state.failed(moment)
    return state


def test_five_wrong_pins_in_a_row_lock_for_five_minutes() -> None:
    state = Lockout()
    for attempt in range(1, MAX_FAILURES):
        state = state.failed(START)
        assert state.failures == attempt and state.remaining(START) is None
    state = state.failed(START)
    assert state.remaining(START) == LOCKOUT
    assert state.remaining(later(START, 90)) == LOCKOUT - timedelta(seconds=90)
    assert state.remaining(later(START, LOCKOUT.total_seconds())) is None
    assert state.succeeded() == Lockout()


def test_setting_the_clock_forward_does_not_end_a_lock_nor_reset_the_count() -> None:
    state = locked_at(START)
    a_day_ahead = later(START, 30, clock=timedelta(days=1))
    assert state.remaining(a_day_ahead) == LOCKOUT - timedelta(seconds=30)
    assert state.failures == MAX_FAILURES


def test_setting_the_clock_back_does_not_stretch_a_lock() -> None:
    state = locked_at(START)
    a_week_back = later(START, LOCKOUT.total_seconds() + 1, clock=-timedelta(days=7))
    assert state.remaining(a_week_back) is None


def test_across_a_restart_a_lock_in_the_future_starts_again_from_now_never_for_days() -> None:
    state = locked_at(Moment(NOW + timedelta(days=3), "boot-1", 1000.0))  # the clock ran three days ahead
    after_restart = Moment(NOW, "boot-2", 40.0)  # corrected, and the till restarted
    seen = state.observed(after_restart)
    assert seen.locked_at == after_restart and seen.failures == MAX_FAILURES
    assert seen.remaining(after_restart) == LOCKOUT
    assert seen.remaining(later(after_restart, LOCKOUT.total_seconds())) is None
    assert state.observed(later(START, 1)) is state  # nothing moves while the clock is sane


def test_each_wrong_pin_after_a_lock_locks_again_and_the_tenth_needs_an_administrator() -> None:
    moment, state = START, locked_at(START)
    while state.failures < HARD_LIMIT:
        moment = later(moment, LOCKOUT.total_seconds(), clock=timedelta(days=30))  # even with the clock racing
        assert state.remaining(moment) is None
        state = state.failed(moment)
        assert state.remaining(moment) is not None
    assert state.needs_admin and state.remaining(later(moment, 10**7)) == timedelta.max
