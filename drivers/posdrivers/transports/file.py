"""Plain file connection: appends every job to a file (spooling, debugging, printing to a share)."""

from __future__ import annotations

import contextlib
from typing import BinaryIO

from posdrivers.errors import PrinterOffline
from posdrivers.transports.base import Transport


class FileTransport(Transport):
    """Appends bytes to ``path`` (created if missing). Write-only."""

    can_read = False

    def __init__(self, path: str) -> None:
        self.path = path
        self._file: BinaryIO | None = None

    @property
    def description(self) -> str:
        return f"file:{self.path}"

    def open(self) -> None:
        if self._file is None:
            try:
                self._file = open(self.path, "ab")  # noqa: SIM115 - held open until close()
            except OSError as exc:
                raise PrinterOffline(
                    f"The print file {self.path} cannot be opened ({exc.strerror}): "
                    "check that its folder exists and is writable."
                ) from exc

    def write(self, data: bytes) -> None:
        self.open()
        assert self._file is not None
        try:
            self._file.write(data)
            self._file.flush()
        except OSError as exc:
            self.close()
            raise PrinterOffline(
                f"Writing to the print file {self.path} failed ({exc.strerror}): check the disk space."
            ) from exc

    def close(self) -> None:
        if self._file is not None:
            file, self._file = self._file, None
            with contextlib.suppress(OSError):
                file.close()
