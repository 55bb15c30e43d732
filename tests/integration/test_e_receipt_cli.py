"""The e-receipt as an integrator sets it up: `mail connect` to a relay that wants STARTTLS and a
login (a throwaway CA from trustme), a return completed with the customer's contact, then
`mail send-pending`, `status`, `list` and `resend` — real processes, real relay, on a real till; a
training till queues e-receipts but never sends them."""

from __future__ import annotations

import json
import logging
import sqlite3
import ssl
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import trustme
from helpers.smtp import Inbox, Relay, password_check

from posreturns.demo.store import demo_document

NOW = "2026-11-26T10:00:00+01:00"
USER, PASSWORD = "rivoli", "s3cret-é"
ADMIN_PIN = "135790"
AS_ADMIN, AS_ALICE = ("--user", "root", "--pin-stdin"), ("--user", "alice", "--pin-stdin")  # the PIN first on stdin
REQUEST = {"receipt": "PA01-000102", "till_id": "T1", "cashier": "alice",
           "lines": [{"code": "ROBE-LIN-38", "qty": 1, "reason": "WRONG_SIZE", "condition": "NEW_WITH_TAGS"}],
           "refund_method": "original", "idempotency_key": "T1-mail-0001",
           "contact": {"channel": "email", "email": "helene.dupre@example.fr", "consent": True, "e_receipt": True,
                       "language": "fr"}}


@pytest.fixture
def tls_relay(tmp_path: Path) -> Iterator[tuple[Inbox, Relay, Path]]:
    authority = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(context)
    ca_file = tmp_path / "relay-ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    quiet = logging.getLogger("mail.log")  # aiosmtpd warns about its own deprecated field at every login
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    box = Inbox()
    relay = Relay(box, tls_context=context, require_starttls=True, authenticator=password_check(USER, PASSWORD),
                  auth_require_tls=True)
    relay.start()
    yield box, relay, ca_file
    relay.stop()
    quiet.setLevel(level)


def run(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "POSRETURNS_DATA_DIR": str(home / "data"),
           "POSRETURNS_CREDENTIALS_DIR": str(home / "secrets"), "POSRETURNS_NO_KEYRING": "1"}
    return subprocess.run([sys.executable, "-m", "posreturns", *args], input=stdin, capture_output=True, text=True,
                          env=env, timeout=120, check=False)


def real_till(home: Path) -> None:
    """A till that records real returns (a training till never sends e-receipts): its administrator, the
    demo's sales dated today, and the cashier alice."""
    added = run(home, "user", "add", "root", "--name", "Root", "--role", "admin", "--first-admin", "--pin-stdin",
                stdin=ADMIN_PIN + "\n")
    assert added.returncode == 0, added.stderr
    sales = home / "sales.json"
    sales.write_text(json.dumps(demo_document(date.today())), encoding="utf-8")
    assert run(home, "import", str(sales), *AS_ADMIN, stdin=ADMIN_PIN + "\n").returncode == 0
    assert run(home, "user", "add", "alice", "--name", "Alice", "--role", "cashier", *AS_ADMIN,
               stdin=ADMIN_PIN + "\n1357\n").returncode == 0


def test_an_e_receipt_set_up_and_sent_from_the_command_line(tmp_path: Path,
                                                            tls_relay: tuple[Inbox, Relay, Path]) -> None:
    box, relay, ca_file = tls_relay
    real_till(tmp_path)
    connect = ["mail", "connect", "--host", "127.0.0.1", "--port", str(relay.port), "--security", "starttls",
               "--login", USER, "--password-stdin", "--from", "Maison Lumière <rivoli@maison-lumiere.example>",
               "--ca-bundle", str(ca_file), *AS_ADMIN]

    wrong = run(tmp_path, *connect, stdin=ADMIN_PIN + "\nnot-the-password\n")
    assert wrong.returncode == 1 and "refused the user name or password (535)" in wrong.stderr
    assert "Nothing was stored" in wrong.stderr
    connected = run(tmp_path, "--json", *connect, stdin=ADMIN_PIN + "\n" + PASSWORD + "\n")
    assert connected.returncode == 0, connected.stderr
    stored = json.loads(connected.stdout)["password_stored_in"]
    assert stored.startswith(str(tmp_path / "secrets")) and PASSWORD not in connected.stdout
    assert PASSWORD not in (tmp_path / "data" / "posreturns.db").read_bytes().decode("utf-8", "replace")

    done = run(tmp_path, "return", "complete", *AS_ALICE, stdin="1357\n" + json.dumps(REQUEST))
    assert done.returncode == 0, done.stderr
    number = json.loads(done.stdout)["return_number"]
    waiting = json.loads(run(tmp_path, "--json", "mail", "status").stdout)
    assert (waiting["pending"], waiting["sent"], waiting["relay"]) == (1, 0, "127.0.0.1")

    sent = run(tmp_path, "--json", "mail", "send-pending")
    assert sent.returncode == 0, sent.stderr
    assert json.loads(sent.stdout)["sent"] == 1
    (received,) = box.received
    assert received.message["Subject"].startswith(f"Votre ticket de retour {number}")

    listed = run(tmp_path, "mail", "list")
    assert number in listed.stdout and "h…e@example.fr" in listed.stdout and "helene.dupre" not in listed.stdout
    again = run(tmp_path, "mail", "resend", number, *AS_ALICE, stdin="1357\n")
    assert again.returncode == 2 and "add --again" in again.stderr
    assert run(tmp_path, "mail", "resend", number, "--again", *AS_ALICE, stdin="1357\n").returncode == 0
    assert json.loads(run(tmp_path, "--json", "mail", "send-pending").stdout)["sent"] == 1
    assert len(box.received) == 2 and box.received[0].data == box.received[1].data
    assert run(tmp_path, "mail", "resend", "RNOPE-T1-000001", *AS_ALICE, stdin="1357\n").returncode == 3
    requeued = sqlite3.connect(tmp_path / "data" / "posreturns.db").execute(
        "SELECT actor FROM audit_log WHERE action = 'mail.requeued'").fetchall()
    assert requeued == [("alice",)]


def test_a_training_till_queues_e_receipts_and_never_sends_them(tmp_path: Path,
                                                                tls_relay: tuple[Inbox, Relay, Path]) -> None:
    box, relay, _ca_file = tls_relay
    assert run(tmp_path, "demo", "--today", "2026-11-26").returncode == 0
    connected = run(tmp_path, "mail", "connect", "--host", "127.0.0.1", "--port", str(relay.port), "--from",
                    "Démo <demo@maison-lumiere.example>", "--no-check", "--user", "admin", "--pin-stdin",
                    stdin="246810\n")
    assert connected.returncode == 0, connected.stderr
    done = run(tmp_path, "return", "complete", "--now", NOW, "--user", "camille", "--pin-stdin",
               stdin="2580\n" + json.dumps({**REQUEST, "cashier": "camille"}))
    assert done.returncode == 0, done.stderr
    assert json.loads(run(tmp_path, "--json", "mail", "status").stdout)["pending"] == 1
    refused = run(tmp_path, "mail", "send-pending")
    assert refused.returncode == 2 and "training till" in refused.stderr and refused.stderr.count("\n") == 1
    assert box.received == [] and json.loads(run(tmp_path, "--json", "mail", "status").stdout)["pending"] == 1


def test_sending_without_a_relay_says_how_to_set_one_up(tmp_path: Path) -> None:
    assert run(tmp_path, "init").returncode == 0
    refused = run(tmp_path, "mail", "send-pending")
    assert refused.returncode == 2 and "posreturns mail connect --host HOST" in refused.stderr
