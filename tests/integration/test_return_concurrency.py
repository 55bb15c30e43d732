"""Two till processes completing the last unit of the same line at the same moment: exactly one wins."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

from integration.returns_support import check_whole, open_shop, orders_document, race, rows

from posreturns.services.importing import import_bytes

ROUNDS = 40


def test_two_processes_never_both_return_the_last_unit(tmp_path: Path) -> None:
    till = open_shop(tmp_path / "shared")
    import_bytes(
        json.dumps(orders_document(ROUNDS, ["TSH-WHT-S"], qty=1, prefix="RACE")).encode(),
        "race",
        till.cache_writer,
    )
    till.close()
    receipts = [f"RACE-{n:05d}" for n in range(ROUNDS)]
    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(2), spawn.Queue()
    workers = [
        spawn.Process(
            target=race, args=(str(tmp_path / "shared"), who, receipts, "TSH-WHT-S", barrier, results)
        )
        for who in ("A", "B")
    ]
    for worker in workers:
        worker.start()
    outcomes = dict(results.get(timeout=120) for _ in workers)
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0
    for i, receipt in enumerate(receipts):
        pair = [outcomes["A"][i], outcomes["B"][i]]
        assert all(o[0] == receipt for o in pair)
        kinds = sorted(o[1] for o in pair)
        assert kinds == ["ok", "refused"], pair
        loser = next(o for o in pair if o[1] == "refused")
        assert "already been returned" in loser[2]
    db = tmp_path / "shared" / "posreturns.db"
    assert rows(db, "SELECT COUNT(*) FROM returns WHERE order_id LIKE 'RACE-%'")[0][0] == ROUNDS
    assert rows(db, "SELECT SUM(returned_qty) FROM order_lines WHERE order_id LIKE 'RACE-%'")[0][0] == ROUNDS
    numbers = [r[0] for r in rows(db, "SELECT number FROM returns WHERE origin = 'till'")]
    assert len(set(numbers)) == ROUNDS
    check_whole(db)
