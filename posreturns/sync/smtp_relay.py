"""The store's SMTP relay (smtplib), with the end of a message's data as a seam.

`send` writes MAIL, RCPT, DATA and the message, then calls `data_end` (the queue commits
`sending`), checks that the relay has not closed the connection meanwhile, then sends the final "."
and reads the answer. So every failure falls on one side of that line: before it the relay cannot
have accepted the message (RFC 5321 §4.1.1.4: a relay delivers only what ended with "."), so it is
simply sent again later; after it, without an answer, nobody knows (`AnswerLost`). smtplib's own
errors are wrapped here, in sentences a manager can act on.
"""

from __future__ import annotations

import base64
import re
import select
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import getaddresses, parseaddr
from enum import StrEnum
from types import TracebackType
from typing import Self

DEFAULT_TIMEOUT = 30.0
_LEADING_DOT = re.compile(rb"(?m)^\.")


class Security(StrEnum):
    STARTTLS = "starttls"
    SSL = "ssl"  # implicit TLS, usually port 465
    NONE = "none"  # a relay on the store's own network only


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: Security
    sender: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    reply_to: str | None = None
    ca_bundle: str | None = None
    timeout: float = DEFAULT_TIMEOUT


class RelayError(Exception):
    """Base of the relay's errors; the message says what to do."""


class RelayUnavailable(RelayError):
    """Nothing was sent: the relay cannot be reached, or refuses this till (TLS, login, sender)."""


class MessageRefused(RelayError):
    """The relay answered no to this message; `permanent` for a 5xx answer (retrying cannot help)."""

    def __init__(self, message: str, permanent: bool) -> None:
        super().__init__(message)
        self.permanent = permanent


class AnswerLost(RelayError):
    """The whole message went out but the relay's answer never came back: it may have been accepted."""


class SmtpRelay:
    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> Self:
        self.connect()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def connect(self) -> None:
        s = self.settings
        relay = f"SMTP relay {s.host}:{s.port}"
        try:
            context = ssl.create_default_context(cafile=s.ca_bundle)
            if s.security is Security.SSL:
                self._smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=context)
            else:
                self._smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            self._smtp.ehlo()
            if s.security is Security.STARTTLS:
                if not self._smtp.has_extn("starttls"):
                    self.close()
                    raise RelayUnavailable(f"The {relay} does not offer STARTTLS; set mail.security to \"ssl\" or ask "
                                           "its administrator to enable TLS.")
                self._smtp.starttls(context=context)
                self._smtp.ehlo()
            if s.user:
                _login(self._smtp, s.user, s.password or "")
        except smtplib.SMTPAuthenticationError as error:
            self.close()
            raise RelayUnavailable(f"The {relay} refused the user name or password ({error.smtp_code}); run "
                                   "`posreturns mail connect` again with the right ones.") from None
        except ssl.SSLError as error:
            self.close()
            raise RelayUnavailable(f"The TLS connection to the {relay} failed ({error.reason or error}); check "
                                   "mail.security and mail.ca_bundle.") from None
        except (OSError, smtplib.SMTPException) as error:
            self.close()
            raise RelayUnavailable(
                f"Cannot reach the {relay} ({_reason(error)}); the e-mails wait in the queue.") from None

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()

    def send(self, message: EmailMessage, data_end: Callable[[], None]) -> str:
        """Send one message; returns the relay's acceptance (e.g. "250 2.0.0 Ok: queued as …")."""
        smtp = self._smtp
        if smtp is None:
            raise RelayUnavailable("The SMTP relay is not connected; the e-mails wait in the queue.")
        sender = parseaddr(str(message["From"]))[1]
        recipients = [address for _, address in getaddresses([str(v) for v in message.get_all("To", [])])]
        try:
            code, reply = smtp.mail(sender)
            if code != 250:
                self._reset()
                raise RelayUnavailable(f"The SMTP relay refused the sender {sender} ({code} {_text(reply)}); "
                                       "check mail.from.")
            for recipient in recipients:
                code, reply = smtp.rcpt(recipient)
                if code not in (250, 251):
                    self._reset()
                    raise MessageRefused(f"The SMTP relay refused the address {recipient} ({code} {_text(reply)}).",
                                         permanent=500 <= code < 600)
            code, reply = smtp.docmd("DATA")
            if code != 354:
                self._reset()
                raise MessageRefused(f"The SMTP relay refused the message ({code} {_text(reply)}).", 500 <= code < 600)
            body = _LEADING_DOT.sub(b"..", message.as_bytes(policy=SMTP))
            smtp.send(body if body.endswith(b"\r\n") else body + b"\r\n")
        except (OSError, smtplib.SMTPServerDisconnected) as error:
            self.close()
            raise _not_accepted(error) from None
        try:
            data_end()
        except BaseException:
            self.close()  # the relay drops a message whose data never ended: nothing was sent
            raise
        try:
            _still_listening(smtp)
        except (OSError, smtplib.SMTPServerDisconnected) as error:
            self.close()
            raise _not_accepted(error) from None
        try:
            smtp.send(b".\r\n")
            code, reply = smtp.getreply()
        except (OSError, smtplib.SMTPServerDisconnected) as error:
            self.close()
            raise AnswerLost(f"The connection to the SMTP relay was lost after the whole message was sent "
                             f"({_reason(error)}); the relay may have accepted it.") from None
        if code != 250:
            raise MessageRefused(f"The SMTP relay refused the message ({code} {_text(reply)}).", 500 <= code < 600)
        return f"{code} {_text(reply)}"

    def _reset(self) -> None:
        try:
            assert self._smtp is not None
            self._smtp.rset()
        except (OSError, smtplib.SMTPException):
            self.close()


def _login(smtp: smtplib.SMTP, user: str, password: str) -> None:
    """smtplib's login, except for a user name or password beyond ASCII, which smtplib cannot send:
    AUTH PLAIN carries UTF-8 (RFC 4616)."""
    if (user + password).isascii():
        smtp.login(user, password)
        return
    token = base64.b64encode(b"\0" + user.encode() + b"\0" + password.encode()).decode("ascii")
    code, reply = smtp.docmd("AUTH", f"PLAIN {token}")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _not_accepted(error: BaseException) -> RelayUnavailable:
    return RelayUnavailable(f"The connection to the SMTP relay was lost ({_reason(error)}); the message was not "
                            "accepted and is sent again later.")


def _still_listening(smtp: smtplib.SMTP) -> None:
    """A relay says nothing until the end of data: anything to read now is the connection closing
    (or an error), caught here while the message is still certainly not accepted."""
    sock = smtp.sock
    if sock is None or select.select([sock], [], [], 0)[0] or (isinstance(sock, ssl.SSLSocket) and sock.pending()):
        raise smtplib.SMTPServerDisconnected("the relay closed the connection during the message")


def _text(reply: bytes | str) -> str:
    return (reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply).replace("\n", " ")[:300]


def _reason(error: BaseException) -> str:
    return str(error) or type(error).__name__
