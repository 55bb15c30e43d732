"""Fuzzing the command line as an integrator's script or a careless file would: imports, return
requests, searches and scans. Whatever comes in, the answer is exit 0 or 2 (3: nothing found) with
one sentence, never a traceback, and a refusal writes nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from helpers.cli import Run, assert_answered, digest, run_cli
from helpers.fuzz import DEEP, as_bytes, garbled, mutated, nasty, texts
from helpers.returns import SHIPPED_POLICY, line, request
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posreturns.demo.store import demo_document

# CI runs the same examples every time; POSRETURNS_FUZZ_SCALE=20 runs twenty times more, new ones each run
SCALE = float(os.environ.get("POSRETURNS_FUZZ_SCALE", "1"))
FUZZ = {"deadline": None, "database": None, "derandomize": SCALE == 1,
        "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                                  HealthCheck.function_scoped_fixture]}


def examples(count: int) -> int:
    return max(1, int(count * SCALE))
DEMO = demo_document(date(2026, 11, 26))


def _small_demo() -> dict:
    """Two sales of the demo (one partly returned already) with what they refer to: every kind of
    object of the format, few enough values for each example to stay quick."""
    orders = [DEMO["orders"][0], DEMO["orders"][5]]
    skus = {line["sku"] for order in orders for line in order["lines"]}
    customers = {order["customer_id"] for order in orders}
    return {"format": "posreturns/1", "catalog_currency": "EUR", "stores": DEMO["stores"][:1],
            "products": [p for p in DEMO["products"] if p["sku"] in skus],
            "customers": [c for c in DEMO["customers"] if c["id"] in customers], "orders": orders,
            "stock": [s for s in DEMO["stock"] if s["sku"] in skus][:3],
            "returns": [r for r in DEMO["returns"] if r["order_id"] == orders[1]["id"]]}


SMALL = _small_demo()
# the demo's users: a return is completed by camille, imports and policies are the administrator's
AS_CASHIER, AS_ADMIN = ("--user", "camille", "--pin-stdin"), ("--user", "admin", "--pin-stdin")
PINS = {"camille": "2580\n", "admin": "246810\n"}
REQUESTS = [
    request("PA01-000101", line("TSH-NVY-M"), cashier=None),
    request("PA01-000102", line("ROBE-LIN-38", note="trop petite"), line("CHAUSS-PACK", qty=2), method="store_credit",
            customer={"phone": "+33 6 12 34 56 78"}, cashier=None),
    request(None, line("TSH-WHT-M", claimed_unit_price="29.90"), method="store_credit", cashier=None),
    request("PA01-000108", line("MONTRE-CONN-42", serial="SN-MW-4201"), approval={"manager": "sophie", "pin": "1234"},
            cashier=None),
    request("PA01-000101", line("TSH-NVY-M"), exchange_lines=[{"code": "TSH-NVY-L", "qty": 1}], cashier=None),
]
SEARCHES = st.one_of(
    texts, st.text("0123456789/-. ,:", max_size=30),
    st.builds("{} {}".format, st.sampled_from(["4242", "0000", "1234"]),
              st.sampled_from(["2026-11-23", "31/02/2026", "0001-01-01", "9999-12-31", "01/13/2026", "29/02/2025"])),
    st.builds("{} {}".format, st.sampled_from(["2026-11-23", "9999-12-31", "0001-01-01"]),
              st.sampled_from(["59.80", "9" * 30, "0", "1,5", "0.001"])),
    st.sampled_from(["@", "a@b", "+33", "06 12", "Ticket n° PA01-000101", "https://r.example/PA01-000101/",
                     "4111111111111111"]),
)


@dataclass
class Store:
    data_dir: Path

    @property
    def db(self) -> Path:
        return self.data_dir / "posreturns.db"

    def cli(self, *argv: str, stdin: str = "") -> Run:
        return run_cli("--data-dir", str(self.data_dir), *argv, stdin=stdin)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The demo store, its shipped policy and a manager, kept across the examples of a test."""
    data_dir = tmp_path_factory.mktemp("fuzz") / "data"
    ready = Store(data_dir)
    assert_answered(run_cli("--data-dir", str(data_dir), "demo", "--today", "2026-11-26"), (0,))
    assert_answered(ready.cli("policy", "load", str(SHIPPED_POLICY), *AS_ADMIN, stdin=PINS["admin"]), (0,))
    yield ready
    shutil.rmtree(data_dir, ignore_errors=True)


def _write(folder: Path, raw: bytes) -> Path:
    path = folder / "input.json"
    path.write_bytes(raw)
    return path


@settings(**FUZZ, max_examples=examples(500))
@given(document=mutated(SMALL), depth=st.integers(33, 1500))
def test_a_mutated_import_is_imported_or_refused_whole(store: Store, document: object, depth: int) -> None:
    before = digest(store.db)
    run = store.cli("--json", "import", str(_write(store.data_dir.parent, as_bytes(document, depth))), *AS_ADMIN,
                    stdin=PINS["admin"])
    assert_answered(run)
    if run.code:
        assert json.loads(run.err)["error"]["code"] == "bad_input"
        assert digest(store.db) == before


