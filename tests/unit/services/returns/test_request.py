"""The return request's text checks: card numbers refused where people write, not in machine-made ids."""

from __future__ import annotations

import pytest

from posreturns.services.errors import BadInput
from posreturns.services.returns.request import parse_request

LUHN_VALID_UUID = "b0dcd503-ca7a-4506-8206-55480afae157"  # one idempotency key in ~1,400 looks like this
IMEI = "356938035643809"  # a phone's serial carries a Luhn check digit by design


def _request(**line: str) -> dict[str, object]:
    return {"receipt": "PA01-000101", "idempotency_key": LUHN_VALID_UUID,
            "lines": [{"code": "ROBE-LIN-38", "qty": 1, "reason": "WRONG_SIZE", "condition": "NEW_WITH_TAGS", **line}]}


def test_an_idempotency_key_and_a_serial_whose_digits_pass_the_luhn_check_are_accepted() -> None:
    request = parse_request(_request(serial=IMEI))
    assert request.idempotency_key == LUHN_VALID_UUID and request.lines[0].serial == IMEI


def test_a_card_number_in_a_note_is_refused_without_being_repeated() -> None:
    with pytest.raises(BadInput) as raised:
        parse_request(_request(note="refund to 4111 1111 1111 1111 please"))
    assert "card number" in str(raised.value) and "4111" not in str(raised.value)
