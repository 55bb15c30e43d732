"""Capped exponential backoff with full jitter (AWS, "Exponential Backoff and Jitter"), and
`Retry-After` parsing. The random source and the clock are injected, so tests never sleep.

delay(n) = uniform(0, min(cap, base * 2**n)) for the n-th failed attempt (n = 0, 1, 2, ...);
an OMS's Retry-After is a floor: we never come back earlier than it asked.
"""

from __future__ import annotations

import random as _random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

BASE_SECONDS = 1.0
CAP_SECONDS = 300.0
MAX_RETRY_AFTER = 3600.0


@dataclass
class Backoff:
    base: float = BASE_SECONDS
    cap: float = CAP_SECONDS
    random: Callable[[], float] = field(default=_random.random)

    def ceiling(self, failures: int) -> float:
        """The upper bound of the jitter window after `failures` failed attempts (>= 1)."""
        exponent = min(max(failures - 1, 0), 62)
        return min(self.cap, self.base * (2.0 ** exponent))

    def delay(self, failures: int, retry_after: float | None = None) -> float:
        jittered = self.random() * self.ceiling(failures)
        if retry_after is not None:
            return max(jittered, min(retry_after, MAX_RETRY_AFTER))
        return jittered

    def next_attempt(self, now: datetime, failures: int, retry_after: float | None = None) -> datetime:
        return now + timedelta(seconds=self.delay(failures, retry_after))


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP-date; None if absent or
    unreadable; never negative, at most an hour."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return min(float(text), MAX_RETRY_AFTER)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        return None
    return min(max((moment - now).total_seconds(), 0.0), MAX_RETRY_AFTER)
