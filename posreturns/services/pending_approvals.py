"""Returns waiting for a manager: when the policy wants a manager's approval and none is at hand,
the cashier parks the return (the request is kept as it will be completed, without any PIN) and
serves the next customer. A manager approves or refuses it with a reason from the workspace
(audited); the cashier resumes it from the home screen and completes it, approved by that manager,
or reads the refusal and drops it. The close of day counts the ones still open."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from posreturns.domain.messages import translate
from posreturns.domain.permissions import Permission
from posreturns.domain.users import Principal
from posreturns.services.access import AccessService
from posreturns.services.errors import BadInput, NotFound
from posreturns.services.ports import Clock
from posreturns.services.restock import clean_note
from posreturns.services.returns.ports import AuditEntry
from posreturns.services.returns.request import parse_request
from posreturns.services.returns.results import CompletedReturn
from posreturns.services.returns.service import ReturnService, TillIdentity

OPEN = ("waiting", "approved")  # the customer is still owed an answer or a refund
FOR_CASHIER = ("waiting", "approved", "refused")


@dataclass(frozen=True, slots=True)
class PendingApproval:
    id: str
    till_id: str
    cashier: str
    created_at: datetime
    request: dict[str, Any]
    why: str
    receipt: str | None
    status: str  # waiting | approved | refused | completed | dropped
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision_note: str | None = None
    return_number: str | None = None


class ApprovalStore(Protocol):
    def add(self, approval: PendingApproval, audit: AuditEntry) -> None: ...

    def get(self, approval_id: str) -> PendingApproval | None: ...

    def listed(self, statuses: tuple[str, ...], till_id: str | None = None) -> list[PendingApproval]: ...

    def change(self, approval_id: str, before: str, after: str, audit: AuditEntry, *, note: str | None = None,
               return_number: str | None = None) -> bool:
        """Move it from `before` to `after` (with the audit row, atomically); False when it was not `before`."""


class PendingApprovals:
    def __init__(self, store: ApprovalStore, returns: ReturnService, access: AccessService, clock: Clock,
                 identity: Callable[[], TillIdentity]) -> None:
        self.store, self.returns, self.access, self.clock, self.identity = store, returns, access, clock, identity

    def park(self, cashier: Principal, request: dict[str, Any], why: str) -> PendingApproval:
        """Keep the return `request` (JSON, as `returns.complete` takes it) until a manager decides."""
        self.access.require(cashier, Permission.COMPLETE_RETURN)
        data = {key: value for key, value in request.items() if key not in ("approval", "cashier")}
        parsed = parse_request(data)  # one sentence for a malformed request; nothing is kept
        if not parsed.idempotency_key:
            raise BadInput('The return to park has no "idempotency_key"; it could otherwise be completed twice.')
        why = clean_note(why, translate("services.notes", "why a manager must approve")) or "?"
        approval = PendingApproval(str(uuid.uuid4()), self.identity().till_id, cashier.user_id, self.clock.now(),
                                   data, why, parsed.receipt, "waiting")
        self.store.add(approval, AuditEntry("approval.requested", cashier.user_id, approval.id,
                                            {"receipt": parsed.receipt, "why": approval.why}, approval.created_at))
        return approval

    def waiting(self) -> list[PendingApproval]:
        """What managers must decide, oldest first."""
        return self.store.listed(("waiting",))

    def for_till(self) -> list[PendingApproval]:
        """This till's parked returns a cashier can resume (approved), wait for, or drop (refused)."""
        return self.store.listed(FOR_CASHIER, self.identity().till_id)

    def decide(self, manager: Principal, approval_id: str, approve: bool, note: str = "") -> PendingApproval:
        self.access.require(manager, Permission.APPROVE_RETURN, subject=approval_id)
        note = clean_note(note, translate("services.notes", "the reason for refusing"), required=not approve)
        after = "approved" if approve else "refused"
        entry = AuditEntry(f"approval.{after}", manager.user_id, approval_id,
                           {"note": note or None, "vouched_by": manager.vouched_by}, self.clock.now())
        if not self.store.change(approval_id, "waiting", after, entry, note=note or None):
            raise NotFound(translate("services.pending_approvals", "That return is no longer waiting for a "
                                                                   "manager (decided or dropped already)."))
        return self._get(approval_id)

    def resume(self, cashier: Principal, approval_id: str) -> CompletedReturn:
        """Complete an approved return exactly as it was approved (its idempotency key makes a retry safe)."""
        self.access.require(cashier, Permission.COMPLETE_RETURN)
        found = self._get(approval_id)
        if found.status == "waiting":
            raise BadInput(translate("services.pending_approvals", "No manager has decided on this return yet; "
                                                                   "serve the next customer and come back to it."))
        if found.status == "refused":
            raise BadInput(translate("services.pending_approvals", "{0} refused this return: {1}. Tell the "
                                                                   "customer and drop it.")
                           .format(found.decided_by, found.decision_note))
        if found.status != "approved" or found.decided_by is None:
            raise NotFound(translate("services.pending_approvals", "This return is no longer waiting to be "
                                                                   "completed."))
        done = self.returns.complete(parse_request(found.request), cashier, approved_by=found.decided_by)
        self.store.change(approval_id, "approved", "completed",
                          AuditEntry("approval.completed", cashier.user_id, approval_id,
                                     {"return_number": done.return_number}, self.clock.now()),
                          return_number=done.return_number)
        return done

    def drop(self, cashier: Principal, approval_id: str) -> None:
        """The cashier gives the answer to the customer: a refused return leaves the list, and so does
        one the customer gave up on (waiting, or approved but no longer possible: its lines were
        returned elsewhere meanwhile)."""
        self.access.require(cashier, Permission.COMPLETE_RETURN)
        found = self._get(approval_id)
        entry = AuditEntry("approval.dropped", cashier.user_id, approval_id, {"was": found.status}, self.clock.now())
        if found.status not in FOR_CASHIER or not self.store.change(approval_id, found.status, "dropped", entry):
            raise BadInput(translate("services.pending_approvals", "This return was completed or dropped "
                                                                   "already; nothing was changed."))

    def _get(self, approval_id: str) -> PendingApproval:
        found = self.store.get(approval_id)
        if found is None:
            raise NotFound(translate("services.pending_approvals", "No parked return {0} on this till.")
                           .format(approval_id))
        return found
