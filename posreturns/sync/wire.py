"""The HTTP client every connector uses: JSON in and out over `requests`, with (connect, read)
timeouts, TLS verified, and every failure wrapped into our errors.

There are NO retries here: the outbox uploader is the only layer that retries (its schedule is kept
in the outbox rows), so a POST is never replayed behind its back. The credential is given as
`requests` auth and never appears in a message, a log line or an exception: errors name the
method, the path and the status only.

One `requests.Session` per thread (the uploader pushes independent orders in parallel), and a count
of the requests made (`calls`), which the command line and the benchmarks report per event.
`fenced(fence)` is a view of the client that calls `fence()` before every request that changes
something (POST, DELETE): an uploader that lost its lease applies no further step.
"""

from __future__ import annotations

import itertools
import json
import logging
import re
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

import requests

from posreturns.services.oms_address import check_oms_url
from posreturns.services.sync_ports import OmsProtocolError, OmsRefused, OmsUnavailable
from posreturns.sync.backoff import parse_retry_after

log = logging.getLogger(__name__)
TIMEOUT = (3.05, 20.0)  # seconds: connect, read


_DECIMAL = re.compile(r'"\\u0000DEC:(-?[0-9]+(?:\.[0-9]+)?)\\u0000"')


def dumps(body: Any) -> str:
    """JSON with `Decimal` amounts written as exact JSON numbers (`25.50`), never through a float."""
    def default(value: Any) -> Any:
        if isinstance(value, Decimal):
            return f"\u0000DEC:{format(value, 'f')}\u0000"
        raise TypeError(f"{type(value).__name__} is not JSON")
    return _DECIMAL.sub(r"\1", json.dumps(body, default=default, ensure_ascii=False))


class NotFoundAtOms(OmsRefused):
    """404: the OMS has no such record."""


class HttpJsonClient:
    def __init__(self, base_url: str, auth: tuple[str, str] | None, *, timeout: tuple[float, float] = TIMEOUT,
                 verify: bool | str = True, session: requests.Session | None = None,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        parts = urlsplit(check_oms_url(base_url))
        self.base_url = base_url.rstrip("/")
        self.host = parts.netloc.rpartition("@")[2]
        self.timeout = timeout
        self.auth, self.verify = auth, verify
        self.shared = session  # given by a test: used by every thread
        self._sessions: dict[int, requests.Session] = {}  # by thread id
        self._lock = threading.Lock()
        self._calls = itertools.count()
        self.calls = 0
        self.now = now

    @property
    def session(self) -> requests.Session:
        """This thread's session (or the one given)."""
        if self.shared is not None:
            return self._setup(self.shared)
        me = threading.get_ident()
        with self._lock:
            found = self._sessions.get(me)
            if found is None:
                self._close_sessions_of_ended_threads()
                found = self._sessions[me] = self._setup(requests.Session())
        return found

    def _close_sessions_of_ended_threads(self) -> None:
        """Each upload run has threads of its own: without this, every run left its sessions and their
        open connections behind (a file descriptor each, for as long as the till ran)."""
        alive = {thread.ident for thread in threading.enumerate()}
        for ident in [ident for ident in self._sessions if ident not in alive]:
            self._sessions.pop(ident).close()

    def _setup(self, session: requests.Session) -> requests.Session:
        if not getattr(session, "posreturns_ready", False):
            session.auth = self.auth
            session.verify = self.verify
            session.headers.update({"Accept": "application/json", "User-Agent": "posreturns-sync/1"})
            session.posreturns_ready = True  # type: ignore[attr-defined]
        return session

    def close(self) -> None:
        with self._lock:
            sessions, self._sessions = list(self._sessions.values()), {}
        for session in sessions + ([self.shared] if self.shared is not None else []):
            session.close()

    def fenced(self, fence: Callable[[], None] | None) -> HttpJsonClient:
        return self if fence is None else FencedClient(self, fence)  # type: ignore[return-value]

    def get(self, path: str, params: dict[str, Any] | list[tuple[str, Any]] | None = None) -> dict[str, Any]:
        return self.request("GET", path, params=params)

    def post(self, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.request("POST", path, data=dumps(body if body is not None else {}).encode(),
                            headers={"Content-Type": "application/json"})

    def delete(self, path: str) -> dict[str, Any]:
        return self.request("DELETE", path)

    def request(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        where = f"{method} {path.split('?')[0]}"
        self.calls = next(self._calls) + 1
        timeout = kwargs.pop("timeout", self.timeout)
        try:
            response = self.session.request(method, self.base_url + path, timeout=timeout,
                                            allow_redirects=False, **kwargs)
        except requests.Timeout:
            raise OmsUnavailable(f"The OMS at {self.host} did not answer in time ({where}); "
                                 "the event stays queued and is sent again later.") from None
        except requests.exceptions.SSLError:
            raise OmsUnavailable(f"The OMS at {self.host} has a certificate this till does not trust ({where}); "
                                 "check the OMS URL or the certificate.") from None
        except requests.RequestException as error:
            kind = type(error).__name__
            raise OmsUnavailable(f"The OMS at {self.host} cannot be reached ({where}: {kind}); "
                                 "the till works offline and syncs when it is back.") from None
        return self._answer(response, where)

    def _answer(self, response: requests.Response, where: str) -> dict[str, Any]:
        status = response.status_code
        if status == 429 or status >= 500:
            wait = parse_retry_after(response.headers.get("Retry-After"), self.now())
            raise OmsUnavailable(f"The OMS at {self.host} is busy or failing (HTTP {status} on {where}); "
                                 "trying again later.", retry_after=wait, status=status)
        if status in (401, 403):
            raise OmsUnavailable(f"The OMS at {self.host} refused this till's API key (HTTP {status}); "
                                 "set it again with `posreturns oms connect`.", status=status)
        try:
            data = response.json() if response.content else {}
        except ValueError:
            raise OmsProtocolError(f"The OMS at {self.host} sent an unreadable answer (HTTP {status} on {where}, "
                                   "not JSON); trying again later.", status=status) from None
        if not isinstance(data, dict):
            raise OmsProtocolError(f"The OMS at {self.host} sent an unexpected answer (HTTP {status} on {where}); "
                                   "trying again later.", status=status)
        if 300 <= status < 400:
            raise OmsProtocolError(f"The OMS at {self.host} redirected {where} (HTTP {status}); check the OMS URL.",
                                   status=status)
        if status >= 400:
            message = str(data.get("message") or f"HTTP {status}")
            kind = data.get("type")
            error_class = NotFoundAtOms if status == 404 else OmsRefused
            raise error_class(message, status, str(kind) if kind else None)
        return data


class FencedClient:
    """The client as seen by one push: `fence()` before every POST and DELETE."""

    def __init__(self, client: HttpJsonClient, fence: Callable[[], None]) -> None:
        self.client, self.fence = client, fence

    def get(self, path: str, params: dict[str, Any] | list[tuple[str, Any]] | None = None) -> dict[str, Any]:
        return self.client.get(path, params)

    def post(self, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        self.fence()
        return self.client.post(path, body)

    def delete(self, path: str) -> dict[str, Any]:
        self.fence()
        return self.client.delete(path)

    def request(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        if method != "GET":
            self.fence()
        return self.client.request(method, path, **kwargs)
