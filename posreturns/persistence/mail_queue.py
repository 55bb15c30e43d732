"""The customer's contact choice and the e-receipt queue over SQLite.

`write_contact` runs inside the return recorder's transaction: the contact, the consent and the
queued e-receipt are committed with the return or not at all. Every state change of a queued
message is its own short `BEGIN IMMEDIATE` transaction, so two senders (the window and a
`mail send-pending`) never both send one message.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from posreturns.domain.contact import ContactChannel
from posreturns.domain.utc import format_utc, parse_utc
from posreturns.persistence.audit import insert_audit
from posreturns.persistence.engine import WRITE
from posreturns.services.mail_ports import (
    InDoubtRule,
    LostClaim,
    MailStatus,
    QueuedMail,
    e_receipt_message_id,
    sms_message_id,
)
from posreturns.services.returns.ports import AuditEntry, Completion

if TYPE_CHECKING:
    from posreturns.persistence.plain_sqlite import Runs

RETURN_RECEIPT = "return_receipt"
SMS_RECEIPT = "sms_receipt"  # the same queue carries the SMS receipts: a sender reads its own kind only
NEVER_ANSWERED = "The relay's answer was never read (the till stopped or lost the connection)."
_SELECT = ("SELECT m.id, m.return_id, r.number, m.kind, m.recipient, m.language, m.message_id, m.status, "
           "m.attempts, m.created_at, m.next_attempt_at, m.last_error, m.sent_at "
           "FROM mail_queue m JOIN returns r ON r.id = m.return_id ")


def write_contact(connection: Runs, c: Completion) -> None:
    contact = c.contact
    if contact is None:
        return
    at = format_utc(c.created_at)
    connection.exec_driver_sql(
        "INSERT INTO return_contacts (return_id, channel, email, phone, consent, e_receipt, language, recorded_at) "
        "VALUES (?,?,?,?,?,?,?,?)",
        (c.return_id, contact.channel.value, contact.email, contact.phone, contact.consent, contact.e_receipt,
         contact.language, at))
    queued = []
    if contact.e_receipt and contact.email:
        queued.append((RETURN_RECEIPT, contact.email, e_receipt_message_id(c.return_id)))
    if contact.channel is ContactChannel.SMS and contact.phone and contact.consent:
        queued.append((SMS_RECEIPT, contact.phone, sms_message_id(c.return_id)))
    for kind, recipient, message_id in queued:
        connection.exec_driver_sql(
            "INSERT INTO mail_queue (return_id, kind, recipient, language, message_id, created_at, status, attempts, "
            "next_attempt_at) VALUES (?,?,?,?,?,?,'pending',0,?)",
            (c.return_id, kind, recipient, contact.language, message_id, at, at))


class SqlMailQueue:
    """`MailQueue` over SQLite: the messages of one `kind` (the e-receipts by default)."""

    def __init__(self, engine: Engine, kind: str = RETURN_RECEIPT) -> None:
        self.engine, self.kind = engine, kind

    def _write(self, sql: str, params: tuple[Any, ...]) -> int:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            return connection.exec_driver_sql(sql, params).rowcount

    def recover(self, now: datetime, rule: InDoubtRule) -> int:
        status = MailStatus.PENDING if rule is InDoubtRule.RESEND else MailStatus.IN_DOUBT
        return self._write(
            "UPDATE mail_queue SET status = ?, claimed_by = NULL, claimed_until = NULL, next_attempt_at = ?, "
            "last_error = ? WHERE status = 'sending' AND (claimed_until IS NULL OR claimed_until < ?) AND kind = ?",
            (status.value, format_utc(now), NEVER_ANSWERED, format_utc(now), self.kind))

    def claim(self, now: datetime, owner: str, until: datetime, limit: int, due_only: bool) -> list[QueuedMail]:
        stamp = format_utc(now)
        due = "AND next_attempt_at <= ? " if due_only else ""
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            ids = [row.id for row in connection.exec_driver_sql(
                "SELECT id FROM mail_queue WHERE status = 'pending' AND (claimed_until IS NULL OR claimed_until < ?) "
                f"AND kind = ? {due}ORDER BY next_attempt_at, id LIMIT ?",
                (stamp, self.kind, *((stamp,) if due_only else ()), limit))]
            if ids:
                connection.exec_driver_sql(
                    "UPDATE mail_queue SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1 "
                    f"WHERE id IN ({','.join('?' * len(ids))})",
                    (owner, format_utc(until), *ids))
                rows = connection.exec_driver_sql(
                    _SELECT + f"WHERE m.id IN ({','.join('?' * len(ids))}) ORDER BY m.next_attempt_at, m.id",
                    tuple(ids)).all()
            else:
                rows = []
        return [_mail(row) for row in rows]

    def mark_sending(self, mail_id: int, owner: str) -> None:
        changed = self._write("UPDATE mail_queue SET status = 'sending' WHERE id = ? AND claimed_by = ? "
                              "AND status = 'pending'", (mail_id, owner))
        if changed != 1:  # another sender took it over after our lease ran out: do not send it twice
            raise LostClaim(f"mail {mail_id} is no longer reserved for this sender")

    def mark_sent(self, mail_id: int, at: datetime, reply: str) -> None:
        self._write("UPDATE mail_queue SET status = 'sent', sent_at = ?, server_reply = ?, last_error = NULL, "
                    "claimed_by = NULL, claimed_until = NULL WHERE id = ?", (format_utc(at), reply[:500], mail_id))

    def retry_later(self, mail_id: int, at: datetime, error: str) -> None:
        self._write("UPDATE mail_queue SET status = 'pending', next_attempt_at = ?, last_error = ?, "
                    "claimed_by = NULL, claimed_until = NULL WHERE id = ?", (format_utc(at), error[:500], mail_id))

    def mark_failed(self, mail_id: int, error: str) -> None:
        self._write("UPDATE mail_queue SET status = 'failed', last_error = ?, claimed_by = NULL, claimed_until = NULL "
                    "WHERE id = ?", (error[:500], mail_id))

    def mark_in_doubt(self, mail_id: int, error: str, rule: InDoubtRule, retry_at: datetime) -> None:
        status = MailStatus.PENDING if rule is InDoubtRule.RESEND else MailStatus.IN_DOUBT
        self._write("UPDATE mail_queue SET status = ?, last_error = ?, next_attempt_at = ?, claimed_by = NULL, "
                    "claimed_until = NULL WHERE id = ?", (status.value, error[:500], format_utc(retry_at), mail_id))

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as connection:
            found: dict[str, int] = dict(connection.exec_driver_sql(
                "SELECT status, count(*) FROM mail_queue WHERE kind = ? GROUP BY status", (self.kind,)).all())
        return {status.value: int(found.get(status.value, 0)) for status in MailStatus}

    def listing(self, status: MailStatus | None, limit: int) -> list[QueuedMail]:
        where, params = (("WHERE m.kind = ? AND m.status = ? ", (self.kind, status.value, limit)) if status
                         else ("WHERE m.kind = ? ", (self.kind, limit)))
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(_SELECT + where + "ORDER BY m.id DESC LIMIT ?", params).all()
        return [_mail(row) for row in rows]

    def find(self, return_number_or_id: str) -> QueuedMail | None:
        with self.engine.connect() as connection:
            row = connection.exec_driver_sql(_SELECT + "WHERE (r.number = ? OR r.id = ?) AND m.kind = ?",
                                             (return_number_or_id, return_number_or_id, self.kind)).first()
        return None if row is None else _mail(row)

    def requeue(self, mail_id: int, at: datetime, actor: str | None, reason: str) -> None:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            row = connection.exec_driver_sql("SELECT status, return_id FROM mail_queue WHERE id = ?",
                                             (mail_id,)).first()
            connection.exec_driver_sql(
                "UPDATE mail_queue SET status = 'pending', next_attempt_at = ?, claimed_by = NULL, "
                "claimed_until = NULL, sent_at = NULL WHERE id = ?", (format_utc(at), mail_id))
            insert_audit(connection, AuditEntry("mail.requeued", actor, str(mail_id),
                                                {"return_id": row.return_id if row else None,
                                                 "was": row.status if row else None, "reason": reason}, at))


def _mail(row: Any) -> QueuedMail:
    return QueuedMail(row.id, row.return_id, row.number, row.kind, row.recipient, row.language, row.message_id,
                      MailStatus(row.status), row.attempts, parse_utc(row.created_at),
                      parse_utc(row.next_attempt_at) if row.next_attempt_at else None, row.last_error,
                      parse_utc(row.sent_at) if row.sent_at else None)
