"""A big file's orders parsed in a second process while the first writes them: the same rows as in
one process, the same sentence for a bad file with nothing written, a child that fails only makes
the import slower, and a writer killed half-way leaves the till as it was."""

from __future__ import annotations

import copy
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import DEMO_DAY, dump
from integration.test_import import BAD

from bench.import_file import import_document
from posreturns.app import Till, open_till
from posreturns.demo.store import demo_document
from posreturns.services import canonical_parallel
from posreturns.services.canonical_stream import stream_document
from posreturns.services.errors import ImportRejected
from posreturns.services.importing import import_bytes

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def children(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every file of orders goes to a second process; how many orders each one the test started
    handed to the writer."""
    started: list[int] = []
    parallel = canonical_parallel.parallel_chunks

    def counted(raw: bytes) -> Iterator[Any]:
        started.append(0)
        for chunk in parallel(raw):
            started[-1] += len(chunk)
            yield chunk

    monkeypatch.setattr(canonical_parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(canonical_parallel, "parallel_chunks", counted)
    return started


def _sales(till: Till) -> list[str]:
    return sorted(row for row in dump(till) if row.startswith(('INSERT INTO "orders"', 'INSERT INTO "order_lines"',
                                                                'INSERT INTO "tenders"')))


def _foreign_keys(till: Till) -> list[int]:
    """The setting on every connection the pool holds."""
    connections = [till.engine.raw_connection() for _ in range(3)]
    try:
        return [c.driver_connection.execute("PRAGMA foreign_keys").fetchone()[0] for c in connections]
    finally:
        for connection in connections:
            connection.close()


def test_the_second_process_writes_the_rows_of_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           children: list[int]) -> None:
    document = import_document(300, skus=50)
    raw = json.dumps(document).encode()
    aside, alone = open_till(tmp_path / "aside"), open_till(tmp_path / "alone")
    try:
        assert import_bytes(raw, "big.json", aside.cache_writer)["orders"] == 300
        assert children == [300]
        monkeypatch.setattr(canonical_parallel, "PARALLEL_FROM", 10**9)
        import_bytes(raw, "big.json", alone.cache_writer)
        assert children == [300]
        assert _sales(aside) == _sales(alone)
        assert len(_sales(aside)) == sum(1 + len(o["lines"]) + len(o["tenders"]) for o in document["orders"])
        monkeypatch.setattr(canonical_parallel, "PARALLEL_FROM", 1)
        delta = import_document(40, skus=50, seed=9)
        for order in delta["orders"]:  # new sales into the full till: upserts, not the first load
            order["id"], order["number"] = "D" + order["id"], "D" + order["number"]
            for line in order["lines"]:
                line["id"] = "D" + line["id"]
        for till in (aside, alone):
            assert import_bytes(json.dumps(delta).encode(), "delta.json", till.cache_writer)["orders"] == 40
        assert children == [300, 40, 40]
        assert _sales(aside) == _sales(alone)
        assert _foreign_keys(aside) == [1, 1, 1]  # off for the bulk write only
    finally:
        aside.close()
        alone.close()


@pytest.mark.parametrize("case", ["tenders do not add up", "unknown SKU", "duplicate order id", "unknown customer",
                                  "order not in its store's currency", "card number in a tender reference"])
def test_a_bad_file_parsed_aside_is_refused_with_the_same_sentence(till: Till, children: list[int],
                                                                    case: str) -> None:
    mutate, path, reason = BAD[case]
    document = copy.deepcopy({**demo_document(DEMO_DAY), "returns": []})
    mutate(document)
    before = dump(till)
    with pytest.raises(ImportRejected) as raised:
        import_bytes(json.dumps(document).encode(), "test.json", till.cache_writer)
    assert (raised.value.path, reason in raised.value.reason) == (path, True)
    assert len(children) == 1
    assert dump(till) == before
    assert _foreign_keys(till) == [1, 1, 1]


def test_a_child_that_cannot_run_leaves_the_import_to_the_writer(till: Till, children: list[int],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(canonical_parallel, "CHILD", "posreturns.no_such_module")
    document = {**demo_document(DEMO_DAY), "returns": []}
    assert import_bytes(json.dumps(document).encode(), "test.json", till.cache_writer)["orders"] == 10
    assert children == [0]
    assert len(_sales(till)) == sum(1 + len(o["lines"]) + len(o["tenders"]) for o in document["orders"])


def test_a_child_that_dies_half_way_changes_nothing_written_by_then(till: Till, children: list[int],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """It sent a first chunk, then nothing: the writer rolls back and reads the file itself."""
    first = canonical_parallel.parallel_chunks

    def dying(raw: bytes) -> Iterator[Any]:
        chunks = first(raw)
        yield next(chunks)
        chunks.close()
        raise canonical_parallel.Unsure

    monkeypatch.setattr(canonical_parallel, "parallel_chunks", dying)
    document = {**demo_document(DEMO_DAY), "returns": []}
    assert import_bytes(json.dumps(document).encode(), "test.json", till.cache_writer)["orders"] == 10
    assert len(_sales(till)) == sum(1 + len(o["lines"]) + len(o["tenders"]) for o in document["orders"])


def test_held_units_of_a_big_file_are_kept() -> None:
    """They used to be dropped when the orders were streamed: such a file is read whole."""
    document = {**demo_document(DEMO_DAY), "returns": []}
    document["held_units"] = [{"id": "U1", "return_id": "R1", "store_id": document["stores"][0]["id"],
                               "sku": document["products"][0]["sku"], "state": "held"}]
    assert [unit.id for unit in stream_document(json.dumps(document).encode(), "x").held_units] == ["U1"]


_KILLED_IMPORT = """
import sys
from pathlib import Path
from posreturns.app import open_till
from posreturns.services.importing import import_file
till = open_till(Path(sys.argv[1]))
print("started", flush=True)
import_file(Path(sys.argv[2]), till.cache_writer)
print("finished", flush=True)
"""


@pytest.mark.slow
def test_an_import_killed_half_way_leaves_the_till_as_it_was(tmp_path: Path) -> None:
    """The first load (indexes dropped, rows streamed, a second process parsing) killed while it
    writes: the till opens with no sale, every index in place and an intact file."""
    file = tmp_path / "orders.json"
    file.write_bytes(json.dumps(import_document(25_000, skus=200)).encode())
    data = tmp_path / "till"
    open_till(data).close()
    database = data / "posreturns.db"
    with sqlite3.connect(database) as db:
        indexes = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").fetchall()
    importer = subprocess.Popen([sys.executable, "-c", _KILLED_IMPORT, str(data), str(file)], cwd=ROOT,
                                stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        wal = database.with_name("posreturns.db-wal")
        deadline = time.monotonic() + 300
        while (not wal.exists() or wal.stat().st_size < 4_000_000) and importer.poll() is None:
            assert time.monotonic() < deadline, "the import never started writing"
            time.sleep(0.05)
        assert importer.poll() is None, "the import finished before it could be killed; give it more orders"
        os.kill(importer.pid, signal.SIGKILL)
    finally:
        importer.wait()
        assert importer.stdout is not None
        importer.stdout.close()
    till = open_till(data)
    try:
        with till.engine.connect() as connection:
            run = connection.exec_driver_sql
            assert run("PRAGMA integrity_check").scalar() == "ok"
            assert [run(f"SELECT count(*) FROM {table}").scalar() for table in ("orders", "order_lines", "tenders",
                                                                                  "variants")] == [0, 0, 0, 0]
            assert run("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all() == indexes
        assert import_bytes(json.dumps(demo_document(DEMO_DAY)).encode(), "demo", till.cache_writer)["orders"] == 10
    finally:
        till.close()
