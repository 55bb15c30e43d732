"""USB printer class device file (Linux ``usblp``: ``/dev/usb/lp0``). Write-only: no status read-back."""

from __future__ import annotations

import os

from posdrivers.errors import PrinterOffline
from posdrivers.transports.base import Transport


class UsbLpTransport(Transport):
    """Writes to an existing printer device file; never creates the file."""

    can_read = False

    def __init__(self, path: str = "/dev/usb/lp0") -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def description(self) -> str:
        return f"usblp:{self.path}"

    def open(self) -> None:
        if self._fd is not None:
            return
        try:
            self._fd = os.open(self.path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
        except FileNotFoundError as exc:
            raise PrinterOffline(
                f"There is no USB printer at {self.path}: check that it is switched on and plugged in "
                "(the usblp kernel driver must be loaded)."
            ) from exc
        except PermissionError as exc:
            raise PrinterOffline(
                f"This user may not write to the USB printer {self.path}: add the user to the 'lp' group "
                "(or give the device a udev rule) and log in again."
            ) from exc
        except OSError as exc:
            raise PrinterOffline(
                f"The USB printer {self.path} cannot be opened ({exc.strerror}): check it."
            ) from exc

    def write(self, data: bytes) -> None:
        self.open()
        assert self._fd is not None
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self._fd, view) :]
        except OSError as exc:
            self.close()
            raise PrinterOffline(
                f"Writing to the USB printer {self.path} failed ({exc.strerror}): check that it is on, "
                "plugged in and has paper, then print again."
            ) from exc

    def close(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)
