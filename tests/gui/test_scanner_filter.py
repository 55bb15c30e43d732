"""The wedge filter with real Qt key events, at scanner speed and at human speed (injected clock)."""

from __future__ import annotations

from conftest import SteppingClock
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from posreturns.ui.scanner_filter import WedgeScannerFilter



def _setup(qtbot, step: float):  # type: ignore[no-untyped-def]
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    scanner = WedgeScannerFilter(clock=SteppingClock(step))
    QApplication.instance().installEventFilter(scanner)
    scans: list[str] = []
    scanner.scanned.connect(scans.append)
    return field, scanner, scans


def test_a_scanner_burst_becomes_one_scan_and_leaves_the_field_alone(qtbot) -> None:  # type: ignore[no-untyped-def]
    field, scanner, scans = _setup(qtbot, step=0.004)
    try:
        qtbot.keyClicks(field, "PA01-000102")
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert scans == ["PA01-000102"]
        assert field.text() == ""
    finally:
        QApplication.instance().removeEventFilter(scanner)


def test_human_typing_reaches_the_field_in_order_and_is_no_scan(qtbot) -> None:  # type: ignore[no-untyped-def]
    field, scanner, scans = _setup(qtbot, step=0.150)
    try:
        qtbot.keyClicks(field, "dupre 42")
        qtbot.waitUntil(lambda: field.text() == "dupre 42", timeout=2000)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert scans == []
    finally:
        QApplication.instance().removeEventFilter(scanner)


def test_a_short_fast_burst_is_typing_not_a_scan(qtbot) -> None:  # type: ignore[no-untyped-def]
    field, scanner, scans = _setup(qtbot, step=0.004)
    try:
        qtbot.keyClicks(field, "ab")
        qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: field.text() == "ab", timeout=2000)
        assert scans == []
    finally:
        QApplication.instance().removeEventFilter(scanner)
