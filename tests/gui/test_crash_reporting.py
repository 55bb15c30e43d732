"""A crash is never silent: fatal errors land in the till's log folder, an exception in a slot is
logged and told to the cashier while the window carries on, and the next start says that the last
session ended unexpectedly and brings the return in progress back."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from posreturns.app import Till
from posreturns.plugin import create_returns_widget
from posreturns.till_session import CRASH_FILE, LOG_FILE, MARKER_FILE, TillSession, logs_dir
from posreturns.ui.embedded import ReturnsWidget
from posreturns.ui.views.main_window import HOME, RETURN

CHILD = Path(__file__).with_name("crash_child.py")


class Host:
    def __init__(self, parent: QWidget) -> None:
        self.parent_window, self.cashier, self.store_id, self.till_id = parent, "paul", "PARIS-01", "T1"

    def on_refund(self, instruction: object) -> None:
        pass


@pytest.fixture
def host(qtbot) -> Host:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    return Host(parent)


@pytest.fixture
def embedded(host: Host, demo_till: Till) -> Iterator[ReturnsWidget]:
    widget = create_returns_widget(host, demo_till.data_dir, language="en")
    yield widget
    widget.shutdown()


def _die_mid_return(data_dir: Path, how: str) -> None:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONFAULTHANDLER"}
    child = subprocess.run([sys.executable, str(CHILD), str(data_dir), how], capture_output=True, text=True,
                           timeout=120, env=environment)
    assert "draft saved" in child.stdout, child.stderr[-3000:]
    assert child.returncode < 0, "the child was meant to die"


def test_a_clean_session_leaves_no_marker_and_logs_to_the_folder(tmp_path: Path) -> None:
    session = TillSession(tmp_path)
    assert session.open() is None
    assert (logs_dir(tmp_path) / MARKER_FILE).exists()
    logging.getLogger("posreturns.some.module").info("a line for support")
    session.close()
    assert not (logs_dir(tmp_path) / MARKER_FILE).exists()
    text = (logs_dir(tmp_path) / LOG_FILE).read_text(encoding="utf-8")
    assert "session started" in text and "a line for support" in text and "session ended cleanly" in text
    again = TillSession(tmp_path)
    assert again.open() is None
    again.close()


@pytest.mark.allow_warning_logs
def test_after_a_segfault_the_next_start_says_so_and_restores_the_return(qtbot, host: Host, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    _die_mid_return(demo_till.data_dir, "segfault")
    crash_log = (logs_dir(demo_till.data_dir) / CRASH_FILE).read_text(encoding="utf-8")
    assert "Segmentation fault" in crash_log and "crash_child.py" in crash_log
    widget = create_returns_widget(host, demo_till.data_dir, language="en")
    try:
        window = widget.window_
        assert window.pages.currentIndex() == RETURN
        assert [line.order_line_id for line in window.flow.basket.lines] == ["ORD-1002-L1"]
        assert window.return_page.message.text() == ("The last session ended unexpectedly; the return in progress "
                                                     "was restored.")
        log_text = (logs_dir(demo_till.data_dir) / LOG_FILE).read_text(encoding="utf-8")
        assert "ended unexpectedly; its fatal error:" in log_text and "Segmentation fault" in log_text
    finally:
        widget.shutdown()
    again = create_returns_widget(host, demo_till.data_dir, language="en")  # a clean end: nothing to report now
    try:
        assert "unexpectedly" not in again.window_.return_page.message.text()
    finally:
        again.shutdown()


@pytest.mark.allow_warning_logs
def test_after_a_kill_the_next_start_says_so_without_a_fatal_report(qtbot, host: Host, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    _die_mid_return(demo_till.data_dir, "kill")
    session = TillSession(demo_till.data_dir)
    previous = session.open()
    session.close()
    assert previous is not None and previous.pid > 0 and previous.fatal_report == ""


@pytest.mark.allow_warning_logs
def test_an_exception_in_a_slot_is_logged_told_and_the_window_carries_on(
        qtbot, embedded: ReturnsWidget, demo_till: Till, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    window = embedded.window_
    calls = []

    def broken_recent() -> object:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("a bug in a slot")
        return []

    window.recent = broken_recent
    window.home.receiptless.emit()  # a real slot: the return page opens
    qtbot.waitUntil(lambda: window.pages.currentIndex() == RETURN)
    window.return_page.decision.cancel.emit()  # its slot goes home, where the bug raises
    assert "Something unexpected went wrong" in window.return_page.message.text() + window.home.message.text()
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR and r.name == "posreturns.ui.unexpected_errors"]
    assert errors and errors[0].exc_info is not None and "a bug in a slot" in str(errors[0].exc_info[1])
    log_text = (logs_dir(demo_till.data_dir) / LOG_FILE).read_text(encoding="utf-8")
    assert "Traceback" in log_text and "RuntimeError: a bug in a slot" in log_text
    window.return_page.decision.cancel.emit()  # still usable: the cashier cancels again, and goes home
    assert window.pages.currentIndex() == HOME
    window.on_scan("PA01-000102")
    qtbot.waitUntil(lambda: window.pages.currentIndex() == RETURN and window.flow.order is not None, timeout=5000)
    assert window.flow.order.number == "PA01-000102"


@pytest.mark.allow_warning_logs
def test_inside_a_host_only_our_exceptions_are_ours(qtbot, host: Host, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    seen: list[BaseException] = []
    previous = sys.excepthook
    sys.excepthook = lambda kind, error, traceback: seen.append(error)  # the host's own hook
    try:
        widget = create_returns_widget(host, demo_till.data_dir, language="en")
        window = widget.window_
        try:
            raise ValueError("the host's bug")
        except ValueError as error:
            sys.excepthook(type(error), error, error.__traceback__)
        assert [str(error) for error in seen] == ["the host's bug"]
        assert window.home.message.text() == ""
        try:
            window.flow.update_line(99, qty=1)  # our bug: raised inside posreturns
        except IndexError as error:
            sys.excepthook(type(error), error, error.__traceback__)
        assert len(seen) == 1 and "Something unexpected went wrong" in window.home.message.text()
        widget.shutdown()
        assert sys.excepthook is not previous and sys.excepthook(ValueError, ValueError("after"), None) is None
        assert [str(error) for error in seen] == ["the host's bug", "after"]
    finally:
        sys.excepthook = previous
