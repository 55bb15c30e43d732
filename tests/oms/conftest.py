"""The ``medusa`` fixture: a real Medusa v2 OMS (PostgreSQL + ``medusa start`` on loopback) for one session.

Each session gets a fresh database in ``var/oms-pytest`` (or ``$POSRETURNS_OMS_TEST_VAR``), seeded by
``oms/harness.py``; both servers are stopped by pid at the end, also when the session fails. If Medusa
cannot be started the fixture fails with the harness's reason (it never skips).

``POSRETURNS_OMS_REUSE=1`` uses the instance that ``make oms`` left running (``var/oms/state.json``)
instead, without stopping it: handy while writing tests, but the tests then see earlier runs' data
(start it with ``POSRETURNS_PLUGIN_FAULTS=1 make oms`` for the plugin tests that stop it half-way).
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


if str(ROOT) not in sys.path:  # oms/ is a top-level folder of the repository, not an installed package
    sys.path.insert(0, str(ROOT))

from oms import harness  # noqa: E402


@dataclasses.dataclass
class MedusaOms:
    """What a test needs to talk to the running OMS."""

    base_url: str
    api_key: str
    publishable_key: str | None
    seed: dict[str, Any]
    state: dict[str, Any]
    admin: Any  # harness.AdminClient: .get/.post/.delete/.raw/.list_all, .session is a requests.Session

    def location_id(self, code: str = "PARIS-01") -> str:
        return str(self.seed["locations"][code])

    def variant(self, sku: str) -> dict[str, Any]:
        return dict(self.seed["variants"][sku])

    def order(self, key: str) -> dict[str, Any]:
        return dict(self.seed["orders"][key])

    def reason_id(self, code: str) -> str:
        return str(self.seed["return_reasons"][code])

    def stock(self, sku: str, location: str = "PARIS-01") -> dict[str, Any]:
        """The inventory level (stocked/reserved/available) of one SKU at one store."""
        item = self.variant(sku)["inventory_item_id"]
        levels = self.admin.get(
            f"/admin/inventory-items/{item}/location-levels", location_id=self.location_id(location)
        )["inventory_levels"]
        assert len(levels) == 1, levels
        return dict(levels[0])


def pytest_configure(config: pytest.Config) -> None:
    # Also declared in pyproject.toml; repeated so that tests/oms runs on its own (-c /dev/null) too.
    config.addinivalue_line("markers", "oms: needs the real Medusa OMS started by the oms fixture")


# The first test of a session also pays for the Medusa it starts (installing the plugin, migrating, seeding):
# minutes on a fresh clone or a busy machine, more than the suite's 300 s per test. The harness bounds each of
# those steps with its own timeouts, so this one only catches a test that hangs.
OMS_TEST_TIMEOUT = 1800


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here) and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(OMS_TEST_TIMEOUT))


@pytest.fixture(scope="session")
def oms_harness() -> ModuleType:
    """The oms/harness.py module (Settings, AdminClient, Seeder, pid_alive, ...)."""
    return harness


@pytest.fixture(scope="session")
def medusa() -> Iterator[MedusaOms]:
    if os.environ.get("POSRETURNS_OMS_REUSE") == "1":
        settings = harness.Settings()
        state = harness.load_state(settings)
        if not state.get("api_key") or not harness.status(settings)["medusa"]["healthy"]:
            pytest.fail("POSRETURNS_OMS_REUSE=1 but no running OMS: run `make oms` first", pytrace=False)
        harness.seed(settings, state)
        reused = _oms(state)
        yield reused
        reused.admin.close()
        return
    var_dir = Path(os.environ.get("POSRETURNS_OMS_TEST_VAR", ROOT / "var" / "oms-pytest"))
    os.environ["POSRETURNS_PLUGIN_FAULTS"] = "1"  # the plugin's fault tests stop an attempt after a chosen step
    settings = harness.Settings(var_dir=var_dir)
    try:
        try:
            state = harness.up(settings, fresh=True)
        except harness.OmsError as exc:
            pytest.fail(f"could not start the Medusa OMS: {exc}", pytrace=False)
        oms = _oms(state)
        try:
            yield oms
        finally:
            oms.admin.close()
    finally:
        harness.stop(settings)


def _oms(state: dict[str, Any]) -> MedusaOms:
    return MedusaOms(
        base_url=state["medusa"]["base_url"],
        api_key=state["api_key"],
        publishable_key=state.get("publishable_key"),
        seed=state["seed"],
        state=state,
        admin=harness.AdminClient(state["medusa"]["base_url"], state["api_key"]),
    )


@pytest.fixture
def store(tmp_path: Path, medusa: Any) -> Iterator[tuple[Any, Any]]:
    """A PARIS-01 till connected to the test Medusa: (till, sync engine)."""
    from helpers.medusa import open_store_till

    till, engine = open_store_till(tmp_path / "paris", medusa)
    yield till, engine
    engine.gateway.close()
    till.close()


@pytest.fixture
def walk(tmp_path: Path, medusa: Any) -> Iterator[Any]:
    """`walk(store)`: a till of that store whose uploader talks to Medusa through a fault proxy
    (tests/helpers/medusa_faults.py)."""
    from helpers.fault_proxy import FaultProxy
    from helpers.medusa_faults import start_walk

    opened: list[Any] = []
    yield lambda store: start_walk(tmp_path, medusa, store, opened)
    for thing in reversed(opened):
        (thing.stop if isinstance(thing, FaultProxy) else thing.close)()
