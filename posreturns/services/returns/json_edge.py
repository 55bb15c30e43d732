"""The JSON edge of the returns use cases: the command line (`posreturns return quote|complete|show`)
and host integrations send a decoded JSON request and get the JSON answer of docs/cli.md. Everything
behind it is typed (`ReturnService`)."""

from __future__ import annotations

from typing import Any

from posreturns.domain.users import Principal
from posreturns.services.returns.request import parse_request
from posreturns.services.returns.results import quoted_json
from posreturns.services.returns.service import ReturnService


class ReturnJsonApi:
    def __init__(self, service: ReturnService) -> None:
        self.service = service

    def quote(self, data: Any) -> dict[str, Any]:
        """`BadInput` naming the field for a malformed request; writes nothing."""
        return quoted_json(self.service.quote(parse_request(data)))

    def complete(self, data: Any, actor: Principal) -> dict[str, Any]:
        return self.service.complete(parse_request(data), actor).document

    def show(self, number: str) -> dict[str, Any]:
        return self.service.show(number)
