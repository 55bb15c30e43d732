"""`posreturns serve` as a host POS in another language uses it: a real HTTP client on a loopback port,
the same answers and errors as the command line (docs/host-integration.md)."""

from __future__ import annotations

import http.client
import json
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from helpers.returns import line, request
from posdrivers.virtual.printer import VirtualPrinter

from posreturns.bootstrap import Runtime, bootstrap
from posreturns.cli.host_api import SESSION_IDLE_SECONDS, Call, HostApi
from posreturns.cli.host_server import TOKEN_FILE, HostServer, till_token
from posreturns.domain.permissions import Permission

NOW = "2026-11-26T10:00:00+01:00"
ALICE = {"X-Posreturns-User": "alice", "X-Posreturns-Pin": "1357"}


def cli(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "posreturns", "--data-dir", str(data_dir), "--now", NOW, *args],
                          input=stdin, capture_output=True, text=True, timeout=120, check=False,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(data_dir)})


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("host-api")
    assert cli(folder, "demo", "--today", "2026-11-26").returncode == 0
    added = cli(folder, "user", "add", "alice", "--name", "Alice", "--role", "cashier", "--user", "admin",
                "--pin-stdin", stdin="246810\n1357\n")
    assert added.returncode == 0, added.stderr
    return folder


class Host:
    """A host POS's HTTP client: one keep-alive connection, the till's token on every call."""

    def __init__(self, server: HostServer, token: str) -> None:
        self.connection = http.client.HTTPConnection(*server.server_address[:2], timeout=30)
        self.token = token

    def call(self, method: str, path: str, body: Any = None, raw: bytes | None = None,
             headers: dict[str, str] | None = None, token: str | None = None) -> tuple[int, Any]:
        sent = {"Authorization": f"Bearer {self.token if token is None else token}", **(headers or {})}
        data = raw if raw is not None else None if body is None else json.dumps(body).encode()
        self.connection.request(method, path, body=data, headers=sent)
        answer = self.connection.getresponse()
        return answer.status, json.loads(answer.read())


@pytest.fixture(scope="module")
def served(data_dir: Path, printer: VirtualPrinter) -> Iterator[tuple[HostServer, Runtime, str]]:
    runtime = bootstrap(data_dir, "cli", now=NOW)
    runtime.till.build_use_cases()
    token = till_token(data_dir)
    server = HostServer(("127.0.0.1", 0), HostApi(runtime.till, printer.url), token)
    thread = threading.Thread(target=server.serve_forever)
    thread.start()
    yield server, runtime, token
    server.stop()
    server.server_close()
    thread.join()
    runtime.close()


@pytest.fixture(scope="module")
def printer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtualPrinter]:
    from posdrivers import load_profile

    with VirtualPrinter("127.0.0.1", 0, jobs_dir=tmp_path_factory.mktemp("jobs"),
                        profile=load_profile("epson-tm-t20iii")) as started:
        yield started


@pytest.fixture
def host(served: tuple[HostServer, Runtime, str]) -> Iterator[Host]:
    client = Host(served[0], served[2])
    yield client
    client.connection.close()


def test_lookups_and_quotes_answer_as_the_command_line(host: Host, data_dir: Path) -> None:
    status, order = host.call("GET", "/v1/orders/pa01%20000102")
    assert status == 200 and order == json.loads(cli(data_dir, "--json", "order", "show", "pa01 000102").stdout)
    status, found = host.call("GET", "/v1/orders?q=camille")
    assert status == 200 and {o["number"] for o in found["orders"]} == {"PA01-000101", "PA01-000106"}
    status, matched = host.call("GET", "/v1/orders/PA01-000102/match?code=ROBE-LIN-38")
    assert status == 200 and matched["lines"][0]["id"] == "ORD-1002-L1"
    body = request("PA01-000102", line("ROBE-LIN-38"))
    status, quoted = host.call("POST", "/v1/returns/quote", body)
    assert status == 200 and quoted == json.loads(cli(data_dir, "return", "quote", stdin=json.dumps(body)).stdout)
    assert quoted["refund_total"] == "100.20"


