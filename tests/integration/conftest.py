"""Fixtures of the integration tests: the demo store at a fixed time, with the shipped policy and a
manager (`shop`); a scripted Medusa on loopback with one ten-line order (`oms`, for the sync tests)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.fake_medusa import FakeMedusa, order
from helpers.returns import open_shop

from posreturns.app import Till


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Till]:
    till = open_shop(tmp_path / "shop")
    yield till
    till.close()


@pytest.fixture
def oms() -> Iterator[FakeMedusa]:
    server = FakeMedusa().start()
    server.state.orders["order_1"] = order("order_1", {f"l{i}": 1 for i in range(1, 11)})
    yield server
    server.stop()
