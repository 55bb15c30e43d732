"""``main(argv)`` of the virtual printer: run it until Ctrl-C, SIGTERM or end of standard input.

::

    python -m posdrivers.virtual.printer_cli --port 9100 --control-port 9101 --jobs-dir ./jobs

It prints one line when ready, e.g.
``virtual printer tcp://127.0.0.1:9100 control 127.0.0.1:9101 jobs /abs/jobs profile epson-tm-t20iii``,
so a test or script that started it with ``--port 0`` can read the ports it got.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading

from posdrivers.escpos.profiles import list_profiles, load_profile
from posdrivers.virtual.faults import FAULTS
from posdrivers.virtual.printer import VirtualPrinter


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="virtual-printer", description="Virtual ESC/POS network printer.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument(
        "--port", type=int, default=9100, help="printer port, 0 = any free port (default 9100)"
    )
    parser.add_argument("--control-port", type=int, default=None, help="control channel port (0 = any free)")
    parser.add_argument(
        "--jobs-dir", default="virtual-printer-jobs", help="folder for job-NNNN.bin/.txt/.png"
    )
    parser.add_argument("--profile", default="epson-tm-t20iii", choices=list_profiles())
    parser.add_argument("--fault", default="none", choices=FAULTS, help="start with this fault")
    parser.add_argument("--slow-delay", type=float, default=1.0, help="status delay of the 'slow' fault (s)")
    parser.add_argument(
        "--until-stdin-closes", action="store_true", help="also stop when standard input ends"
    )
    return parser


def run(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    done = threading.Event()
    printer = VirtualPrinter(
        args.host,
        args.port,
        jobs_dir=args.jobs_dir,
        profile=load_profile(args.profile),
        control_port=args.control_port,
        slow_delay=args.slow_delay,
    )
    try:
        printer.start()
    except OSError as exc:
        print(
            f"Cannot listen on {args.host}:{args.port} ({exc.strerror}): choose another --port.",
            file=sys.stderr,
        )
        return 2
    printer.set_fault(args.fault)
    control = printer.control_address
    control_text = f" control {control[0]}:{control[1]}" if control else ""
    print(
        f"virtual printer {printer.url}{control_text} jobs {printer.jobs_dir.resolve()} profile {args.profile}",
        flush=True,
    )
    with contextlib.suppress(ValueError):  # not the main thread: only Ctrl-C / stdin
        signal.signal(signal.SIGTERM, lambda *_: done.set())
    if args.until_stdin_closes:

        def watch_stdin() -> None:
            sys.stdin.read()
            done.set()

        threading.Thread(target=watch_stdin, daemon=True).start()
    try:
        while not done.wait(0.2):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        printer.stop()
    return 0


if __name__ == "__main__":
    sys.exit(run())
