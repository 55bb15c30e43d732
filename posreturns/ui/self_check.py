"""`posreturns gui --self-check N`: the window opens, and after N seconds says whether what it ships
(translations, style, icons) was found and drawn, then closes. An installer's smoke test, or an
integrator on a new till, runs it to know the package is whole there."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from posreturns import __version__
from posreturns.ui.resources import icon_path, resources_dir


def window_report(app: QApplication, window: Any, language: str) -> dict[str, Any]:
    names = sorted(path.stem for path in (resources_dir() / "icons").glob("*.svg"))
    broken = [name for name in names if QIcon(icon_path(name)).pixmap(22, 22).isNull()]
    settings_text = window.home.settings_button.text()
    report = {"version": __version__, "platform": app.platformName(), "language": language,
              "settings_button": settings_text, "translated": language == "en" or settings_text != "Settings",
              "stylesheet_chars": len(app.styleSheet()), "icons": len(names), "broken_icons": broken,
              "window_shown": window.isVisible()}
    report["ok"] = bool(report["translated"] and report["stylesheet_chars"] and names and not broken
                        and report["window_shown"])
    return report


def schedule_self_check(app: QApplication, window: Any, language: str, seconds: float) -> None:
    def check() -> None:
        report = window_report(app, window, language)
        print(json.dumps(report), flush=True)
        window.close()
        app.exit(0 if report["ok"] else 1)

    # a child timer: a window the user closed first takes the check with it (a loose singleShot would
    # then read a deleted window)
    timer = QTimer(window, singleShot=True, interval=int(seconds * 1000))
    timer.timeout.connect(check)
    timer.start()
