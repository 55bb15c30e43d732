"""Training mode: only a till set up for training takes `--now` and the demo switches; its returns are
marked, say TRAINING / FORMATION on paper and never reach the OMS; a real till refuses all of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.cli import run_in
from helpers.returns import rows

from posreturns.app import open_sync, open_till
from posreturns.services.errors import BadInput

NOW = "2026-11-26T10:00:00+01:00"
CAMILLE = ("--user", "camille", "--pin-stdin")  # the demo's cashier, PIN 2580
RETURN = {"receipt": "PA01-000101", "idempotency_key": "training-1",
          "lines": [{"code": "TSH-NVY-M", "qty": 1, "reason": "WRONG_SIZE", "condition": "NEW_WITH_TAGS"}]}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("training")
    assert run_in(folder, "demo", "--today", "2026-11-26")[0] == 0
    return folder


def test_a_return_on_a_training_till_is_marked_everywhere(demo: Path) -> None:
    code, out, err = run_in(demo, "--now", NOW, "return", "complete", *CAMILLE, stdin="2580\n" + json.dumps(RETURN))
    assert code == 0, err
    answer = json.loads(out)
    assert answer["training"] is True and answer["cashier"] == "camille"
    db = demo / "posreturns.db"
    assert rows(db, "SELECT training, created_at FROM returns WHERE number = ?", (answer["return_number"],))[0][:] == (
        1, "2026-11-26T09:00:00Z")
    events = rows(db, "SELECT payload_json FROM outbox WHERE aggregate_id = ?", (answer["return_id"],))
    assert events and all(json.loads(e[0])["training"] is True for e in events)
    audited = {r[0]: json.loads(r[1]) for r in rows(db, "SELECT action, detail_json FROM audit_log WHERE subject = ?",
                                                    (answer["return_number"],))}
    assert audited["return.completed"]["training"] is True and "clock.override" in audited


def test_a_training_till_never_talks_to_the_oms(demo: Path) -> None:
    with open_till(demo) as till:
        with pytest.raises(BadInput, match="training till"):
            open_sync(till)
    code, _out, err = run_in(demo, "sync", "--once")
    assert code == 2 and "training till" in err
    code, _out, err = run_in(demo, "oms", "connect", "--url", "https://oms.example.com", "--api-key-stdin",
                              "--user", "admin", "--pin-stdin", stdin="246810\nsk_live_x\n")
    assert code == 2 and "training till" in err


def test_a_real_till_refuses_now_the_demo_and_generated_data(tmp_path: Path) -> None:
    real = tmp_path / "real"
    assert run_in(real, "init")[0] == 0
    assert run_in(real, "user", "add", "root", "--name", "Root", "--role", "admin", "--first-admin", "--pin-stdin",
                   stdin="135790\n")[0] == 0
    for argv, needle in ((("--now", NOW, "order", "show", "PA01-000101"), "--now is refused"),
                         (("demo",), "goes only on a training till"),
                         (("generate", "--orders", "10"), "goes only on a training till"),
                         (("init", "--training"), "cannot become a training till"),
                         (("gui", "--virtual-devices"), "--virtual-devices is for training tills")):
        code, _out, err = run_in(real, *argv)
        assert code == 2 and needle in err, (argv, err)
    with open_till(real) as till:
        assert not till.training and till.settings.store_id() is None


def test_init_training_makes_a_new_folder_a_training_till_for_good(tmp_path: Path) -> None:
    folder = tmp_path / "practice"
    code, out, _err = run_in(folder, "--json", "init", "--training")
    assert code == 0 and json.loads(out)["training"] is True
    assert run_in(folder, "init")[0] == 0  # `init` again migrates; it stays a training till
    with open_till(folder) as till:
        assert till.training
    assert run_in(folder, "user", "add", "root", "--name", "Root", "--role", "admin", "--first-admin", "--pin-stdin",
                   stdin="135790\n")[0] == 0
    code, _out, err = run_in(folder, "config", "set", "till.training", "0", "--user", "root", "--pin-stdin",
                              stdin="135790\n")
    assert code == 2 and "kept by posreturns itself" in err


def test_the_receipt_of_a_training_return_says_so_at_the_top_on_the_voucher_and_at_the_bottom() -> None:
    from datetime import UTC, datetime

    from posreturns.devices.documents import Text
    from posreturns.devices.receipt_layout import ReturnReceipt, StoreHeader, return_receipt

    result = {"currency": "EUR", "refund_total": "29.90", "lines": [], "tenders": [],
              "voucher": {"code": "SC-1", "amount": "29.90"}, "policy_version": "2026-11"}
    receipt = ReturnReceipt(StoreHeader("Paris", "PARIS-01", "T1"), "RPARIS01-T1-000001",
                            datetime(2026, 11, 26, 10, tzinfo=UTC), "camille", {**result, "training": True})
    texts = [b.text for b in return_receipt(receipt, 48, "fr") if isinstance(b, Text)]
    assert texts.count("TRAINING / FORMATION") == 3 and "Exercice - remboursement fictif" in texts
    real = ReturnReceipt(receipt.header, receipt.return_number, receipt.completed_at, "camille", result)
    assert not any("TRAINING" in b.text for b in return_receipt(real, 48, "en") if isinstance(b, Text))
