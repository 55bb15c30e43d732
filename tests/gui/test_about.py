"""The about box: the version every other surface shows (CLI, receipts, OMS events), where the
till's data and logs are, in the cashier's language."""

from __future__ import annotations

from collections.abc import Iterator
from importlib.metadata import version

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from posreturns.app import Till
from posreturns.app_ui import ui_services
from posreturns.domain.users import Principal
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.tasks import TaskRunner
from posreturns.ui.views.about import AboutDialog
from posreturns.ui.window import build_window


class KeepDialogs:
    def __init__(self) -> None:
        self.shown: list[QDialog] = []

    def show_dialog(self, dialog: QDialog) -> bool:
        self.shown.append(dialog)
        return True


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    started = TaskRunner()
    yield started
    started.wait()


def test_the_about_button_shows_the_package_version_and_the_data_folder(qtbot,
                                                                        demo_till: Till,  # type: ignore[no-untyped-def]
                                                                         runner: TaskRunner) -> None:
    dialogs = KeepDialogs()
    session = Session(principal=Principal.vouched("marie", by="tests"), till_id=lambda: "T1", offline=lambda: False,
                      store_id=lambda: "PARIS-01")
    window = build_window(ui_services(demo_till, "en", signs_in=False), session, runner,
                          dialogs=dialogs,  # type: ignore[arg-type]
                          poll_status=False)
    qtbot.addWidget(window)
    assert window.home.about_button.toolTip() == "About posreturns"
    qtbot.mouseClick(window.home.about_button, Qt.MouseButton.LeftButton)
    (dialog,) = dialogs.shown
    qtbot.addWidget(dialog)
    assert isinstance(dialog, AboutDialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert f"posreturns {version('posreturns')}" in texts
    assert str(demo_till.data_dir) in texts and str(demo_till.data_dir / "logs") in texts
