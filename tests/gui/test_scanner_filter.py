"""The wedge filter with real Qt key events, at scanner speed and at human speed (injected clock)."""

from __future__ import annotations

from helpers.clock import SteppingClock
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


def test_a_pin_typed_at_scanner_speed_stays_in_its_field_and_is_no_scan(qtbot) -> None:  # type: ignore[no-untyped-def]
    field, scanner, scans = _setup(qtbot, step=0.004)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    try:
        qtbot.keyClicks(field, "246810")
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert scans == [] and field.text() == "246810"
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


# --- key events as a USB HID scanner really sends them (timestamps from the events) -------------

import pytest  # noqa: E402
from helpers.hid_keyboard import Scanner  # noqa: E402
from posdrivers import WedgeConfig  # noqa: E402


def _hid_setup(qtbot, config: WedgeConfig | None = None):  # type: ignore[no-untyped-def]
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    scanner = WedgeScannerFilter(config or WedgeConfig())
    QApplication.instance().installEventFilter(scanner)
    scans: list[str] = []
    records: list[object] = []
    scanner.scanned.connect(scans.append)
    scanner.observed.connect(records.append)
    return field, scanner, scans, records


CODES = ["PA01-000101", "ROBE-LIN-40", "RPARIS01-T1-000007", "3760000000161"]


@pytest.mark.parametrize("layout", ["us", "fr"])
@pytest.mark.parametrize("every_ms", [2, 4, 8])  # a HID report every 2–8 ms: 4–16 ms per character
@pytest.mark.parametrize("code", CODES)
def test_a_hid_scanner_with_shift_around_capitals_and_azerty_digits_gives_one_whole_scan(
        qtbot, layout: str, every_ms: int, code: str) -> None:  # type: ignore[no-untyped-def]
    field, scanner, scans, _records = _hid_setup(qtbot)
    try:
        Scanner().play(code + "\r", every_ms=every_ms, layout=layout)
        assert scans == [code]
        assert field.text() == ""
    finally:
        QApplication.instance().removeEventFilter(scanner)


