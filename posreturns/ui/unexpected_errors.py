"""An exception that escapes a Qt slot: logged with its traceback, told to the cashier in one
sentence, and the window carries on (Qt goes on with its event loop after a slot raised).

PySide6 hands such an exception to `sys.excepthook`, which by default prints it on a console no
cashier sees. The reporter takes the hook while the window runs. Inside a host POS the hook is the
host's too: only exceptions raised through our code are ours; the others go on to the host's hook.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication

log = logging.getLogger(__name__)
PACKAGE = "posreturns"
Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def raised_through_package(traceback: TracebackType | None, package: str = PACKAGE) -> bool:
    while traceback is not None:
        if traceback.tb_frame.f_globals.get("__name__", "").split(".")[0] == package:
            return True
        traceback = traceback.tb_next
    return False


class UnexpectedErrorReporter:
    def __init__(self, show: Callable[[str], None], only_ours: bool = False) -> None:
        self.show, self.only_ours = show, only_ours
        self._previous: Hook | None = None
        self._gui_thread = threading.main_thread()

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self.report

    def uninstall(self) -> None:
        if sys.excepthook == self.report and self._previous is not None:
            sys.excepthook = self._previous
        self._previous = None

    def report(self, kind: type[BaseException], error: BaseException, traceback: TracebackType | None) -> None:
        mine = not self.only_ours or raised_through_package(traceback)
        if issubclass(kind, KeyboardInterrupt) or not mine:
            (self._previous or sys.__excepthook__)(kind, error, traceback)
            return
        log.error("unexpected error in the window: %s", kind.__name__, exc_info=(kind, error, traceback))
        if threading.current_thread() is self._gui_thread:  # widgets are touched on the GUI thread only
            self.show(QCoreApplication.translate(
                "UnexpectedErrors", "Something unexpected went wrong and was recorded for support; the till keeps "
                "working: check the screen and carry on, or start the return again."))
