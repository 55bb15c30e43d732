"""Puts the returns parked for a manager into the till window: when the approval dialog is declined
the cashier may park the return, and a "Waiting for a manager" button on the home screen (while any
wait) opens the list to resume or drop them. The window knows of it only through `park_for_manager`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from posreturns.services.pending_approvals import PendingApprovals
from posreturns.ui.i18n import Formats
from posreturns.ui.ports import Runner
from posreturns.ui.presenters.parked_returns import ParkedReturnsPresenter
from posreturns.ui.views.main_window import MainWindow
from posreturns.ui.views.parked_dialog import ParkedDialog
from posreturns.ui.views.widgets import big_button


def attach_parked(window: MainWindow, approvals: PendingApprovals, runner: Runner) -> ParkedReturnsPresenter:
    presenter = ParkedReturnsPresenter(approvals, runner, lambda: window.session.actor() if window.session else None)
    presenter.setParent(window)
    dialog = ParkedDialog(presenter, Formats(window.language), window)
    button = big_button(QCoreApplication.translate("ParkedHookup", "Waiting for a manager"))
    button.setObjectName("parkedButton")
    window.home.add_tool(button)
    button.hide()
    window.parked_button, window.parked_dialog = button, dialog

    def show_list() -> None:
        presenter.refresh()
        dialog.show()

    def count(listed: list[Any]) -> None:
        answered = sum(1 for parked in listed if parked.status != "waiting")
        title = QCoreApplication.translate("ParkedHookup", "Waiting for a manager")
        button.setText(title + (f" ({len(listed)})" if listed else ""))
        button.setVisible(bool(listed))  # shown while returns wait: the home screen's tools stay few
        button.setProperty("state", "warn" if answered else "")  # a manager answered: the cashier should look
        button.style().unpolish(button)
        button.style().polish(button)

    def park(reason: str) -> None:
        if not window.flow.basket.ready or not window.dialogs.confirm(
                QCoreApplication.translate("ParkedHookup", "No manager at hand? Park this return until a manager "
                                                           "answers, and serve the next customer.")):
            return
        session = window.session
        if session is None:  # nobody signed in yet: nothing to park
            return
        request = window.flow.basket.request(session.cashier(), session.till_id(), session.offline())

        def parked() -> None:
            window.flow.abandon()
            window.go_home()

        presenter.park(request, reason, parked)

    def completed(done: Any) -> None:
        dialog.hide()
        window.flow.finish(done)

    button.clicked.connect(show_list)
    presenter.listed.connect(count)
    presenter.completed.connect(completed)
    presenter.message.connect(lambda text: window.status_bar.showMessage(text, 10_000))
    presenter.refused.connect(lambda text: window.status_bar.showMessage(text, 10_000))
    window.park_for_manager = park
    presenter.refresh()
    return presenter
