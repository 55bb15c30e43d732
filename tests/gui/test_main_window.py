"""The first window, driven like a cashier would: type or scan, press Enter, see the sale."""

from __future__ import annotations

from PySide6.QtCore import Qt

from posreturns.app import Till
from posreturns.ui.presenters.lookup import LookupPresenter
from posreturns.ui.tasks import InlineTaskRunner, TaskRunner
from posreturns.ui.views.main_window import MainWindow


def _window(qtbot, till: Till, runner=None) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(LookupPresenter(till.lookup, runner or InlineTaskRunner()))
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_typed_receipt_number_shows_the_sale_with_returnable_lines(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_till)
    qtbot.keyClicks(window.scan_field, "pa01 000106")
    qtbot.keyClick(window.scan_field, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == 1
    assert "PA01-000106" in window.order_title.text()
    assert window.lines.rowCount() == 2
    assert [window.lines.item(0, c).text() for c in (0, 2, 3, 4)] == ["TSH-WHT-M", "3", "1", "2"]


def test_a_search_with_several_sales_lists_them_and_opens_the_chosen_one(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_till)
    window.scan_field.setText("camille")
    window.search_button.click()
    assert window.pages.currentIndex() == 0 and window.results.rowCount() == 2
    window.results.cellActivated.emit(1, 0)
    assert window.pages.currentIndex() == 1
    assert window.lines.rowCount() >= 1


def test_nothing_found_shows_one_sentence_and_keeps_the_screen(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_till)
    window.scan_field.setText("PA01-999999")
    window.search_button.click()
    assert "No sale matches" in window.message.text()


def test_lookups_run_off_the_gui_thread(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    window = _window(qtbot, demo_till, runner)
    window.scan_field.setText("W-100201")
    with qtbot.waitSignal(window.presenter.order_found, timeout=5000):
        window.search_button.click()
    assert window.lines.rowCount() == 2
    runner.wait()
