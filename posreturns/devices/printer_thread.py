"""The one thread that talks to the receipt printer and its cash drawer.

Every print job, status question and drawer pulse waits in this thread's queue and runs in order:
the printer serves one connection at a time, and a status poll must never cut into a receipt. Callers
on other threads either wait for the result (`call`, used by the command line and the services) or
get a `Future` (`submit`, used by the window, which hears of the result through a Qt signal).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


class PrinterThread:
    """A single worker thread, started on first use, stopped by `stop()`."""

    def __init__(self, name: str = "printer") -> None:
        self.name = name
        self._executor: ThreadPoolExecutor | None = None
        self._thread_id: int | None = None
        self._lock = threading.Lock()

    def submit(self, work: Callable[[], T]) -> Future[T]:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=self.name,
                                                    initializer=self._remember_thread)
            return self._executor.submit(work)

    def call(self, work: Callable[[], T]) -> T:
        """Run `work` on the printer thread and wait for its result (at once when already on it)."""
        if threading.get_ident() == self._thread_id:
            return work()
        return self.submit(work).result()

    @property
    def on_it(self) -> bool:
        return threading.get_ident() == self._thread_id

    def stop(self) -> None:
        """Finish what is queued, then end the thread (it starts again on the next `submit`)."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)

    def _remember_thread(self) -> None:
        self._thread_id = threading.get_ident()