@settings(**FUZZ, max_examples=examples(150))
@given(data=st.data())
def test_import_bytes_that_are_not_json_or_not_utf8_are_refused(store: Store, data: st.DataObject) -> None:
    raw = data.draw(garbled(json.dumps(SMALL, ensure_ascii=False).encode()))
    before = digest(store.db)
    run = store.cli("import", str(_write(store.data_dir.parent, raw)), *AS_ADMIN, stdin=PINS["admin"])
    assert_answered(run)
    if run.code:
        assert digest(store.db) == before


@settings(**FUZZ, max_examples=examples(500))
@given(base=st.sampled_from(REQUESTS), data=st.data(), action=st.sampled_from(["quote", "complete"]),
       depth=st.integers(33, 1500))
def test_a_mutated_return_request_is_answered_or_refused_without_writing(
        store: Store, base: dict, data: st.DataObject, action: str, depth: int) -> None:
    document = data.draw(mutated(base))
    before = digest(store.db)
    signed = AS_CASHIER if action == "complete" else ()
    run = store.cli("return", action, "--request", str(_write(store.data_dir.parent, as_bytes(document, depth))),
                    *signed, stdin=PINS["camille"] if signed else "")
    assert_answered(run, (0, 2, 3))
    if run.code or action == "quote":
        assert digest(store.db) == before


@settings(**FUZZ, max_examples=examples(100))
@given(data=st.data())
def test_request_bytes_that_are_not_json_or_not_utf8_are_refused(store: Store, data: st.DataObject) -> None:
    raw = data.draw(garbled(json.dumps(REQUESTS[0]).encode()))
    before = digest(store.db)
    assert_answered(store.cli("return", "quote", "--request", str(_write(store.data_dir.parent, raw))), (0, 2))
    assert digest(store.db) == before


@settings(**FUZZ, max_examples=examples(400))
@given(query=SEARCHES, command=st.sampled_from(["search", "show", "match"]), code=st.one_of(texts, nasty.filter(
    lambda v: isinstance(v, str) and v != DEEP)))
def test_a_search_or_a_scan_is_answered_and_writes_nothing(store: Store, query: str, command: str, code: str) -> None:
    before = digest(store.db)
    argv = {"search": ["order", "search", "--", query or " "], "show": ["order", "show", "--", query],
            "match": ["order", "match", "--", "PA01-000101", code]}[command]
    assert_answered(store.cli(*argv), (0, 2, 3))
    assert digest(store.db) == before


@settings(**FUZZ, max_examples=examples(300))
@given(raw=st.one_of(texts, st.binary(max_size=40).map(lambda b: b.decode("latin-1")),
                     st.builds("]{}{}".format, st.sampled_from(["C0", "E0", "d2", "Q1", "e0"]), texts),
                     st.sampled_from(["0103760000000056", "01037600000000562112345\x1d10AB", "]d2\x1d",
                                      "PA01-000101"])))
def test_a_scan_gives_an_item_a_number_or_one_sentence(store: Store, raw: str) -> None:
    """What the window does with a scan, without the window: read it, then look it up."""
    from posreturns.app import open_till
    from posreturns.devices.scanner import interpret
    from posreturns.domain.errors import UserFacingError

    with open_till(store.data_dir) as till:
        try:
            scan = interpret(raw)
            if scan.kind == "item":
                till.lookup.match_item(till.lookup.find_receipt("PA01-000101"), scan.code)
            else:
                till.lookup.search(scan.code)
        except UserFacingError as error:
            assert str(error) and "\n" not in str(error)


def _posreturns(data_dir: Path, *argv: bytes, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(data_dir.parent), "LANG": "C.UTF-8"}
    return subprocess.run([sys.executable.encode(), b"-m", b"posreturns", b"--data-dir", bytes(data_dir), *argv],
                          input=stdin, capture_output=True, env=env, timeout=120, check=False)


@pytest.mark.parametrize(("argv", "stdin"), [
    ((b"return", b"quote"), b"\xff\xfe{}"),
    ((b"return", b"complete", b"--user", b"camille", b"--pin-stdin"), b'2580\n{"receipt": "\\ud800", "lines": []}'),
    ((b"return", b"quote"), b"[" * 5000 + b"]" * 5000),
    ((b"return", b"quote"),
     json.dumps({**REQUESTS[0], "lines": [{**REQUESTS[0]["lines"][0], "qty": 10**40}]}).encode()),
    ((b"order", b"search", b"caf\xe9"), b""),
    ((b"order", b"search", b"9999-12-31 12.00"), b""),
    ((b"config", b"set", b"till.id", b"T\xff"), b""),
])
def test_garbage_through_a_real_process_gets_exit_2_and_one_sentence(store: Store, argv: tuple[bytes, ...],
                                                                      stdin: bytes) -> None:
    before = digest(store.db)
    result = _posreturns(store.data_dir, *argv, stdin=stdin)
    assert result.returncode in (2, 3), result.stderr
    assert b"Traceback" not in result.stderr and result.stderr.count(b"\n") == 1, result.stderr
    assert digest(store.db) == before
