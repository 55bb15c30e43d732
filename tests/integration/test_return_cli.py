"""Returns, users, policies and the outbox from the command line: real processes, JSON in and out."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers.returns import SHIPPED_POLICY, line, request

NOW = "2026-11-26T10:00:00+01:00"


ADMIN = ("--user", "admin", "--pin-stdin")  # the demo's administrator (PIN 246810)
ALICE = ("--user", "alice", "--pin-stdin")  # the cashier of `request()`, added by the fixture (PIN 1357)


def posreturns(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "posreturns", "--data-dir", str(data_dir), "--now", NOW, *args],
        check=False,
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def ok(result: subprocess.CompletedProcess[str]) -> Any:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def dump(data_dir: Path) -> list[str]:
    connection = sqlite3.connect(data_dir / "posreturns.db")
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("returns-cli")
    assert posreturns(folder, "demo", "--today", "2026-11-26").returncode == 0
    for user_id, name, role, pin in (("mgr1", "Marie Manager", "manager", "8642"),
                                     ("alice", "Alice", "cashier", "1357")):
        added = posreturns(folder, "user", "add", user_id, "--name", name, "--role", role, *ADMIN,
                           stdin=f"246810\n{pin}\n")
        assert added.returncode == 0 and pin not in added.stdout + added.stderr, added.stderr
    return folder


def as_alice(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """A command signed in as alice: her PIN first on stdin, then the request, if any."""
    return posreturns(data_dir, *args, *ALICE, stdin="1357\n" + stdin)


def test_quote_reads_stdin_answers_json_and_writes_nothing(data_dir: Path) -> None:
    before = dump(data_dir)
    quoted = ok(
        posreturns(data_dir, "return", "quote", stdin=json.dumps(request("PA01-000102", line("ROBE-LIN-38"))))
    )
    assert (quoted["status"], quoted["policy_version"], quoted["refund_total"]) == (
        "allowed",
        "2026-11",
        "100.20",
    )
    assert quoted["lines"][0]["order_line_id"] == "ORD-1002-L1" and quoted["return_number"] is None
    assert quoted["tenders"] == [
        {
            "method": "card",
            "amount": "100.20",
            "reference": "CB-1881",
            "executed_by": "host",
            "tender_id": quoted["tenders"][0]["tender_id"],
        }
    ]
    assert dump(data_dir) == before


def test_complete_show_and_the_outbox(data_dir: Path, tmp_path: Path) -> None:
    body = tmp_path / "request.json"
    body.write_text(
        json.dumps(request("PA01-000101", line("3760000000062", 2), key="cli-1", method="store_credit"))
    )
    done = ok(as_alice(data_dir, "return", "complete", "--request", str(body)))
    assert done["return_number"].startswith("RPARIS01-T1-") and done["voucher"]["amount"] == "59.80"
    assert ok(as_alice(data_dir, "return", "complete", "--request", str(body))) == done
    shown = ok(posreturns(data_dir, "return", "show", done["return_number"]))
    assert shown["return_id"] == done["return_id"] and [s["event_type"] for s in shown["sync"]] == [
        "ReturnCompleted",
        "StockAdjusted",
        "VoucherIssued",
    ]
    events = ok(posreturns(data_dir, "--json", "outbox", "list", "--status", "pending"))["events"]
    mine = [e for e in events if e["payload"]["data"].get("return_id") == done["return_id"]]
    assert [e["event_type"] for e in mine] == ["ReturnCompleted", "StockAdjusted", "VoucherIssued"]
    assert all(e["schema_version"] == 1 and e["till_id"] == "T1" for e in mine)


@pytest.mark.parametrize(
    ("body", "code", "exit_code", "needle"),
    [
        (request("PA01-000101", line("TSH-NVY-M", reason="BORED")), "bad_input", 2, "lines[0].reason"),
        (request("PA01-000101", line("NOT-A-SKU")), "bad_input", 2, "NOT-A-SKU"),
        (request("PA01-424242", line("TSH-NVY-M")), "not_found", 3, "PA01-424242"),
        (request("PA01-000105", line("MAILLOT-M")), "refused", 2, "Final-sale"),
        (
            request(
                "PA01-000108",
                line("MONTRE-CONN-42", serial="SN-MW-4201"),
                line("CASQ-BT-BLANC", serial="SN-CQ-0107"),
            ),
            "approval_required",
            2,
            "approval",
        ),
        (
            request(
                "PA01-000108",
                line("MONTRE-CONN-42", serial="SN-MW-4201"),
                line("CASQ-BT-BLANC", serial="SN-CQ-0107"),
                approval={"manager": "mgr1", "pin": "0000"},
            ),
            "pin_refused",
            2,
            "Wrong ID or PIN",
        ),
    ],
)
def test_errors_are_one_sentence_with_a_code_and_an_exit_code(
    data_dir: Path, body: dict, code: str, exit_code: int, needle: str
) -> None:
    before = [row for row in dump(data_dir) if "audit_log" not in row and 'INTO "users"' not in row]
    result = as_alice(data_dir, "--json", "return", "complete", stdin=json.dumps(body))
    assert result.returncode == exit_code and result.stdout == ""
    error = json.loads(result.stderr)["error"]
    assert error["code"] == code and needle in error["message"]
    after = [row for row in dump(data_dir) if "audit_log" not in row and 'INTO "users"' not in row]
    assert after == before


def test_a_malformed_request_and_a_refused_clock_exit_2(data_dir: Path, tmp_path: Path) -> None:
    malformed = posreturns(data_dir, "return", "quote", stdin="{not json")
    assert malformed.returncode == 2 and malformed.stderr.startswith(
        "posreturns: The request is not valid JSON"
    )
    assert malformed.stderr.count("\n") == 1
    production = tmp_path / "production"
    assert subprocess.run([sys.executable, "-m", "posreturns", "--data-dir", str(production), "init"],
                          capture_output=True, check=False, timeout=120).returncode == 0
    refused = posreturns(production, "return", "quote", stdin="{}")
    assert refused.returncode == 2 and "--now is refused: this till records real returns" in refused.stderr


def test_users_are_listed_without_their_pins(data_dir: Path) -> None:
    users = ok(posreturns(data_dir, "--json", "user", "list"))["users"]
    assert {"id": "mgr1", "name": "Marie Manager", "role": "manager", "has_pin": True} in users
    stored = sqlite3.connect(data_dir / "posreturns.db").execute("SELECT pin_hash FROM users").fetchone()[0]
    assert stored.startswith("sp1$") and "8642" not in stored
    no_pin = posreturns(data_dir, "user", "add", "x", "--name", "X", "--role", "manager", *ADMIN, stdin="246810\n")
    assert no_pin.returncode == 2 and "no line for x's new PIN" in no_pin.stderr


def test_policy_load_validates_and_show_tells_the_version(data_dir: Path, tmp_path: Path) -> None:
    assert ok(posreturns(data_dir, "--json", "policy", "show"))["version"] == "2026-11"
    bad = tmp_path / "bad.toml"
    bad.write_text('version = "2027-01"\n[approval]\nrefund_abov = "300.00"\n')
    result = posreturns(data_dir, "policy", "load", str(bad), *ADMIN, stdin="246810\n")
    assert result.returncode == 2 and "approval.refund_abov" in result.stderr
    assert ok(posreturns(data_dir, "--json", "policy", "show"))["version"] == "2026-11"
    same = ok(posreturns(data_dir, "--json", "policy", "load", str(SHIPPED_POLICY), *ADMIN, stdin="246810\n"))
    assert same["changed"] is False and same["version"] == "2026-11"


def test_a_host_confirms_the_card_refund_on_the_command_line_and_it_is_audited_once(data_dir: Path) -> None:
    done = ok(as_alice(data_dir, "return", "complete", stdin=json.dumps(
        {"receipt": "W-100202", "idempotency_key": "host-confirm-1",
         "lines": [{"code": "ORD-W2002-L1", "qty": 1, "reason": "WRONG_SIZE", "condition": "NEW_WITH_TAGS"}]})))
    assert [t["executed_by"] for t in done["tenders"]] == ["host"]
    number = done["return_number"]
    card = as_alice(data_dir, "return", "confirm", number, "--reference", "4111 1111 1111 1111")
    assert card.returncode == 2 and "card number" in card.stderr and "4111" not in card.stderr
    assert ok(as_alice(data_dir, "return", "confirm", number, "--reference", "AUTH-777"))["host_paid"] is True
    ok(as_alice(data_dir, "return", "confirm", number, "--reference", "AUTH-777"))  # a retry by the host
    connection = sqlite3.connect(data_dir / "posreturns.db")
    try:
        audited = connection.execute("SELECT actor, detail_json FROM audit_log WHERE action = 'host.refund_confirmed' "
                                     "AND subject = ?", (number,)).fetchall()
    finally:
        connection.close()
    assert len(audited) == 1 and audited[0][0] == "alice" and json.loads(audited[0][1])["reference"] == "AUTH-777"
    missing = as_alice(data_dir, "return", "confirm", "RPARIS01-T1-999999", "--failed", "declined")
    assert missing.returncode == 3 and "RPARIS01-T1-999999" in missing.stderr


def _answer_keys_in_the_docs() -> list[str]:
    """The field names of the documented answer (docs/cli.md, "Answer"), in the order written there."""
    text = (Path(__file__).parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
    block = text.split("**Answer**", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    return re.findall(r'"(\w+)":', block)


def _in_order_within(keys: list[str], documented: list[str]) -> bool:
    remaining = iter(documented)
    return all(key in remaining for key in keys)


def test_the_json_answer_keeps_the_documented_fields_in_the_documented_order(data_dir: Path, tmp_path: Path) -> None:
    """The JSON contract of docs/cli.md: every field of `quote` and `complete`, in the same order, and
    the same fields for both (a host parses either with one reader)."""
    quoted = ok(posreturns(data_dir, "return", "quote", stdin=json.dumps(request("PA01-000102", line("ROBE-LIN-38")))))
    body = tmp_path / "request.json"
    body.write_text(json.dumps(request("PA01-000102", line("ROBE-LIN-38"), key="contract-1")))
    done = ok(as_alice(data_dir, "return", "complete", "--request", str(body)))
    documented = _answer_keys_in_the_docs()
    assert list(quoted) == list(done) == [
        "return_number", "return_id", "status", "approval_required", "policy_version", "currency", "refund_method",
        "allowed_methods", "refusal_paths", "offline", "trace", "lines", "shipping", "fee_total", "tax_total",
        "refund_total", "tenders", "ledger", "voucher", "cash_rounding", "exchange", "stock_moves", "incentive_offer",
        "receipt", "order_id", "customer_id", "store_id", "till_id", "cashier", "approved_by", "key_line", "training"]
    assert _in_order_within([key for key in quoted if key != "training"], documented)
    assert list(done["lines"][0]) == [
        "order_line_id", "sku", "qty", "reason", "condition", "serial", "status", "unit_paid", "value", "fee", "tax",
        "refund", "disposition", "bucket", "alerts", "breakdown", "trace"]
    assert _in_order_within(list(done["lines"][0]), documented)
    assert list(done["tenders"][0]) == ["method", "amount", "reference", "executed_by", "tender_id"]
    assert list(done["lines"][0]["breakdown"][0]) == ["key", "en", "fr", "amount", "counted"]
    assert isinstance(done["return_number"], str) and quoted["return_number"] is None
    replayed = as_alice(data_dir, "return", "complete", "--request", str(body))
    assert replayed.returncode == 0 and json.loads(replayed.stdout) == done  # the stored answer, unchanged
