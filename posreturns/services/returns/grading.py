"""Grading at the till: a unit the policy sends to second hand (disposition `RESALE`) is held like any
unit waiting for a manager, unless the cashier gave its grade with the return (`lines[i].grade`).
Then, once the return is committed, each unit of that line becomes a second-hand item at once (its
own SKU, in-store EAN-13 and price), so it never waits in the queue for a grade.

The grading is its own step after the return's commit: a problem there (the item's product missing
from the catalogue…) never undoes the return; the unit then stays in the queue for the manager, and
the answer says why."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from posreturns.domain.errors import UserFacingError
from posreturns.domain.held_units import unit_ids
from posreturns.domain.messages import translate
from posreturns.domain.quote import Quote
from posreturns.domain.resale import Grade
from posreturns.domain.returns import Disposition
from posreturns.domain.users import Principal
from posreturns.services.errors import BadInput
from posreturns.services.returns.request import ReturnRequest

Grader = Callable[[Principal, str, Grade], dict[str, Any]]  # (cashier, unit id, grade) -> the item


def check_grades(request: ReturnRequest, quote: Quote) -> None:
    """A grade only on a line the policy sends to second hand; raises `BadInput` before anything is written."""
    for index, (item, line) in enumerate(zip(request.lines, quote.lines, strict=True)):
        if item.grade is not None and line.disposition is not Disposition.RESALE:
            raise BadInput(translate("services.returns.grading", "Line {0}: only a unit the policy sends to second "
                                                                 "hand is graded at the till (this one is {1}); leave "
                                                                 "its grade out.")
                           .format(index + 1, line.disposition.value))


def grade_units(grader: Grader | None, actor: Principal, number: str, request: ReturnRequest,
                quote: Quote) -> dict[str, Any]:
    """The second-hand items made from the graded lines of a committed return, and what could not be."""
    graded = [(item.grade, units) for item, units in zip(
        request.lines, unit_ids(number, [line.qty for line in quote.lines]), strict=True) if item.grade is not None]
    if not graded:
        return {}
    if grader is None:
        return {"second_hand_problem": "Grading at the till is not available here; the units wait in the "
                                       "manager's queue."}
    items: list[dict[str, Any]] = []
    for grade, units in graded:
        for unit in units:
            try:
                items.append(grader(actor, unit, grade))
            except UserFacingError as error:
                return {"second_hand": items, "second_hand_problem": f"Unit {unit} was not graded: {error} It "
                                                                     "waits in the manager's queue."}
    return {"second_hand": items}
