"""Grading at the till, in the window: a line the policy sends to second hand offers its grade on its
card (A, B, C or later); the grade goes with the return, which makes the second-hand item at once; a
grade on a line the policy no longer sends to second hand (its condition changed) is dropped."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from posreturns.app import Till, open_restock
from posreturns.domain.users import Principal
from posreturns.persistence.catalog import SqlCatalog
from posreturns.persistence.drafts import SqlDrafts
from posreturns.ui.presenters.basket import BasketLine
from posreturns.ui.presenters.return_flow import ReturnFlowPresenter, Session
from posreturns.ui.tasks import InlineTaskRunner
from posreturns.ui.views.basket_line import BasketLineCard

SECOND_HAND_POLICY = '''version = "2026-11-resale"
[[dispositions]]
name = "used-goes-second-hand"
conditions = ["USED"]
disposition = "RESALE"
'''


def _flow(till: Till) -> tuple[ReturnFlowPresenter, list[dict[str, Any]]]:
    session = Session(principal=Principal.vouched("marie", by="tests"), till_id=lambda: "T1", offline=lambda: False,
                      store_id=lambda: "PARIS-01")
    flow = ReturnFlowPresenter(till.return_service, till.lookup, SqlCatalog(till.engine), SqlDrafts(till.settings),
                               None, session, InlineTaskRunner())
    completed: list[dict[str, Any]] = []
    flow.completed.connect(lambda done: completed.append(done.document))
    return flow, completed


def test_a_unit_sent_to_second_hand_is_graded_with_its_return(demo_till: Till) -> None:
    demo_till.policies.install(SECOND_HAND_POLICY, "resale.toml")
    flow, completed = _flow(demo_till)
    order = demo_till.lookup.find_receipt("PA01-000101")
    flow.start(order)
    flow.add_order_line(next(line.id for line in order.lines if line.sku == "TSH-NVY-M"))
    flow.update_line(0, reason="CHANGED_MIND", condition="USED")
    assert flow.basket.lines[0].second_hand
    flow.update_line(0, grade="B")
    flow.update_line(0, condition="NEW_WITH_TAGS")             # back on sale now: no grade to give
    assert (flow.basket.lines[0].second_hand, flow.basket.lines[0].grade) == (False, None)
    flow.update_line(0, condition="USED")
    flow.update_line(0, grade="C")
    flow.complete()
    (item,) = completed[0]["second_hand"]
    assert item["grade"] == "C" and item["sku"].startswith("SH-")
    assert not open_restock(demo_till).queue()                 # it never waited for a manager


def test_the_card_offers_the_grade_only_for_second_hand(qtbot: Any) -> None:
    changes: list[dict[str, Any]] = []
    line = BasketLine("TSH-NVY-M", "Tee navy M", 1, reason="CHANGED_MIND", condition="USED")
    card = BasketLineCard(line, lambda **change: changes.append(change), lambda: None)
    qtbot.addWidget(card)
    card.show()
    assert not card.grade_box.isVisible()
    line.second_hand = True
    card.show_line(line)
    assert card.grade_box.isVisible() and card.grades.buttons[""].isChecked()  # "Later" until picked
    qtbot.mouseClick(card.grades.buttons["B"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(card.grades.buttons[""], Qt.MouseButton.LeftButton)
    assert changes == [{"grade": "B"}, {"grade": None}]
    line.grade = "B"
    card.show_line(line)
    assert "Second hand B" in card.summary.text()
