"""What `posreturns serve` answers: the command line's lookups and return commands as JSON calls, on
the same use cases and JSON adapters (`Till.lookup`, `Till.returns`, `Till.host_answers`, the
printing), with the same answers and the same one-sentence errors (docs/host-integration.md).

Reading needs no till user, as on the command line; completing, confirming and reprinting need one:
their ID and PIN with the call (`X-Posreturns-User`, `X-Posreturns-Pin`) or a session opened with
`POST /v1/session`, which ends after `SESSION_IDLE_SECONDS` without a call. No HTTP here
(host_server.py carries the calls).
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from posreturns import __version__
from posreturns.app import Till, open_printing
from posreturns.cli.device_commands import outcome_json
from posreturns.cli.main import error_code
from posreturns.cli.order_commands import NO_SALE_MATCHES
from posreturns.cli.return_commands import drawer_and_receipt
from posreturns.cli.sync_commands import sync_status
from posreturns.domain.errors import UserFacingError
from posreturns.domain.permissions import Permission
from posreturns.domain.users import Principal
from posreturns.services.errors import BadInput, NotFound
from posreturns.services.presenting import line_json, order_json, summary_json

SESSION_IDLE_SECONDS = 15 * 60
SESSION_MAX_SECONDS = 12 * 3600
# HTTP status of each error code; the command line's exit code stays in the answer
STATUS = {"bad_input": 400, "unauthorized": 401, "sign_in_required": 401, "signed_out": 401, "pin_refused": 401,
          "permission_denied": 403, "not_found": 404, "unknown_product": 404, "not_on_receipt": 404,
          "already_returned": 404, "idempotency_conflict": 409, "refused": 422, "approval_required": 422,
          "printer": 502, "storage": 503}
EXIT_CODES = {"not_found": 3, "unknown_product": 3, "not_on_receipt": 3, "already_returned": 3, "printer": 1}


class CallFailed(Exception):
    """An error answer that is not a use case's own (sign-in, a printer that did not print)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Call:
    path: Mapping[str, str]           # the route's parts, e.g. the order number
    query: Mapping[str, str]
    body: Any                         # the JSON request, None for a GET
    headers: Mapping[str, str]        # lower-case names


@dataclass
class _Session:
    principal: Principal
    opened: float
    used: float


Answer = tuple[int, Any]


def error_answer(code: str, message: str) -> Answer:
    return STATUS.get(code, 400), {"error": {"code": code, "message": message, "exit_code": EXIT_CODES.get(code, 2)}}


