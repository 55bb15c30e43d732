"""In-memory transport: the test fake. Records every write and answers status requests from a script."""

from __future__ import annotations

from collections.abc import Mapping

from posdrivers.transports.base import Transport


class MemoryTransport(Transport):
    """Records bytes in ``written`` (and each call in ``writes``).

    With ``replies`` (``{n: byte}``) it behaves like a printer that answers ``DLE EOT n``, the
    process-ID request ``GS ( H`` and ``GS r`` (with ``0x00``, paper present); without, it is
    write-only like a file. ``fail_with`` makes the next writes raise that error.
    """

    def __init__(self, replies: Mapping[int, int] | None = None) -> None:
        self.replies: dict[int, int] | None = dict(replies) if replies is not None else None
        self.writes: list[bytes] = []
        self.fail_with: Exception | None = None
        self.closed = False
        self.opened = False
        self._pending = bytearray()

    @property
    def can_read(self) -> bool:  # type: ignore[override]
        return self.replies is not None

    @property
    def description(self) -> str:
        return "memory:"

    @property
    def written(self) -> bytes:
        """Everything written so far, status requests included."""
        return b"".join(self.writes)

    def open(self) -> None:
        self.opened = True
        self.closed = False

    def write(self, data: bytes) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        self.open()
        self.writes.append(bytes(data))
        if self.replies is not None:
            for i in range(len(data) - 2):
                if data[i : i + 2] == b"\x10\x04" and data[i + 2] in self.replies:
                    self._pending.append(self.replies[data[i + 2]])
                elif data[i : i + 7] == b"\x1d(H\x06\x0000" and len(data) >= i + 11:
                    self._pending += b"\x37\x22" + data[i + 7 : i + 11] + b"\x00"
                elif data[i : i + 2] == b"\x1dr":
                    self._pending.append(0x00)

    def read(self, n: int, timeout: float) -> bytes:
        if self.replies is None:
            return super().read(n, timeout)
        data = bytes(self._pending[:n])
        del self._pending[:n]
        return data

    def close(self) -> None:
        self.closed = True
