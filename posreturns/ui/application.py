"""The QApplication the till's widgets live in."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def running_application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication; with `argv`, a new one on it when none runs yet. Qt's type hints give
    `QApplication.instance()` as a QCoreApplication that may be None; the till (or the host, for the
    widget) creates a QApplication before any widget."""
    app = QApplication.instance()
    if app is None and argv is not None:
        return QApplication(argv)
    if not isinstance(app, QApplication):
        raise RuntimeError("posreturns needs a QApplication, created before its windows and widgets")
    return app
