"""The language changed while the till runs: every page, dialog and list already built speaks the new
language at once, amounts and dates follow it, and the return in progress is untouched."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QLocale
from PySide6.QtWidgets import QApplication

from posreturns.app import Till
from posreturns.app_ui import ui_services
from posreturns.domain.users import Principal
from posreturns.ui.dialogs import ApprovalDialog
from posreturns.ui.live_language import LanguageSwitch
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.tasks import InlineTaskRunner
from posreturns.ui.views.main_window import RETURN
from posreturns.ui.window import build_window

SESSION = Session(principal=Principal.vouched("marie", by="tests"), till_id=lambda: "T1", offline=lambda: False,
                  store_id=lambda: "PARIS-01")


def _settle() -> None:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def test_switching_to_french_mid_return_changes_every_word_and_keeps_the_return(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window = build_window(ui_services(demo_till, "en", signs_in=False), SESSION, InlineTaskRunner(),
                          poll_status=False)
    qtbot.addWidget(window)
    window.language_switch = switch = LanguageSwitch(QApplication.instance(), "en", [])
    window.show()
    window.on_scan("PA01-000102")
    window.flow.add_order_line("ORD-1002-L1")
    window.flow.update_line(0, reason="WRONG_SIZE", condition="NEW_WITH_TAGS")
    _settle()
    assert window.pages.currentIndex() == RETURN
    dialog = ApprovalDialog("A manager must approve.", window)  # a dialog already built, open
    dialog.show()
    card = window.return_page._cards[0]
    before = (window.flow.order,
              [(line.sku, line.qty, line.reason, line.condition) for line in window.flow.basket.lines])
    english = (window.home.receiptless_button.text(), window.return_page.decision.confirm_button.text(),
               card.summary.text(), dialog.windowTitle(), dialog.manager.placeholderText())
    assert english == ("Return without receipt   F4", "Complete the return   F12", "Wrong size · New with tags",
                       "Manager approval", "Manager ID")
    assert "€100.20" in window.return_page.decision.totals.text()
    day = QDate(2026, 11, 3)
    window.home.amount_date.setDate(day)
    assert window.home.amount_date.text() == "11/03/2026"
    try:
        window.apply_language("fr")
        _settle()
        assert window.home.amount_date.text() == "03/11/2026" and window.home.amount_date.date() == day
        calendar = window.home.amount_date.calendarWidget()
        assert calendar is not None and calendar.locale().language() == QLocale.Language.French
        french = (window.home.receiptless_button.text(), window.return_page.decision.confirm_button.text(),
                  window.return_page._cards[0].summary.text(), dialog.windowTitle(), dialog.manager.placeholderText())
        assert all(new != old for new, old in zip(french, english, strict=True)), french
        assert french[0].endswith("   F4") and french[1].endswith("   F12")  # the shortcut kept
        assert "100,20\u00a0€" in window.return_page.decision.totals.text()  # French amounts
        assert QLocale().language() == QLocale.Language.French
        after = (window.flow.order,
                 [(line.sku, line.qty, line.reason, line.condition) for line in window.flow.basket.lines])
        assert after == before and window.pages.currentIndex() == RETURN  # the return goes on
        window.apply_language("en")
        _settle()
        assert (window.home.receiptless_button.text(), window.return_page.decision.confirm_button.text(),
                window.return_page._cards[0].summary.text(), dialog.windowTitle(),
                dialog.manager.placeholderText()) == english
        assert window.home.amount_date.text() == "11/03/2026"
    finally:
        switch.switch("en")
        switch.remove()
        dialog.close()
