"""Shared by the returns tests: a demo till with a fixed clock, request builders, and the checks
that every return in a store is whole (rows, ledgers, stock and outbox agree)."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from posreturns.app import Till, open_till
from posreturns.demo.store import demo_document
from posreturns.domain.lockout import Moment
from posreturns.domain.users import Principal
from posreturns.services.clock import FixedClock
from posreturns.services.importing import import_bytes

ROOT = Path(__file__).parents[2]
SHIPPED_POLICY = ROOT / "posreturns" / "resources" / "policy" / "default.toml"
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))
MANAGER, PIN = "mgr1", "2468"
CASHIER = Principal.vouched("alice", by="tests")  # the cashier of `request()`, as a host POS vouches for one


class Moments:
    """The PIN lockout's time, moved by hand: `wait` moves the wall clock and the uptime together,
    `set_clock` moves only the wall clock (as an administrator or NTP would), `restart` starts a new
    boot (uptime from zero)."""

    def __init__(self, wall: datetime = NOW) -> None:
        self.wall, self.uptime, self.boots = wall, 1000.0, 1

    def __call__(self) -> Moment:
        return Moment(self.wall, f"boot-{self.boots}", self.uptime)

    def wait(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)
        self.uptime += seconds

    def set_clock(self, delta: timedelta) -> None:
        self.wall += delta

    def restart(self) -> None:
        self.boots, self.uptime = self.boots + 1, 30.0


def open_shop(data_dir: Path, *, now: datetime = NOW, till_id: str | None = None, setup: bool = True,
              moments: Moments | None = None) -> Till:
    """The demo store with the shipped policy and one manager (PIN 2468), at a fixed time."""
    till = open_till(data_dir, clock=FixedClock(now), till_id=till_id, moments=moments or Moments(now))
    if setup:
        from datetime import date

        import_bytes(json.dumps(demo_document(date(2026, 11, 26))).encode(), "demo", till.cache_writer)
        till.settings.set("store.id", "PARIS-01")
        till.policies.install(SHIPPED_POLICY.read_text(encoding="utf-8"), "default.toml")
        till.users.seed(MANAGER, "Marie Manager", "manager", PIN)
    return till


def line(
    code: str, qty: int = 1, reason: str = "WRONG_SIZE", condition: str = "NEW_WITH_TAGS", **extra: Any
) -> dict[str, Any]:
    return {"code": code, "qty": qty, "reason": reason, "condition": condition, **extra}


def request(
    receipt: str | None,
    *lines: dict[str, Any],
    key: str | None = "key-1",
    method: str = "original",
    **extra: Any,
) -> dict[str, Any]:
    body = {
        "receipt": receipt,
        "till_id": "T1",
        "cashier": "alice",
        "offline": False,
        "lines": list(lines),
        "refund_method": method,
        "idempotency_key": key,
    }
    return {**body, **extra}


def orders_document(count: int, skus: list[str], qty: int, prefix: str = "BULK",
                    customer_of: Any = lambda n: None) -> dict[str, Any]:
    """`count` store orders of the demo catalogue, one line per SKU with `qty` units, card + cash;
    `customer_of(n)` names the customer of order n (added to the document), or None."""
    orders = []
    for n in range(count):
        lines = [
            {
                "id": f"{prefix}-{n}-L{i}",
                "sku": sku,
                "qty": qty,
                "unit_price": "10.00",
                "discount": "0",
                "tax_rate": "20",
            }
            for i, sku in enumerate(skus)
        ]
        total = 1000 * qty * len(skus)
        card = total // 2
        orders.append(
            {
                "id": f"{prefix}-{n}",
                "number": f"{prefix}-{n:05d}",
                "channel": "store",
                "store_id": "PARIS-01",
                "placed_at": "2026-11-20T10:00:00+01:00",
                "currency": "EUR",
                "prices_include_tax": True,
                "customer_id": customer_of(n),
                "lines": lines,
                "order_discount": "0",
                "shipping": "0",
                "tenders": [
                    {
                        "method": "card",
                        "amount": f"{card / 100:.2f}",
                        "reference": "CB-1",
                        "card_last4": "0001",
                    },
                    {"method": "cash", "amount": f"{(total - card) / 100:.2f}"},
                ],
            }
        )
    customers = sorted({o["customer_id"] for o in orders if o["customer_id"]})
    return {"format": "posreturns/1", "orders": orders,
            "customers": [{"id": c, "name": f"Customer {c}", "email": None, "phone": None} for c in customers]}


def rows(db: Path, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def check_whole(db: Path, stock_baseline: dict[tuple[str, str, str], int] | None = None) -> int:
    """Assert that every return in `db` is whole and the ledgers are the sums of the returns;
    gives the number of till returns."""
    lines_sum = {
        r["order_line_id"]: (r["qty"], r["value"])
        for r in rows(
            db,
            (
                "SELECT order_line_id, SUM(qty) AS qty, SUM(refund_minor + fee_minor) AS value "
                "FROM return_lines "
                "WHERE order_line_id IS NOT NULL GROUP BY order_line_id"
            ),
        )
    }
    for ol in rows(db, "SELECT id, qty, returned_qty, refunded_minor, paid_minor FROM order_lines"):
        assert (ol["returned_qty"], ol["refunded_minor"]) == lines_sum.get(ol["id"], (0, 0)), ol["id"]
        assert ol["returned_qty"] <= ol["qty"] and ol["refunded_minor"] <= ol["paid_minor"]
    tender_sum: Counter[int] = Counter()
    for t in rows(
        db,
        "SELECT rt.tender_id, rt.amount_minor FROM return_tenders rt JOIN returns r ON r.id = rt.return_id "
        "WHERE r.origin = 'oms'",
    ):
        tender_sum[t["tender_id"]] += t["amount_minor"]
    events = rows(db, "SELECT event_type, aggregate_id, payload_json FROM outbox ORDER BY seq")
    completed = {}
    for e in events:
        payload = json.loads(e["payload_json"])
        if e["event_type"] == "ReturnCompleted":
            assert e["aggregate_id"] not in completed, "one ReturnCompleted per return"
            completed[e["aggregate_id"]] = payload
            for debit in payload["data"]["ledger"]:
                tender_sum[debit["tender_id"]] += debit["amount_minor"]
    for t in rows(db, "SELECT id, amount_minor, refunded_minor FROM tenders"):
        assert t["refunded_minor"] == tender_sum.get(t["id"], 0), f"tender {t['id']}"
    till_returns = rows(db, "SELECT id, number, refund_total_minor FROM returns WHERE origin = 'till'")
    assert set(completed) == {r["id"] for r in till_returns}
    stocked = {r["aggregate_id"] for r in events if r["event_type"] == "StockAdjusted"}
    vouchers = {r["aggregate_id"] for r in events if r["event_type"] == "VoucherIssued"}
    assert vouchers == {v["code"] for v in rows(db, "SELECT code FROM vouchers")}
    moved = {r["reference"] for r in rows(db, "SELECT DISTINCT reference FROM stock_movements")}
    audited = {
        r["subject"] for r in rows(db, "SELECT subject FROM audit_log WHERE action = 'return.completed'")
    }
    line_counts = {
        c["return_id"]: c["n"]
        for c in rows(db, "SELECT return_id, COUNT(*) AS n FROM return_lines GROUP BY return_id")
    }
    for r in till_returns:
        data = completed[r["id"]]["data"]
        assert data["return_number"] == r["number"] and data["refund_total_minor"] == r["refund_total_minor"]
        assert line_counts.get(r["id"], 0) == len(data["lines"]) > 0
        assert (r["id"] in stocked) == (r["number"] in moved)
        assert r["number"] in audited
    if stock_baseline is not None:
        deltas: Counter[tuple[str, str, str]] = Counter()
        totals: Counter[tuple[str, str, str]] = Counter()
        for m in rows(db, "SELECT location, sku, bucket, reason, SUM(delta) AS d FROM stock_movements "
                          "GROUP BY 1, 2, 3, 4"):
            key = (m["location"], m["sku"], m["bucket"])
            totals[key] += m["d"]
            if m["reason"] not in ("oms.level", "baseline"):  # imports and older levels: in the baseline
                deltas[key] += m["d"]
        for s in rows(db, "SELECT location, sku, bucket, qty FROM stock_levels"):
            key = (s["location"], s["sku"], s["bucket"])
            assert s["qty"] == stock_baseline.get(key, 0) + deltas[key] == totals[key], key
    return len(till_returns)


def stock_levels(db: Path) -> dict[tuple[str, str, str], int]:
    return {(r["location"], r["sku"], r["bucket"]): r["qty"] for r in rows(db, "SELECT * FROM stock_levels")}


def race(data_dir: str, who: str, receipts: list[str], sku: str, barrier: Any, results: Any) -> None:
    """A till process for the concurrency test: completes the same returns as its rival, in step."""
    from posreturns.services.errors import BadInput

    till = open_shop(Path(data_dir), setup=False)
    outcome = []
    try:
        for receipt in receipts:
            barrier.wait(timeout=60)
            try:
                answer = till.returns.complete(request(receipt, line(sku), key=f"{who}-{receipt}"), CASHIER)
                outcome.append((receipt, "ok", answer["return_number"]))
            except BadInput as error:
                outcome.append((receipt, "refused", str(error)))
    finally:
        till.close()
        results.put((who, outcome))


def guess(data_dir: str, user_id: str, pins: list[str], barrier: Any, results: Any) -> None:
    """A process trying PINs for one user, in step with the others (the PIN lockout's concurrency test)."""
    from posreturns.domain.errors import PinError
    from posreturns.domain.permissions import Permission

    till = open_till(Path(data_dir))
    outcome = []
    try:
        barrier.wait(timeout=60)
        for pin in pins:
            try:
                till.access.sign_in(user_id, pin, Permission.APPROVE_RETURN)
                outcome.append("signed in")
            except PinError as error:
                outcome.append(str(error))
    finally:
        till.close()
        results.put(outcome)


def serial_race(data_dir: str, who: str, rounds: int, barrier: Any, results: Any) -> None:
    """A till process for the serial-returner race: in each round, the customer of that round brings
    back one sale at this till and another sale at the rival till, at the same moment."""
    from posreturns.services.errors import ApprovalRequired

    till = open_shop(Path(data_dir), setup=False)
    outcome = []
    try:
        for n in range(rounds):
            receipt = f"SERIAL-{n:05d}" if who == "A" else f"SERIAL-{n + rounds:05d}"
            barrier.wait(timeout=60)
            try:
                answer = till.returns.complete(request(receipt, line("TSH-WHT-S"), key=f"{who}-{n}"), CASHIER)
                outcome.append((n, "ok", answer["return_number"]))
            except ApprovalRequired as error:
                outcome.append((n, "approval", str(error)))
    finally:
        till.close()
        results.put((who, outcome))
