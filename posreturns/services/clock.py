"""Clocks: the system clock, a fixed clock for training tills (`--now`), and the moments the PIN
lockout measures (wall time + uptime, which no clock change moves)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from posreturns.domain.lockout import Moment
from posreturns.services.errors import BadInput

_BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


class SystemClock:
    """The real time, timezone-aware (UTC)."""

    overridden = False

    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class FixedClock:
    """Always the same moment; `overridden` makes completions audit it."""

    moment: datetime
    overridden: bool = True

    def now(self) -> datetime:
        return self.moment


def parse_now(text: str) -> datetime:
    """An ISO-8601 moment with its offset (`2026-11-26T10:00:00+01:00` or `…Z`)."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise BadInput(
            f'"{text}" is not a time; write it as ISO-8601 with its offset, e.g. 2026-11-26T10:00:00+01:00.'
        )
    return moment


def current_boot() -> str:
    """Which boot of the computer this is: Linux names it; elsewhere, when it started (to ten minutes,
    from the wall clock and the uptime, so a big clock change looks like a restart)."""
    try:
        return _BOOT_ID.read_text(encoding="ascii").strip()
    except OSError:
        return f"started-{int((time.time() - time.monotonic()) // 600)}"


def system_moment() -> Moment:
    return Moment(datetime.now(UTC), current_boot(), time.monotonic())
