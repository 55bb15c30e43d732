"""A scripted OMS on 127.0.0.1: the subset of Medusa's Admin API the connector uses to push a
return (locations, reasons, an order, returns, refunds) and to claim a till's numbers (inventory items),
with faults injected on demand.

Faults (`server.fault(method, path_regex, kind, times=1)`), checked in order, each consumed once:
  "drop"      do the work, then close the connection without an answer (lost response)
  "500"       answer 500 without doing anything
  "429:N"     answer 429 with Retry-After: N without doing anything
  "hang:S"    do the work, then wait S seconds before answering (past the client's timeout)
  "malformed" do the work, then answer 200 with a body that is not JSON
  "block"     do the work, set `server.committed`, then wait for `server.release` (kill -9 tests)
  "hold"      do the work, set `server.committed`, wait for `server.release`, then answer
`server.log` records every request (method, path) received; `server.delay` slows every request down.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

KEY = "sk_test_fake"
LOCATION = "sloc_paris"
PAYMENT = "pay_1"


@dataclass
class Fault:
    method: str
    path: re.Pattern[str]
    kind: str
    times: int


@dataclass
class State:
    orders: dict[str, dict[str, Any]] = field(default_factory=dict)
    returns: dict[str, dict[str, Any]] = field(default_factory=dict)
    refunds: list[dict[str, Any]] = field(default_factory=list)
    inventory_items: dict[str, dict[str, Any]] = field(default_factory=dict)  # by SKU: the tills' claims
    counter: int = 0


def order(order_id: str, lines: dict[str, int]) -> dict[str, Any]:
    return {"id": order_id, "display_id": 1, "currency_code": "eur", "credit_lines": [], "transactions": [],
            "metadata": {},
            "items": [{"id": line, "variant_sku": line.upper(), "quantity": q,
                       "detail": {"quantity": q, "fulfilled_quantity": q, "return_requested_quantity": 0,
                                  "return_received_quantity": 0, "return_dismissed_quantity": 0}}
                      for line, q in lines.items()],
            "payment_collections": [{"payments": [{"id": PAYMENT if order_id == "order_1" else f"pay_{order_id}",
                                                    "captured_at": "2026-11-20T10:00:00Z",
                                                    "canceled_at": None, "refunds": []}]}]}


class FakeMedusa(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int = 0, state: State | None = None) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.state = state or State()
        self.faults: list[Fault] = []
        self.log: list[tuple[str, str]] = []
        self.lock = threading.Lock()
        self.committed = threading.Event()
        self.release = threading.Event()
        self.delay = 0.0  # seconds every request takes: a slow OMS
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> FakeMedusa:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        self.shutdown()
        self.server_close()

    def fault(self, method: str, path: str, kind: str, times: int = 1) -> None:
        self.faults.append(Fault(method, re.compile(path), kind, times))

    def take_fault(self, method: str, path: str) -> str | None:
        with self.lock:
            for fault in self.faults:
                if fault.times > 0 and fault.method == method and fault.path.search(path):
                    fault.times -= 1
                    return fault.kind
        return None

    # the invariants every fault test checks
    def returns_for(self, marker: str) -> list[dict[str, Any]]:
        return [r for r in self.state.returns.values() if r["metadata"].get("posreturns_event_id") == marker]

    def refunds_for(self, marker: str) -> list[dict[str, Any]]:
        return [r for r in self.state.refunds if r["note"].startswith(f"posreturns:{marker}:")]


class _Handler(BaseHTTPRequestHandler):
    server: FakeMedusa

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def _handle(self, method: str) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}") if length else {}
        self.server.log.append((method, parts.path))
        if self.headers.get("Authorization") != "Basic " + __import__("base64").b64encode(f"{KEY}:".encode()).decode():
            return self._send(401, {"message": "Unauthorized"})
        if self.server.delay:
            time.sleep(self.server.delay)
        fault = self.server.take_fault(method, parts.path)
        if fault == "500":
            return self._send(500, {"message": "boom"})
        if fault and fault.startswith("429"):
            return self._send(429, {"message": "slow down"}, {"Retry-After": fault.split(":")[1]})
        with self.server.lock:
            status, answer = _route(self.server.state, method, parts.path, parse_qs(parts.query), body)
        if fault == "drop":
            self.close_connection = True
            return
        if fault and fault.startswith("hang"):
            time.sleep(float(fault.split(":")[1]))
        if fault == "hold":
            self.server.committed.set()
            self.server.release.wait(60)
        if fault == "block":
            self.server.committed.set()
            self.server.release.wait(30)
            self.close_connection = True
            return
        if fault == "malformed":
            return self._raw(200, b"<html>oops</html>")
        self._send(status, answer)

    def _send(self, status: int, data: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        self._raw(status, json.dumps(data).encode(), headers)

    def _raw(self, status: int, payload: bytes, headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass


def _route(s: State, method: str, path: str, query: dict[str, list[str]],
           body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    if path == "/admin/stock-locations":
        return 200, {"stock_locations": [{"id": LOCATION, "name": "PARIS-01", "metadata": {"store_code": "PARIS-01"}}]}
    if path == "/admin/return-reasons":
        return 200, {"return_reasons": [{"id": "rr_wrong_size", "value": "WRONG_SIZE"}]}
    if path == "/admin/refund-reasons":
        return 200, {"refund_reasons": [{"id": "refr_return", "code": "return"}]}
    if m := re.fullmatch(r"/admin/orders/([^/]+)/changes", path):
        return 200, {"order_changes": _changes(s, m.group(1))}
    if m := re.fullmatch(r"/admin/orders/([^/]+)", path):
        if m.group(1) not in s.orders:
            return 404, {"type": "not_found", "message": f"Order id not found: {m.group(1)}"}
        if method == "POST":
            s.orders[m.group(1)].setdefault("metadata", {}).update(body.get("metadata") or {})
        return 200, {"order": s.orders[m.group(1)]}
    if path == "/admin/returns" and method == "GET":
        wanted = query.get("order_id", [None])[0]
        return 200, {"returns": [r for r in s.returns.values() if r["order_id"] == wanted]}
    if path == "/admin/returns" and method == "POST":
        s.counter += 1
        rid = f"return_{s.counter}"
        s.returns[rid] = {"id": rid, "order_id": body["order_id"], "status": "open",
                          "metadata": body.get("metadata") or {},
                          "items": [], "canceled_at": None, "receiving": False}
        return 200, {"return": s.returns[rid]}
    if method == "POST" and (m := re.fullmatch(r"/admin/returns/([^/]+)", path)):  # as Medusa: while still open
        s.returns[m.group(1)]["no_notification"] = body.get("no_notification")
        return 200, {"return": s.returns[m.group(1)]}
    if method == "POST" and (m := re.fullmatch(
            r"/admin/returns/([^/]+)/"
            r"(request-items|request|receive|receive-items|dismiss-items|receive/confirm)", path)):
        ret = s.returns[m.group(1)]
        return _step(s, ret, m.group(2), body)
    if m := re.fullmatch(r"/admin/returns/([^/]+)/(receive|request)", path):
        if method == "DELETE" and m.group(2) == "receive":
            s.returns[m.group(1)]["receiving"] = False
            return 200, {"deleted": True}
        if method == "DELETE":
            ret = s.returns.pop(m.group(1))
            for item in ret["items"]:
                next(i for i in s.orders[ret["order_id"]]["items"] if i["id"] == item["item_id"])["detail"][
                    "return_requested_quantity"] -= item["quantity"]
            return 200, {"deleted": True}
    if path == "/admin/inventory-items" and method == "GET":  # Medusa's q searches the SKU (and titles)
        wanted, sku = query.get("q", [""])[0].upper(), query.get("sku", [None])[0]
        return 200, {"inventory_items": [i for k, i in s.inventory_items.items()
                                         if (sku is None or k == sku) and wanted in k]}
    if path == "/admin/inventory-items" and method == "POST":  # as Medusa: one item per SKU
        if body["sku"] in s.inventory_items:
            return 400, {"type": "invalid_data", "message": f"Inventory item with sku: {body['sku']}, already exists."}
        s.counter += 1
        s.inventory_items[body["sku"]] = {"id": f"iitem_{s.counter}", **body}
        return 200, {"inventory_item": s.inventory_items[body["sku"]]}
    if m := re.fullmatch(r"/admin/payments/([^/]+)/refund", path):
        s.refunds.append({"payment": m.group(1), "amount": body["amount"], "note": body.get("note", "")})
        paid = next((o, p) for o in s.orders.values() for p in o["payment_collections"][0]["payments"]
                    if p["id"] == m.group(1))
        refund_id = f"ref_{len(s.refunds)}"
        paid[1]["refunds"].append({"id": refund_id, "note": body.get("note", ""), "amount": body["amount"]})
        # Medusa's refund workflow then books it on the order (the order's balance)
        paid[0]["transactions"].append({"reference": "refund", "reference_id": refund_id, "amount": -body["amount"]})
        return 200, {"payment": paid[1]}
    return 404, {"type": "not_found", "message": f"no route {method} {path}"}


def _changes(s: State, order_id: str) -> list[dict[str, Any]]:
    """Medusa's order changes: a return's request is pending until /request, its receive until confirmed."""
    changes = []
    for ret in s.returns.values():
        if ret["order_id"] == order_id:
            changes.append({"id": f"ordch_r_{ret['id']}", "change_type": "return_request", "return_id": ret["id"],
                            "status": "pending" if ret["status"] == "open" else "confirmed"})
            if ret["receiving"]:
                changes.append({"id": f"ordch_v_{ret['id']}", "change_type": "return_receive",
                                "return_id": ret["id"], "status": "pending"})
    return changes


def _step(s: State, ret: dict[str, Any], step: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    order = s.orders[ret["order_id"]]
    items = {i["id"]: i for i in order["items"]}
    if step == "request-items":
        for item in body["items"]:
            d = items[item["id"]]["detail"]
            left = d["fulfilled_quantity"] - d["return_requested_quantity"] - d["return_received_quantity"]
            if item["quantity"] > left:
                return 400, {"type": "invalid_data",
                             "message": "Cannot request to return more items than what was fulfilled"}
            ret["items"].append({"item_id": item["id"], "quantity": item["quantity"]})
            d["return_requested_quantity"] += item["quantity"]
    elif step == "request":
        ret["status"] = "requested"
    elif step == "receive":
        if ret["receiving"]:
            return 400, {"type": "invalid_data", "message": "Order already has an existing active order change"}
        ret["receiving"] = True
    elif step == "receive/confirm":
        for item in ret["items"]:
            d = items[item["item_id"]]["detail"]
            d["return_requested_quantity"] -= item["quantity"]
            d["return_received_quantity"] += item["quantity"]
        ret["status"], ret["receiving"] = "received", False
    return 200, {"return": ret}
