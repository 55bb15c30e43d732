"""Sends the queued e-receipts through the store's SMTP relay (and the SMS receipts through the
store's SMS gateway, `sms_gateway`, with the same rules): one run at a time, retried with capped
backoff, never sent twice by this till (see `services.mail_ports` for the states).

A run reserves a batch of pending messages, opens one connection, and sends them one after the
other. A relay that cannot be reached, or that refuses the till, puts the whole batch back with a
later attempt; a message the relay refuses for good is `failed`; a lost answer is `in_doubt`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any, Generic, Protocol, TypeVar

from posreturns.services.mail_ports import InDoubtRule, LostClaim, MailQueue, QueuedMail
from posreturns.services.ports import Clock
from posreturns.sync.backoff import Backoff
from posreturns.sync.smtp_relay import AnswerLost, MessageRefused, RelayUnavailable

log = logging.getLogger(__name__)
BATCH = 20
LEASE = timedelta(minutes=10)
LEASE_MARGIN = timedelta(minutes=3)  # longer than one message can take with the relay's timeouts


M = TypeVar("M")  # what is sent: an EmailMessage, an SMS
M_in = TypeVar("M_in", contravariant=True)


class Relay(Protocol[M_in]):
    def send(self, message: M_in, data_end: Callable[[], None]) -> str: ...


@dataclass
class MailReport:
    sent: int = 0
    retry: int = 0
    failed: int = 0
    in_doubt: int = 0
    recovered: int = 0
    relay_error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class MailSender(Generic[M]):
    def __init__(self, queue: MailQueue, compose: Callable[[QueuedMail], M],
                 relay: Callable[[], AbstractContextManager[Relay[M]]], clock: Clock, owner: str,
                 in_doubt: InDoubtRule = InDoubtRule.HOLD, backoff: Backoff | None = None) -> None:
        self.queue, self.compose, self.relay, self.clock, self.owner = queue, compose, relay, clock, owner
        self.in_doubt = in_doubt
        self.backoff = backoff or Backoff(base=15.0, cap=900.0)

    def run_once(self, due_only: bool = True) -> MailReport:
        """Send what is due (or every pending message, for `mail send-pending`)."""
        report = MailReport()
        now = self.clock.now()
        report.recovered = self.queue.recover(now, self.in_doubt)
        batch = self.queue.claim(now, self.owner, now + LEASE, BATCH, due_only)
        if not batch:
            return report
        waiting = list(batch)
        stop_by = now + LEASE - LEASE_MARGIN  # past it, another sender may take the rest over
        try:
            with self.relay() as relay:
                while waiting and self.clock.now() < stop_by:
                    self._send(relay, waiting.pop(0), report)
        except LostClaim:
            log.info("another sender took over the e-mails of this run")
            return report
        except RelayUnavailable as error:
            report.relay_error = str(error)
            log.info("SMTP relay unavailable; %d e-mail(s) wait", len(waiting))
            for mail in waiting:
                self._later(mail, str(error), report)
        return report

    def _send(self, relay: Relay[M], mail: QueuedMail, report: MailReport) -> None:
        try:
            message = self.compose(mail)
        except Exception as error:  # a return that cannot be laid out must not stop the others
            log.exception("the e-receipt of %s could not be composed", mail.return_number)
            self._later(mail, f"The e-receipt could not be composed ({type(error).__name__}).", report)
            return
        try:
            reply = relay.send(message, lambda: self.queue.mark_sending(mail.id, self.owner))
        except MessageRefused as error:
            if error.permanent:
                self.queue.mark_failed(mail.id, str(error))
                report.failed += 1
            else:
                self._later(mail, str(error), report)
            return
        except AnswerLost as error:
            self.queue.mark_in_doubt(mail.id, str(error), self.in_doubt, self._retry_at(mail))
            report.in_doubt += 1
            raise RelayUnavailable(str(error)) from None  # the connection is gone: the others wait
        except RelayUnavailable as error:
            self._later(mail, str(error), report)
            raise
        self.queue.mark_sent(mail.id, self.clock.now(), reply)
        report.sent += 1

    def _retry_at(self, mail: QueuedMail) -> datetime:
        return self.backoff.next_attempt(self.clock.now(), mail.attempts)

    def _later(self, mail: QueuedMail, error: str, report: MailReport) -> None:
        self.queue.retry_later(mail.id, self._retry_at(mail), error)
        report.retry += 1
