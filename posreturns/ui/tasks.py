"""Work off the GUI thread: a task runner over QThreadPool, and an inline double for tests."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

log = logging.getLogger(__name__)
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    """Tells the GUI thread, through a queued signal, that a worker left an outcome for it."""

    finished = Signal()


class TaskRunner:
    """Runs blocking work (database, devices) on a thread pool; callbacks run on the GUI thread.

    One relay serves every task, and outcomes wait in a queue, not in the signal: nothing per task
    outlives its callback. (A QObject or QRunnable per task did: PySide6 keeps Python references to
    them in Qt's connections and in the pool, out of the cycle collector's sight, so each result
    stayed in memory all shift long.) A signal carrying nothing also gives the Qt binding no Python
    object to count (PySide6 6.12.0 lost references to the singletons signals carried)."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)  # queued: emitted by the workers, run on the GUI thread
        self._outcomes: deque[tuple[Callable[[Any], None], Any]] = deque()  # appended by workers, popped here
        self._pending = 0
        self._closed = False

    def run(self, work: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        self._pending += 1

        def job() -> None:
            try:
                outcome: tuple[Callable[[Any], None], Any] = (on_done, work())
            except Exception as error:  # delivered to the caller's on_error, never swallowed
                outcome = (on_error, error)
            self._outcomes.append(outcome)
            self._relay.finished.emit()

        self.pool.start(job)

    def _deliver(self) -> None:
        if self._closed:  # a signal queued before close() still arrives
            return
        callback, value = self._outcomes.popleft()
        self._pending -= 1
        callback(value)

    @property
    def pending(self) -> int:
        """Tasks whose callbacks have not run yet."""
        return self._pending

    def wait(self, msecs: int = 5000) -> bool:
        return self.pool.waitForDone(msecs)

    def close(self, msecs: int = 5000) -> None:
        """The window is going: let running work finish, and deliver nothing more (its views may be gone)."""
        self.wait(msecs)
        self._closed = True
        self._outcomes.clear()
        self._pending = 0


class InlineTaskRunner:
    """Test double: runs the work at once, on the calling thread."""

    def run(self, work: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        try:
            result = work()
        except Exception as error:
            on_error(error)
        else:
            on_done(result)