def test_errors_are_the_command_lines_sentences_with_an_http_status(host: Host, data_dir: Path) -> None:
    status, missing = host.call("GET", "/v1/orders/PA01-424242")
    said = json.loads(cli(data_dir, "--json", "order", "show", "PA01-424242").stderr)["error"]
    assert (status, missing["error"]["exit_code"]) == (404, 3)
    assert {k: missing["error"][k] for k in ("code", "message")} == said
    status, refused = host.call("POST", "/v1/returns/complete", request("PA01-000105", line("MAILLOT-M")),
                                headers=ALICE)
    assert (status, refused["error"]["code"], refused["error"]["exit_code"]) == (422, "refused", 2)
    status, garbled = host.call("POST", "/v1/returns/quote", raw=b'{"order": ')
    assert status == 400 and garbled["error"]["message"].startswith("The request is not valid JSON")
    assert host.call("GET", "/v1/nothing")[0] == 400
    assert host.call("GET", "/v1/orders?q=")[0] == 400
    for token in ("", "not-the-token"):
        status, refused_token = host.call("GET", "/v1/orders/PA01-000102", token=token)
        assert status == 401 and refused_token["error"]["code"] == "unauthorized" and "PA01" not in str(refused_token)
    assert host.call("GET", "/v1/health")[0] == 200  # the connection still serves after refusals


