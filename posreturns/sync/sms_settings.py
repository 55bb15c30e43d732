"""The SMS gateway from the till's settings (`sms.url`, `sms.sender`, `sms.in_doubt`) and the
credential store (its token, never in the data folder)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from posreturns.services.errors import BadInput
from posreturns.services.mail_ports import InDoubtRule
from posreturns.sync.credentials import CredentialStore
from posreturns.sync.sms_gateway import SmsSettings, check_gateway_url

KEYS = ("sms.url", "sms.sender", "sms.in_doubt")
MAX_SENDER = 11  # an alphanumeric SMS sender name is at most 11 characters


class SmsNotConfigured(BadInput):
    """No SMS gateway is set up on this till: the SMS receipts wait in the queue."""


class Settings(Protocol):
    def get(self, key: str, default: str | None = None) -> str | None: ...


def sms_credentials(directory: Path | None = None) -> CredentialStore:
    """The SMS gateway's token, by its URL (`$POSRETURNS_SMS_TOKEN` first)."""
    return CredentialStore(None, directory, service="posreturns-sms", file_name="sms-credentials.json",
                           env_key="POSRETURNS_SMS_TOKEN")


def check_sender(value: str) -> str:
    text = value.strip()
    if not text or len(text) > MAX_SENDER or not all(c.isascii() and (c.isalnum() or c in " .-") for c in text):
        raise BadInput(f'The SMS sender name "{value}" must be 1 to {MAX_SENDER} letters or digits (e.g. '
                       '"LUMIERE").')
    return text


def sms_settings(settings: Settings, credentials: CredentialStore | None = None) -> SmsSettings:
    url = settings.get("sms.url")
    if not url:
        raise SmsNotConfigured("No SMS gateway is configured on this till; run `posreturns sms connect --url URL "
                               "--sender NAME` (see docs/exchanges.md). SMS receipts wait in the queue meanwhile.")
    url = check_gateway_url(url)
    token = (credentials or sms_credentials()).load(url)
    return SmsSettings(url, check_sender(settings.get("sms.sender") or ""), token)


def sms_in_doubt_rule(settings: Settings) -> InDoubtRule:
    """Resend by default: the gateway is asked to recognise a message it already has by its id."""
    value = settings.get("sms.in_doubt") or InDoubtRule.RESEND.value
    try:
        return InDoubtRule(value)
    except ValueError:
        raise BadInput(f'sms.in_doubt is "{value}"; use resend (the gateway recognises a repeat) or hold.') from None
