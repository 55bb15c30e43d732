"""The virtual printer's job folder: ``job-0001.bin`` (bytes), ``.txt`` (text view), ``.png`` (picture)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from posdrivers.escpos.profiles import PrinterProfile
from posdrivers.virtual.ops import VISIBLE, Op
from posdrivers.virtual.render_png import render_png
from posdrivers.virtual.render_text import render_text


@dataclass(frozen=True)
class Job:
    """One stored job: its number, the bytes received (status requests left out), and its files."""

    number: int
    data: bytes
    text: str
    bin_path: Path
    txt_path: Path
    png_path: Path
    ops: tuple[Op, ...]


class JobStore:
    """Numbers, renders and keeps jobs; thread-safe, with :meth:`wait_for_job` for tests."""

    def __init__(self, folder: str | Path, profile: PrinterProfile) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.profile = profile
        self._jobs: list[Job] = []
        self._changed = threading.Condition()

    @property
    def jobs(self) -> list[Job]:
        with self._changed:
            return list(self._jobs)

    def save(self, ops: Sequence[Op]) -> Job | None:
        """Store a job; ops with nothing visible (only status requests or settings) store nothing."""
        if not any(op.kind in VISIBLE for op in ops):
            return None
        with self._changed:
            number = len(self._jobs) + 1
            stem = self.folder / f"job-{number:04d}"
            data = b"".join(op.raw for op in ops if op.kind not in ("status", "process_id", "transmit_status"))
            text = render_text(ops, self.profile.columns("A"), self.profile.columns("B"))
            paths = (stem.with_suffix(".bin"), stem.with_suffix(".txt"), stem.with_suffix(".png"))
            paths[0].write_bytes(data)
            paths[1].write_text(text, encoding="utf-8")
            render_png(ops, paths[2], self.profile.dots_per_line)
            job = Job(number, data, text, *paths, ops=tuple(ops))
            self._jobs.append(job)
            self._changed.notify_all()
            return job

    def wait_for_job(self, number: int = 1, timeout: float = 5.0) -> Job:
        """Wait until job ``number`` (1-based, as in ``job-0001``) is stored, and return it.

        Jobs are numbered, not "the next one", so a job stored before the call is never missed.
        """
        with self._changed:
            if not self._changed.wait_for(lambda: len(self._jobs) >= number, timeout):
                raise TimeoutError(f"The virtual printer received no job {number} within {timeout:g} s.")
            return self._jobs[number - 1]
