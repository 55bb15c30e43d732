"""Device settings are checked before they are stored: `config set` refuses a wrong one, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.cli import run_cli
from posdrivers import WedgeConfig

from posreturns.devices.device_settings import check_setting, serial_options, wedge_config
from posreturns.services.errors import BadInput


@pytest.mark.parametrize(("key", "value", "stored"), [
    ("printer.profile", "star-tsp650ii-escpos", "star-tsp650ii-escpos"),
    ("printer.url", "tcp://10.0.0.5:9100?status=none", "tcp://10.0.0.5:9100?status=none"),
    ("scanner.suffix", " Tab ", "tab"),
    ("scanner.parity", "even", "E"),
    ("scanner.baudrate", "19200", "19200"),
    ("scanner.gs_substitute", "|", "|"),
    ("store.id", " PARIS-01 ", "PARIS-01"),
])
def test_good_values_are_stored_normalised(key: str, value: str, stored: str) -> None:
    assert check_setting(key, value) == stored


@pytest.mark.parametrize(("key", "value", "sentence"), [
    ("printer.profile", "star-tsp100", "no printer profile named 'star-tsp100'"),
    ("printer.url", "lpt1", "not valid"),
    ("printer.profile_file", "/nowhere/shop.json", "cannot be read"),
    ("scanner.suffix", "space", "not a scanner suffix"),
    ("scanner.baudrate", "9601", "not a serial speed"),
    ("scanner.parity", "X", "not a parity"),
    ("scanner.gs_substitute", "ab", "cannot stand for the GS1 separator"),
])
def test_wrong_values_are_refused_with_one_sentence(key: str, value: str, sentence: str) -> None:
    with pytest.raises(BadInput, match=sentence):
        check_setting(key, value)


def test_config_set_refuses_an_unknown_profile_and_stores_nothing(tmp_path: Path) -> None:
    data = str(tmp_path / "till")
    assert run_cli("--data-dir", data, "user", "add", "root", "--name", "Root", "--role", "admin", "--first-admin",
                   "--pin-stdin", stdin="135790\n").code == 0
    as_root = ("--user", "root", "--pin-stdin")
    assert run_cli("--data-dir", data, "config", "set", "printer.profile", "epson-tm-t88vi", *as_root,
                   stdin="135790\n").code == 0
    refused = run_cli("--data-dir", data, "config", "set", "printer.profile", "star-tsp100", *as_root, stdin="135790\n")
    assert refused.code == 2 and "no printer profile named 'star-tsp100'" in refused.err
    shown = run_cli("--data-dir", data, "--json", "config", "get", "printer.profile")
    assert json.loads(shown.out) == {"printer.profile": "epson-tm-t88vi"}


def test_scanner_settings_become_driver_settings() -> None:
    settings = {"scanner.suffix": "tab", "scanner.prefix": "§", "scanner.baudrate": "19200", "scanner.parity": "E"}
    assert wedge_config(settings.get) == WedgeConfig.for_suffix("tab", prefix="§")
    assert serial_options(settings.get) == {"baudrate": 19200, "parity": "E", "terminator": "TAB"}
    assert serial_options({}.get) == {"baudrate": 9600, "parity": "N", "terminator": "ANY"}
    assert wedge_config({}.get).suffixes == ("\r", "\n", "\t")
