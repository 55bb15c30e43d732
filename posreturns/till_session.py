"""A window's session on disk: the till's log folder, Python's fault handler, and the marker that
tells the next start whether this session ended cleanly.

Everything lives in `<data dir>/logs/`:

* `posreturns.log` (then `.1` … `.4`, 1 MB each): what the till logged, INFO and worse, with the
  traceback of every unexpected error;
* `crash.log`: what Python's faulthandler writes when the process dies of a fatal error (a crash in a
  native library, "Fatal Python error: …"): the stack of every thread at that moment;
* `session.json`: present while a window is open and removed when it closes cleanly. Found at the
  next start, it means the last session ended unexpectedly (a crash, a kill, a power cut).
"""

from __future__ import annotations

import faulthandler
import json
import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import IO

from posreturns import __version__

log = logging.getLogger(__name__)
LOGS_DIR = "logs"
LOG_FILE, CRASH_FILE, MARKER_FILE = "posreturns.log", "crash.log", "session.json"
LOG_BYTES, LOG_BACKUPS = 1_000_000, 4
CRASH_REPORT_CHARS = 20_000


def logs_dir(data_dir: Path) -> Path:
    return data_dir / LOGS_DIR


@dataclass(frozen=True)
class UnexpectedEnd:
    """The last session did not close cleanly."""

    started_at: str
    pid: int
    fatal_report: str  # what the fault handler wrote then; empty after a kill or a power cut


class TillSession:
    """Open it when the window opens and close it when the window closes (standalone or in a host).

    The fault handler is Python's one per process: it is left alone when something else (the host
    POS, `python -X faulthandler`) already enabled it."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = logs_dir(data_dir)
        self.marker = self.folder / MARKER_FILE
        self._handler: logging.Handler | None = None
        self._crash_file: IO[str] | None = None
        self._logger_level: int | None = None

    def open(self) -> UnexpectedEnd | None:
        """Start logging to the folder; the unexpected end of the last session, if it had one."""
        self.folder.mkdir(parents=True, exist_ok=True)
        previous = self._previous_session()
        self._start_log()
        self._start_fault_handler()
        crash_log = self.folder / CRASH_FILE
        self._write_marker({"pid": os.getpid(), "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
                            "crash_log_size": crash_log.stat().st_size if crash_log.exists() else 0})
        log.info("session started: posreturns %s, process %d", __version__, os.getpid())
        if previous is not None:
            log.warning("the last session (process %d, started %s) ended unexpectedly%s", previous.pid,
                        previous.started_at, f"; its fatal error:\n{previous.fatal_report}" if previous.fatal_report
                        else " without a fatal error report (killed, or the power went off)")
        return previous

    def close(self) -> None:
        """A clean end: the next start will not report this session."""
        log.info("session ended cleanly")
        self.marker.unlink(missing_ok=True)
        if self._crash_file is not None:
            faulthandler.disable()
            self._crash_file.close()
            self._crash_file = None
        if self._handler is not None:
            package = logging.getLogger("posreturns")
            package.removeHandler(self._handler)
            if self._logger_level is not None:
                package.setLevel(self._logger_level)
            self._handler.close()
            self._handler = None

    def _previous_session(self) -> UnexpectedEnd | None:
        try:
            data = json.loads(self.marker.read_text(encoding="utf-8"))
            pid, started_at, offset = int(data["pid"]), str(data["started_at"]), int(data.get("crash_log_size", 0))
        except FileNotFoundError:
            return None
        except (ValueError, KeyError, TypeError, OSError):  # a marker cut short by the crash itself
            return UnexpectedEnd("?", 0, "")
        return UnexpectedEnd(started_at, pid, self._crash_report_since(offset))

    def _crash_report_since(self, offset: int) -> str:
        try:
            with (self.folder / CRASH_FILE).open("rb") as crash_log:
                crash_log.seek(offset)
                return crash_log.read(CRASH_REPORT_CHARS).decode("utf-8", "replace").strip()
        except OSError:
            return ""

    def _start_log(self) -> None:
        handler = RotatingFileHandler(self.folder / LOG_FILE, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS,
                                      encoding="utf-8", delay=True)
        handler.setLevel(logging.INFO)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
        package = logging.getLogger("posreturns")
        if package.getEffectiveLevel() > logging.INFO:
            self._logger_level = package.level
            package.setLevel(logging.INFO)
        package.addHandler(handler)
        self._handler = handler

    def _start_fault_handler(self) -> None:
        if faulthandler.is_enabled():
            return
        self._crash_file = (self.folder / CRASH_FILE).open("a", encoding="utf-8")
        faulthandler.enable(self._crash_file, all_threads=True)

    def _write_marker(self, data: dict[str, object]) -> None:
        partial = self.marker.with_suffix(".tmp")
        partial.write_text(json.dumps(data), encoding="utf-8")
        os.replace(partial, self.marker)
