"""Fixtures of the returns tests: the demo store at a fixed time, with the shipped policy and a manager."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.returns import open_shop

from posreturns.app import Till


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Till]:
    till = open_shop(tmp_path / "shop")
    yield till
    till.close()
