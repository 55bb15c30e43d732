"""Ports of the e-receipt queue: e-mails written with their return, sent later through the store's
SMTP relay by `posreturns.sync.mail_sender`.

A message is `pending` until the relay accepts it (`sent`). `sending` is written, and committed,
just before the end of the message's data goes to the relay: if the answer is never read (the
connection drops, the till crashes), nobody can know whether the relay took it, and the message is
`in_doubt`. What happens to it then is the store's choice (`mail.in_doubt`): hold it for a manager
(at most once) or send it again with the same Message-ID (at least once). `failed` is a refusal
that retrying cannot fix (the relay says the address does not exist).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class MailStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    IN_DOUBT = "in_doubt"


class InDoubtRule(StrEnum):
    HOLD = "hold"  # at most once: a manager looks and resends by hand
    RESEND = "resend"  # at least once: the same message again, same Message-ID


@dataclass(frozen=True, slots=True)
class QueuedMail:
    id: int
    return_id: str
    return_number: str
    kind: str  # "return_receipt"
    recipient: str
    language: str
    message_id: str
    status: MailStatus
    attempts: int
    created_at: datetime
    next_attempt_at: datetime | None
    last_error: str | None
    sent_at: datetime | None


class LostClaim(Exception):
    """A sender's reservation of a message ran out and another sender took it: stop, send nothing."""


def e_receipt_message_id(return_id: str) -> str:
    """The one Message-ID of a return's e-receipt, whatever attempt sends it."""
    return f"<{return_id}.e-receipt@posreturns.till>"


def sms_message_id(return_id: str) -> str:
    """The one id of a return's SMS receipt, sent with every attempt so the gateway can tell a repeat."""
    return f"{return_id}.sms"


class MailQueue(Protocol):
    def recover(self, now: datetime, rule: InDoubtRule) -> int:
        """`sending` messages whose sender is gone (claim expired) become in doubt, or pending
        again under the resend rule; returns how many."""
        ...

    def claim(self, now: datetime, owner: str, until: datetime, limit: int, due_only: bool) -> list[QueuedMail]:
        """Pending messages (due ones only, or all), reserved for `owner` until `until`; each claim
        counts one attempt."""
        ...

    def mark_sending(self, mail_id: int, owner: str) -> None:
        """Raises `LostClaim` when the message is no longer reserved for `owner`."""
        ...

    def mark_sent(self, mail_id: int, at: datetime, reply: str) -> None: ...
    def retry_later(self, mail_id: int, at: datetime, error: str) -> None: ...
    def mark_failed(self, mail_id: int, error: str) -> None: ...
    def mark_in_doubt(self, mail_id: int, error: str, rule: InDoubtRule, retry_at: datetime) -> None: ...
    def counts(self) -> dict[str, int]: ...
    def listing(self, status: MailStatus | None, limit: int) -> list[QueuedMail]: ...
    def find(self, return_number_or_id: str) -> QueuedMail | None: ...
    def requeue(self, mail_id: int, at: datetime, actor: str | None, reason: str) -> None:
        """Back to pending (a manager's resend); audited."""
        ...
