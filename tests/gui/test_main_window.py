"""The home screen, driven like a cashier would: type or scan, press Enter, see the sale."""

from __future__ import annotations

from PySide6.QtCore import Qt

from posreturns.app import Till
from posreturns.app_ui import ui_services
from posreturns.domain.users import Principal
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.tasks import InlineTaskRunner, TaskRunner
from posreturns.ui.views.main_window import HOME, RETURN, MainWindow
from posreturns.ui.window import build_window

SESSION = Session(principal=Principal.vouched("marie", by="tests"), till_id=lambda: "T1", offline=lambda: False,
                  store_id=lambda: "PARIS-01")


def _window(qtbot, till: Till, runner=None) -> MainWindow:  # type: ignore[no-untyped-def]
    window = build_window(ui_services(till, "en", signs_in=False), SESSION, runner or InlineTaskRunner(),
                          poll_status=False)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_typed_receipt_number_shows_the_sale_with_returnable_lines(qtbot,
                                                                     demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_till)
    qtbot.keyClicks(window.home.scan_field, "pa01 000106")
    qtbot.keyClick(window.home.scan_field, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == RETURN
    page = window.return_page
    assert "PA01-000106" in page.order_title.text()
    assert page.lines.rowCount() == 2
    assert [page.lines.item(0, c).text() for c in (0, 2, 3, 4)] == ["TSH-WHT-M", "3", "1", "2"]


def test_a_search_with_several_sales_lists_them_and_opens_the_chosen_one(qtbot,
                                                                         demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_till)
    window.home.scan_field.setText("camille")
    window.home.find_button.click()
    assert window.pages.currentIndex() == HOME and window.home.results.rowCount() == 2
    window.home.results.cellActivated.emit(1, 0)
    assert window.pages.currentIndex() == RETURN
    assert window.return_page.lines.rowCount() >= 1


def test_the_card_and_amount_searches_find_the_sale(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    window = _window(qtbot, demo_till)
    window.home.search_card.emit("1881", date(2026, 11, 20))
    assert window.pages.currentIndex() == RETURN and window.flow.order.number == "PA01-000102"
    window.go_home()
    window.home.search_amount.emit(date(2026, 11, 20), "257,00")
    assert window.flow.order.number == "PA01-000102"


def test_nothing_found_shows_one_sentence_and_keeps_the_screen(qtbot,
                                                               demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_till)
    window.home.scan_field.setText("PA01-999999")
    window.home.find_button.click()
    assert "No sale matches" in window.home.message.text()
    assert window.pages.currentIndex() == HOME


def test_lookups_run_off_the_gui_thread(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    window = _window(qtbot, demo_till, runner)
    window.home.scan_field.setText("W-100201")
    with qtbot.waitSignal(window.lookup.order_found, timeout=5000):
        window.home.find_button.click()
    assert window.return_page.lines.rowCount() == 2
    runner.close()  # as the till does once its window closes: nothing more is delivered to it


def test_the_status_bar_tells_a_manager_about_events_the_oms_refused(qtbot,
                                                                     demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_till)
    window.status_bar.show_state({"online": True, "outbox_pending": 2, "sync_exceptions": 1, "cache_age_minutes": 3,
                                  "printer_configured": False, "cashier": "marie", "store_id": "PARIS-01",
                                  "till_id": "T1"})
    assert "2 waiting to sync" in window.status_bar.outbox.text()
    assert "1 refused by the OMS: a manager must resolve them" in window.status_bar.outbox.text()
    window.status_bar.show_state({"online": False, "outbox_pending": 0, "sync_exceptions": 0})
    assert window.status_bar.outbox.text() == "0 waiting to sync" and window.status_bar.online.text() == "Offline"


def test_the_status_bar_counts_refused_and_held_apart_from_waiting_and_shows_a_backlog_going(
        qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_till)
    window.status_bar.show_state({"online": True, "outbox_pending": 240, "sync_exceptions": 1, "sync_held": 2,
                                  "sync_progress": {"stream": "upload", "done": 60, "total": 300}})
    assert window.status_bar.outbox.text() == ("Sending 60 of 300… · 1 refused by the OMS: a manager must resolve them"
                                               " · 2 held behind them")
    window.status_bar.show_state({"online": True, "outbox_pending": 0, "sync_exceptions": 0, "sync_held": 0,
                                  "sync_progress": {"stream": "orders", "done": 100, "total": 900}})
    assert window.status_bar.outbox.text() == "0 waiting to sync"


def test_picking_a_reason_updates_the_card_in_place_and_a_new_item_adds_one_card(qtbot,
                                                                                 demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_till)
    window.on_scan("PA01-000106")
    window.flow.add_order_line(window.flow.order.lines[0].id)
    page = window.return_page
    card = page.basket_box.itemAt(0).widget()
    assert card.hint.isVisibleTo(card) and card.hint.text() == "To do: pick a reason"
    card.reasons.buttons["WRONG_SIZE"].click()
    assert page.basket_box.itemAt(0).widget() is card  # the same card, not a new one per click
    assert card.reasons.buttons["WRONG_SIZE"].isChecked() and card.hint.text() == "To do: pick a condition"
    card.conditions.buttons["NEW_WITH_TAGS"].click()
    assert not card.hint.isVisibleTo(card) and window.flow.basket.lines[0].condition == "NEW_WITH_TAGS"
    card.qty.setValue(2)
    assert window.flow.basket.lines[0].qty == 2 and page.basket_box.itemAt(0).widget() is card
    window.flow.add_order_line(window.flow.order.lines[1].id)
    cards = [page.basket_box.itemAt(i).widget() for i in range(2)]
    assert cards[0] is card and [c.reasons.buttons["WRONG_SIZE"].isChecked() for c in cards] == [True, False]
    assert cards[0].qty.value() == 2
    first, second = window.flow.order.lines[0], window.flow.order.lines[1]
    window.flow.remove_line(0)  # the cards after it move up: each shows, and changes, its own line
    remaining = page.basket_box.itemAt(0).widget()
    assert second.sku in remaining.title.text() and not remaining.reasons.buttons["WRONG_SIZE"].isChecked()
    remaining.reasons.buttons["CHANGED_MIND"].click()
    assert [line.reason for line in window.flow.basket.lines] == ["CHANGED_MIND"]
    window.flow.add_order_line(first.id)  # a spare card, bound to the item: its title, limit and choices
    again = page.basket_box.itemAt(1).widget()
    assert first.sku in again.title.text() and again.qty.value() == 1 and again.qty.maximum() == first.returnable_qty
    assert not any(button.isChecked() for button in again.reasons.buttons.values())
    again.reasons.buttons["DEFECTIVE"].click()
    assert [line.reason for line in window.flow.basket.lines] == ["CHANGED_MIND", "DEFECTIVE"]