class HostApi:
    """The routes, given a till whose use cases are built (`Till.build_use_cases`); `printer_url`
    over the `printer.url` setting (`--printer`)."""

    def __init__(self, till: Till, printer_url: str | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.till, self.printer_url, self.clock = till, printer_url, clock
        self.sessions: dict[str, _Session] = {}
        self.lock = threading.Lock()
        self.printing_lock = threading.Lock()  # one receipt at a time on the till's printer
        self.routes: list[tuple[str, re.Pattern[str], Callable[[Call], Any]]] = [
            (method, re.compile(f"^{pattern}$"), handler) for method, pattern, handler in (
                ("GET", "/v1/health", self.health),
                ("POST", "/v1/session", self.open_session), ("DELETE", "/v1/session", self.close_session),
                ("GET", "/v1/orders", self.search), ("GET", "/v1/orders/(?P<number>[^/]+)", self.show_order),
                ("GET", "/v1/orders/(?P<number>[^/]+)/match", self.match),
                ("POST", "/v1/returns/quote", self.quote), ("POST", "/v1/returns/complete", self.complete),
                ("GET", "/v1/returns/(?P<number>[^/]+)", self.show_return),
                ("POST", "/v1/returns/(?P<number>[^/]+)/confirm", self.confirm),
                ("POST", "/v1/returns/(?P<number>[^/]+)/reprint", self.reprint),
                ("GET", "/v1/sync/status", self.sync_status))]

    def route(self, method: str, path: str) -> tuple[Callable[[Call], Any], dict[str, str]] | None:
        """The handler of `path` (already percent-decoded part by part by the server) and its parts."""
        for wanted, pattern, handler in self.routes:
            found = pattern.match(path)
            if found and wanted == method:
                return handler, found.groupdict()
        return None

    def answer(self, handler: Callable[[Call], Any], call: Call) -> Answer:
        """Status and JSON body: the use case's answer, or its error as the command line words it."""
        try:
            return 200, handler(call)
        except NotFound as error:
            return error_answer("not_found", str(error))
        except CallFailed as error:
            return error_answer(error.code, str(error))
        except UserFacingError as error:
            return error_answer(error_code(error), str(error))

    # -- who is calling

    def who(self, call: Call, permission: Permission) -> Principal:
        session_id = call.headers.get("x-posreturns-session")
        if session_id:
            principal = self._session(session_id)
            self.till.access.require(principal, permission)
            return principal
        user, pin = call.headers.get("x-posreturns-user", "").strip(), call.headers.get("x-posreturns-pin", "")
        if not user or not pin:
            raise CallFailed("sign_in_required", "This call needs a till user: open a session with POST /v1/session, "
                                                 "or send X-Posreturns-User and X-Posreturns-Pin with it.")
        return self.till.access.sign_in(user, pin, permission)

    def _session(self, session_id: str) -> Principal:
        now = self.clock()
        with self.lock:
            for stale in [key for key, s in self.sessions.items() if _expired(s, now)]:
                del self.sessions[stale]
            session = next((s for key, s in self.sessions.items() if secrets.compare_digest(key, session_id)), None)
            if session is None:
                raise CallFailed("signed_out", "This session has ended (signed out, or unused for too long); "
                                               "sign in again with POST /v1/session.")
            session.used = now
            return session.principal

    def open_session(self, call: Call) -> dict[str, Any]:
        body = _object(call.body)
        user, pin = body.get("user"), body.get("pin")
        if not isinstance(user, str) or not isinstance(pin, str) or not user.strip():
            raise BadInput('Send {"user": "ID", "pin": "PIN"} to sign in; both are text.')
        principal = self.till.access.sign_in(user, pin, Permission.FIND_SALES)  # each call then checks its own
        session_id, now = secrets.token_urlsafe(32), self.clock()
        with self.lock:
            self.sessions[session_id] = _Session(principal, now, now)
        return {"session": session_id, "user": principal.user_id, "name": principal.name,
                "role": principal.role.value, "idle_seconds": SESSION_IDLE_SECONDS}

    def close_session(self, call: Call) -> dict[str, Any]:
        with self.lock:
            ended = self.sessions.pop(call.headers.get("x-posreturns-session", ""), None)
        return {"signed_out": ended is not None}

    # -- the command line's commands

    def health(self, call: Call) -> dict[str, Any]:
        identity = self.till.identity()
        return {"version": __version__, "store_id": identity.store_id, "till_id": identity.till_id,
                "training": identity.training}

    def show_order(self, call: Call) -> dict[str, Any]:
        return order_json(self.till.lookup.find_receipt(call.path["number"]))

    def search(self, call: Call) -> dict[str, Any]:
        found = self.till.lookup.search(_required(call.query, "q", "the search (?q=…)"))
        if not found:
            raise NotFound(NO_SALE_MATCHES)
        return {"orders": [summary_json(s) for s in found]}

    def match(self, call: Call) -> dict[str, Any]:
        lookup = self.till.lookup
        match = lookup.match_item(lookup.find_receipt(call.path["number"]),
                                  _required(call.query, "code", "the scanned code (?code=…)"))
        if match.problem:
            raise CallFailed(match.problem, str(match.message or ""))  # `order match`'s codes, exit code 3
        return {"sku": match.sku, "lines": [line_json(line) for line in match.lines]}

    def quote(self, call: Call) -> dict[str, Any]:
        return self.till.returns.quote(call.body)

    def complete(self, call: Call) -> dict[str, Any]:
        from posreturns.services.returns.request import parse_request

        parse_request(call.body)  # a malformed request is refused before anyone signs in, as on the command line
        answer = self.till.returns.complete(call.body, self.who(call, Permission.COMPLETE_RETURN))
        printer = self.printer_url or self.till.settings.get("printer.url")
        if printer:
            with self.printing_lock:
                answer = {**answer, **drawer_and_receipt(self.till, printer, answer)}
        return answer

    def show_return(self, call: Call) -> dict[str, Any]:
        return self.till.returns.show(call.path["number"])

    def confirm(self, call: Call) -> dict[str, Any]:
        body, number = _object(call.body), call.path["number"]
        reference, failed = body.get("reference"), body.get("failed")
        if (reference is None) == (failed is None) or not isinstance(reference or failed, str):
            raise BadInput('Send either {"reference": "…"} (the terminal refunded) or {"failed": "reason"}.')
        actor = self.who(call, Permission.CONFIRM_HOST_PAYMENT)
        self.till.host_answers.record(number, failed is None, str(reference if failed is None else failed), actor)
        return {"return_number": number, "host_paid": failed is None}

    def reprint(self, call: Call) -> dict[str, Any]:
        self.who(call, Permission.REPRINT_RECEIPT)
        with self.printing_lock:
            outcome = open_printing(self.till, self.printer_url).print_return(call.path["number"])
        if not outcome.printed:
            raise CallFailed("printer", str(outcome.said))
        return outcome_json(outcome)

    def sync_status(self, call: Call) -> dict[str, Any]:
        return sync_status(self.till, check=call.query.get("check") == "1")


def _expired(session: _Session, now: float) -> bool:
    return now - session.used > SESSION_IDLE_SECONDS or now - session.opened > SESSION_MAX_SECONDS


def _object(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise BadInput("This call takes a JSON object; see docs/host-integration.md.")
    return body


def _required(query: Mapping[str, str], name: str, what: str) -> str:
    value = query.get(name, "").strip()
    if not value:
        raise BadInput(f"This call needs {what}.")
    return value
