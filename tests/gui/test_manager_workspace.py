"""The manager's workspace through the real window: a manager signs in with the PIN pad, sees the held
units, scans a tag, acts on one unit or a selection, grades one for second hand (its label printed on
the virtual printer), resolves an alert; a cashier is kept out; idle sign-out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers.restock import hold
from posdrivers.virtual.printer import VirtualPrinter
from PySide6.QtCore import Qt

from posreturns.app import Till, open_restock
from posreturns.app_ui import ui_services
from posreturns.domain.held_units import UnitAction, UnitState
from posreturns.domain.resale import Grade
from posreturns.domain.users import Principal
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.tasks import InlineTaskRunner
from posreturns.ui.views.main_window import HOME, MainWindow
from posreturns.ui.window import build_window

UNIT1, UNIT2 = "UPARIS01-T1-000001-1", "UPARIS01-T1-000001-2"


@pytest.fixture
def window(qtbot, demo_till: Till, printer: VirtualPrinter) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    demo_till.users.seed("camille", "Camille Martin", "cashier", "2580")
    demo_till.users.seed("sophie", "Sophie Laurent", "manager", "1234")
    hold(demo_till, "PA01-000101", "TSH-NVY-M", 2)
    demo_till.drawer.set_float(Principal.vouched("camille", by="tests"), "150")  # no float prompt over the scans
    session = Session(till_id=lambda: "T1", offline=lambda: False, store_id=lambda: "PARIS-01")
    built = build_window(ui_services(demo_till, "en", printer.url), session, InlineTaskRunner(), poll_status=False)
    qtbot.addWidget(built)
    built.show()
    yield built


def _sign_in(qtbot, page, user: str, pin: str) -> None:  # type: ignore[no-untyped-def]
    page.user_id.clear()
    qtbot.keyClicks(page.user_id, user)
    qtbot.keyClick(page.user_id, Qt.Key.Key_Return)
    for key in [*pin, "ok"]:
        qtbot.mouseClick(page.pad.buttons[key], Qt.MouseButton.LeftButton)


def _open_as_cashier_then_manager(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.sign_in_page is not None
    _sign_in(qtbot, window.sign_in_page, "camille", "2580")
    assert window.pages.currentIndex() == HOME and window.manager_button.isVisibleTo(window)
    qtbot.mouseClick(window.manager_button, Qt.MouseButton.LeftButton)
    workspace = window.manager_workspace
    assert window.pages.currentWidget() is workspace and workspace.stack.currentIndex() == 0  # the gate
    _sign_in(qtbot, workspace.gate, "camille", "2580")
    assert workspace.gate.message.text().startswith("Wrong ID or PIN, or this user may not do this")
    _sign_in(qtbot, workspace.gate, "sophie", "1234")
    assert workspace.stack.currentIndex() == 1 and "Sophie Laurent" in workspace.who.text()


def test_a_manager_releases_a_scanned_unit_and_a_second_action_is_refused(qtbot, window: MainWindow,
                                                                          demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    _open_as_cashier_then_manager(qtbot, window)
    tab = window.manager_workspace.restock
    assert tab.table.rowCount() == 2 and tab.count.text() == "2 held"
    window.on_scan(UNIT2.lower())  # the tag, scanned while the workspace shows
    assert tab.selected() == [UNIT2]
    qtbot.mouseClick(tab.buttons["release"], Qt.MouseButton.LeftButton)
    assert window.manager_workspace.message.text() == "1 unit(s) done."
    assert tab.table.rowCount() == 1
    assert open_restock(demo_till).find(UNIT2).state is UnitState.RELEASED
    assert open_restock(demo_till).find(UNIT2).acted_by == "sophie"
    window.manager_workspace.presenter.act(UnitAction.SCRAP, [UNIT2], note="x")  # a stale screen's selection
    assert "already released to sale by sophie" in window.manager_workspace.message.text()


def test_scrap_needs_a_reason_and_second_hand_prints_a_label(qtbot, window: MainWindow, demo_till: Till,
                                                             printer: VirtualPrinter) -> None:  # type: ignore[no-untyped-def]
    _open_as_cashier_then_manager(qtbot, window)
    tab = window.manager_workspace.restock
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.buttons["scrap"], Qt.MouseButton.LeftButton)
    assert window.manager_workspace.message.text().startswith("Give the reason for scrapping")
    assert tab.table.rowCount() == 2
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.grades[Grade.B], Qt.MouseButton.LeftButton)
    assert window.manager_workspace.message.text() == "Now a second-hand item; its label is printing."
    job = printer.wait_for_job(1)
    assert job is not None
    [item] = open_restock(demo_till).resale_items()
    assert window.manager_workspace.resale.table.item(0, 1).text() == item.ean13


def test_a_selection_goes_to_the_vendor_and_the_batch_ships(qtbot, window: MainWindow, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    _open_as_cashier_then_manager(qtbot, window)
    tab = window.manager_workspace.restock
    tab.table.selectAll()
    tab.vendor.setText("Coton Bio")
    qtbot.mouseClick(tab.buttons["rtv"], Qt.MouseButton.LeftButton)
    assert tab.table.rowCount() == 0
    resale = window.manager_workspace.resale
    assert resale.batches.rowCount() == 1 and resale.batches.item(0, 2).text() == "2"
    resale.batches.selectRow(0)
    qtbot.mouseClick(resale.ship_button, Qt.MouseButton.LeftButton)
    assert open_restock(demo_till).batches()[0].status == "shipped"


def test_an_alert_is_resolved_with_a_note_and_the_count_leaves_the_status_bar(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open_as_cashier_then_manager(qtbot, window)
    assert window.alerts_count.isVisibleTo(window) and window.alerts_count.text() == "1 alert(s) to handle"
    alerts = window.manager_workspace.alerts
    assert alerts.table.item(0, 0).text() == "Defective item: notify the buyer."  # in the window's language
    alerts.table.selectRow(0)
    qtbot.mouseClick(alerts.resolve_button, Qt.MouseButton.LeftButton)
    assert window.manager_workspace.message.text().startswith("Give what was done")
    alerts.table.selectRow(0)
    alerts.note.setText("buyer called")
    qtbot.mouseClick(alerts.resolve_button, Qt.MouseButton.LeftButton)
    assert alerts.table.rowCount() == 0 and not window.alerts_count.isVisibleTo(window)


def test_the_workspace_signs_out_when_idle(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open_as_cashier_then_manager(qtbot, window)
    workspace = window.manager_workspace
    workspace.idle.setInterval(50)
    workspace.idle.start()
    qtbot.waitUntil(lambda: workspace.presenter.manager is None, timeout=3000)
    assert window.pages.currentIndex() == HOME and workspace.stack.currentIndex() == 0


def test_the_cashiers_work_does_not_keep_the_managers_workspace_open(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open_as_cashier_then_manager(qtbot, window)
    workspace = window.manager_workspace
    qtbot.mouseClick(workspace.back_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == HOME and workspace.presenter.manager is not None
    workspace.idle.setInterval(300)
    workspace.idle.start()
    for _ in range(6):  # the cashier types on the home screen meanwhile
        qtbot.keyClicks(window.home.scan_field, "x")
        qtbot.wait(80)
    qtbot.waitUntil(lambda: workspace.presenter.manager is None, timeout=3000)
