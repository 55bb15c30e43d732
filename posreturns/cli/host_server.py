"""The HTTP side of `posreturns serve`: JSON over HTTP/1.1 (keep-alive) on the loopback interface only,
each call carrying the till's token (`Authorization: Bearer …`, the token in `host-api.token` in the
data folder, readable by the till's user only). One thread per connection; each thread reads and
writes the database on connections of its own (the engine's pool). Logs say which call answered
what, never a query string, a header or a body (PINs, customers' details).
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import logging
import os
import secrets
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import orjson

from posreturns.cli.host_api import Call, HostApi, error_answer
from posreturns.cli.till_args import parse_json
from posreturns.services.errors import BadInput

TOKEN_FILE = "host-api.token"
MAX_BODY_BYTES = 1 << 20
log = logging.getLogger("posreturns.host_api")


def loopback(host: str) -> str:
    """`host` when it is this computer's loopback address, else `BadInput`: the API is for the host POS
    on this till, never for the network."""
    try:
        local = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        local = False
    if not local:
        raise BadInput(f"posreturns serve listens on this computer only; {host} is not a loopback address. "
                       "Use 127.0.0.1 (the default) or ::1.")
    return host


def till_token(data_dir: Path, renew: bool = False) -> str:
    """The till's API token, made on first use (or when `renew`), kept in a file only the till's user reads."""
    path = data_dir / TOKEN_FILE
    if not renew:
        try:
            known = path.read_text(encoding="ascii").strip()
            if len(known) >= 32:
                return known
        except (OSError, UnicodeDecodeError):
            pass
    token = secrets.token_urlsafe(32)
    partial = path.with_suffix(".tmp")
    partial.unlink(missing_ok=True)
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(token + "\n")
    os.replace(partial, path)
    return token


class HostServer(ThreadingHTTPServer):
    daemon_threads = False
    block_on_close = True  # a stop lets the calls under way finish

    def __init__(self, address: tuple[str, int], api: HostApi, token: str) -> None:
        self.address_family = socket.AF_INET6 if ":" in loopback(address[0]) else socket.AF_INET
        super().__init__(address, _Handler)
        self.api, self.token = api, token.encode()
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.connections_lock:
            self.connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self.connections_lock:
            self.connections.discard(request)
        super().shutdown_request(request)

    def stop(self) -> None:
        """Stop taking calls, let those under way answer, and end the hosts' idle keep-alive connections
        (their threads would otherwise wait for a next call forever). Not from the serving thread."""
        self.shutdown()
        with self.connections_lock:
            open_now = list(self.connections)
        for connection in open_now:
            with contextlib.suppress(OSError):  # already closed by its host
                connection.shutdown(socket.SHUT_RD)  # the next read ends; an answer being written still goes out

    @property
    def url(self) -> str:
        host, port = str(self.server_address[0]), self.server_address[1]
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def encoded(answer: Any) -> bytes:
    """An answer as UTF-8 JSON: through orjson (a 20-line quote's ~27 KB in 0.02 ms, not json's 0.3 ms),
    else json for what orjson refuses and json writes (a key that is not a string)."""
    try:
        return orjson.dumps(answer)
    except TypeError:
        return json.dumps(answer, ensure_ascii=False).encode()


class _Handler(BaseHTTPRequestHandler):
    server: HostServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # an answer goes out at once, not after the host's ACK of the last one
    wbufsize = -1  # headers and body in one write, sent when the call is answered (handle_one_request flushes)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def _serve(self, method: str) -> None:
        started = time.perf_counter()
        parts = urlsplit(self.path)
        self.call_name, self.use_case_ms = "-", 0.0
        status, body = self._answer(method, parts.path, parts.query)
        self._send(status, body)
        log.info("%s %s -> %d (%.1f ms)", method, self.call_name, status, (time.perf_counter() - started) * 1000)

    def _answer(self, method: str, path: str, query: str) -> tuple[int, Any]:
        api = self.server.api
        try:
            raw = self._raw_body()  # read first, whatever follows: the connection's next call starts after it
        except BadInput as error:
            return error_answer("bad_input", str(error))
        if not secrets.compare_digest(self.headers.get("Authorization", "").encode(), b"Bearer " + self.server.token):
            return error_answer("unauthorized", "Send the till's token: Authorization: Bearer <the text of "
                                                f"{TOKEN_FILE} in the till's data folder>.")
        found = api.route(method, "/".join(unquote(part) for part in path.split("/")))
        if found is None:
            return error_answer("bad_input", f"There is no call {method} {path[:80]}; see docs/host-integration.md.")
        handler, path_parts = found
        self.call_name = handler.__name__  # logged rather than the path, which may hold what a cashier typed
        try:
            body = parse_json(raw) if raw.strip() else None
        except BadInput as error:
            return error_answer("bad_input", str(error))
        call = Call(path_parts, dict(parse_qsl(query)), body, {k.lower(): v for k, v in self.headers.items()})
        started = time.perf_counter()
        try:
            return api.answer(handler, call)
        except Exception:
            log.exception("the host API's %s %s failed unexpectedly", method, self.call_name)
            return 500, {"error": {"code": "internal", "exit_code": 1, "message": "posreturns failed unexpectedly; "
                                   "the till's log has the details. Try again, or call support."}}
        finally:
            self.use_case_ms = (time.perf_counter() - started) * 1000

    def _raw_body(self) -> bytes:
        try:
            size = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            size = -1
        if not 0 <= size <= MAX_BODY_BYTES:
            self.close_connection = True
            raise BadInput(f"The request must say its length (Content-Length) and be at most {MAX_BODY_BYTES // 1024} "
                           "KB; send one return at a time.")
        return self.rfile.read(size) if size else b""

    def _send(self, status: int, body: Any) -> None:
        data = encoded(body)
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Server-Timing", f"use-case;dur={self.use_case_ms:.3f}")  # what the API added is the rest
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        """Nothing: `_serve` logs each call; the base class would print the query string."""
