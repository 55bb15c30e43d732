"""The one composition root: what each front end gets, and that the window and the host widget get the
same background parts (sync with its connectivity, e-receipts, the printer thread, the session log)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.fake_medusa import KEY, FakeMedusa
from helpers.returns import CASHIER, line, open_shop, request

from posreturns.app import open_till
from posreturns.bootstrap import bootstrap
from posreturns.cli import main as run_cli
from posreturns.till_session import MARKER_FILE, logs_dir


@pytest.fixture
def oms(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeMedusa]:
    server = FakeMedusa().start()
    monkeypatch.setenv("POSRETURNS_OMS_API_KEY", KEY)
    yield server
    server.stop()


def connected_till(data_dir: Path, url: str) -> None:
    with open_till(data_dir) as till:
        till.settings.set("oms.url", url)
        till.settings.set("store.id", "PARIS01")


def wait_until(condition, seconds: float = 20.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_the_command_line_gets_the_till_and_nothing_running(tmp_path: Path, oms: FakeMedusa) -> None:
    connected_till(tmp_path, oms.url)
    with bootstrap(tmp_path, "cli") as runtime:
        assert (runtime.sync, runtime.mail, runtime.session_log) == (None, None, None)
        assert runtime.online() is None and not runtime.offline()
    assert not (logs_dir(tmp_path) / MARKER_FILE).exists()


@pytest.mark.parametrize("mode", ["window", "widget"])
def test_the_window_and_the_widget_both_sync_and_know_whether_the_oms_answers(tmp_path: Path, oms: FakeMedusa,
                                                                                mode: str) -> None:
    connected_till(tmp_path, oms.url)
    runtime = bootstrap(tmp_path, mode, host_store_id="PARIS01", host_till_id="T1")  # type: ignore[arg-type]
    try:
        assert runtime.sync is not None and runtime.sync.running
        assert wait_until(lambda: runtime.online() is True)
        assert not runtime.offline()
        assert (logs_dir(tmp_path) / MARKER_FILE).exists()  # the session is open
    finally:
        runtime.close()
    assert not runtime.sync.running
    assert not (logs_dir(tmp_path) / MARKER_FILE).exists()  # and closed cleanly


def test_the_widget_writes_the_host_ids_and_signs_nobody_in(tmp_path: Path) -> None:
    with bootstrap(tmp_path, "widget", host_store_id="LYON02", host_till_id="T7") as runtime:
        assert (runtime.store_id(), runtime.till_id()) == ("LYON02", "T7")
        assert runtime.ui_services("en").sign_in is None
    with bootstrap(tmp_path, "window") as runtime:
        assert runtime.ui_services("en").sign_in is not None
        assert runtime.till_id() == "T7"  # what the host wrote stays for the command line and sync


@pytest.mark.allow_warning_logs  # the second start logs the unexpected end, as it should
def test_a_window_that_failed_leaves_its_session_marked_unexpected(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), bootstrap(tmp_path, "window"):
        raise RuntimeError("the window broke")
    with bootstrap(tmp_path, "window") as runtime:
        assert runtime.unexpected_end


def test_the_window_started_with_till_is_that_till_everywhere(tmp_path: Path) -> None:
    """`posreturns gui --till T9` on a till whose setting says T2: the recent returns, the drawer float,
    the status bar, the receipts and the manager's close of day are all T9's."""
    shop = tmp_path / "shop"
    with open_shop(shop) as till:
        till.settings.set("till.id", "T2")
        sale = {**request("PA01-000103", line("TSH-WHT-L"), key="at-t2"), "till_id": None}
        till.returns.complete(sale, CASHIER)
    with open_shop(shop, till_id="T9", setup=False) as till:
        t9 = till.returns.complete({**request("PA01-000101", line("TSH-NVY-M"), key="at-t9"), "till_id": None},
                                   CASHIER)
    with bootstrap(shop, "window", till_id="T9") as runtime:
        services = runtime.ui_services("en")
        assert runtime.till_id() == "T9" and services.status_probe()["till_id"] == "T9"
        assert [r["return_number"] for r in services.recent_returns()] == [t9["return_number"]]
        assert services.drawer_floats is not None
        entry = services.drawer_floats.set_float(CASHIER, "150")
        current = services.drawer_floats.current_float()
        assert current is not None and (entry.till_id, current.till_id, current.amount) == ("T9", "T9", entry.amount)
        assert services.manager is not None and services.manager.day_close is not None
        assert services.manager.day_close.window().till_id == "T9"
        assert services.manager.reports is not None and services.manager.reports.identity().till_id == "T9"
    with open_till(shop) as plain:  # without --till, the setting's till has no float today
        assert plain.till_id() == "T2" and plain.drawer.current_float() is None


class _Opened(Exception):
    """Stands for the window: the test only needs what the window's runtime was opened with."""


@pytest.mark.parametrize("argv", [["gui", "--till", "T9"], ["--till", "T9", "gui"]])
def test_gui_opens_the_till_given_with_till(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    opened: dict[str, object] = {}

    def fake_bootstrap(data_dir: Path, mode: str, **options: object) -> None:
        opened.update(options, mode=mode)
        raise _Opened

    monkeypatch.setattr("posreturns.bootstrap.bootstrap", fake_bootstrap)
    with pytest.raises(_Opened):
        run_cli(["--data-dir", str(tmp_path), *argv])
    assert opened == {"mode": "window", "till_id": "T9"}
