"""Shared fixtures: a till on a real SQLite file in a temporary folder, with or without the demo."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from posreturns.app import Till, open_till
from posreturns.demo.store import demo_document
from posreturns.services.importing import import_bytes

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless by default; Xvfb runs set it themselves
DEMO_DAY = date(2026, 11, 26)


@pytest.fixture
def till(tmp_path: Path) -> Iterator[Till]:
    opened = open_till(tmp_path / "data")
    yield opened
    opened.close()


@pytest.fixture
def demo_till(till: Till) -> Till:
    import_bytes(json.dumps(demo_document(DEMO_DAY)).encode(), "demo", till.cache_writer)
    till.settings.set("store.id", "PARIS-01")
    return till


def dump(till: Till) -> list[str]:
    """Every row of the store as SQL text, to compare states before and after an operation."""
    raw = till.engine.raw_connection()
    try:
        return list(raw.driver_connection.iterdump())
    finally:
        raw.close()
