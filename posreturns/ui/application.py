"""The QApplication the till's widgets live in."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def running_application() -> QApplication:
    """The running QApplication. Qt's type hints give `QApplication.instance()` as a QCoreApplication
    that may be None; the till (or the host, for the widget) creates a QApplication before any widget."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("posreturns needs a QApplication, created before its windows and widgets")
    return app
