"""Printer URLs → transports.

Syntax (the scheme picks the transport; everything is case-sensitive except the scheme)::

    tcp://HOST[:PORT][?connect_timeout=S&write_timeout=S]   raw TCP, PORT defaults to 9100;
                                                           IPv6 as tcp://[::1]:9100
    serial:PORT[?baudrate=N&bytesize=8&parity=N&stopbits=1&xonxoff=0&rtscts=0&dsrdtr=0&write_timeout=S]
                                                           PORT is anything pyserial's serial_for_url
                                                           opens: COM3, /dev/ttyUSB0, loop://,
                                                           socket://h:p, spy:///dev/ttyS0?file=log;
                                                           the settings above are taken out of the
                                                           query, any other query key stays in PORT
                                                           for pyserial; baudrate defaults to 9600
    usblp:PATH                                             USB printer device file, e.g. usblp:/dev/usb/lp0
    file:PATH                                              append to a file (file:///abs/path also works)
    memory:                                                in-memory fake (tests, dry runs)
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from posdrivers.errors import BadPrinterUrl
from posdrivers.transports.base import Transport
from posdrivers.transports.file import FileTransport
from posdrivers.transports.memory import MemoryTransport
from posdrivers.transports.serialport import SERIAL_SETTINGS, SerialTransport
from posdrivers.transports.tcp import DEFAULT_PORT, TcpTransport
from posdrivers.transports.usblp import UsbLpTransport

SCHEMES = ("tcp", "serial", "usblp", "file", "memory")


def _bad(url: str, why: str) -> BadPrinterUrl:
    return BadPrinterUrl(
        f"The printer address {url!r} is not valid: {why}. Use tcp://HOST:9100, serial:/dev/ttyUSB0?baudrate=38400, "
        "serial:COM3, usblp:/dev/usb/lp0, file:/path/to/file or memory:."
    )


def transport_from_url(url: str) -> Transport:
    """Build the transport for ``url`` without connecting (see the module docstring for the syntax)."""
    scheme, sep, rest = url.partition(":")
    scheme = scheme.lower()
    if not sep or scheme not in SCHEMES:
        raise _bad(url, f"it must start with one of {', '.join(s + ':' for s in SCHEMES)}")
    if scheme == "tcp":
        return _tcp(url)
    if scheme == "serial":
        return _serial(url, rest)
    if scheme == "memory":
        if rest:
            raise _bad(url, "memory: takes nothing after the colon")
        return MemoryTransport()
    path = rest[2:] if rest.startswith("///") else rest
    if not path or path.startswith("//"):
        raise _bad(url, f"{scheme}: needs a path such as {scheme}:/dev/usb/lp0")
    return UsbLpTransport(path) if scheme == "usblp" else FileTransport(path)


def open_transport(url: str) -> Transport:
    """Build the transport for ``url`` and connect it now (errors surface here, not on first print)."""
    transport = transport_from_url(url)
    transport.open()
    return transport


def _tcp(url: str) -> TcpTransport:
    parts = urlsplit(url)
    if not parts.hostname or parts.path not in ("", "/"):
        raise _bad(url, "tcp:// needs a host and nothing after the port")
    try:
        port = parts.port or DEFAULT_PORT
        options = {k: float(v) for k, v in parse_qsl(parts.query, strict_parsing=bool(parts.query))}
    except ValueError as exc:
        raise _bad(url, f"the port or an option is not a number ({exc})") from exc
    unknown = set(options) - {"connect_timeout", "write_timeout"}
    if unknown:
        raise _bad(url, f"unknown option(s) {', '.join(sorted(unknown))}")
    return TcpTransport(parts.hostname, port, **options)


def _serial(url: str, rest: str) -> SerialTransport:
    port, _, query = rest.partition("?")
    if not port:
        raise _bad(url, "serial: needs a port such as serial:/dev/ttyUSB0 or serial:COM3")
    settings: dict[str, Any] = {}
    passthrough = []
    for key, value in parse_qsl(query, keep_blank_values=True):
        kind = SERIAL_SETTINGS.get(key)
        if kind is None:
            passthrough.append((key, value))
            continue
        try:
            settings[key] = value.lower() in ("1", "true", "yes", "on") if kind is bool else kind(value)
        except ValueError as exc:
            raise _bad(url, f"{key}={value!r} is not a valid {kind.__name__}") from exc
    if passthrough:
        port = f"{port}?{urlencode(passthrough)}"
    return SerialTransport(port, **settings)
