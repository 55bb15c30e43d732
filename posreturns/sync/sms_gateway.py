"""The store's SMS gateway: any HTTP service that takes one message as JSON.

`POST <sms.url>` with `Authorization: Bearer <token>` and `Idempotency-Key: <id>`, and the body
`{"id": "<return id>.sms", "to": "+33612345678", "from": "<sms.sender>", "text": "…"}`. A 2xx answer
means the gateway took the message. The gateway must treat a second request with the same `id` as
the same message (answer 2xx, send nothing again): that is how a message whose answer was lost is
sent again without reaching the customer twice.

What the till can tell apart, as the SMTP relay's errors (`smtp_relay`):
* the request could not be written whole (connection refused, dropped while sending): the gateway
  cannot have a complete request, `RelayUnavailable`, sent again later;
* the request went out but no answer came back: `AnswerLost` (in doubt; `sms.in_doubt`);
* 4xx (but 408 and 429): `MessageRefused(permanent)`; 408, 429 and 5xx: refused for now.
"""

from __future__ import annotations

import http.client
import json
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

from posreturns.services.errors import BadInput
from posreturns.services.oms_address import is_loopback
from posreturns.sync.smtp_relay import AnswerLost, MessageRefused, RelayUnavailable

TIMEOUT = 15.0  # seconds for connecting, and for the answer


@dataclass(frozen=True)
class Sms:
    id: str
    to: str
    text: str


@dataclass(frozen=True)
class SmsSettings:
    url: str
    sender: str
    token: str | None
    timeout: float = TIMEOUT

    def __repr__(self) -> str:  # the token never appears in a repr, a log or a traceback
        return f"SmsSettings(url={self.url!r}, sender={self.sender!r}, token='***')"


def check_gateway_url(url: str) -> str:
    """`url`, or `BadInput`: https, or plain http to this machine only (a token and phone numbers never
    cross the network in clear)."""
    parts = urlsplit(url.strip())
    try:
        host = parts.hostname or ""
        parts.port  # noqa: B018 - a malformed port raises here
    except ValueError:
        host = ""
    if parts.scheme not in ("http", "https") or not host:
        raise BadInput(f'"{url[:80]}" is not an SMS gateway address; write it as https://sms.example.com/send.')
    if parts.scheme == "http" and not is_loopback(host):
        raise BadInput(f"The SMS gateway address must start with https:// ({host} is not this machine).")
    return url.strip()


def international(phone: str, country_prefix: str = "33") -> str:
    """'06 12 34 56 78' as '+33612345678' (a French number unless it says otherwise)."""
    digits = "".join(c for c in phone if c.isdigit())
    if phone.strip().startswith("+"):
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("0"):
        return f"+{country_prefix}{digits[1:]}"
    return "+" + digits


class SmsGateway:
    """One HTTP connection per message (`with SmsGateway(settings) as gateway:`): a connection kept
    open between messages may be closed by the gateway meanwhile, and a request written into it would
    look like a lost answer."""

    def __init__(self, settings: SmsSettings) -> None:
        self.settings = settings
        self._connection: http.client.HTTPConnection | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._close()

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _connect(self) -> http.client.HTTPConnection:
        if self._connection is None:
            parts = urlsplit(self.settings.url)
            host, port = parts.hostname or "", parts.port
            self._connection = (http.client.HTTPSConnection(host, port, timeout=self.settings.timeout,
                                                            context=ssl.create_default_context())
                                if parts.scheme == "https"
                                else http.client.HTTPConnection(host, port, timeout=self.settings.timeout))
        return self._connection

    def send(self, message: Sms, data_end: Callable[[], None]) -> str:
        """The gateway's answer (its first 200 characters) once it took `message`; `data_end` is called
        (the queue writes "sending") just before the request goes out."""
        parts = urlsplit(self.settings.url)
        body = json.dumps({"id": message.id, "to": message.to, "from": self.settings.sender,
                           "text": message.text}, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json; charset=utf-8", "Idempotency-Key": message.id,
                   "Accept": "application/json", "Connection": "close"}
        if self.settings.token:
            headers["Authorization"] = f"Bearer {self.settings.token}"
        where = f"{parts.hostname}:{parts.port or (443 if parts.scheme == 'https' else 80)}"
        connection = self._connect()
        try:
            if connection.sock is None:
                connection.connect()
        except OSError as error:
            self._close()
            raise RelayUnavailable(f"The SMS gateway at {where} cannot be reached ({type(error).__name__}); "
                                   "the SMS waits and is sent when it answers.") from None
        data_end()
        try:
            connection.request("POST", parts.path or "/", body=body, headers=headers)
        except OSError as error:
            self._close()
            raise RelayUnavailable(f"The connection to the SMS gateway at {where} dropped while sending "
                                   f"({type(error).__name__}); nothing complete reached it, the SMS is sent again.") \
                from None
        try:
            answer = connection.getresponse()
            status, text = answer.status, answer.read(2000).decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as error:
            raise AnswerLost(f"The SMS went out but the gateway at {where} never answered "
                             f"({type(error).__name__}).") from None
        finally:
            self._close()
        if 200 <= status < 300:
            return f"{status} {text[:200]}".strip()
        permanent = 400 <= status < 500 and status not in (408, 429)
        raise MessageRefused(f"The SMS gateway refused the SMS (HTTP {status}: {text[:200]})"
                             + ("; check the number with the customer, then resend it." if permanent
                                else "; it is sent again later."), permanent)
