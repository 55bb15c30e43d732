"""Printer transports: one per file behind one ``write(bytes)`` seam, built from a URL."""

from posdrivers.transports.base import Transport
from posdrivers.transports.file import FileTransport
from posdrivers.transports.memory import MemoryTransport
from posdrivers.transports.serialport import SerialTransport
from posdrivers.transports.tcp import TcpTransport
from posdrivers.transports.url import open_transport, transport_from_url
from posdrivers.transports.usblp import UsbLpTransport

__all__ = [
    "FileTransport",
    "MemoryTransport",
    "SerialTransport",
    "TcpTransport",
    "Transport",
    "UsbLpTransport",
    "open_transport",
    "transport_from_url",
]
