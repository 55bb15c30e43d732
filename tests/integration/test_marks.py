"""The high-water marks file: it only grows, survives a torn write, and two processes cannot undo
each other's marks."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from posreturns.persistence.marks import MARKS_FILE, Marks, MarksFile


def _marks(folder: Path) -> MarksFile:
    return MarksFile(folder, folder / "posreturns.db")


def test_marks_only_grow_unless_a_restore_replaces_them(tmp_path: Path) -> None:
    marks = _marks(tmp_path)
    assert marks.read() is None
    marks.raise_to(Marks({"T1": 5}, 9))
    marks.raise_to(Marks({"T1": 2, "T2": 1}, 3))
    assert marks.read() == Marks({"T1": 5, "T2": 1}, 9)
    marks.replace(Marks({"T1": 4}, 6))
    assert marks.read() == Marks({"T1": 4}, 6)


def test_a_write_torn_by_a_power_cut_leaves_the_previous_marks(tmp_path: Path) -> None:
    marks = _marks(tmp_path)
    marks.raise_to(Marks({"T1": 1}, 1))
    marks.raise_to(Marks({"T1": 2}, 2))  # generation 2, in the first slot
    with open(tmp_path / MARKS_FILE, "r+b") as handle:
        handle.write(b'{"generation": 2, "outbox": 2, "ret')  # half of it reached the disk
    assert marks.read() == Marks({"T1": 1}, 1)
    marks.raise_to(Marks({"T1": 3}, 3))
    assert marks.read() == Marks({"T1": 3}, 3)


def _raise_many(folder: str, till: str, count: int) -> None:
    marks = _marks(Path(folder))
    for n in range(1, count + 1):
        marks.raise_to(Marks({till: n}, n))


def test_two_processes_raising_marks_at_once_lose_none(tmp_path: Path) -> None:
    spawn = multiprocessing.get_context("spawn")
    workers = [spawn.Process(target=_raise_many, args=(str(tmp_path), till, 60)) for till in ("T1", "T2")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    assert _marks(tmp_path).read() == Marks({"T1": 60, "T2": 60}, 60)