@pytest.mark.parametrize("text", ["camille\r", "Camille\r", "PA01-000101\r"])
def test_a_fast_typist_at_40_ms_a_key_is_typing_not_a_scan(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Press and release alternate every 10 ms (as `xdotool type --delay 40` types): each event comes
    fast enough for a scanner, but a character only every 20 ms, slower than a scanner."""
    field, scanner, scans, _records = _hid_setup(qtbot)
    try:
        Scanner().play(text, every_ms=10, layout="fr")
        qtbot.waitUntil(lambda: field.text() == text[:-1], timeout=2000)
        assert scans == []
    finally:
        QApplication.instance().removeEventFilter(scanner)


def test_a_window_busy_in_the_middle_of_a_scan_does_not_split_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The events wait in the queue while the GUI thread works; their own timestamps stay 8 ms apart."""
    field, scanner, scans, _records = _hid_setup(qtbot)
    try:
        Scanner().play("ROBE-LIN-40\r", every_ms=8, layout="fr", busy_after=20, busy_seconds=0.12)
        assert scans == ["ROBE-LIN-40"] and field.text() == ""
    finally:
        QApplication.instance().removeEventFilter(scanner)


def test_a_short_pause_of_the_scanner_itself_stays_inside_the_scan(qtbot) -> None:  # type: ignore[no-untyped-def]
    field, scanner, scans, _records = _hid_setup(qtbot)
    try:
        Scanner().play("PA01-000101\r", every_ms=4, gap_after=10, gap_ms=9)  # a character 17 ms after the last
        assert scans == ["PA01-000101"]
    finally:
        QApplication.instance().removeEventFilter(scanner)


@pytest.mark.parametrize("layout", ["us", "fr"])
def test_gs_sent_as_ctrl_bracket_is_the_gs1_separator(qtbot, layout: str) -> None:  # type: ignore[no-untyped-def]
    field, scanner, scans, _records = _hid_setup(qtbot)
    try:
        Scanner().play("]C10103760000000291\x1d21SN-CQ-0001\r", every_ms=6, layout=layout)
        assert scans == ["]C10103760000000291\x1d21SN-CQ-0001"]
    finally:
        QApplication.instance().removeEventFilter(scanner)


def test_altgr_as_ctrl_alt_on_windows_is_text_not_a_shortcut(qtbot) -> None:  # type: ignore[no-untyped-def]
    field, scanner, scans, _records = _hid_setup(qtbot)
    try:
        Scanner().play("]C1PA01-000101|X@Y\r", every_ms=8, layout="fr", system="windows")
        assert scans == ["]C1PA01-000101|X@Y"]
    finally:
        QApplication.instance().removeEventFilter(scanner)


def test_a_tab_suffix_ends_the_scan(qtbot) -> None:  # type: ignore[no-untyped-def]
    field, scanner, scans, _records = _hid_setup(qtbot, WedgeConfig.for_suffix("tab"))
    try:
        Scanner().play("PA01-000101\t", every_ms=8)
        assert scans == ["PA01-000101"]
    finally:
        QApplication.instance().removeEventFilter(scanner)


def test_a_scanner_without_suffix_ends_on_the_pause(qtbot) -> None:  # type: ignore[no-untyped-def]
    field, scanner, scans, _records = _hid_setup(qtbot, WedgeConfig.for_suffix("none"))
    try:
        Scanner().play("PA01-000101", every_ms=8, layout="fr")
        qtbot.waitUntil(lambda: scans == ["PA01-000101"], timeout=2000)
        assert field.text() == ""
    finally:
        QApplication.instance().removeEventFilter(scanner)


def test_caps_lock_inverting_the_scanners_capitals_is_undone(qtbot) -> None:  # type: ignore[no-untyped-def]
    """With Caps Lock on, Shift+P types "p": the scanner meant "P"."""
    from helpers.hid_keyboard import events, strokes

    field, scanner, scans, _records = _hid_setup(qtbot)
    try:
        from PySide6.QtGui import QKeyEvent

        stamp = 5_000
        for kind, key, modifiers, text in events(strokes("PA01-000101\r")):
            stamp += 4  # every event a report of its own: a capital every 16 ms
            event = QKeyEvent(kind, key, modifiers, text.lower() if text.isalpha() else text)
            event.setTimestamp(stamp)
            QApplication.sendEvent(field, event)
        assert scans == ["PA01-000101"]
    finally:
        QApplication.instance().removeEventFilter(scanner)


def test_a_person_typing_with_shift_reaches_the_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    field, scanner, scans, _records = _hid_setup(qtbot)
    try:
        Scanner().type_slowly("Dupre 42")
        qtbot.waitUntil(lambda: field.text() == "Dupre 42", timeout=2000)
        assert scans == []
    finally:
        QApplication.instance().removeEventFilter(scanner)


def test_each_scan_is_described_with_its_raw_keys_and_timing(qtbot) -> None:  # type: ignore[no-untyped-def]
    field, scanner, scans, records = _hid_setup(qtbot)
    try:
        Scanner().play("AB12\r", every_ms=8, layout="fr")
        [record] = records
        assert record.text == "AB12" and record.completed and record.ended_by == "suffix"
        pressed = [(k.key, k.modifiers, k.text) for k in record.keys if k.pressed]
        assert pressed[0][0] == "Shift" and pressed[1] == ("A", "Shift", "A")
        assert ("1", "Shift", "1") in pressed and [k.pressed for k in record.keys].count(False) > 4
        # a report every 8 ms, Shift in its key's report: A B 1 2 pressed and released, then Enter
        assert record.longest_gap_ms == 8 and record.duration_ms == 8 * 8
    finally:
        QApplication.instance().removeEventFilter(scanner)


def test_a_fast_burst_without_the_suffix_is_described_as_such(qtbot) -> None:  # type: ignore[no-untyped-def]
    field, scanner, scans, records = _hid_setup(qtbot)
    try:
        Scanner().play("PA01-000101", every_ms=8)
        qtbot.waitUntil(lambda: bool(records), timeout=2000)
        assert records[-1].text == "PA01-000101" and not records[-1].completed and records[-1].ended_by == "pause"
        assert scans == [] and field.text() == "PA01-000101"
    finally:
        QApplication.instance().removeEventFilter(scanner)


def test_scans_reach_a_window_that_qt_does_not_think_active(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A till without a window manager: X gives the window the keys, but Qt knows no active window and
    no application focus widget. The filter asks the window for its focus widget instead."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    other = QLineEdit()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    other.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not field)
    assert field.window().focusWidget() is field
    scanner = WedgeScannerFilter()
    QApplication.instance().installEventFilter(scanner)
    scans: list[str] = []
    scanner.scanned.connect(scans.append)
    try:
        stamp = 10_000
        for char in "PA01-000101\r":
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                stamp += 5
                event = QKeyEvent(kind, Qt.Key.Key_Return if char == "\r" else Qt.Key.Key_unknown,
                                  Qt.KeyboardModifier.NoModifier, char)
                event.setTimestamp(stamp)
                QApplication.sendEvent(field, event)
        assert scans == ["PA01-000101"] and field.text() == ""
    finally:
        QApplication.instance().removeEventFilter(scanner)


def test_a_synthetic_key_without_timestamp_never_joins_typing_into_a_scan(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Times on the events' clock and on ours cannot be compared: a key sent by a program (no
    timestamp) followed by a person typing is typing, not one long scan."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    field, scanner, scans, _records = _hid_setup(qtbot)
    try:
        QApplication.sendEvent(field,
                               QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_X, Qt.KeyboardModifier.NoModifier, "x"))
        Scanner(start_ms=1_000).type_slowly("dupre 42\r")
        qtbot.waitUntil(lambda: field.text() == "xdupre 42", timeout=2000)
        assert scans == []
    finally:
        QApplication.instance().removeEventFilter(scanner)


def test_the_first_key_typed_before_the_field_has_the_focus_reaches_that_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A window just shown: its first key arrives before its page gives a field the focus. The key is
    held (it might begin a scan) and, being typing after all, goes to where the focus is by then —
    it was replayed into the bare window, and lost."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    window = QWidget()
    field = QLineEdit(window)
    field.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not yet the focus: as before the page's show event
    QVBoxLayout(window).addWidget(field)
    qtbot.addWidget(window)
    window.show()
    scanner = WedgeScannerFilter()
    QApplication.instance().installEventFilter(scanner)
    try:
        assert window.focusWidget() is None
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_C, Qt.KeyboardModifier.NoModifier, "c")
        event.setTimestamp(5_000)
        QApplication.sendEvent(window, event)
        assert field.text() == ""  # held: it may be the first key of a scan
        field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        field.setFocus()
        qtbot.waitUntil(lambda: field.text() == "c", timeout=2000)
    finally:
        QApplication.instance().removeEventFilter(scanner)

