"""The typed returns service, as the window uses it: quoted on the sale the window holds, without
looking the receipt up or matching the item again; and never refunding twice when that copy of the
sale is behind."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest

from posreturns.app import Till
from posreturns.domain.decision import DecisionStatus
from posreturns.domain.returns import Condition, Reason, RefundMethod
from posreturns.domain.users import Principal
from posreturns.services.errors import BadInput, UserFacingError
from posreturns.services.returns.request import LineInput, ReturnRequest, fingerprint_of
from posreturns.services.returns.results import quoted_json

CASHIER = Principal.vouched("marie", by="tests")


def held_request(till: Till, receipt: str, line_id: str, code: str, key: str | None = None,
                 note: str = "") -> ReturnRequest:
    order = till.lookup.find_receipt(receipt)
    assert order is not None
    return ReturnRequest(receipt=receipt, lines=(LineInput(code, 1, Reason.WRONG_SIZE, Condition.NEW_WITH_TAGS,
                                                           note=note, order_line_id=line_id),),
                         refund_method=RefundMethod.ORIGINAL, fingerprint=fingerprint_of({"key": key}),
                         cashier="marie", idempotency_key=key, order=order)


def test_the_held_sale_and_line_are_used_as_they_are(demo_till: Till) -> None:
    # a code no lookup would match, on a receipt number the store does not know: only the held sale can answer
    request = replace(held_request(demo_till, "PA01-000102", "ORD-1002-L1", "no-such-code"), receipt="PA01-999999")
    quoted = demo_till.return_service.quote(request)
    assert quoted.quote.status is DecisionStatus.ALLOWED and str(quoted.quote.refund_total.amount) == "100.20"
    assert quoted.order is not None and quoted.order.id == "ORD-1002"
    assert quoted_json(quoted)["lines"][0]["order_line_id"] == "ORD-1002-L1"


def test_a_line_not_on_the_held_sale_is_one_sentence(demo_till: Till) -> None:
    request = held_request(demo_till, "PA01-000102", "ORD-1003-L1", "ORD-1003-L1")
    with pytest.raises(BadInput, match="not on receipt PA01-000102"):
        demo_till.return_service.quote(request)


def test_typed_requests_get_the_checks_of_json_ones(demo_till: Till) -> None:
    request = held_request(demo_till, "PA01-000102", "ORD-1002-L1", "ORD-1002-L1", note="card 4111 1111 1111 1111")
    with pytest.raises(BadInput, match="card number"):
        demo_till.return_service.quote(request)


def test_a_held_sale_that_is_behind_never_refunds_the_same_item_twice(demo_till: Till) -> None:
    stale = held_request(demo_till, "PA01-000102", "ORD-1002-L1", "ORD-1002-L1", key=str(uuid.uuid4()))
    first = demo_till.return_service.complete(held_request(demo_till, "PA01-000102", "ORD-1002-L1", "ORD-1002-L1",
                                                           key=str(uuid.uuid4())), CASHIER)
    assert first.return_number and str(first.refund_total) == first.document["refund_total"] == "100.20"
    with pytest.raises(UserFacingError) as refused:  # quoted on the stale copy, then read again: nothing is left
        demo_till.return_service.complete(stale, CASHIER)
    assert "already returned" in str(refused.value)  # not "kept changing": the sale was read again at once
    assert demo_till.lookup.find_receipt("PA01-000102").line("ORD-1002-L1").returned_qty == 1  # type: ignore[union-attr]
