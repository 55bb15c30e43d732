"""A fault-injecting HTTP proxy on 127.0.0.1 in front of the real Medusa.

`proxy.arm(method, path_regex, kind)` fails the next matching request once:
  "500"      answer 500 without forwarding it: Medusa did nothing
  "drop"     forward it, let Medusa answer (the step is committed), close the connection unanswered
  "timeout"  forward it, let Medusa answer, then hang until the client has given up
  "kill"     forward it, let Medusa answer, SIGKILL the process `proxy.victim`, close the connection
Every other request is relayed as it is. `rule.seen` is set when the request arrives, `rule.done`
once Medusa has answered it (or at once for "500"), so a test never races Medusa still at work.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization",
              "proxy-authenticate", "host", "content-length"}
HANG_SECONDS = 3.0


@dataclass
class Rule:
    method: str
    path: re.Pattern[str]
    kind: str
    seen: threading.Event = field(default_factory=threading.Event)
    done: threading.Event = field(default_factory=threading.Event)
    request: str = ""


class FaultProxy(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, target: str) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        parts = urlsplit(target)
        self.target = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.rules: list[Rule] = []
        self.victim: int | None = None
        self.lock = threading.Lock()
        self.log: list[tuple[str, str, int | str]] = []
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> FaultProxy:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()

    def arm(self, method: str, path: str, kind: str) -> Rule:
        rule = Rule(method, re.compile(path), kind)
        with self.lock:
            self.rules.append(rule)
        return rule

    def take(self, method: str, path: str) -> Rule | None:
        with self.lock:
            for rule in self.rules:
                if rule.method == method and rule.path.search(path):
                    self.rules.remove(rule)
                    rule.request = f"{method} {path}"
                    rule.seen.set()
                    return rule
        return None

    def will_hang(self, method: str, path: str) -> bool:
        """Whether the next such request will hang (its client then waits only briefly for it)."""
        with self.lock:
            return any(r.kind == "timeout" and r.method == method and r.path.search(path) for r in self.rules)

    def disarm(self) -> None:
        with self.lock:
            self.rules.clear()


class _Handler(BaseHTTPRequestHandler):
    server: FaultProxy
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._relay("GET")

    def do_POST(self) -> None:
        self._relay("POST")

    def do_DELETE(self) -> None:
        self._relay("DELETE")

    def _relay(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        path = self.path.split("?")[0]
        rule = self.server.take(method, path)
        if rule is not None and rule.kind == "500":
            self.server.log.append((method, path, "500"))
            rule.done.set()
            return self._answer(500, {"Content-Type": "application/json"}, b'{"message":"injected failure"}')
        status, headers, payload = self._forward(method, body)
        self.server.log.append((method, path, status if rule is None else rule.kind))
        if rule is None:
            return self._answer(status, headers, payload)
        rule.done.set()  # Medusa has answered: the step is committed (or refused)
        if rule.kind == "kill" and self.server.victim:
            os.kill(self.server.victim, signal.SIGKILL)
        elif rule.kind == "timeout":
            threading.Event().wait(HANG_SECONDS)
        self.close_connection = True

    def _forward(self, method: str, body: bytes | None) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection(*self.server.target, timeout=120)
        try:
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
            connection.request(method, self.path, body=body, headers=headers)
            response = connection.getresponse()
            payload = response.read()
            relayed = {k: v for k, v in response.getheaders() if k.lower() not in HOP_BY_HOP}
            return response.status, relayed, payload
        finally:
            connection.close()

    def _answer(self, status: int, headers: dict[str, str], payload: bytes) -> None:
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass
