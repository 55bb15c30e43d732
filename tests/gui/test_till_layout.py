"""The till window on the screens tills have (1024×768 to 1920×1080), styled as in the app: the status
bar stays in view, nothing is cut, the item being edited is the one shown whole, and every target a
finger uses is at least 44 px."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QScrollArea

from posreturns.app import Till
from posreturns.app_ui import ui_services
from posreturns.domain.users import Principal
from posreturns.ui.dialogs import ApprovalDialog
from posreturns.ui.i18n import install_translators
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.resources import stylesheet
from posreturns.ui.tasks import InlineTaskRunner
from posreturns.ui.views.float_dialog import FloatDialog
from posreturns.ui.views.main_window import MainWindow
from posreturns.ui.views.widgets import TOUCH
from posreturns.ui.window import build_window

SESSION = Session(principal=Principal.vouched("marie", by="tests"), till_id=lambda: "T1", offline=lambda: False,
                  store_id=lambda: "PARIS-01")


@pytest.fixture
def styled() -> Iterator[None]:
    app = QApplication.instance()
    app.setStyleSheet(stylesheet())
    yield
    app.setStyleSheet("")


def _window(qtbot, till: Till, width: int, height: int, language: str = "en") -> MainWindow:  # type: ignore[no-untyped-def]
    window = build_window(ui_services(till, language, signs_in=False), SESSION, InlineTaskRunner())
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    window.status.refresh()
    _settle()
    return window


def _settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def _a_return_with_three_items(window: MainWindow) -> None:
    window.on_scan("PA01-000102")
    for line_id in ("ORD-1002-L1", "ORD-1002-L2", "ORD-1002-L3"):
        window.flow.add_order_line(line_id)
    _settle()


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768), (1920, 1080)])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_screen_fits_with_the_status_bar_in_view(qtbot, demo_till: Till, styled: None, size: tuple[int, int],  # type: ignore[no-untyped-def]
                                                       language: str) -> None:
    width, height = size
    window = _window(qtbot, demo_till, width, height, language)
    # room left on a 768 px screen for the training banner and a host's or the demo's toolbar
    assert window.minimumSizeHint().width() <= 1024 and window.minimumSizeHint().height() <= 768 - 90
    _a_return_with_three_items(window)
    window.flow.update_line(2, reason="DEFECTIVE", condition="OPENED")
    _settle()
    for page in (window.home, window.return_page):
        window.pages.setCurrentWidget(page)
        _settle()
        assert (window.width(), window.height()) == (width, height)
        bar = window.status_bar.geometry()
        assert bar.bottom() < window.height() and bar.right() < window.width()
        for label in (window.status_bar.online, window.status_bar.printer, window.status_bar.who):
            assert label.isVisible() and label.geometry().right() <= bar.width()
        # no screen scrolls sideways: what does not fit wraps or goes to the next row
        for area in page.findChildren(QScrollArea):
            assert area.widget().width() <= area.viewport().width()
    printer = window.status_bar.printer
    assert printer.width() >= min(printer.sizeHint().width(), 200)  # the printer's sentence stays readable


def test_only_the_item_being_edited_is_shown_whole_and_a_new_scan_comes_into_view(  # type: ignore[no-untyped-def]
        qtbot, demo_till: Till, styled: None) -> None:
    window = _window(qtbot, demo_till, 1024, 768)
    _a_return_with_three_items(window)
    page = window.return_page
    cards = page._cards
    assert [card.expanded for card in cards] == [False, False, True]
    compact = cards[0].height()
    assert compact < cards[2].height() and compact <= 2 * TOUCH + 24  # one row for an item already filled in
    viewport = page.basket_scroll.viewport().rect()
    newest = cards[2].mapTo(page.basket_scroll.viewport(), cards[2].rect().topLeft())
    assert viewport.contains(newest), "the newest item starts in view"
    qtbot.mouseClick(cards[0], Qt.MouseButton.LeftButton)
    assert [card.expanded for card in page._cards] == [True, False, False]
    assert page._cards[0].summary.text() == "To do: pick a reason"
    window.flow.update_line(0, reason="WRONG_SIZE", condition="NEW_WITH_TAGS")  # the card being worked on stays open
    _settle()
    assert [card.expanded for card in page._cards] == [True, False, False]
    assert page._cards[0].summary.text() == "Wrong size · New with tags"


def test_targets_are_finger_sized(qtbot, demo_till: Till, styled: None) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_till, 1024, 768)
    window.on_scan("PA01-000106")
    window.flow.add_order_line("ORD-1006-L1")  # two returnable: the quantity can change
    _settle()
    card = window.return_page._cards[0]
    for button in (card.qty.fewer, card.qty.more):
        assert button.width() >= TOUCH and button.height() >= TOUCH
    card.qty.more.click()
    assert window.flow.basket.lines[0].qty == 2 and not card.qty.more.isEnabled()
    assert window.return_page.lines.verticalHeader().defaultSectionSize() >= TOUCH
    bar = window.return_page.basket_scroll.verticalScrollBar()
    assert bar.sizeHint().width() >= TOUCH
    dialog = ApprovalDialog("A manager must approve.", window)
    dialog.show()
    _settle()
    for button in dialog.findChildren(QDialogButtonBox)[0].buttons():
        assert button.height() >= TOUCH
    assert min(key.height() for key in dialog.pad.buttons.values()) >= TOUCH
    dialog.close()
    for button in window.findChildren(QPushButton):
        if button.isVisible():
            assert button.height() >= TOUCH or button.objectName() == "printQueue", button.text()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_signed_in_home_screen_fits_1024_with_the_manager_tools_and_a_wide_scan_field(
        qtbot, demo_till: Till, styled: None, language: str) -> None:  # type: ignore[no-untyped-def]
    app, locale = QApplication.instance(), QLocale()
    translators = install_translators(app, language)  # the French words, longer than the English
    try:
        window = build_window(ui_services(demo_till, language, signs_in=True), SESSION, InlineTaskRunner())
        qtbot.addWidget(window)
        # the tools a sign-in adds: the manager's button at once, the parked returns' once the window has shown
        qtbot.waitUntil(lambda: window.parked_button is not None, timeout=5000)
        assert window.manager_button is not None
        assert window.float_button.text() == ("Fond de caisse" if language == "fr" else "Drawer float")
        window.parked_button.show()  # as when a return waits for a manager
        window.resize(1024, 768)
        window.show()
        _settle()
        assert window.minimumSizeHint().width() <= 1024
        window.pages.setCurrentWidget(window.home)
        _settle()
        assert window.width() == 1024 and window.home.scan_field.width() >= 600
        tools = (window.home.receiptless_button, window.float_button, window.manager_button, window.parked_button,
                 window.home.settings_button, window.home.sign_out_button)
        for float_missing in (False, True):  # a return parked; or today's float put off with Later
            window.parked_button.setVisible(not float_missing)
            window.float_button.setVisible(float_missing)
            _settle()
            for button in (tool for tool in tools if tool.isVisible()):  # every tool whole, on the screen
                assert button.mapTo(window, button.rect().topRight()).x() < 1024, button.text()
                assert button.width() >= button.sizeHint().width(), button.text()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(locale)


@pytest.mark.parametrize("size", [(960, 540), (1093, 614)])  # 1920×1080 at 200 %, 1366×768 at 125 %
def test_on_a_scaled_screen_the_page_scrolls_under_the_status_bar_and_every_dialog_fits(  # type: ignore[no-untyped-def]
        qtbot, demo_till: Till, styled: None, size: tuple[int, int]) -> None:
    from PySide6.QtCore import QRect

    from posreturns.ui.views.fitting import WINDOW_FRAME, ready_to_show

    width, height = size
    window = _window(qtbot, demo_till, width, height)
    _a_return_with_three_items(window)
    scroll = window.page_scroll
    for page, lowest in ((window.home, window.home.recent),
                         (window.return_page, window.return_page.decision.confirm_button)):
        window.pages.setCurrentWidget(page)
        _settle()
        assert (window.width(), window.height()) == size  # the window is not pushed off the screen
        bar = window.status_bar.geometry()
        assert bar.bottom() < window.height()
        assert all(label.isVisible() for label in (window.status_bar.online, window.status_bar.printer))
        scroll.ensureWidgetVisible(lowest)  # what is below the fold can be scrolled to
        _settle()
        where = lowest.mapTo(scroll.viewport(), lowest.rect().bottomLeft())
        assert scroll.viewport().rect().contains(where), page
    assert scroll.verticalScrollBar().maximum() > 0 and scroll.verticalScrollBar().sizeHint().width() >= TOUCH
    for asks_why in (False, True):
        dialog = ApprovalDialog("A manager must approve.", window, "Demo: manager sophie, PIN 1234",
                                asks_why=asks_why)
        ready_to_show(dialog, QRect(0, 0, width, height))
        dialog.show()
        _settle()
        assert dialog.height() <= height - WINDOW_FRAME and dialog.width() <= width
        assert dialog.focusWidget() is (dialog.why if asks_why else dialog.manager)  # typing goes there at once
        for button in dialog.buttons.buttons():
            assert button.isVisible() and dialog.rect().contains(button.geometry().translated(
                button.parentWidget().mapTo(dialog, button.parentWidget().rect().topLeft())))
            assert button.height() >= TOUCH
        assert min(key.height() for key in dialog.pad.buttons.values()) >= TOUCH
        dialog.close()  # deleted with the window
    float_dialog = FloatDialog(SESSION.principal, demo_till.drawer, InlineTaskRunner(), ",", window)
    ready_to_show(float_dialog, QRect(0, 0, width, height))
    float_dialog.show()
    _settle()
    assert float_dialog.height() <= height - WINDOW_FRAME and float_dialog.width() <= width
    assert float_dialog.focusWidget() is float_dialog.amount
    for button in (float_dialog.save_button, float_dialog.later_button):  # in view under the scrolling pad
        assert button.isVisible() and float_dialog.rect().contains(button.geometry().translated(
            button.parentWidget().mapTo(float_dialog, button.parentWidget().rect().topLeft())))
    assert min(key.height() for key in float_dialog.pad.buttons.values()) >= TOUCH
    float_dialog.close()
