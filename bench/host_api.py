"""What `posreturns serve` adds to a call: a host's HTTP client (one keep-alive connection, as
docs/host-integration.md advises) against the server in a child process. The server says in each
answer how long the use case itself took (`Server-Timing: use-case;dur=…`, JSON adapter included); the
rest of the round trip is the API's overhead (HTTP both ways, the token, routing, JSON encoding, the
client: one keep-alive connection, Nagle off, as .NET's and Node's HTTP clients work), measured per call:

* `health`: a call whose use case is next to nothing;
* `order show` (the lookup) and `return quote` (a one-line return, writes nothing).

    python -m bench.host_api [DATA_DIR RECEIPT_NUMBER SKU]   (make bench-cli: on the demo store)
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from bench.cli_start import ENV, demo_store
from bench.verdict import verdict

CALLS, WARM_UP = 1000, 100
TARGET_MS = 5.0
_USE_CASE = re.compile(r"use-case;dur=([0-9.]+)")


def _overheads(call: Callable[[], float], calls: int = CALLS) -> tuple[list[float], list[float]]:
    """Round trips and overheads (ms) of `calls` calls, each pair in call order; `call` returns the use case's
    own time."""
    for _ in range(WARM_UP):
        call()
    trips, overheads = [], []
    for _ in range(calls):
        started = time.perf_counter()
        use_case = call()
        trip = (time.perf_counter() - started) * 1000
        trips.append(trip)
        overheads.append(trip - use_case)
    return trips, overheads


def _p50_p99(timings: list[float]) -> tuple[float, float]:
    """Of sorted `timings`."""
    return timings[len(timings) // 2], timings[min(len(timings) - 1, int(len(timings) * 0.99))]


class KeepAliveClient:
    """A minimal HTTP/1.1 client on one keep-alive connection, each request in one write, Nagle off: what
    a host's client does. (Python's http.client measured several ms more per call than this on the
    busy development machine, for answers of a kilobyte or more; not the server's doing: it answers
    in the same time to both.)"""

    def __init__(self, host: str, port: int, token: str) -> None:
        self.socket = socket.create_connection((host, port), timeout=30)
        self.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.reader = self.socket.makefile("rb")
        self.token = token

    def call(self, method: str, path: str, body: bytes = b"") -> Callable[[], float]:
        """A call to make again and again; it returns the use case's own time (ms)."""
        request = (f"{method} {path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {self.token}\r\n"
                   f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body

        def once() -> float:
            self.socket.sendall(request)
            status = self.reader.readline()
            headers = {}
            while (line := self.reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                headers[name.strip().lower()] = value.strip()
            answer = self.reader.read(int(headers["content-length"]))
            if b" 200 " not in status:
                raise RuntimeError(f"{path}: {status!r} {answer[:200]!r}")
            found = _USE_CASE.search(headers.get("server-timing", ""))
            return float(found.group(1)) if found else 0.0
        return once

    def close(self) -> None:
        self.reader.close()
        self.socket.close()


@contextlib.contextmanager
def serving(data_dir: Path) -> Iterator[KeepAliveClient]:
    """A `posreturns serve` child on `data_dir` (stopped at the end) and a host's client connected to it."""
    command = [sys.executable, "-m", "posreturns", "--data-dir", str(data_dir), "serve", "--port", "0"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=ENV) as server:
        try:
            started = json.loads(server.stdout.readline())  # type: ignore[union-attr]
            token = Path(started["token_file"]).read_text(encoding="ascii").strip()
            host, port = started["url"].removeprefix("http://").rsplit(":", 1)
            client = KeepAliveClient(host, int(port), token)
            try:
                yield client
            finally:
                client.close()
        finally:
            server.terminate()
            server.wait(timeout=60)


def host_api(data_dir: Path, number: str, sku: str) -> dict[str, object]:
    quote = json.dumps({"receipt": number, "till_id": "T1", "offline": False, "refund_method": "original",
                        "lines": [{"code": sku, "qty": 1, "reason": "WRONG_SIZE", "condition": "NEW_WITH_TAGS"}],
                        "idempotency_key": "bench-quote"}).encode()
    with serving(data_dir) as client:
        measured = {"health": _overheads(client.call("GET", "/v1/health")),
                    "order show": _overheads(client.call("GET", f"/v1/orders/{number}")),
                    "return quote": _overheads(client.call("POST", "/v1/returns/quote", quote))}
    load = os.getloadavg()[0]
    results: dict[str, object] = {"target_ms": TARGET_MS, "load": round(load, 1), "calls": CALLS}
    for name, (trips, overheads) in measured.items():
        (t50, t99), (o50, o99) = _p50_p99(sorted(trips)), _p50_p99(sorted(overheads))
        print(f"{'host API: ' + name:<34} round trip p50 {t50:6.2f}, p99 {t99:6.2f} ms; the API's overhead p50 "
              f"{o50:5.2f}, p99 {o99:5.2f} ms (load {load:.1f})   target overhead p99 <= {TARGET_MS} ms: "
              f"{verdict(o99, TARGET_MS)}")
        results[name.replace(" ", "_")] = {"p50_ms": round(t50, 3), "p99_ms": round(t99, 3),
                                           "overhead_p50_ms": round(o50, 3), "overhead_p99_ms": round(o99, 3)}
    return results


def served_quote(data_dir: Path, request: dict[str, object], calls: int) -> dict[str, float]:
    """What a host waits for `request` (a quote) from `posreturns serve` on `data_dir`: the whole round trip
    on one keep-alive connection, after WARM_UP calls, subtracting nothing; beside it the use case's own
    time as the server measured it (`Server-Timing`)."""
    body = json.dumps(request).encode()
    with serving(data_dir) as client:
        trips, overheads = _overheads(client.call("POST", "/v1/returns/quote", body), calls)
    use_case = sorted(t - o for t, o in zip(trips, overheads, strict=True))
    (t50, t99), (u50, u99) = _p50_p99(sorted(trips)), _p50_p99(use_case)
    return {"p50_ms": round(t50, 3), "p99_ms": round(t99, 3), "use_case_p50_ms": round(u50, 3),
            "use_case_p99_ms": round(u99, 3), "calls": calls, "load": round(os.getloadavg()[0], 1)}


def demo_sale(folder: Path) -> tuple[Path, str, str]:
    """The demo store in `folder`, one of its sales and the SKU of that sale's first line."""
    import sqlite3
    from contextlib import closing

    data_dir, number = demo_store(folder)
    with closing(sqlite3.connect(data_dir / "posreturns.db")) as db:
        sku = db.execute("SELECT l.sku FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.number = ? "
                         "ORDER BY l.position LIMIT 1", (number,)).fetchone()[0]
    return data_dir, number, str(sku)


if __name__ == "__main__":
    if len(sys.argv) == 4:
        print(json.dumps(host_api(Path(sys.argv[1]), sys.argv[2], sys.argv[3])))
    else:
        with tempfile.TemporaryDirectory(prefix="posreturns-host-api-bench-") as tmp:
            print(json.dumps(host_api(*demo_sale(Path(tmp) / "till"))))
