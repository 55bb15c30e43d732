"""The SMS receipt from the return's transaction to a real HTTP gateway on loopback: queued with the
return, its text from the catalogue in the customer's language, waiting while the gateway is away,
and sent once when the connection is lost in the middle of a send (the gateway recognises a
message it already has by its id, as the gateway contract asks)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from helpers.clock import SettableClock
from helpers.returns import CASHIER, NOW, line, open_shop, request
from integration.test_e_receipt import free_port

from posreturns.app import Till, open_sms
from posreturns.persistence.mail_queue import SMS_RECEIPT, SqlMailQueue
from posreturns.services.errors import BadInput
from posreturns.services.mail_ports import MailStatus

CONTACT = {"channel": "sms", "phone": "06 12 34 56 78", "consent": True, "language": "fr"}
TOKEN = "tok-secret-123"


class Gateway(ThreadingHTTPServer):
    """An SMS gateway: takes `{"id", "to", "from", "text"}`, sends each id once. `cut` loses the next
    request's connection: "before" the body is read (nothing reached the gateway), "after" the message
    was taken (its answer is lost)."""

    def __init__(self, port: int) -> None:
        super().__init__(("127.0.0.1", port), Handler)
        self.delivered: list[dict[str, Any]] = []
        self.requests: list[dict[str, Any]] = []
        self.cut: str | None = None
        self.refuse: int | None = None

    def __enter__(self) -> Gateway:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


class Handler(BaseHTTPRequestHandler):
    server: Gateway

    def log_message(self, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        gateway = self.server
        if gateway.cut == "before":
            gateway.cut = None
            self.close_connection = True
            self.connection.close()
            return
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        gateway.requests.append({**body, "auth": self.headers.get("Authorization"),
                                 "key": self.headers.get("Idempotency-Key")})
        if gateway.refuse:
            self._answer(gateway.refuse, {"error": "no such number"})
            return
        repeat = any(sent["id"] == body["id"] for sent in gateway.delivered)
        if not repeat:
            gateway.delivered.append(body)
        if gateway.cut == "after":
            gateway.cut = None
            self.close_connection = True
            self.connection.close()
            return
        self._answer(200, {"status": "duplicate" if repeat else "queued"})

    def _answer(self, status: int, data: dict[str, Any]) -> None:
        text = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(text)))
        self.end_headers()
        self.wfile.write(text)


@pytest.fixture
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Till]:
    monkeypatch.setenv("POSRETURNS_SMS_TOKEN", TOKEN)
    till = open_shop(tmp_path / "shop")
    till.clock = SettableClock(NOW)  # type: ignore[assignment]
    till.returns.clock = till.clock
    till.settings.set("sms.sender", "LUMIERE")
    yield till
    till.close()


def gateway_at(till: Till, port: int) -> None:
    till.settings.set("sms.url", f"http://127.0.0.1:{port}/v1/sms")


def sms_row(till: Till) -> Any:
    return SqlMailQueue(till.engine, SMS_RECEIPT).listing(None, 10)[0]


def complete_with_sms(till: Till) -> dict[str, Any]:
    return till.returns.complete(request("PA01-000102", line("ROBE-LIN-38"), key="k-sms", contact=CONTACT), CASHIER)


def test_the_sms_is_queued_with_the_return_and_sent_once_in_the_customers_language(shop: Till) -> None:
    answer = complete_with_sms(shop)
    row = sms_row(shop)
    assert (row.recipient, row.status, row.message_id) == ("06 12 34 56 78", MailStatus.PENDING,
                                                           f"{answer['return_id']}.sms")
    assert SqlMailQueue(shop.engine).listing(None, 10) == []            # not an e-mail: the mail sender leaves it
    port = free_port()
    gateway_at(shop, port)
    with Gateway(port) as gateway:
        report = open_sms(shop).run_once()
        assert (report.sent, report.relay_error) == (1, None)
        assert open_sms(shop).run_once(due_only=False).sent == 0       # sent: never again
    (sent,) = gateway.delivered
    assert (sent["to"], sent["from"], sent["id"]) == ("+33612345678", "LUMIERE", f"{answer['return_id']}.sms")
    assert sent["text"] == (f"Maison Lumière — Paris Rivoli : votre retour {answer['return_number']} est "
                            "enregistré. 100,20 € vous sont remboursés sur votre moyen de paiement.")
    assert gateway.requests[0]["auth"] == f"Bearer {TOKEN}" and gateway.requests[0]["key"] == sent["id"]
    assert sms_row(shop).status is MailStatus.SENT
    assert TOKEN not in json.dumps([tuple(r) for r in shop.engine.connect().exec_driver_sql(
        "SELECT * FROM settings").all()])                                # the token is not in the database


@pytest.mark.parametrize("cut", ["before", "after"])
def test_a_connection_lost_in_the_middle_of_a_send_still_sends_the_sms_once(shop: Till, cut: str) -> None:
    complete_with_sms(shop)
    port = free_port()
    gateway_at(shop, port)
    with Gateway(port) as gateway:
        gateway.cut = cut
        first = open_sms(shop).run_once()
        assert first.sent == 0 and sms_row(shop).status is MailStatus.PENDING  # in doubt: sent again (resend)
        shop.clock.advance(3600)  # type: ignore[attr-defined]
        assert open_sms(shop).run_once().sent == 1
    assert len(gateway.delivered) == 1                                  # the customer gets one SMS
    assert sms_row(shop).status is MailStatus.SENT and sms_row(shop).attempts == 2


def test_a_run_sends_every_waiting_sms(shop: Till) -> None:
    complete_with_sms(shop)
    shop.returns.complete(request("PA01-000101", line("TSH-NVY-M"), key="k-sms-2", contact=CONTACT), CASHIER)
    port = free_port()
    gateway_at(shop, port)
    with Gateway(port) as gateway:
        assert open_sms(shop).run_once().sent == 2
    assert len({sent["id"] for sent in gateway.delivered}) == 2


def test_while_the_gateway_is_away_the_sms_waits_and_a_refusal_for_good_fails_it(shop: Till) -> None:
    complete_with_sms(shop)
    port = free_port()
    gateway_at(shop, port)
    away = open_sms(shop).run_once()                                    # nothing listens on the port
    assert away.sent == 0 and "cannot be reached" in str(away.relay_error)
    row = sms_row(shop)
    assert row.status is MailStatus.PENDING and row.last_error == away.relay_error   # waits its backoff
    with Gateway(port) as gateway:
        gateway.refuse = 400
        assert open_sms(shop).run_once(due_only=False).failed == 1
    assert sms_row(shop).status is MailStatus.FAILED and "HTTP 400" in str(sms_row(shop).last_error)


def test_a_gateway_in_clear_on_the_network_or_a_training_till_sends_nothing(shop: Till) -> None:
    shop.settings.set("sms.url", "http://sms.example.com/send")
    with pytest.raises(BadInput, match="must start with https://"):
        open_sms(shop)
    shop.settings.set("sms.url", "https://sms.example.com/send")
    shop.settings.set("sms.sender", "Maison Lumière Rivoli")
    with pytest.raises(BadInput, match="1 to 11 letters or digits"):
        open_sms(shop)
    shop.settings.set("till.training", "1")
    with pytest.raises(BadInput, match="training till"):
        open_sms(shop)


def test_an_sms_gateway_set_up_and_used_from_the_command_line(tmp_path: Path) -> None:
    """`sms connect` by an administrator (the token from stdin, stored outside the data folder), a
    return completed with the SMS choice, `sms status`, `sms send-pending` — real processes."""
    from integration.test_e_receipt_cli import ADMIN_PIN, AS_ADMIN, AS_ALICE, REQUEST, real_till, run

    real_till(tmp_path)
    port = free_port()
    url = f"http://127.0.0.1:{port}/v1/sms"
    bad = run(tmp_path, "sms", "connect", "--url", "http://sms.example.com/x", "--sender", "LUMIERE", *AS_ADMIN,
              stdin=ADMIN_PIN + "\n")
    assert bad.returncode == 2 and "must start with https://" in bad.stderr
    connected = run(tmp_path, "--json", "sms", "connect", "--url", url, "--sender", "LUMIERE", "--token-stdin",
                    *AS_ADMIN, stdin=f"{ADMIN_PIN}\n{TOKEN}\n")
    assert connected.returncode == 0, connected.stderr
    assert json.loads(connected.stdout)["token_stored_in"].startswith(str(tmp_path / "secrets"))
    assert TOKEN not in (tmp_path / "data" / "posreturns.db").read_bytes().decode("utf-8", "replace")
    sms_request = {**REQUEST, "idempotency_key": "T1-sms-0001", "contact": CONTACT}
    done = run(tmp_path, "return", "complete", *AS_ALICE, stdin="1357\n" + json.dumps(sms_request))
    assert done.returncode == 0, done.stderr
    assert json.loads(run(tmp_path, "--json", "sms", "status").stdout)["pending"] == 1
    with Gateway(port) as gateway:
        sent = run(tmp_path, "--json", "sms", "send-pending")
    assert sent.returncode == 0 and json.loads(sent.stdout)["sent"] == 1, sent.stderr
    assert gateway.requests[0]["auth"] == f"Bearer {TOKEN}" and len(gateway.delivered) == 1
    assert json.loads(run(tmp_path, "--json", "sms", "status").stdout)["sent"] == 1
