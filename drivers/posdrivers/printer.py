"""The printer facade: a transport plus a profile, with status checked before anything is sent.

Usage::

    with Printer.from_url("tcp://192.168.1.50", load_profile("epson-tm-t20iii")) as printer:
        job = printer.encoder().initialize().line("Bonjour").cut().to_bytes()
        printer.print_job(job)      # raises PrinterNotReady (paper out, cover open…) and sends nothing
        printer.open_drawer()

On transports that can read back (TCP, serial) ``print_job`` and ``open_drawer`` first ask the four
``DLE EOT`` status questions; on write-only ones (file, usblp) they just send. A job that raised was
not sent (or, for a timeout mid-write, not completely): the caller keeps it and can print it again.
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

from posdrivers.errors import PrinterNotReady, PrinterTimeout
from posdrivers.escpos.encoder import EscPosEncoder, status_request
from posdrivers.escpos.profiles import PrinterProfile
from posdrivers.escpos.status import STATUS_QUERIES, PrinterStatus, parse_status
from posdrivers.transports.base import Transport
from posdrivers.transports.url import transport_from_url


class Printer:
    """An ESC/POS receipt printer reached through one transport."""

    def __init__(self, transport: Transport, profile: PrinterProfile, *, status_timeout: float = 2.0) -> None:
        self.transport = transport
        self.profile = profile
        self.status_timeout = status_timeout

    @classmethod
    def from_url(cls, url: str, profile: PrinterProfile, *, status_timeout: float = 2.0) -> Printer:
        """A printer for a URL such as ``tcp://10.0.0.5:9100`` (see :mod:`posdrivers.transports.url`)."""
        return cls(transport_from_url(url), profile, status_timeout=status_timeout)

    @property
    def can_read_status(self) -> bool:
        return self.transport.can_read

    def encoder(self) -> EscPosEncoder:
        """A fresh encoder for this printer's profile."""
        return EscPosEncoder(self.profile)

    def status(self) -> PrinterStatus:
        """Ask ``DLE EOT 1..4`` and decode the answers.

        Raises :class:`StatusUnavailable` on write-only transports, :class:`PrinterTimeout` when the
        printer does not answer within ``status_timeout`` seconds, :class:`BadStatusReply` on garbage.
        """
        self.transport.discard_input()
        replies: dict[int, int] = {}
        for n in STATUS_QUERIES:
            self.transport.write(status_request(n))
            reply = self.transport.read(1, self.status_timeout)
            if not reply:
                raise PrinterTimeout(
                    f"The printer at {self.transport.description} did not answer a status request within "
                    f"{self.status_timeout:g} s: it may be switched off, busy or in an error state; "
                    "check it and try again."
                )
            replies[n] = reply[0]
        return parse_status(replies, drawer_open_when_high=self.profile.drawer.open_when_high)

    def ensure_ready(self) -> PrinterStatus | None:
        """Raise :class:`PrinterNotReady` if the printer says it cannot print; ``None`` if status is unknowable."""
        if not self.transport.can_read:
            return None
        status = self.status()
        if not status.ready:
            raise PrinterNotReady(status)
        return status

    def print_job(self, data: bytes) -> PrinterStatus | None:
        """Check status (where possible), then send the whole job. Returns the status seen before."""
        status = self.ensure_ready()
        self.transport.write(data)
        return status

    def open_drawer(self, pin: int | None = None) -> None:
        """Kick the cash drawer wired to the printer (profile pin and pulse unless ``pin`` is given)."""
        self.ensure_ready()
        self.transport.write(self.encoder().drawer_kick(pin).to_bytes())

    def close(self) -> None:
        self.transport.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
