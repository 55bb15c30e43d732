"""The SMTP relay from the till's settings (`mail.*`) and the credential store (its password)."""

from __future__ import annotations

from email.utils import parseaddr
from typing import Protocol

from posreturns.services.errors import BadInput
from posreturns.services.mail_ports import InDoubtRule
from posreturns.sync.credentials import CredentialStore, smtp_credentials
from posreturns.sync.smtp_relay import DEFAULT_TIMEOUT, Security, SmtpSettings

KEYS = ("mail.host", "mail.port", "mail.security", "mail.user", "mail.from", "mail.reply_to", "mail.ca_bundle",
        "mail.in_doubt")
DEFAULT_PORTS = {Security.STARTTLS: 587, Security.SSL: 465, Security.NONE: 25}


class MailNotConfigured(BadInput):
    """No SMTP relay is set up on this till: e-receipts wait in the queue."""


class Settings(Protocol):
    def get(self, key: str, default: str | None = None) -> str | None: ...


def password_key(host: str, port: int, user: str) -> str:
    return f"smtp://{user}@{host}:{port}"


def parse_security(value: str) -> Security:
    try:
        return Security(value)
    except ValueError:
        raise BadInput(f'mail.security is "{value}"; use starttls, ssl or none.') from None


def parse_sender(value: str, key: str = "mail.from") -> str:
    if "@" not in parseaddr(value)[1]:
        raise BadInput(f'{key} is "{value}", which is not an e-mail address; write it as '
                       '"Store name <store@example.com>".')
    return value


def smtp_settings(settings: Settings, credentials: CredentialStore | None = None) -> SmtpSettings:
    host = settings.get("mail.host")
    if not host:
        raise MailNotConfigured("No SMTP relay is configured on this till; run `posreturns mail connect --host HOST "
                                "--from ADDRESS` (see docs/exchanges.md). E-receipts wait in the queue meanwhile.")
    security = parse_security(settings.get("mail.security") or Security.STARTTLS.value)
    port_text = settings.get("mail.port") or str(DEFAULT_PORTS[security])
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise BadInput(f'mail.port is "{port_text}"; give a port number such as 587.')
    port = int(port_text)
    user = settings.get("mail.user") or None
    password = (credentials or smtp_credentials()).load(password_key(host, port, user)) if user else None
    if user and password is None:
        raise MailNotConfigured(f"No password is stored for {user} on {host}; run `posreturns mail connect` again "
                                "with --password-stdin.")
    return SmtpSettings(host, port, security, parse_sender(settings.get("mail.from") or ""), user, password,
                        settings.get("mail.reply_to") or None, settings.get("mail.ca_bundle") or None, DEFAULT_TIMEOUT)


def in_doubt_rule(settings: Settings) -> InDoubtRule:
    value = settings.get("mail.in_doubt") or InDoubtRule.HOLD.value
    try:
        return InDoubtRule(value)
    except ValueError:
        raise BadInput(f'mail.in_doubt is "{value}"; use hold (never twice) or resend (never lost).') from None
