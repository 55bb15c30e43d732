"""Serial / USB-CDC printer connection through ``serial.serial_for_url``.

Anything pyserial can open works: ``COM3``, ``/dev/ttyUSB0``, a pty path, ``loop://``,
``socket://host:port``, ``rfc2217://…``, ``spy:///dev/ttyUSB0?file=trace.txt``.
"""

from __future__ import annotations

import contextlib
from typing import Any

import serial  # type: ignore[import-untyped, unused-ignore]

from posdrivers.errors import PrinterOffline, PrinterTimeout
from posdrivers.transports.base import Transport

#: Settings passed as keyword arguments to ``serial_for_url`` (and removed from the URL query).
SERIAL_SETTINGS: dict[str, type] = {
    "baudrate": int,
    "bytesize": int,
    "parity": str,
    "stopbits": float,
    "xonxoff": bool,
    "rtscts": bool,
    "dsrdtr": bool,
    "write_timeout": float,
}


class SerialTransport(Transport):
    """ESC/POS over a serial port (RS-232, USB-serial, USB-CDC, pty)."""

    can_read = True

    def __init__(
        self, port: str, *, baudrate: int = 9600, write_timeout: float = 10.0, **settings: Any
    ) -> None:
        self.port = port
        self.settings: dict[str, Any] = {"baudrate": baudrate, "write_timeout": write_timeout, **settings}
        self._serial: serial.SerialBase | None = None

    @property
    def description(self) -> str:
        return f"serial:{self.port} ({self.settings['baudrate']} baud)"

    def open(self) -> None:
        if self._serial is not None:
            return
        try:
            self._serial = serial.serial_for_url(self.port, timeout=0, **self.settings)
        except (serial.SerialException, OSError, ValueError) as exc:
            raise PrinterOffline(
                f"The serial printer port {self.port} cannot be opened ({exc}): check the cable, "
                "that the port name is right and that no other program uses it."
            ) from exc

    def write(self, data: bytes) -> None:
        self.open()
        assert self._serial is not None
        try:
            self._serial.write(data)
            self._serial.flush()
        except serial.SerialTimeoutException as exc:
            raise PrinterTimeout(
                f"The serial printer on {self.port} did not take the data within "
                f"{self.settings['write_timeout']:g} s: check that it is on, has paper and that the "
                "baud rate and flow control match its settings."
            ) from exc
        except (serial.SerialException, OSError) as exc:
            self.close()
            raise PrinterOffline(
                f"Writing to the serial printer on {self.port} failed ({exc}): check the cable and print again."
            ) from exc

    def read(self, n: int, timeout: float) -> bytes:
        self.open()
        assert self._serial is not None
        try:
            self._serial.timeout = max(timeout, 0.0)
            return bytes(self._serial.read(n))
        except (serial.SerialException, OSError) as exc:
            self.close()
            raise PrinterOffline(
                f"Reading from the serial printer on {self.port} failed ({exc}): check the cable and try again."
            ) from exc

    def close(self) -> None:
        if self._serial is not None:
            port, self._serial = self._serial, None
            with contextlib.suppress(serial.SerialException, OSError):
                port.close()
