"""Checkpoints of the write-ahead log on a thread of their own, so that no return waits for one.

In WAL mode a commit is durable once its pages are in the `-wal` file and flushed (synchronous=FULL);
copying them back into the database file (a checkpoint) is housekeeping. By default SQLite does it
inside the commit that takes the log past 1,000 pages: on a store-scale cache about one return in
twenty, whose receipt then waits for a thousand scattered writes into a 1 GB file and their flush
(10–30 ms, the slowest completions by far). The return recorder's commits skip it
(`wal_autocheckpoint=0` on its connection for that transaction) and tell a `Checkpointer`, which
checkpoints a moment after the returns stop, or every `every` returns when they do not. A passive
checkpoint never blocks a reader or a writer; a crash in the middle of one loses nothing (SQLite
finishes it from the log at the next open).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from posreturns.services.errors import StorageError

log = logging.getLogger(__name__)


@contextmanager
def without_autocheckpoint(connection: Connection) -> Iterator[None]:
    """The commits inside skip SQLite's own checkpoint; the connection's next user gets it back."""
    driver = connection.connection.driver_connection  # outside SQLAlchemy: no transaction begins for a PRAGMA
    assert driver is not None
    driver.execute("PRAGMA wal_autocheckpoint=0")
    try:
        yield
    finally:
        driver.execute("PRAGMA wal_autocheckpoint=1000")  # SQLite's default


class Checkpointer:
    """Checkpoints `engine`'s log after `every` commits, or once `idle` seconds pass without one."""

    def __init__(self, engine: Engine, every: int = 16, idle: float = 0.5, linger: float = 30.0) -> None:
        self.engine, self.every, self.idle, self.linger = engine, every, idle, linger
        self.pending = 0  # commits since the last checkpoint began
        self.running = False
        self._state = threading.Condition()
        self._thread: threading.Thread | None = None
        self._stopping = False
        event.listen(engine, "engine_disposed", lambda _engine: self.stop())

    def committed(self) -> None:
        with self._state:
            if self._stopping:
                return
            self.pending += 1
            if self._thread is None or not self._thread.is_alive():  # not alive: in a process forked since
                self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
                self._thread.start()
            self._state.notify_all()

    def settle(self, timeout: float = 30.0) -> bool:
        """Wait until every commit told so far has been checkpointed (or the thread stopped)."""
        with self._state:
            return self._state.wait_for(lambda: self._thread is None or (self.pending == 0 and not self.running),
                                        timeout)

    def stop(self) -> None:
        """End the thread (the engine is disposed); a later commit starts a new one."""
        with self._state:
            self._stopping = True
            thread = self._thread
            self._state.notify_all()
        if thread is not None and thread is not threading.current_thread():
            thread.join()
        with self._state:
            self._stopping = False

    def _run(self) -> None:
        try:
            while self._next():
                try:
                    self._checkpoint()
                finally:
                    with self._state:
                        self.running = False
                        self._state.notify_all()
        finally:
            with self._state:
                if self._thread is threading.current_thread():  # ended by an unexpected error
                    self._thread = None
                self._state.notify_all()

    def _next(self) -> bool:
        """Wait for a checkpoint to be due (True), or for the thread to end (False)."""
        with self._state:
            while not self._stopping:
                if self.pending >= self.every:
                    break
                seen = self.pending
                if not self._state.wait(self.idle if seen else self.linger):  # no commit meanwhile
                    if seen == 0:
                        break  # idle for a while: the thread ends, the next commit starts another
                    if self.pending == seen:
                        break  # the returns stopped: now is a good time
            if self._stopping or self.pending == 0:
                self._thread = None  # under the lock: a commit from now on starts a new thread
                return False
            self.pending, self.running = 0, True
            return True

    def _checkpoint(self) -> None:
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").close()
        except (StorageError, SQLAlchemyError) as error:  # the next one tries again; so does SQLite's close
            log.warning("the write-ahead log could not be checkpointed (%s)", error)
