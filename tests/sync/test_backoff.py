"""Capped exponential backoff with full jitter, and Retry-After."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from posreturns.sync.backoff import Backoff, parse_retry_after

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def test_the_window_doubles_from_one_second_and_stops_at_five_minutes() -> None:
    backoff = Backoff(random=lambda: 1.0)
    assert [backoff.delay(n) for n in (1, 2, 3, 4, 9, 10, 50, 5000)] == [1, 2, 4, 8, 256, 300, 300, 300]


def test_full_jitter_draws_anywhere_between_zero_and_the_window() -> None:
    assert Backoff(random=lambda: 0.0).delay(6) == 0.0
    assert Backoff(random=lambda: 0.25).delay(6) == 8.0
    draws = iter([0.1, 0.9])
    jittered = Backoff(random=lambda: next(draws))
    assert jittered.delay(3) != jittered.delay(3)


def test_retry_after_is_a_floor_and_the_schedule_is_a_moment() -> None:
    backoff = Backoff(random=lambda: 0.5)
    assert backoff.delay(1, retry_after=30) == 30
    assert backoff.delay(12, retry_after=30) == 150
    assert backoff.next_attempt(NOW, 1, retry_after=30) == NOW + timedelta(seconds=30)


def test_retry_after_reads_seconds_and_http_dates_and_ignores_nonsense() -> None:
    assert parse_retry_after("120", NOW) == 120
    assert parse_retry_after("Thu, 26 Nov 2026 09:02:00 GMT", NOW) == 120
    assert parse_retry_after("Thu, 26 Nov 2026 08:00:00 GMT", NOW) == 0
    assert parse_retry_after("999999", NOW) == 3600
    assert parse_retry_after("soon", NOW) is None
    assert parse_retry_after(None, NOW) is None
