"""The host POS's answer to a refund instruction (paid out on its terminal, or failed), audited.

Used by the embedded widget (posreturns.plugin) and by `posreturns return confirm` for hosts that
drive posreturns from the command line.
"""

from __future__ import annotations

from collections.abc import Callable

from posreturns.domain.permissions import Permission
from posreturns.domain.users import Principal
from posreturns.services.access import AccessService
from posreturns.services.errors import BadInput
from posreturns.services.input_checks import has_card_number, storable
from posreturns.services.ports import Clock
from posreturns.services.returns.ports import AuditEntry
from posreturns.services.returns.service import ReturnService

CONFIRMED, FAILED = "host.refund_confirmed", "host.refund_failed"


class HostAnswers:
    """`audited(action, subject)`: whether the audit log already holds that action for that return."""

    def __init__(self, access: AccessService, returns: ReturnService, audited: Callable[[str, str], bool],
                 audit: Callable[[AuditEntry], None], clock: Clock) -> None:
        self.access, self.returns, self.audited, self.audit, self.clock = access, returns, audited, audit, clock

    def record(self, return_number: str, paid: bool, detail: str, actor: Principal) -> None:
        """Audit the host's answer for a return of this till (the first confirmation counts; repeats are ignored)."""
        self.access.require(actor, Permission.CONFIRM_HOST_PAYMENT, return_number)
        if len(detail) > 500 or not storable(detail) or has_card_number(detail):
            raise BadInput("The host's reference or reason must be plain text of at most 500 characters, never a full "
                           "card number; send the terminal's transaction reference or the card's last four digits.")
        found = self.returns.show(return_number)  # NotFound, one sentence, when the number is not on this till
        if self.audited(CONFIRMED, return_number):
            return
        host = [{"method": t["method"], "amount": t["amount"]} for t in found.get("tenders", [])
                if t.get("executed_by") == "host"]
        self.audit(AuditEntry(CONFIRMED if paid else FAILED, actor.user_id, return_number,
                              {"reference" if paid else "reason": detail, "host_tenders": host,
                               "vouched_by": actor.vouched_by}, self.clock.now()))
