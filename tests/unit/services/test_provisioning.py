"""Provisioning files: tables or dotted keys flattened to settings; anything unknown, secret or
out of range is refused with one sentence naming the key."""

from __future__ import annotations

import pytest

from posreturns.services.errors import BadInput
from posreturns.services.provisioning import KNOWN_KEYS, read_provisioning

FULL = b"""
language = "fr"
[till]
id = "T3"
[store]
id = "PARIS-01"
address = "12 rue de Rivoli, 75004 Paris"
[printer]
url = "tcp://10.0.0.51:9100"
profile = "epson-tm-t20iii"
[scanner]
mode = "serial"
port = "/dev/serial/by-id/usb-Honeywell_Scanner-if00"
[oms]
url = "https://oms.example.com"
order_window_days = 120
"""


def test_tables_and_dotted_keys_become_settings() -> None:
    values = read_provisioning(FULL, "till.toml")
    assert values == {"language": "fr", "till.id": "T3", "store.id": "PARIS-01",
                      "store.address": "12 rue de Rivoli, 75004 Paris", "printer.url": "tcp://10.0.0.51:9100",
                      "printer.profile": "epson-tm-t20iii", "scanner.mode": "serial",
                      "scanner.port": "/dev/serial/by-id/usb-Honeywell_Scanner-if00",
                      "oms.url": "https://oms.example.com", "oms.order_window_days": "120"}
    assert read_provisioning(b'printer.url = "usblp:/dev/usb/lp0"\ntill.id = "T1"', "f") == {
        "printer.url": "usblp:/dev/usb/lp0", "till.id": "T1"}
    assert set(values) <= set(KNOWN_KEYS)


@pytest.mark.parametrize(("text", "words"), [
    (b"[till\n", "is not valid TOML"),
    (b"\xff\xfe", "is not UTF-8"),
    (b"", "sets nothing"),
    (b'[printer]\nurl = "tcp://x"\ncolour = "red"', "printer.colour is not a setting"),
    (b'[oms]\napi_key = "sk_live"', "looks like a secret"),
    (b'[manager]\npin = "1234"', "looks like a secret"),
    (b'language = "de"', "language = 'de' is not allowed; use fr or en"),
    (b'[scanner]\nmode = "serial"', "scanner.port is missing"),
    (b'[till]\nid = ""', "till.id is empty"),
    (b'[oms]\nurl = "oms.example.com"', "oms.url must start with https://"),
    (b'[oms]\norder_window_days = "soon"', "whole number of days"),
    (b'[printer]\nurl = ["a", "b"]', "must be a text or a whole number"),
])
def test_a_bad_file_is_refused_with_the_key_and_what_to_do(text: bytes, words: str) -> None:
    with pytest.raises(BadInput) as refused:
        read_provisioning(text, "till.toml")
    assert words in str(refused.value)
    if text:
        assert str(refused.value).startswith("till.toml")
    assert "sk_live" not in str(refused.value)
