"""The PIN lockout: a failure count that only a right PIN or an admin resets, and lock periods
measured so that moving the clock neither ends them nor stretches them.

After `MAX_FAILURES` wrong PINs in a row the account is locked for `LOCKOUT`; each wrong PIN after
that locks it again; at `HARD_LIMIT` only an admin unlocks it (`posreturns user unlock`).
Time is a `Moment`: the wall clock plus the time since the computer started (`uptime`, which no
clock change moves) and which boot that was. Within one boot the lock runs on uptime, so setting
the clock forward does not end it and setting it back does not prolong it. Across a restart only the
wall clock is left: a lock whose start lies in the future (the clock went back) starts again from
now — one `LOCKOUT` at most, never days — and a clock set forward can end a lock early, which the
hard limit bounds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

MAX_FAILURES = 5
HARD_LIMIT = 10
LOCKOUT = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class Moment:
    wall: datetime  # timezone-aware
    boot: str  # identifies the current boot of the computer
    uptime: float  # seconds since that boot (a monotonic clock)


@dataclass(frozen=True, slots=True)
class Lockout:
    """Consecutive wrong PINs of one user, and when the current lock began."""

    failures: int = 0
    locked_at: Moment | None = None

    @property
    def needs_admin(self) -> bool:
        return self.failures >= HARD_LIMIT

    def elapsed(self, now: Moment) -> timedelta | None:
        """Time since the lock began (None when there is no lock); negative when the wall clock
        went back across a restart."""
        start = self.locked_at
        if start is None:
            return None
        if start.boot == now.boot and now.uptime >= start.uptime:
            return timedelta(seconds=now.uptime - start.uptime)
        return now.wall - start.wall

    def observed(self, now: Moment) -> Lockout:
        """The same lockout, its start moved to `now` if that start lies in the future."""
        elapsed = self.elapsed(now)
        if elapsed is not None and elapsed < timedelta(0):
            return Lockout(self.failures, now)
        return self

    def remaining(self, now: Moment) -> timedelta | None:
        """How long the lock still lasts (None: not locked). A hard lock has no end."""
        if self.needs_admin:
            return timedelta.max
        elapsed = self.elapsed(now)
        if elapsed is None or elapsed >= LOCKOUT:
            return None
        return LOCKOUT - max(elapsed, timedelta(0))

    def failed(self, now: Moment) -> Lockout:
        failures = self.failures + 1
        return Lockout(failures, now if failures >= MAX_FAILURES else None)

    def succeeded(self) -> Lockout:
        return Lockout()
