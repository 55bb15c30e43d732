"""Units held at another till of the store, as the OMS reports them: they join this till's restock
queue marked with their till, leave it when the other till's manager acted on them, an older note never
undoes an action taken here, and the quarantine ledger stays the sum of its moves."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from helpers.restock import manager
from helpers.returns import open_shop

from posreturns.app import Till, open_restock
from posreturns.domain.held_units import UnitAction
from posreturns.services.canonical import load_document

UNIT = "UPARIS01-T2-000007-1"


def page(state: str = "held", unit: str = UNIT, **extra: Any) -> dict[str, Any]:
    """What a pull brings: another till's return of one T-shirt of ORD-1001 and the unit it holds."""
    return {"format": "posreturns/1",
            "returns": [{"id": "RET-T2-7", "order_id": "ORD-1001", "created_at": "2026-11-25T10:00:00Z",
                         "lines": [{"order_line_id": "ORD-1001-L1", "qty": 1, "amount": "29.90"}],
                         "tenders": [{"method": "card", "amount": "29.90"}]}],
            "held_units": [{"id": unit, "return_id": "RET-T2-7", "return_number": "RPARIS01-T2-000007",
                            "till_id": "T2", "store_id": "PARIS-01", "sku": "TSH-NVY-M", "reason": "DEFECTIVE",
                            "condition": "USED", "disposition": "INSPECT", "note": "seam open", "state": state,
                            "held_at": "2026-11-25T10:00:00Z", **extra}]}


def pull(till: Till, document: dict[str, Any]) -> dict[str, int]:
    return till.cache_writer.write(load_document(json.dumps(document).encode(), "oms"), "oms", from_oms=True)


def quarantine(till: Till) -> tuple[int, int]:
    """(level, sum of its moves) of TSH-NVY-M in quarantine at PARIS-01."""
    with till.engine.connect() as connection:
        level = connection.exec_driver_sql("SELECT coalesce(sum(qty), 0) FROM stock_levels WHERE location = "
                                           "'PARIS-01' AND sku = 'TSH-NVY-M' AND bucket = 'quarantine'").scalar()
        moved = connection.exec_driver_sql("SELECT coalesce(sum(delta), 0) FROM stock_movements WHERE location = "
                                           "'PARIS-01' AND sku = 'TSH-NVY-M' AND bucket = 'quarantine'").scalar()
    return int(level), int(moved)


def test_another_till_unit_joins_the_queue_with_its_till_and_leaves_it_when_acted_on_there(tmp_path: Path) -> None:
    till = open_shop(tmp_path)
    assert pull(till, page())["held_units_of_other_tills"] == 1
    (unit,) = [u for u in open_restock(till).queue() if u.id == UNIT]
    assert (unit.till_id, unit.return_number, unit.reason, unit.condition, unit.cashier_note) == (
        "T2", "RPARIS01-T2-000007", "DEFECTIVE", "USED", "seam open")
    assert quarantine(till) == (1, 1)
    assert "held_units_of_other_tills" not in pull(till, page())  # the same page again changes nothing
    pull(till, page("scrapped", acted_by="mgr9", acted_at="2026-11-26T09:00:00Z"))
    assert UNIT not in {u.id for u in open_restock(till).queue()}
    (done,) = [u for u in open_restock(till).queue(include_done=True) if u.id == UNIT]
    assert (done.state.value, done.acted_by) == ("scrapped", "mgr9")
    assert quarantine(till) == (0, 0)


def test_an_action_taken_here_is_not_undone_by_an_older_note(tmp_path: Path) -> None:
    till = open_shop(tmp_path)
    pull(till, page())
    open_restock(till).act(manager(till), UnitAction.REFURBISH, [UNIT], note="new seam")
    pull(till, page("held"))  # the OMS has not heard of the refurbish yet
    (unit,) = [u for u in open_restock(till).queue() if u.id == UNIT]
    assert unit.state.value == "refurbishing"
    open_restock(till).act(manager(till), UnitAction.RELEASE, [UNIT])
    pull(till, page("refurbishing", acted_by="mgr9"))
    (done,) = [u for u in open_restock(till).queue(include_done=True) if u.id == UNIT]
    assert done.state.value == "released"
    assert quarantine(till) == (0, 0)


def test_units_of_another_store_are_not_taken(tmp_path: Path) -> None:
    till = open_shop(tmp_path)
    document = page()
    document["held_units"][0]["store_id"] = "LYON-02"
    pull(till, document)
    assert UNIT not in {u.id for u in open_restock(till).queue(include_done=True)}


def test_a_return_number_already_on_this_till_stays_a_label_and_the_unit_still_joins(tmp_path: Path) -> None:
    """A reinstalled till numbers again from 1, so another till's note may name a number a return here has."""
    till = open_shop(tmp_path)
    taken = page()
    taken["returns"][0] = {**taken["returns"][0], "id": "RET-OLD", "number": "RPARIS01-T2-000007"}
    taken["held_units"] = []
    pull(till, taken)
    assert pull(till, page())["held_units_of_other_tills"] == 1
    (unit,) = [u for u in open_restock(till).queue() if u.id == UNIT]
    assert unit.till_id == "T2"
    with till.engine.connect() as connection:
        numbers = dict(connection.exec_driver_sql(
            "SELECT id, number FROM returns WHERE id IN ('RET-OLD', 'RET-T2-7')").all())
    assert numbers == {"RET-OLD": "RPARIS01-T2-000007", "RET-T2-7": None}
