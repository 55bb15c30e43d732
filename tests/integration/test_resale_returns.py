"""A second-hand item scanned back at the till (its in-store EAN-13) follows the policy's rules for
second-hand items: store credit or exchange only, never taken back when its grade is sold as is."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.restock import held_shop, manager
from helpers.returns import line, request

from posreturns.domain.resale import Grade


@pytest.mark.parametrize(("grade", "refused_rule"), [(Grade.B, "second_hand"), (Grade.C, "second_hand_as_is")])
def test_a_graded_item_scanned_back_follows_the_second_hand_rules(tmp_path: Path, grade: Grade,
                                                                   refused_rule: str) -> None:
    till, restock = held_shop(tmp_path)
    try:
        unit = restock.queue()[0]
        item = restock.resell(manager(till), unit.id, grade)
        contact = {"customer": {"phone": "06 00 00 00 01"}}
        refund = till.returns.quote(request(None, line(item.ean13, reason="CHANGED_MIND"), **contact))
        assert refund["status"] == "refused"
        rules = [e["rule"] for ln in refund["lines"] for e in ln["trace"]]
        assert refused_rule in rules
        credit = till.returns.quote(request(None, line(item.ean13, reason="CHANGED_MIND"), method="store_credit",
                                            **contact))
        assert credit["status"] == ("refused" if grade is Grade.C else "allowed")
    finally:
        till.close()
