"""Moments as text, written one way everywhere (the database, events, files, the command line): UTC,
whole seconds, `YYYY-MM-DDTHH:MM:SSZ`, so that the text sorts as the moments do."""

from __future__ import annotations

import math
from datetime import UTC, datetime

UTC_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def format_utc(moment: datetime | float, ceil: bool = False) -> str:
    """`moment` (a datetime, or seconds since the epoch) to the second below it, or with `ceil` to the
    second above it, so that a time scheduled from it is never earlier than asked."""
    stamp = moment if isinstance(moment, (int, float)) else moment.timestamp()
    stamp = math.ceil(stamp) if ceil else math.floor(stamp)
    return datetime.fromtimestamp(stamp, UTC).strftime(UTC_FORMAT)


def parse_utc(text: str) -> datetime:
    """The moment `format_utc` wrote."""
    return datetime.strptime(text, UTC_FORMAT).replace(tzinfo=UTC)
