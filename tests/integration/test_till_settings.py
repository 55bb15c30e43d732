"""Settings that protect numbers and data: the till id (return numbers) and the OMS address (https)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import dump
from helpers.cli import run_cli
from helpers.returns import CASHIER, line, open_shop, request

from posreturns.app import open_till

ADMIN = ("--user", "root", "--pin-stdin")  # PIN 135790, first on stdin


def with_admin(data_dir: Path) -> None:
    with open_till(data_dir) as till:
        till.users.seed("root", "Root", "admin", "135790")


def config_set(data_dir: Path, key: str, value: str) -> tuple[int, str]:
    done = run_cli("--data-dir", str(data_dir), "config", "set", key, value, *ADMIN, stdin="135790\n")
    return done.code, done.err


def test_tills_whose_ids_share_their_first_characters_never_share_a_return_number(tmp_path: Path) -> None:
    """They used to get the same numbers (the id was cut to four characters), and the second till
    then failed on every return for good."""
    shop = open_shop(tmp_path / "data")
    first = shop.returns.complete(request("PA01-000101", line("TSH-NVY-M"), key="k1", till_id="CAISSE1"), CASHIER)
    second = shop.returns.complete(request("PA01-000102", line("ROBE-LIN-38"), key="k2", till_id="CAISSE2"), CASHIER)
    third = shop.returns.complete(request("PA01-000104", line("ENC-PORT"), key="k3", till_id="CAISSE2"), CASHIER)
    numbers = [first["return_number"], second["return_number"], third["return_number"]]
    assert len(set(numbers)) == 3 and numbers[1].endswith("-000001") and numbers[2].endswith("-000002")
    shop.close()


def test_config_set_till_id_refuses_an_id_that_would_reuse_another_tills_numbers(tmp_path: Path) -> None:
    shop = open_shop(tmp_path / "data")
    shop.returns.complete(request("PA01-000101", line("TSH-NVY-M"), key="k1", till_id="T-1"), CASHIER)
    shop.users.seed("root", "Root", "admin", "135790")
    shop.close()
    shop = open_shop(tmp_path / "data", setup=False)
    before = dump(shop)
    shop.close()
    code, err = config_set(tmp_path / "data", "till.id", "t1")
    assert code == 2 and 'the till "T-1" already used here' in err
    shop = open_shop(tmp_path / "data", setup=False)
    assert dump(shop) == before  # refused before the sign-in was written: nothing changed at all
    shop.close()
    assert config_set(tmp_path / "data", "till.id", "T2")[0] == 0


@pytest.mark.parametrize(("url", "exit_code"), [
    ("http://oms.example.com", 2), ("http://10.0.0.5:9000", 2), ("ftp://oms.example.com", 2), ("https://", 2),
    ("http://[::1", 2), ("https://oms.example.com/", 0), ("http://127.0.0.1:9000", 0), ("http://localhost:9000", 0),
    ("http://[::1]:9000", 0)])
def test_the_oms_address_must_be_https_unless_it_is_this_machine(tmp_path: Path, url: str, exit_code: int) -> None:
    with_admin(tmp_path / "data")
    code, err = config_set(tmp_path / "data", "oms.url", url)
    assert code == exit_code, err
    stored = run_cli("--data-dir", str(tmp_path / "data"), "--json", "config", "get", "oms.url")
    assert stored.code == 0
    if exit_code:
        assert '"oms.url": null' in stored.out and err.count("\n") == 1 and "https" in err
    else:
        assert url.rstrip("/") in stored.out


def test_oms_connect_refuses_plain_http_to_another_machine_before_reading_the_key(tmp_path: Path) -> None:
    done = run_cli("--data-dir", str(tmp_path / "data"), "oms", "connect", "--url", "http://oms.example.com",
                   "--api-key-stdin", "--no-check", *ADMIN, stdin="135790\nsk_key\n")
    assert done.code == 2 and "must start with https://" in done.err
