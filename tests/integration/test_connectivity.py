"""One connectivity state decides online or offline rules, whatever the request says: a till whose
OMS does not answer applies the offline rules even to a request marked online; a request marked
offline stays offline; a till with no OMS applies the online rules; a quick probe settles a stale
state, and the answer is written down for the window, the widget and the command line alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.fake_medusa import KEY, FakeMedusa
from helpers.returns import MANAGER, PIN, line, open_shop, request

from posreturns.app import Till, attach_oms

QUOTE = request("PA01-000102", line("ROBE-LIN-38"), approval={"manager": MANAGER, "pin": PIN})


@pytest.fixture
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Till]:
    monkeypatch.setenv("POSRETURNS_OMS_API_KEY", KEY)
    till = open_shop(tmp_path / "data")
    yield till
    till.close()


def test_no_oms_means_online_rules(shop: Till) -> None:
    attach_oms(shop)
    assert shop.returns.quote(QUOTE)["offline"] is False
    assert shop.returns.quote({**QUOTE, "offline": True})["offline"] is True       # the request may be stricter


def test_an_oms_that_does_not_answer_means_offline_rules_whatever_the_request_says(shop: Till) -> None:
    shop.settings.set("oms.url", "http://127.0.0.1:9")                            # nothing listens there
    attach_oms(shop)
    assert shop.returns.quote({**QUOTE, "offline": False})["offline"] is True
    contact = shop.connectivity.current()
    assert contact["online"] is False and "cannot be reached" in contact["reason"]


def test_an_oms_that_answers_means_online_rules_and_the_probe_is_not_repeated(shop: Till) -> None:
    oms = FakeMedusa().start()
    try:
        shop.settings.set("oms.url", oms.url)
        attach_oms(shop)
        assert shop.returns.quote(QUOTE)["offline"] is False
        asked = len(oms.log)
        assert shop.returns.quote(QUOTE)["offline"] is False and len(oms.log) == asked   # fresh: not asked again
        oms.stop()
        shop.connectivity.fresh_seconds = 0                                            # stale at once
        assert shop.returns.quote(QUOTE)["offline"] is True
    finally:
        oms.server_close()
