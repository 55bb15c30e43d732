"""Clocks: the system clock, and a fixed clock for tests and demos (`--now`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from posreturns.services.errors import BadInput


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
