"""Two till processes at the same moment: completing the last unit of the same line, exactly one wins;
completing returns of a serial returner, the one the policy counts last needs a manager."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

from integration.returns_support import (
    CASHIER,
    check_whole,
    line,
    open_shop,
    orders_document,
    race,
    race_customer,
    request,
    rows,
)

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


def test_two_returns_of_a_serial_returner_at_once_never_both_pass_without_a_manager(tmp_path: Path) -> None:
    """The shipped policy asks a manager from the 4th return in 30 days: each customer has 2, and two
    tills complete a 3rd and a 4th at the same moment."""
    till = open_shop(tmp_path / "shared")
    document = orders_document(4 * ROUNDS, ["TSH-WHT-S"], qty=1, prefix="SERIAL", customer_of=lambda n: f"SR-{n // 4}")
    import_bytes(json.dumps(document).encode(), "serial", till.cache_writer)
    for n in range(ROUNDS):
        for k in (0, 1):
            till.returns.complete(request(f"SERIAL-{4 * n + k:05d}", line("TSH-WHT-S"), key=f"history-{n}-{k}"), CASHIER)
    till.close()
    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(2), spawn.Queue()
    receipts = {who: [f"SERIAL-{4 * n + offset:05d}" for n in range(ROUNDS)] for who, offset in (("A", 2), ("B", 3))}
    workers = [spawn.Process(target=race_customer,
                             args=(str(tmp_path / "shared"), who, receipts[who], "TSH-WHT-S", barrier, results))
               for who in ("A", "B")]
    for worker in workers:
        worker.start()
    outcomes = dict(results.get(timeout=120) for _ in workers)
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0
    for n in range(ROUNDS):
        pair = sorted(outcome[1] for outcome in (outcomes["A"][n], outcomes["B"][n]))
        assert pair == ["approval", "ok"], (n, outcomes["A"][n], outcomes["B"][n])
    db = tmp_path / "shared" / "posreturns.db"
    per_customer = rows(db, "SELECT customer_id, COUNT(*) FROM returns WHERE customer_id LIKE 'SR-%' GROUP BY 1")
    assert {r[1] for r in per_customer} == {3}
    check_whole(db)
