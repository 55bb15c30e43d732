"""A real SMTP relay on loopback (aiosmtpd) that keeps what it accepts, and a TCP proxy in front of
it that can cut the connection at a chosen moment of the SMTP conversation."""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.data, policy=policy.default)  # type: ignore[return-value]


@dataclass
class Inbox:
    """What the relay accepted, in order."""

    received: list[Received] = field(default_factory=list)
    refuse: dict[str, str] = field(default_factory=dict)  # address -> the relay's answer to RCPT

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          options: list[str]) -> str:
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 2.0.0 Ok: queued"


class Relay(Controller):
    """aiosmtpd on 127.0.0.1, on a free port chosen by the system."""

    def __init__(self, inbox: Inbox, **kwargs: Any) -> None:
        super().__init__(inbox, hostname="127.0.0.1", port=0, **kwargs)

    def _trigger_server(self) -> None:
        assert self.server is not None
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


def password_check(user: str, password: str) -> Any:
    def check(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and data.login == user.encode() and data.password == password.encode()
        return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 235 or 535 itself

    return check


class CuttingProxy:
    """Forwards one loopback TCP port to the relay; the first connection whose client-to-relay bytes
    contain `cut_after` (once `skip` bytes of it are passed) is reset there, and when `drop_reply` is
    set, the relay's answer to the end of data is swallowed and the connection reset instead."""

    def __init__(self, target_port: int, cut_after: bytes | None = None, drop_reply: bool = False,
                 extra: int = 0) -> None:
        self.target_port, self.cut_after, self.drop_reply, self.extra = target_port, cut_after, drop_reply, extra
        self.cut = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self._done = False
        threading.Thread(target=self._serve, daemon=True).start()

    def close(self) -> None:
        self._done = True
        self.listener.close()

    def _serve(self) -> None:
        while not self._done:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            armed = not self.cut.is_set()
            threading.Thread(target=self._pump_up, args=(client, upstream, armed), daemon=True).start()
            threading.Thread(target=self._pump_down, args=(upstream, client, armed), daemon=True).start()

    def _pump_up(self, client: socket.socket, upstream: socket.socket, armed: bool) -> None:
        seen = b""
        while chunk := _recv(client):
            seen += chunk
            if armed and self.cut_after is not None and not self.drop_reply and self.cut_after in seen:
                keep = seen.index(self.cut_after) + len(self.cut_after) + self.extra
                sent_before = len(seen) - len(chunk)
                upstream.sendall(chunk[: max(keep - sent_before, 0)])
                _reset(client, upstream)
                self.cut.set()
                return
            upstream.sendall(chunk)
        _reset(client, upstream)

    def _pump_down(self, upstream: socket.socket, client: socket.socket, armed: bool) -> None:
        replies = b""
        while chunk := _recv(upstream):
            replies += chunk
            if armed and self.drop_reply and replies.count(b"250 2.0.0 Ok: queued") >= 1:
                _reset(client, upstream)
                self.cut.set()
                return
            try:
                client.sendall(chunk)
            except OSError:
                break
        _reset(client, upstream)


def _recv(sock: socket.socket) -> bytes:
    try:
        return sock.recv(65536)
    except OSError:
        return b""


def _reset(*socks: socket.socket) -> None:
    """Cut both ends now. `shutdown` first: a `close` alone does not end a connection that the other
    pump thread is still blocked reading."""
    for sock in socks:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        with contextlib.suppress(OSError):
            sock.close()
