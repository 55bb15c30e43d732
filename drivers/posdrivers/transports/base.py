"""The transport seam: every printer connection is a :class:`Transport`.

A transport moves bytes and nothing else: it knows no ESC/POS. ``write(data)`` sends everything or
raises; ``read(n, timeout)`` returns what arrived within ``timeout`` seconds (possibly ``b""``) on
transports that can read back (``can_read``). Transports connect lazily on the first ``write`` or
``read`` (or explicitly with ``open()`` / ``with``), and every OS or library error is wrapped in a
:class:`~posdrivers.errors.PrinterError` subclass whose message says what to check.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from types import TracebackType
from typing import Self

from posdrivers.errors import StatusUnavailable


class Transport(ABC):
    """Byte pipe to a printer."""

    #: True if the printer's answers (status replies) can be read back over this connection.
    can_read: bool = False

    @property
    @abstractmethod
    def description(self) -> str:
        """Where the bytes go, for messages and logs (e.g. ``tcp://10.0.0.5:9100``)."""

    def open(self) -> None:  # noqa: B027 (a hook: transports that connect on first use need not override it)
        """Connect now (idempotent). Transports also connect on first use."""

    @abstractmethod
    def write(self, data: bytes) -> None:
        """Send all of ``data`` or raise."""

    def read(self, n: int, timeout: float) -> bytes:
        """Up to ``n`` bytes that arrive within ``timeout`` seconds; ``b""`` if none did."""
        raise StatusUnavailable(
            f"The printer connection {self.description} cannot read answers back: "
            "status (paper, cover) is unknown; use a network or serial connection to get it."
        )

    def discard_input(self) -> None:
        """Drop bytes already received (stale status replies) before asking a new question."""
        if self.can_read:
            while self.read(256, 0.0):
                pass

    @abstractmethod
    def close(self) -> None:
        """Release the connection (idempotent)."""

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.description}>"
