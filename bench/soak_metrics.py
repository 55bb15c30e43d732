"""What a soak samples of its own process: memory, threads, file descriptors, Python and Qt objects.

Linux figures come from /proc (the current RSS, not the peak); elsewhere the fields are None.
SQLite's own heap is read apart: its page cache (`PRAGMA cache_size`, 64 MB per connection here)
fills as the database grows, up to that bound, which is a cache doing its job and not a leak.
"""

from __future__ import annotations

import ctypes
import gc
import os
import resource
import sys
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

PROC = Path("/proc/self")


@dataclass(frozen=True)
class Sample:
    label: str
    rss_mb: float
    sqlite_mb: float | None
    os_threads: int | None
    python_threads: int
    fds: int | None
    python_objects: int
    qobject_wrappers: int | None = None
    widgets: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def rss_mb() -> float:
    try:
        resident_pages = int((PROC / "statm").read_text().split()[1])
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # the peak, where /proc is missing
    return resident_pages * os.sysconf("SC_PAGE_SIZE") / 1_048_576


def sqlite_mb() -> float | None:
    """The memory SQLite holds (its page caches, mostly), from the library Python's sqlite3 uses."""
    try:
        import _sqlite3

        used = ctypes.CDLL(_sqlite3.__file__).sqlite3_memory_used
    except (ImportError, OSError, AttributeError):
        return None
    used.restype = ctypes.c_int64
    return round(used() / 1_048_576, 1)


def os_threads() -> int | None:
    try:
        return len(os.listdir(PROC / "task"))
    except OSError:
        return None


def open_fds() -> int | None:
    try:
        return len(os.listdir(PROC / "fd"))
    except OSError:
        return None


def sample(label: str) -> Sample:
    """One reading, after a full collection (the soak samples at rest, between two returns).

    Qt objects are counted as the Python wrappers alive and the widgets Qt knows; not by walking a
    window's children, which would wrap (and keep) Qt's internal objects and grow the count itself."""
    gc.collect()
    objects = gc.get_objects()
    qt: dict[str, int | None] = {"qobject_wrappers": None, "widgets": None}
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QObject
        from PySide6.QtWidgets import QApplication

        qt["qobject_wrappers"] = sum(1 for item in objects if isinstance(item, QObject))
        qt["widgets"] = len(QApplication.allWidgets()) if QApplication.instance() is not None else None
    count = len(objects)
    del objects
    return Sample(label, round(rss_mb(), 1), sqlite_mb(), os_threads(), threading.active_count(), open_fds(), count,
                  **qt)


def growth(samples: list[Sample], field: str, warm_up: int) -> float:
    """How much `field` grew from the first sample after the warm-up to the highest one after it."""
    values = [value(s, field) for s in samples[warm_up:] if value(s, field) is not None]
    return round(max(values) - values[0], 1) if values else 0.0


def value(reading: Sample, field: str) -> float | None:
    """A field of the sample, or `rss_less_sqlite_mb`: the process's memory but SQLite's caches."""
    if field == "rss_less_sqlite_mb":
        return reading.rss_mb - (reading.sqlite_mb or 0.0)
    return getattr(reading, field)  # type: ignore[no-any-return]
