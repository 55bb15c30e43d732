"""Raw TCP (port 9100, "JetDirect") printer connection; status replies come back on the same socket."""

from __future__ import annotations

import contextlib
import socket

from posdrivers.errors import PrinterOffline, PrinterTimeout
from posdrivers.transports.base import Transport

DEFAULT_PORT = 9100


class TcpTransport(Transport):
    """ESC/POS over a TCP socket, with a connect timeout and a write timeout."""

    can_read = True

    def __init__(
        self,
        host: str,
        port: int = DEFAULT_PORT,
        *,
        connect_timeout: float = 3.0,
        write_timeout: float = 10.0,
    ) -> None:
        self.host = host
        self.port = port
        self.connect_timeout = connect_timeout
        self.write_timeout = write_timeout
        self._sock: socket.socket | None = None

    @property
    def description(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"tcp://{host}:{self.port}"

    def open(self) -> None:
        if self._sock is not None:
            return
        try:
            self._sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        except ConnectionRefusedError as exc:
            raise PrinterOffline(
                f"The printer at {self.description} refused the connection: check that it is switched on "
                "and that the address and port in the settings are right."
            ) from exc
        except TimeoutError as exc:
            raise PrinterTimeout(
                f"The printer at {self.description} did not answer within {self.connect_timeout:g} s: "
                "check that it is switched on and connected to the network."
            ) from exc
        except OSError as exc:
            raise PrinterOffline(
                f"The printer at {self.description} cannot be reached ({exc.strerror or exc}): "
                "check the network cable and the printer's address in the settings."
            ) from exc

    def write(self, data: bytes) -> None:
        self.open()
        assert self._sock is not None
        try:
            self._sock.settimeout(self.write_timeout)
            self._sock.sendall(data)
        except TimeoutError as exc:
            self.close()
            raise PrinterTimeout(
                f"The printer at {self.description} did not take the data within {self.write_timeout:g} s: "
                "it may be paused, jammed or out of paper; check it and print again."
            ) from exc
        except OSError as exc:
            self.close()
            raise PrinterOffline(
                f"The connection to the printer at {self.description} broke while sending "
                f"({exc.strerror or exc}): check the printer and print again."
            ) from exc

    def read(self, n: int, timeout: float) -> bytes:
        self.open()
        assert self._sock is not None
        try:
            self._sock.settimeout(timeout if timeout > 0 else 0.0)
            data = self._sock.recv(n)
        except (TimeoutError, BlockingIOError):
            return b""
        except OSError as exc:
            self.close()
            raise PrinterOffline(
                f"The connection to the printer at {self.description} broke ({exc.strerror or exc}): "
                "check the printer and try again."
            ) from exc
        if not data:
            self.close()
            raise PrinterOffline(
                f"The printer at {self.description} closed the connection: check it and try again."
            )
        return data

    def close(self) -> None:
        if self._sock is not None:
            sock, self._sock = self._sock, None
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
