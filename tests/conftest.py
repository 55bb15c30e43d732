"""Shared fixtures: a till on a real SQLite file in a temporary folder, with or without the demo."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from posdrivers import load_profile
from posdrivers.virtual.printer import VirtualPrinter

from posreturns.app import Till, open_till
from posreturns.demo.store import demo_document
from posreturns.services.importing import import_bytes

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless by default; Xvfb runs set it themselves
# The command line answers a person in the system's language: the suite reads its English, whatever the machine's.
for _name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"
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


@pytest.fixture(autouse=True)
def fail_on_warning_logs(caplog: pytest.LogCaptureFixture, request: pytest.FixtureRequest) -> Iterator[None]:
    """A WARNING or worse logged during a test fails it, unless the test says it expects one
    (marker `allow_warning_logs`): errors must not slip by as log lines."""
    yield
    if request.node.get_closest_marker("allow_warning_logs"):
        return
    logged = [f"{r.levelname} {r.name}: {r.getMessage()}" for r in caplog.get_records("call")
              if r.levelno >= logging.WARNING]
    assert not logged, f"unexpected warning logs: {logged}"


@pytest.fixture
def printer(tmp_path: Path) -> Iterator[VirtualPrinter]:
    """A virtual ESC/POS printer on a loopback TCP port, storing its jobs under tmp_path."""
    with VirtualPrinter("127.0.0.1", 0, jobs_dir=tmp_path / "jobs", profile=load_profile("epson-tm-t20iii")) as started:
        yield started


