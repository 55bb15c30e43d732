"""Virtual devices for the demo and the tests: an ESC/POS network printer and a pty barcode scanner."""

from posdrivers.virtual.control import send_control
from posdrivers.virtual.interpreter import Interpreter
from posdrivers.virtual.jobs import Job
from posdrivers.virtual.ops import Op
from posdrivers.virtual.printer import VirtualPrinter
from posdrivers.virtual.scanner import VirtualScanner

__all__ = ["Interpreter", "Job", "Op", "VirtualPrinter", "VirtualScanner", "send_control"]
