"""About: the version (the one the CLI, the receipts and the OMS events carry), where the data and
logs are, and the versions of what it runs on — what support asks first."""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from posreturns import __version__


class AboutDialog(QDialog):
    def __init__(self, data_dir: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About posreturns"))
        self.setMinimumWidth(520)
        self.version = QLabel(f"posreturns {__version__}", objectName="aboutVersion")
        form = QFormLayout(self)
        form.addRow(self.version)
        form.addRow(QLabel(self.tr("In-store returns for store tills."), wordWrap=True))
        if data_dir:
            form.addRow(self.tr("Data folder"), _selectable(data_dir))
            form.addRow(self.tr("Logs"), _selectable(str(Path(data_dir) / "logs")))
        form.addRow(self.tr("Runs on"), QLabel(f"Python {platform.python_version()}, Qt {qVersion()}, "
                                               f"PySide6 {PySide6.__version__}, "
                                               f"{platform.system()} {platform.release()}",
                                               wordWrap=True))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def _selectable(text: str) -> QLabel:
    label = QLabel(text, wordWrap=True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
