"""Settings that protect numbers and data: the till id (return numbers) and the OMS address (https)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import dump
from integration.returns_support import line, open_shop, request

from posreturns.cli.main import main


def test_tills_whose_ids_share_their_first_characters_never_share_a_return_number(tmp_path: Path) -> None:
    """They used to get the same numbers (the id was cut to four characters), and the second till
    then failed on every return for good."""
    shop = open_shop(tmp_path / "data")
    first = shop.returns.complete(request("PA01-000101", line("TSH-NVY-M"), key="k1", till_id="CAISSE1"))
    second = shop.returns.complete(request("PA01-000102", line("ROBE-LIN-38"), key="k2", till_id="CAISSE2"))
    third = shop.returns.complete(request("PA01-000104", line("ENC-PORT"), key="k3", till_id="CAISSE2"))
    numbers = [first["return_number"], second["return_number"], third["return_number"]]
    assert len(set(numbers)) == 3 and numbers[1].endswith("-000001") and numbers[2].endswith("-000002")
    shop.close()


def test_config_set_till_id_refuses_an_id_that_would_reuse_another_tills_numbers(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shop = open_shop(tmp_path / "data")
    shop.returns.complete(request("PA01-000101", line("TSH-NVY-M"), key="k1", till_id="T-1"))
    before = dump(shop)
    shop.close()
    assert main(["--data-dir", str(tmp_path / "data"), "config", "set", "till.id", "t1"]) == 2
    assert 'the till "T-1" already used here' in capsys.readouterr().err
    shop = open_shop(tmp_path / "data", setup=False)
    assert dump(shop) == before
    shop.close()
    assert main(["--data-dir", str(tmp_path / "data"), "config", "set", "till.id", "T2"]) == 0


@pytest.mark.parametrize(("url", "exit_code"), [
    ("http://oms.example.com", 2), ("http://10.0.0.5:9000", 2), ("ftp://oms.example.com", 2), ("https://", 2),
    ("http://[::1", 2), ("https://oms.example.com/", 0), ("http://127.0.0.1:9000", 0), ("http://localhost:9000", 0),
    ("http://[::1]:9000", 0)])
def test_the_oms_address_must_be_https_unless_it_is_this_machine(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str, exit_code: int) -> None:
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "config", "set", "oms.url", url]) == exit_code
    stored = main(["--data-dir", data, "--json", "config", "get", "oms.url"])
    out = capsys.readouterr()
    assert stored == 0
    if exit_code:
        assert '"oms.url": null' in out.out and out.err.count("\n") == 1
    else:
        assert url.rstrip("/") in out.out


def test_oms_connect_refuses_plain_http_to_another_machine_before_reading_the_key(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--data-dir", str(tmp_path / "data"), "oms", "connect", "--url", "http://oms.example.com",
                 "--api-key-stdin", "--no-check"])
    assert code == 2 and "must start with https://" in capsys.readouterr().err
