"""Work off the GUI thread: a task runner over QThreadPool, and an inline double for tests."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    """Carries a worker's outcome back to the GUI thread through a queued signal.

    The outcome rides on the relay, not in the signal: most results are None (a draft saved), and a
    signal carrying nothing gives the Qt binding no Python object to count (PySide6 6.12.0 lost
    references to the singletons it carried)."""

    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.outcome: tuple[bool, Any] = (False, None)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.work, self.relay = work, relay

    def run(self) -> None:
        try:
            self.relay.outcome = (True, self.work())
        except Exception as error:  # delivered to the caller's on_error, never swallowed
            self.relay.outcome = (False, error)
        self.relay.finished.emit()


class TaskRunner:
    """Runs blocking work (database, devices) on a thread pool; callbacks run on the GUI thread."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    def run(self, work: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        relay = _Relay()
        self._relays.add(relay)

        def finish() -> None:
            self._relays.discard(relay)
            succeeded, value = relay.outcome
            (on_done if succeeded else on_error)(value)

        relay.finished.connect(finish)
        self.pool.start(_Job(work, relay))

    def wait(self, msecs: int = 5000) -> bool:
        return self.pool.waitForDone(msecs)


class InlineTaskRunner:
    """Test double: runs the work at once, on the calling thread."""

    def run(self, work: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        try:
            result = work()
        except Exception as error:
            on_error(error)
        else:
            on_done(result)
