"""The manager's workspace on a till without a printer: every print says so in a sentence, none fails."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from posreturns.ui.manager.presenter import ManagerPresenter
from posreturns.ui.tasks import InlineTaskRunner


def test_reprinting_tags_without_a_printer_says_so_instead_of_failing(qtbot: QtBot) -> None:
    presenter = ManagerPresenter(restock=None, labels=None, runner=InlineTaskRunner())  # type: ignore[arg-type]
    said: list[str] = []
    presenter.message.connect(said.append)
    presenter.refused.connect(said.append)
    presenter.reprint_tags(["U-PA01-0001-1", "U-PA01-0001-2"])
    presenter.print_resale_label("U-PA01-0001-1")
    assert said.count("No printer is set up: nothing was printed.") == 3
