"""Two till processes at the same moment: the last unit of a line, the serial-returner limit."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

from helpers.returns import (
    SHIPPED_POLICY,
    check_whole,
    open_shop,
    orders_document,
    race,
    rows,
    serial_race,
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


SERIAL_ROUNDS = 15


def test_two_tills_cannot_both_pass_the_serial_returner_limit_at_the_same_moment(tmp_path: Path) -> None:
    """The policy asks a manager from a customer's 2nd return in 30 days. The customer brings two
    sales to two tills at once: one return goes through, the other asks for the approval it needs
    (before the count was re-read in the write transaction, both went through without one)."""
    till = open_shop(tmp_path / "shared")
    policy = SHIPPED_POLICY.read_text(encoding="utf-8")
    assert "max_returns = 4" in policy and 'version = "2026-11"' in policy
    strict = policy.replace("max_returns = 4", "max_returns = 2").replace('version = "2026-11"', 'version = "serial-2"')
    till.policies.install(strict, "serial-2.toml")
    document = orders_document(2 * SERIAL_ROUNDS, ["TSH-WHT-S"], qty=1, prefix="SERIAL",
                               customer_of=lambda n: f"SR-{n % SERIAL_ROUNDS}")
    import_bytes(json.dumps(document).encode(), "serial", till.cache_writer)
    till.close()
    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(2), spawn.Queue()
    workers = [spawn.Process(target=serial_race, args=(str(tmp_path / "shared"), who, SERIAL_ROUNDS, barrier, results))
               for who in ("A", "B")]
    for worker in workers:
        worker.start()
    outcomes = dict(results.get(timeout=120) for _ in workers)
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0
    for n in range(SERIAL_ROUNDS):
        pair = [outcomes["A"][n], outcomes["B"][n]]
        assert sorted(o[1] for o in pair) == ["approval", "ok"], pair
        assert "Return number 2 in 30 days" in next(o[2] for o in pair if o[1] == "approval")
    db = tmp_path / "shared" / "posreturns.db"
    per_customer = rows(db, "SELECT customer_id, COUNT(*) AS n FROM returns WHERE origin = 'till' GROUP BY 1")
    assert {r["customer_id"]: r["n"] for r in per_customer} == {f"SR-{n}": 1 for n in range(SERIAL_ROUNDS)}
    check_whole(db)