def test_complete_needs_a_till_user_then_prints_and_is_confirmed(host: Host, data_dir: Path,
                                                                 printer: VirtualPrinter,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    body = request("PA01-000102", line("ROBE-LIN-38"), key="host-api-1")
    status, nobody = host.call("POST", "/v1/returns/complete", body)
    assert (status, nobody["error"]["code"]) == (401, "sign_in_required")
    status, wrong = host.call("POST", "/v1/returns/complete", body, headers={**ALICE, "X-Posreturns-Pin": "9999"})
    assert (status, wrong["error"]["code"]) == (401, "pin_refused")
    assert host.call("GET", "/v1/returns/RPARIS01-T1-000001")[0] == 404  # nothing was written
    status, done = host.call("POST", "/v1/returns/complete", body, headers=ALICE)
    assert status == 200, done
    number = done["return_number"]
    assert done["tenders"][0]["executed_by"] == "host" and done["print"]["printed"] is True
    assert host.call("POST", "/v1/returns/complete", body, headers=ALICE)[1]["return_id"] == done["return_id"]
    assert host.call("GET", f"/v1/returns/{number}")[1]["return_id"] == done["return_id"]

    status, session = host.call("POST", "/v1/session", {"user": "alice", "pin": "1357"})
    assert status == 200 and session["role"] == "cashier"
    signed_in = {"X-Posreturns-Session": session["session"]}
    status, confirmed = host.call("POST", f"/v1/returns/{number}/confirm", {"reference": "AUTH-777"},
                                  headers=signed_in)
    assert (status, confirmed) == (200, {"return_number": number, "host_paid": True})
    status, reprinted = host.call("POST", f"/v1/returns/{number}/reprint", headers=signed_in)
    assert status == 200 and reprinted["copy"] is True
    assert host.call("DELETE", "/v1/session", headers=signed_in)[1] == {"signed_out": True}
    status, ended = host.call("POST", f"/v1/returns/{number}/reprint", headers=signed_in)
    assert (status, ended["error"]["code"]) == (401, "signed_out")
    with closing(sqlite3.connect(data_dir / "posreturns.db")) as db:
        audited = db.execute("SELECT actor, detail_json FROM audit_log WHERE action = 'host.refund_confirmed' "
                             "AND subject = ?", (number,)).fetchall()
    assert len(audited) == 1 and audited[0][0] == "alice" and "AUTH-777" in audited[0][1]
    assert "1357" not in caplog.text and "9999" not in caplog.text and session["session"] not in caplog.text


def test_a_session_ends_after_its_idle_time(served: tuple[HostServer, Runtime, str]) -> None:
    now = [0.0]
    api = HostApi(served[1].till, clock=lambda: now[0])
    session = api.open_session(_call({"user": "alice", "pin": "1357"}))["session"]
    now[0] += SESSION_IDLE_SECONDS - 1
    signed_in = _call(None, {"x-posreturns-session": session})
    assert api.who(signed_in, Permission.REPRINT_RECEIPT).user_id == "alice"
    now[0] += SESSION_IDLE_SECONDS + 1
    status, ended = api.answer(lambda call: api.who(call, Permission.REPRINT_RECEIPT), signed_in)
    assert (status, ended["error"]["code"]) == (401, "signed_out")


def test_calls_from_many_threads_at_once(served: tuple[HostServer, Runtime, str]) -> None:
    answers: list[Any] = []

    def host_thread() -> None:
        client = Host(served[0], served[2])
        for number in ("PA01-000101", "PA01-000102", "PA01-000103") * 4:
            answers.append(client.call("GET", f"/v1/orders/{number}")[0])
        status, quoted = client.call("POST", "/v1/returns/quote", request("PA01-000101", line("JEAN-SLIM-40")))
        answers.append(status if status != 200 or quoted["status"] == "allowed" else quoted)
        client.connection.close()

    threads = [threading.Thread(target=host_thread) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [200] * 6 * 13


def test_serve_keeps_its_token_private_and_stops_on_sigterm(data_dir: Path) -> None:
    refused = cli(data_dir, "serve", "--host", "0.0.0.0")
    assert refused.returncode == 2 and "loopback" in refused.stderr and refused.stderr.count("\n") == 1
    with subprocess.Popen([sys.executable, "-m", "posreturns", "--data-dir", str(data_dir), "serve", "--port", "0"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child:
        try:
            started = json.loads(child.stdout.readline())  # type: ignore[union-attr]
            token = (data_dir / TOKEN_FILE).read_text().strip()
            if os.name == "posix":
                assert (data_dir / TOKEN_FILE).stat().st_mode & 0o777 == 0o600
            host, port = started["url"].removeprefix("http://").split(":")
            connection = http.client.HTTPConnection(host, int(port), timeout=30)
            connection.request("GET", "/v1/health", headers={"Authorization": f"Bearer {token}"})
            assert json.loads(connection.getresponse().read())["till_id"] == "T1"
            child.send_signal(signal.SIGTERM)  # while the host keeps its connection open, as hosts do
            assert child.wait(timeout=60) == 0
            connection.close()
            assert token not in child.stderr.read()  # type: ignore[union-attr]
        finally:
            if child.poll() is None:
                child.kill()


def _call(body: Any, headers: dict[str, str] | None = None) -> Call:
    return Call({}, {}, body, headers or {})


def test_what_the_server_built_at_start_is_kept_out_of_the_collectors_sight() -> None:
    import gc

    from posreturns.cli.serve_commands import keep_out_of_collections

    built = [{"lives": "as long as the server"} for _ in range(1000)]
    try:
        keep_out_of_collections()
        assert gc.get_freeze_count() >= len(built)  # a full collection during a call no longer walks them
        gc.collect()
        assert gc.get_freeze_count() >= len(built)
    finally:
        gc.unfreeze()


def test_answers_are_utf8_json_whatever_their_keys() -> None:
    from posreturns.cli.host_server import encoded

    assert json.loads(encoded({"message": "Remboursé", "lines": [{"qty": 1}]})) == \
        {"message": "Remboursé", "lines": [{"qty": 1}]}
    assert json.loads(encoded({1: "a key json writes as a string"})) == {"1": "a key json writes as a string"}
