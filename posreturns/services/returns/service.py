"""Use cases `quote`, `complete` and `show` of a return, on typed requests and answers (the JSON of
the command line and host integrations is translated at the edge, in `return_json`).

`quote` reads only. `complete` checks the idempotency key first (the same key gives the first
answer again), verifies a manager approval when the policy asks for one, refuses what the policy
refuses, and hands the quote to the `ReturnRecorder`, which writes everything in one transaction.
When another till changed the sale in between, or the customer's recent returns or the till's
offline refunds the policy counted, the recorder says so and the return is quoted again from what
is now stored: the second of two tills returning the last unit is told it is gone, and the second
of two returns of a serial returner made at once asks for the manager the first one did not need.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from posreturns.domain.allocation import may_pay_cash_at_till
from posreturns.domain.context import PolicyContext
from posreturns.domain.decision import DecisionStatus
from posreturns.domain.drawer import DrawerCash
from posreturns.domain.messages import translate
from posreturns.domain.money import Money
from posreturns.domain.permissions import Permission
from posreturns.domain.policy.model import Policy
from posreturns.domain.quote import Quote, quote_return
from posreturns.domain.returns import RefundMethod
from posreturns.domain.users import Principal
from posreturns.domain.vouchers import new_voucher_code
from posreturns.services.access import AccessService
from posreturns.services.errors import ApprovalRequired, BadInput, LedgerChanged, NotFound, ReturnRefused
from posreturns.services.policies import PolicyService
from posreturns.services.ports import Clock
from posreturns.services.promises import PromiseService
from posreturns.services.returns.delivery import delivery_record
from posreturns.services.returns.grading import Grader, check_grades, grade_units
from posreturns.services.returns.ports import (
    ActivitySnapshot,
    Completion,
    ReturnQueries,
    ReturnRecorder,
    replay,
)
from posreturns.services.returns.request import ReturnRequest, check_request
from posreturns.services.returns.resolver import Resolved, ReturnResolver
from posreturns.services.returns.results import CompletedReturn, QuotedReturn, quoted_json

MAX_ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class TillIdentity:
    store_id: str
    till_id: str
    timezone: str = "Europe/Paris"
    training: bool = False  # a till set up for training: its returns are marked and never reported


class ReturnService:
    def __init__(
        self,
        resolver: ReturnResolver,
        queries: ReturnQueries,
        recorder: ReturnRecorder,
        access: AccessService,
        policies: PolicyService,
        clock: Clock,
        identity: Callable[[], TillIdentity],
        voucher_codes: Callable[[], str] | None = None,
        guard: Callable[[], None] = lambda: None,
    ) -> None:
        self.resolver, self.queries, self.recorder = resolver, queries, recorder
        self.guard = guard  # raises when the database cannot be trusted with a new return
        self.grader: Grader | None = None  # grades second-hand units given a grade at the till (grading.py)
        self.access, self.policies, self.clock, self.identity = access, policies, clock, identity
        self.till = identity()  # read again at each use case: the store may be configured after start-up
        self.zone = ZoneInfo(self.till.timezone)
        self.voucher_codes = voucher_codes or (lambda: new_voucher_code(secrets.token_bytes))
        # whether the till is offline right now (the OMS unreachable), set by the composition root;
        # a request's own `offline` flag can only make the rules stricter
        self.offline_now: Callable[[], bool] = lambda: False
        # a till's drawer (its float and the cash it paid out since), None when unknown (set by the
        # composition root): the policy's cash rule gives the cash part as store credit beyond its cash
        self.drawer_cash: Callable[[str], DrawerCash | None] = lambda till_id: None
        # the delivery promises of exchanges delivered from the network (set by the composition root)
        self.promises: PromiseService | None = None

    def quote(self, request: ReturnRequest) -> QuotedReturn:
        """What the return would be; writes nothing. A PIN in the request is not checked here."""
        check_request(request)
        request = self._connectivity(request)
        self._refresh()
        delivery = self._delivery(request)
        resolved, quote, _ = self._quote(request, self.policies.active(), approved=False)
        return self._quoted(request, resolved, quote, None, delivery)

    def complete(self, request: ReturnRequest, actor: Principal, approved_by: str | None = None) -> CompletedReturn:
        """Complete the return for `actor`, the cashier who signed in (or whom the host vouches for).
        `approved_by`: the manager who approved this very request while it waited (pending_approvals),
        in place of a PIN in the request.

        A request carrying the caller's `order` is quoted on it first; when the sale changed since
        (another till returned from it), it is read again from the store."""
        self.access.require(actor, Permission.COMPLETE_RETURN)
        check_request(request)
        request = self._connectivity(request)
        key = request.idempotency_key
        if not key:
            raise BadInput(
                'The request has no "idempotency_key"; give each return a unique key (a UUID) so that '
                "a retry never completes it twice."
            )
        if request.cashier and request.cashier != actor.user_id:
            raise BadInput(f'The request\'s "cashier" is "{request.cashier}" but "{actor.user_id}" signed in; '
                           "leave it out or sign in as that cashier.")
        request = replace(request, cashier=actor.user_id)
        self.guard()
        self._refresh()
        stored = self.queries.by_idempotency_key(key)
        if stored is not None:
            return CompletedReturn.from_document(replay(stored, request.fingerprint, key))
        granted, approved_by = approved_by, None
        delivery = self._delivery(request)
        for _ in range(MAX_ATTEMPTS):
            policy = self.policies.active()
            resolved, quote, activity = self._quote(request, policy, approved=approved_by is not None)
            if quote.status is DecisionStatus.NEEDS_APPROVAL:
                approved_by = granted or self._approve(request, quote)
                resolved, quote, activity = self._quote(request, policy, approved=True)
            if quote.status is DecisionStatus.REFUSED:
                raise ReturnRefused(translate("services.returns.service", "The policy refuses this return ({0}); "
                                              "nothing was recorded.").format(_Deciding(quote, DecisionStatus.REFUSED)))
            check_grades(request, quote)
            try:
                recorded = self.recorder.record(self._completion(request, resolved, quote, approved_by, activity,
                                                                 delivery))
                recorded.update(grade_units(self.grader, actor, recorded["return_number"], request, quote))
                return CompletedReturn.from_document(recorded)
            except LedgerChanged:
                request = replace(request, order=None)  # the caller's copy of the sale is behind: read it again
                continue
        raise BadInput(
            "This sale kept changing on another till while the return was being completed; "
            "quote the return again."
        )

    def show(self, number: str) -> dict[str, Any]:
        found = self.queries.show(number.strip())
        if found is None:
            raise NotFound(f'No return "{number}" is on this till; check the number on the return receipt.')
        return found

    def _connectivity(self, request: ReturnRequest) -> ReturnRequest:
        return request if request.offline or not self.offline_now() else replace(request, offline=True)

    def _delivery(self, request: ReturnRequest) -> dict[str, Any] | None:
        """The promise of a replacement delivered from the network, made now from the cached stock."""
        if request.delivery is None:
            return None
        if request.refund_method is not RefundMethod.EXCHANGE:
            raise BadInput('"delivery" is for an exchange; choose the refund method "exchange" or leave it out.')
        if self.promises is None:
            raise BadInput("This till cannot promise deliveries; hand over a replacement from the shelf.")
        return delivery_record(request.delivery, [x.code for x in request.exchange_lines], self.promises,
                               self.till.store_id, request.offline)

    def _refresh(self) -> None:
        self.till = self.identity()
        self.zone = ZoneInfo(self.till.timezone)

    def _quote(
        self, request: ReturnRequest, policy: Policy, approved: bool
    ) -> tuple[Resolved, Quote, ActivitySnapshot]:
        resolved = self.resolver.resolve(request, self.till.store_id, policy.currency,
                                         self.clock.now().astimezone(self.zone), policy.receiptless.lowest_price_days)
        context, activity = self._context(request, resolved, policy, approved)
        return resolved, quote_return(resolved.draft, policy, context, voucher_codes=self.voucher_codes), activity

    def _context(
        self, request: ReturnRequest, resolved: Resolved, policy: Policy, approved: bool
    ) -> tuple[PolicyContext, ActivitySnapshot]:
        now = self.clock.now().astimezone(self.zone)
        currency, rules = policy.currency, policy.serial_returners
        activity = ActivitySnapshot()
        if resolved.customer_id and rules.enabled:
            since = now - timedelta(days=rules.days)
            count, refunded = self.queries.customer_activity(resolved.customer_id, since)
            activity = replace(activity, customer_id=resolved.customer_id, customer_since=since,
                               customer_returns=count, customer_refunded_minor=refunded)
        today, as_of = None, None
        if request.offline:
            start = datetime.combine(now.date(), time.min, self.zone)
            refunded_today = self.queries.offline_refunded(self._till_id(request), start)
            activity = replace(activity, offline_till_id=self._till_id(request), offline_since=start,
                               offline_refunded_minor=refunded_today)
            today = Money.from_minor(refunded_today, currency)
            as_of = self.queries.cache_as_of()
        # read only when the refund could pay cash from the drawer (a query saved on most returns)
        drawer = self.drawer_cash(self._till_id(request)) if may_pay_cash_at_till(resolved.draft) else None
        activity = replace(activity, drawer=drawer)
        context = PolicyContext(
            now=now,
            store_id=self.till.store_id,
            offline=request.offline,
            customer_recent_returns=activity.customer_returns,
            customer_recent_refunded=Money.from_minor(activity.customer_refunded_minor, currency),
            offline_refunded_today=today,
            prices=resolved.prices,
            manager_approval=approved,
            cache_as_of=as_of,
            refusal_path=request.override.path if request.override else None,
            drawer_cash=None if drawer is None else drawer.in_drawer,
        )
        return context, activity

    def _approve(self, request: ReturnRequest, quote: Quote) -> str:
        if request.approval is None:
            raise ApprovalRequired(translate("services.returns.service", "This return needs a manager's approval "
                                             '({0}); add "approval": {{"manager": ID, "pin": PIN}} to the request.')
                                   .format(_Deciding(quote, DecisionStatus.NEEDS_APPROVAL)))
        return self.access.sign_in(request.approval.manager, request.approval.pin, Permission.APPROVE_RETURN).user_id

    def _completion(
        self, request: ReturnRequest, resolved: Resolved, quote: Quote, approved_by: str | None,
        activity: ActivitySnapshot, delivery: dict[str, Any] | None,
    ) -> Completion:
        assert request.idempotency_key is not None  # checked by complete()
        return Completion(
            return_id=str(uuid.uuid4()),
            idempotency_key=request.idempotency_key,
            request_sha256=request.fingerprint,
            created_at=self.clock.now(),
            store_id=self.till.store_id,
            till_id=self._till_id(request),
            cashier=request.cashier,
            approved_by=approved_by,
            clock_overridden=bool(getattr(self.clock, "overridden", False)),
            training=self.till.training,
            order=resolved.draft.order,
            customer_id=resolved.customer_id,
            quote=quote,
            notes=resolved.notes,
            response=quoted_json(self._quoted(request, resolved, quote, approved_by, delivery)),
            cache_as_of=self.queries.cache_as_of(),
            contact=request.contact,
            activity=activity,
            delivery=delivery,
            # recorded only when it lifted a refusal (an override asked of a return that needed none is moot)
            override=request.override if any(e.rule == "refusal_override" for e in quote.trace) else None,
        )

    def _till_id(self, request: ReturnRequest) -> str:
        return request.till_id or self.till.till_id

    def _quoted(
        self, request: ReturnRequest, resolved: Resolved, quote: Quote, approved_by: str | None,
        delivery: dict[str, Any] | None = None,
    ) -> QuotedReturn:
        return QuotedReturn(quote, resolved.draft.order, resolved.customer_id, self.till.store_id,
                            self._till_id(request), request.cashier, approved_by, request.contact, self.till.training,
                            delivery)


@dataclass(frozen=True)
class _Deciding:
    """The rule that gave the quote its status, in the reader's language, to put in a sentence."""

    quote: Quote
    status: DecisionStatus

    def in_language(self, language: str) -> str:
        chosen = self.quote.reason_for(self.status)
        return self.status.value if chosen is None else chosen.text(language).rstrip(".")
