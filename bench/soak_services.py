"""The till's long-running parts over thousands of events and print jobs, with the OMS and the
printer coming and going: the sync worker's thread and receipt printing, measured.

    python -m bench.soak_services [--events 2000] [--jobs 1000] [--rounds 40] [--json]

The till side runs here, as in the window: `SyncWorker` on its thread uploads the outbox to the OMS
(the scripted Medusa of the sync fault tests, tests/helpers/fake_medusa.py, in its own process on
loopback), while a printing thread prints documents through `ReceiptPrinting.print_document` to the
virtual printer (its own process, on loopback) and retries what failed with `retry_unprinted`. Every
few rounds the OMS goes away (its port closed: connections refused), answers 500s, 429s, drops a
response after committing, or hangs past the timeout; the printer refuses connections, runs out of
paper or opens its cover. Time between retries is compressed (a clock 100x fast), so backoffs of
minutes pass in seconds. Then both come back, the outbox drains and the kept jobs print.

Measured each round: RSS, threads, file descriptors, Python objects of this process. At the end:
every event applied exactly once in the OMS, every job printed once. The last line is the report as
JSON. The test suite runs it (tests/soak/test_services_soak.py); `make bench` runs it longer.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from bench.soak_metrics import Sample, growth, sample

ROOT = Path(__file__).parents[1]
ORDERS, LINES, QTY = 100, 10, 1000  # the OMS's orders: enough units for every event
SPEED = 100.0  # the soak's clock runs this much faster than the wall clock
OMS_FAULTS = ["down", "500", "429:1", "drop", "hang:1.5", "malformed"]
PRINTER_FAULTS = ["refuse", "paper_out", "cover_open", "slow"]
DRAIN_SECONDS = 600.0  # a loaded 2-core box uploads a few events a second


class FastClock:
    """Wall time, SPEED times faster from the start: backoffs and idle waits pass quickly."""

    def __init__(self) -> None:
        self.start, self.origin = time.monotonic(), datetime.now(UTC)

    def now(self) -> datetime:
        return self.origin + timedelta(seconds=(time.monotonic() - self.start) * SPEED)


def serve_oms(commands: Connection, port: int) -> None:
    """The OMS process: the scripted Medusa, taken down and brought back on the same port on command."""
    sys.path.insert(0, str(ROOT / "tests"))  # the scripted OMS of the sync fault tests
    from helpers.fake_medusa import FakeMedusa, order

    server = FakeMedusa(port).start()
    for n in range(ORDERS):
        server.state.orders[f"order_{n}"] = order(f"order_{n}", {f"o{n}l{i}": QTY for i in range(LINES)})
    commands.send(server.url)
    while True:
        command, argument = commands.recv()
        if command == "down":
            server.stop()
        elif command == "up":
            server = FakeMedusa(port, server.state).start()
        elif command == "fault":
            server.fault("POST", ".", argument, times=3)
        elif command == "count":  # how many returns and refunds each event made
            with server.lock:
                made: dict[str, int] = {}
                for ret in server.state.returns.values():
                    marker = ret["metadata"].get("posreturns_event_id", "")
                    made[marker] = made.get(marker, 0) + (ret["status"] == "received")
            commands.send(made)
        elif command == "stop":
            server.stop()
            commands.send("stopped")
            return


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_printer(jobs_dir: Path) -> tuple[subprocess.Popen[str], str, tuple[str, int]]:
    process = subprocess.Popen([sys.executable, "-m", "posdrivers.virtual.printer_cli", "--port", "0",
                                "--control-port", "0", "--jobs-dir", str(jobs_dir), "--until-stdin-closes"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    words = process.stdout.readline().split()  # virtual printer URL control HOST:PORT jobs …
    host, port = words[4].rsplit(":", 1)
    return process, words[2], (host, int(port))


class PrintingThread(threading.Thread):
    """Prints like the window's workers do: one document after another, retrying kept jobs."""

    def __init__(self, printing: Any, jobs: int, pace: Callable[[], None]) -> None:
        super().__init__(name="soak printing", daemon=True)
        self.printing, self.jobs, self.pace = printing, jobs, pace
        self.printed = self.kept = self.retried = self.done = 0
        self.failure: BaseException | None = None

    def run(self) -> None:
        from posreturns.devices.documents import Cut, Feed, Text

        try:
            for n in range(self.jobs):
                blocks = [Text("posreturns soak", "center", bold=True), Text(f"Document {n}"), Feed(1), Cut()]
                outcome = self.printing.print_document("soak", f"doc-{n}", blocks)
                self.printed += outcome.printed
                self.kept += not outcome.printed
                if n % 10 == 9:
                    self.retried += sum(o.printed for o in self.printing.retry_unprinted())
                self.done += 1
                self.pace()
        except BaseException as error:  # reported by the driver, which then fails
            self.failure = error


