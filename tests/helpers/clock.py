"""The tests' clocks, in one place.

`SettableClock` is a till clock (`services.ports.Clock`) that stays where the test puts it and moves
only when told; `SteppingClock` is a monotonic clock in seconds that moves by a step at every
reading (how fast the keys of a keyboard wedge arrive)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@dataclass
class SettableClock:
    moment: datetime = T0
    overridden: bool = False  # like the system clock: a completion does not audit its time as set by hand

    def now(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


class SteppingClock:
    def __init__(self, step: float) -> None:
        self.now, self.step = 1000.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now
