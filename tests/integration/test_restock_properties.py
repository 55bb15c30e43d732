"""Property: after any sequence of returns (any reason and condition, so any disposition) and manager
actions on the held units, the stock buckets of the location balance: what came in by returns equals
sellable + quarantine + resale + RTV + scrap movements, quarantine holds exactly the queue, and every
level is the sum of its movements."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.restock import manager
from helpers.returns import CASHIER, check_whole, open_shop, orders_document, rows
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posreturns.app import open_restock
from posreturns.domain.errors import UserFacingError
from posreturns.domain.held_units import UnitAction
from posreturns.domain.resale import Grade
from posreturns.domain.returns import Condition, Reason
from posreturns.services.importing import import_bytes

SKUS = ["TSH-WHT-S", "CASQ-BT-NOIR"]  # apparel and electronics: the policy disposes of them differently
BUCKETS = ("sellable", "quarantine", "resale", "rtv", "scrap")
PERMISSIVE = 'version = "prop"\n[sale_items]\nenabled = false\n[approval]\nenabled = false\n' \
             "[serial_returners]\nenabled = false\n[offline]\nreturn_above = \"100000.00\"\n"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("restock-template")
    till = open_shop(folder)
    till.policies.install(PERMISSIVE, "permissive.toml")
    import_bytes(json.dumps(orders_document(6, SKUS, 3, prefix="HOLD")).encode(), "orders", till.cache_writer)
    till.close()
    yield folder


returns = st.tuples(st.integers(0, 5), st.sampled_from(SKUS), st.integers(1, 3), st.sampled_from(list(Reason)),
                    st.sampled_from(list(Condition)))
actions = st.tuples(st.integers(0, 50), st.sampled_from(list(UnitAction)), st.sampled_from(list(Grade)))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(steps=st.lists(st.one_of(returns, actions), min_size=1, max_size=14))
def test_stock_buckets_always_balance(template: Path, steps: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as parent:
        folder = Path(parent) / "till"
        shutil.copytree(template, folder)  # with the PIN secret beside the database
        till = open_shop(folder, setup=False)
        restock, db = open_restock(till), folder / "posreturns.db"
        mgr = manager(till)
        came_in = 0
        try:
            for n, step in enumerate(steps):
                if len(step) == 5:
                    order, sku, qty, reason, condition = step
                    body = {"receipt": f"HOLD-{order:05d}", "cashier": "alice", "idempotency_key": f"k{n}",
                            "refund_method": "store_credit",
                            "lines": [{"code": sku, "qty": qty, "reason": reason.value, "condition": condition.value,
                                       "note": "other" if reason is Reason.OTHER else ""}]}
                    try:
                        till.returns.complete(body, CASHIER)
                        came_in += qty
                    except UserFacingError:
                        pass  # nothing left of that line on the receipt, or the policy refuses it
                    continue
                pick, action, grade = step
                queue = restock.queue()
                if not queue:
                    continue
                unit = queue[pick % len(queue)].id
                if action is UnitAction.RESALE:
                    restock.resell(mgr, unit, grade)
                else:
                    restock.act(mgr, action, [unit], note="prop", vendor="Vendor")
            moved = {b: 0 for b in BUCKETS}
            for r in rows(db, "SELECT bucket, SUM(delta) AS d FROM stock_movements WHERE location = 'PARIS-01' AND "
                              "reason NOT IN ('oms.level', 'baseline') GROUP BY bucket"):
                moved[r["bucket"]] = r["d"]
            assert sum(moved.values()) == came_in
            assert all(v >= 0 for v in moved.values()), moved
            held = len(restock.queue())
            quarantine = sum(r["qty"] for r in rows(db, "SELECT qty FROM stock_levels WHERE bucket = 'quarantine'"))
            assert quarantine == held == moved["quarantine"]
            states = {r["state"]: r["n"]
                      for r in rows(db, "SELECT state, COUNT(*) AS n FROM held_units GROUP BY state")}
            assert states.get("released", 0) <= moved["sellable"]
            assert states.get("scrapped", 0) <= moved["scrap"] and states.get("rtv", 0) <= moved["rtv"]
            assert states.get("resale", 0) == moved["resale"]
            check_whole(db, {k: v for k, v in _baseline(db).items()})
        finally:
            till.close()


def _baseline(db: Path) -> dict[tuple[str, str, str], int]:
    return {(r["location"], r["sku"], r["bucket"]): r["d"] for r in rows(
        db,
        "SELECT location, sku, bucket, SUM(delta) AS d FROM stock_movements WHERE reason IN ('oms.level', 'baseline') "
            "GROUP BY 1, 2, 3")}