def run(events: int, jobs: int, rounds: int, seed: int = 3) -> dict[str, Any]:
    from posdrivers.virtual.control import send_control

    sys.path.insert(0, str(ROOT / "tests"))
    from helpers.sync import add_return

    from posreturns.app import open_printing, open_sync, open_till
    from posreturns.persistence.outbox import SqlOutbox
    from posreturns.sync.medusa.gateway import MedusaConfig, MedusaGateway
    from posreturns.sync.wire import HttpJsonClient
    from posreturns.sync.worker import SyncWorker

    started = time.perf_counter()
    rng = random.Random(seed)
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    oms = context.Process(target=serve_oms, args=(theirs, free_port()), daemon=True)
    oms.start()
    oms_url = ours.recv()
    with tempfile.TemporaryDirectory(prefix="posreturns-soak-") as tmp:
        printer, printer_url, control = start_printer(Path(tmp) / "printer")
        clock = FastClock()
        till = open_till(Path(tmp) / "till", clock=clock)  # type: ignore[arg-type]
        client = HttpJsonClient(oms_url, ("sk_test_fake", ""), timeout=(0.5, 1.0), now=clock.now)
        gateway = MedusaGateway(MedusaConfig(oms_url, "sk_test_fake"), clock, client)  # type: ignore[arg-type]
        worker = SyncWorker(open_sync(till, gateway=gateway, clock=clock), idle_seconds=0.2, offline_seconds=0.2,
                            restart_seconds=0.5)
        printing = open_printing(till, printer_url)
        per_round_events, per_round_jobs = max(1, events // rounds), max(1, jobs // rounds)
        pace = threading.Semaphore(0)
        printer_thread = PrintingThread(printing, per_round_jobs * rounds, pace.acquire)
        readings: list[Sample] = [sample("start")]
        event_ids: list[str] = []
        outages = {"oms": 0, "printer": 0}
        worker.start()
        printer_thread.start()
        try:
            for round_number in range(rounds):
                trouble = round_number % 3 == 1 and round_number < rounds - 2
                if trouble:
                    fault = OMS_FAULTS[(round_number // 3) % len(OMS_FAULTS)]
                    ours.send(("down", None) if fault == "down" else ("fault", fault))
                    # between two jobs: paper running out in the middle of one loses it, as the printer
                    # status is read before a job and not after (reported; the print queue's to mend)
                    released = round_number * per_round_jobs
                    _wait_for(lambda released=released: printer_thread.done >= released
                              or not printer_thread.is_alive())
                    send_control(control, f"FAULT {PRINTER_FAULTS[(round_number // 3) % len(PRINTER_FAULTS)]}")
                    outages["oms"] += 1
                    outages["printer"] += 1
                for _ in range(per_round_events):
                    n = rng.randrange(ORDERS)
                    event_ids.append(add_return(till.engine, order_id=f"order_{n}",
                                                line=f"o{n}l{rng.randrange(LINES)}"))
                worker.nudge()
                for _ in range(per_round_jobs):
                    pace.release()
                time.sleep(0.5)
                if trouble:
                    ours.send(("up", None)) if fault == "down" else None
                    send_control(control, "FAULT none")
                readings.append(sample(f"round {round_number + 1}"))
            drained = _drain(worker, till, printing, printer_thread, clock)
            readings.append(sample("drained"))
        finally:
            worker.stop()
            printer_thread.join(30)
            client.close()
            ours.send(("count", None))
            applied = ours.recv()
            ours.send(("stop", None))
            ours.recv()
            oms.join(10)
            received = int(send_control(control, "JOBS").split()[1])
            assert printer.stdin is not None
            printer.stdin.close()
            printer.wait(30)
            stats = SqlOutbox(till.engine).stats(clock.now())
            unprinted = len(printing.jobs.unprinted())
            till.close()
    if printer_thread.failure is not None:
        raise printer_thread.failure
    twice = sum(1 for event in event_ids if applied.get(event, 0) > 1)
    missing = sum(1 for event in event_ids if applied.get(event, 0) == 0)
    return report(readings, {"events": len(event_ids), "applied_once": len(event_ids) - twice - missing,
                             "applied_twice": twice, "not_applied": missing, "outbox_pending": stats.pending,
                             "outbox_rejected": stats.rejected, "drained": drained,
                             "jobs": printer_thread.jobs, "printed_first_time": printer_thread.printed,
                             "kept_then_retried": printer_thread.kept, "unprinted": unprinted,
                             "received_by_printer": received, "outages": outages},
                  time.perf_counter() - started)


def _wait_for(condition: Callable[[], bool], seconds: float = DRAIN_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)


def _drain(worker: Any, till: Any, printing: Any, printer_thread: PrintingThread, clock: FastClock) -> bool:
    """Both devices back: wait until the outbox is empty and every kept job printed."""
    from posreturns.persistence.outbox import SqlOutbox

    printer_thread.join(DRAIN_SECONDS)
    deadline = time.monotonic() + DRAIN_SECONDS
    outbox = SqlOutbox(till.engine)
    while time.monotonic() < deadline:
        printing.retry_unprinted()
        if outbox.stats(clock.now()).pending == 0 and not printing.jobs.unprinted():
            return True
        worker.nudge()
        time.sleep(0.2)
    return False


def report(readings: list[Sample], outcome: dict[str, Any], seconds: float) -> dict[str, Any]:
    warm_up = max(1, len(readings) // 5)
    return {**outcome, "seconds": round(seconds, 1), "warm_up_samples": warm_up,
            "rss_mb": {"start": readings[0].rss_mb, "after_warm_up": readings[warm_up].rss_mb,
                       "end": readings[-1].rss_mb,
                       "growth_after_warm_up": growth(readings, "rss_mb", warm_up),
                       "growth_after_warm_up_less_sqlite": growth(readings, "rss_less_sqlite_mb", warm_up),
                       "sqlite_end": readings[-1].sqlite_mb},
            "growth_after_warm_up": {field: growth(readings, field, warm_up)
                                     for field in ("os_threads", "python_threads", "fds", "python_objects")},
            "samples": [s.as_dict() for s in readings]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.soak_services")
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.events, args.jobs, args.rounds)))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
