"""The database's health as the till starts: not damaged (`PRAGMA quick_check`), not gone back in
time (its high-water marks, see `marks`). A damaged database stops the start with one sentence; a
database that lost returns still opens (sales can be looked up) but issues no return until a
manager restores a backup. (Whether the records inside add up — audit chain, ledgers, stock — is
`integrity`'s, behind `posreturns verify`.)

`quick_check` reads every page: about 9 s for a store-scale cache of a million orders (800 MB) on a
busy two-core till, a few milliseconds for a small one. So the window runs it at each start on a
thread of its own and opens at once (a damaged database then refuses returns, with its sentence);
commands that write run it first when the last check that passed is older than `QUICK_CHECK_EVERY`
or the database file was replaced since (the stamp `posreturns.checked` beside it says when).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
import time
from pathlib import Path
from typing import Literal

from sqlalchemy import Engine

from posreturns.domain.messages import Joined, Text, translate
from posreturns.persistence.marks import MARKS_FILE, Marks, MarksFile, database_marks
from posreturns.persistence.storage_errors import sentence
from posreturns.services.errors import StorageError
from posreturns.services.integrity import Finding

log = logging.getLogger(__name__)
QUICK_CHECK_EVERY = 24 * 3600.0  # seconds
CHECKED_FILE = "posreturns.checked"
QuickCheck = Literal["never", "due", "always"]


class DatabaseGuard:
    """Whether this till's database can be trusted with a new return; keeps the marks raised."""

    def __init__(self, engine: Engine, data_dir: Path, database: Path) -> None:
        self.engine, self.database = engine, database
        self.marks = MarksFile(data_dir, database)
        self.stamp = data_dir / CHECKED_FILE
        self.missing: list[Text] = []  # what the marks saw that the database lost
        self.damaged: StorageError | None = None  # what the check in the background found
        self.checked = threading.Event()  # the check in the background has finished

    def check(self, quick_check: QuickCheck) -> None:
        """At start-up: the quick check when asked (or due), then the marks (two small reads)."""
        self.quick_check(quick_check)
        with self.engine.connect() as connection:
            held = database_marks(connection)
        seen = self.marks.read()
        self.missing = seen.missing_from(held) if seen is not None else []
        if not self.missing and (seen is None or held.missing_from(seen)) and (held.returns or held.outbox):
            self.after_commit(held)  # a crash came between a commit and its mark, or the first start

    def quick_check(self, when: QuickCheck) -> None:
        """`StorageError` when SQLite finds the database damaged."""
        if when == "never" or (when == "due" and not self._quick_check_due()):
            return
        with self.engine.connect() as connection:
            problems = [row[0] for row in connection.exec_driver_sql("PRAGMA quick_check(5)")]
        if problems != ["ok"]:
            log.error("quick_check of %s: %s", self.database, "; ".join(problems))
            raise sentence("damaged", self.database)
        self._stamp_checked()

    def check_in_background(self) -> threading.Thread:
        """The quick check while the window opens; `problem()` says what it found once `checked` is set."""
        def run() -> None:
            try:
                self.quick_check("always")
            except StorageError as error:
                self.damaged = error
            finally:
                self.checked.set()

        thread = threading.Thread(target=run, name="quick-check", daemon=True)
        thread.start()
        return thread

    def _identity(self) -> list[int]:
        found = os.stat(self.database)
        return [found.st_dev, found.st_ino]

    def _quick_check_due(self) -> bool:
        try:
            stamp = json.loads(self.stamp.read_text(encoding="utf-8"))
            return bool(stamp["file"] != self._identity() or time.time() - float(stamp["at"]) > QUICK_CHECK_EVERY)
        except (OSError, ValueError, KeyError, TypeError):
            return True

    def _stamp_checked(self) -> None:
        with contextlib.suppress(OSError):  # a hint only: losing it costs one more check
            self.stamp.write_text(json.dumps({"at": time.time(), "file": self._identity()}), encoding="utf-8")

    def refuse_if_unsafe(self) -> None:
        problem = self.problem()
        if problem is not None:
            raise problem

    def problem(self) -> StorageError | None:
        """Why no return can be issued (the database is damaged, or lost returns it had recorded), or None."""
        if self.damaged is not None:
            return self.damaged
        if not self.missing:
            return None
        return StorageError(translate(
            "persistence.database_guard", "This till's database has lost what it had recorded ({0}), so no return is "
            "issued until a manager restores the latest backup with `posreturns restore FILE` (docs/storage.md).")
                            .format(Joined(tuple(self.missing))))

    def findings(self) -> list[Finding]:
        """What `posreturns verify` reports of the marks: the returns the database lost, if any."""
        if not self.missing:
            return []
        lost = translate("persistence.database_guard", "The database has lost what it had recorded ({0}); restore the "
                         "latest backup with `posreturns restore FILE`.").format(Joined(tuple(self.missing)))
        return [Finding.of("lost_returns", MARKS_FILE, lost)]

    def after_commit(self, marks: Marks) -> None:
        """Raise the marks once a return is committed. A failure here is logged, not raised: the
        return is saved; its mark is written again at the next start-up."""
        try:
            self.marks.raise_to(marks)
        except (StorageError, OSError) as error:
            log.warning("the high-water marks could not be written (%s); the return itself is saved", error)
