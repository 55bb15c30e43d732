"""The printer facade: a transport plus a profile, with status checked before anything is sent.

Usage::

    with Printer.from_url("tcp://192.168.1.50", load_profile("epson-tm-t20iii")) as printer:
        job = printer.encoder().initialize().line("Bonjour").cut().to_bytes()
        printer.print_job(job)      # raises PrinterNotReady (paper out, cover open…) and sends nothing
        printer.open_drawer()

On transports that can read back (TCP, serial) ``print_job`` first asks the four ``DLE EOT`` status
questions, sends the job, then waits for the printer to confirm it: Epson's process-ID response
(``GS ( H``, sent when the printing is complete) on profiles that have it, the ordered ``GS r 1``
reply on others, or at least a status read back after the job. Handing bytes to a socket proves
nothing (a printer that resets the connection after the status questions still "accepted" them), so
a job is printed only when that confirmation came; a dropped connection or no answer raises and
the caller keeps the job. On write-only transports (file, usblp), or with the explicit URL option
``?status=none`` for printers that never answer, the job is sent without confirmation and
``print_job`` returns None: the receipt preview is then the only proof.
"""

from __future__ import annotations

import itertools
import time
from types import TracebackType
from typing import Self
from urllib.parse import parse_qsl, urlencode

from posdrivers.errors import BadPrinterUrl, PrinterNotReady, PrinterTimeout
from posdrivers.escpos.encoder import EscPosEncoder, process_id_request, status_request, transmit_status_request
from posdrivers.escpos.profiles import PrinterProfile
from posdrivers.escpos.status import STATUS_QUERIES, PrinterStatus, parse_status
from posdrivers.transports.base import Transport
from posdrivers.transports.url import transport_from_url

_PROCESS_IDS = itertools.count(1)


def split_printer_url(url: str) -> tuple[str, str | None]:
    """``tcp://h:9100?status=none`` → (``tcp://h:9100``, ``"none"``): the option is the printer's, not the
    transport's. ``status=none`` declares a printer that never answers (no status, no confirmation)."""
    base, sep, query = url.partition("?")
    if not sep:
        return url, None
    pairs = parse_qsl(query, keep_blank_values=True)
    status = [value for key, value in pairs if key == "status"]
    if status and status[-1] not in ("none", "auto"):
        raise BadPrinterUrl(
            f"The printer address {url!r} has status={status[-1]!r}: use status=none for a printer that "
            "cannot answer status questions, or leave the option out."
        )
    rest = urlencode([(key, value) for key, value in pairs if key != "status"])
    return (f"{base}?{rest}" if rest else base), (status[-1] if status else None)


class Printer:
    """An ESC/POS receipt printer reached through one transport."""

    def __init__(self, transport: Transport, profile: PrinterProfile, *, status_timeout: float = 2.0,
                 answers: bool = True, completion_timeout: float = 30.0) -> None:
        self.transport = transport
        self.profile = profile
        self.status_timeout = status_timeout
        self.completion_timeout = completion_timeout
        self.answers = answers and profile.completion != "none"

    @classmethod
    def from_url(cls, url: str, profile: PrinterProfile, *, status_timeout: float = 2.0) -> Printer:
        """A printer for a URL such as ``tcp://10.0.0.5:9100`` (see :mod:`posdrivers.transports.url`);
        ``?status=none`` marks a printer that never answers."""
        transport_url, status = split_printer_url(url)
        return cls(transport_from_url(transport_url), profile, status_timeout=status_timeout,
                   answers=status != "none")

    @property
    def can_read_status(self) -> bool:
        return self.transport.can_read and self.answers

    @property
    def confirms(self) -> str:
        """How a job is confirmed here: ``process_id``, ``transmit_status``, ``status`` or ``none``."""
        return self.profile.completion if self.can_read_status else "none"

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
        if not self.can_read_status:
            return None
        status = self.status()
        if not status.ready:
            raise PrinterNotReady(status)
        return status

    def print_job(self, data: bytes) -> PrinterStatus | None:
        """Check status, send the job, and wait until the printer confirms it (see the module docstring).

        Returns the status read back after the job, or None when this printer cannot confirm (sent
        only). Raises :class:`PrinterNotReady` before sending, or after it when the paper ran out or
        the cover opened during the job; :class:`PrinterTimeout` / :class:`PrinterOffline` when the
        confirmation did not come or the connection dropped: the job must count as not printed."""
        if self.ensure_ready() is None:
            self.transport.write(data)
            return None
        how = self.profile.completion
        process_id = _next_process_id()
        fence = {"process_id": process_id_request(process_id), "transmit_status": transmit_status_request()}
        self.transport.write(data + fence.get(how, b""))
        if how == "process_id":
            self._wait_for(b"\x37\x22" + process_id + b"\x00", "confirm the receipt was printed")
        elif how == "transmit_status":
            self._wait_for(None, "confirm the receipt was printed")
        status = self.status()
        if not status.ready:
            raise PrinterNotReady(status)
        return status

    def _wait_for(self, reply: bytes | None, what: str) -> bytes:
        """Read until ``reply`` arrived (None: any byte), within ``completion_timeout``."""
        received = bytearray()
        deadline = time.monotonic() + self.completion_timeout
        while (left := deadline - time.monotonic()) > 0:
            received += self.transport.read(64, min(left, 0.5))
            if (reply is None and received) or (reply is not None and reply in received):
                return bytes(received)
        raise PrinterTimeout(
            f"The printer at {self.transport.description} did not {what} within {self.completion_timeout:g} s: "
            "the receipt counts as not printed; check the printer (paper, cover) and print it again."
        )

    def open_drawer(self, pin: int | None = None) -> PrinterStatus | None:
        """Open the cash drawer wired to the printer (profile pin and pulse unless ``pin`` is given).

        Profiles with ``drawer.realtime`` send ``DLE DC4 1``, which the printer executes on receipt,
        even when it is out of paper or offline; others send ``ESC p``, which waits behind the print
        buffer, so the printer must be ready. Returns the status read back after the pulse (the
        connection held), or None on printers that cannot answer."""
        if self.profile.drawer.realtime:
            self.transport.write(self.encoder().drawer_pulse_realtime(pin).to_bytes())
        else:
            self.ensure_ready()
            self.transport.write(self.encoder().drawer_kick(pin).to_bytes())
        return self.status() if self.can_read_status else None

    def close(self) -> None:
        self.transport.close()


    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _next_process_id() -> bytes:
    """Four printable bytes (32-126) that differ from one job to the next."""
    value = next(_PROCESS_IDS) % 95**4
    digits = []
    for _ in range(4):
        value, digit = divmod(value, 95)
        digits.append(32 + digit)
    return bytes(reversed(digits))
