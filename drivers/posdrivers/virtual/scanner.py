"""A virtual serial barcode scanner on a pseudo-terminal (Linux/macOS).

::

    with VirtualScanner(terminator="CR", link=tmp_path / "scanner") as scanner:
        reader = SerialScannerReader(str(scanner.path), on_scan=...)   # opens the pty like a real port
        scanner.scan("]E04006381333931")                               # data + terminator
        scanner.unplug(); scanner.replug()                             # device disappears and returns

``path`` is the stable ``link`` (a symlink re-pointed at each replug, like a udev by-id name) or,
without a link, the pty slave path (``/dev/pts/N``), which changes on replug.

Command line: ``python -m posdrivers.virtual.scanner --code 4006381333931 --code RET-2026-000123``
or one code per line on standard input; ``<GS>`` in a code stands for the GS1 separator (0x1D).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Self

from posdrivers.scanner.framing import terminator_bytes


class VirtualScanner:
    """The device end of a pty pair: whatever :meth:`scan` writes, the port's reader receives."""

    def __init__(self, terminator: str = "CR", link: str | Path | None = None) -> None:
        self.terminator = terminator_bytes(terminator) or b"\r"  # ANY: a scanner sends CR
        self.link = Path(link) if link is not None else None
        self._master: int | None = None
        self._slave: int | None = None
        self.device_path = ""

    @property
    def path(self) -> Path:
        return self.link if self.link is not None else Path(self.device_path)

    @property
    def plugged(self) -> bool:
        return self._master is not None

    def plug(self) -> Self:
        """Create the pty (and point ``link`` at it)."""
        if self._master is None:
            if not hasattr(os, "openpty"):
                raise RuntimeError(
                    "The virtual scanner needs pseudo-terminals (Linux or macOS): use loop:// here."
                )
            import tty  # POSIX only: imported here so the package still imports on Windows

            self._master, self._slave = os.openpty()
            tty.setraw(self._slave)
            self.device_path = os.ttyname(self._slave)
            if self.link is not None:
                temporary = self.link.with_name(self.link.name + ".new")
                temporary.unlink(missing_ok=True)
                temporary.symlink_to(self.device_path)
                temporary.replace(self.link)
        return self

    replug = plug

    def unplug(self) -> None:
        """Close the pty: readers get an I/O error, as when a USB scanner is pulled out."""
        if self.link is not None:
            self.link.unlink(missing_ok=True)
        for fd in (self._master, self._slave):
            if fd is not None:
                os.close(fd)
        self._master = self._slave = None

    close = unplug

    def write(self, data: bytes) -> None:
        """Send raw bytes (no terminator added): for garbage, split scans, invalid UTF-8."""
        if self._master is None:
            raise RuntimeError("The virtual scanner is unplugged: call plug() first.")
        view = memoryview(data)
        while view:
            view = view[os.write(self._master, view) :]

    def scan(self, code: str | bytes) -> None:
        """Send one scan: the code (UTF-8) followed by the terminator."""
        self.write((code.encode("utf-8") if isinstance(code, str) else code) + self.terminator)

    def __enter__(self) -> Self:
        return self.plug()

    def __exit__(self, *exc_info: object) -> None:
        self.unplug()


def main(argv: list[str] | None = None) -> int:
    """Create a pty scanner, print its path, send ``--code`` values (or stdin lines), then close."""
    parser = argparse.ArgumentParser(
        prog="virtual-scanner", description="Virtual serial barcode scanner (pty)."
    )
    parser.add_argument(
        "--code", action="append", default=[], help="code to scan (repeatable); else stdin lines"
    )
    parser.add_argument("--terminator", default="CR", choices=["CR", "LF", "CRLF", "TAB"])
    parser.add_argument("--link", help="also make this symlink point at the pty (stable path)")
    parser.add_argument(
        "--wait", type=float, default=2.0, help="seconds to wait before the first code (default 2)"
    )
    parser.add_argument("--delay", type=float, default=0.2, help="seconds between codes (default 0.2)")
    parser.add_argument("--linger", type=float, default=2.0, help="seconds to keep the pty open at the end")
    args = parser.parse_args(argv)
    with VirtualScanner(args.terminator, args.link) as scanner:
        print(f"virtual scanner {scanner.path}", flush=True)
        time.sleep(args.wait)
        codes = args.code or (line.rstrip("\r\n") for line in sys.stdin)
        for code in codes:
            scanner.scan(code.replace("<GS>", "\x1d"))
            time.sleep(args.delay)
        time.sleep(args.linger)
    return 0


if __name__ == "__main__":
    sys.exit(main())
