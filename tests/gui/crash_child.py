"""A host process whose till dies mid-return: `python crash_child.py DATA_DIR segfault|kill`.

It opens the returns widget on DATA_DIR, puts an item in a return (the draft is saved), then dies:
`segfault` reads address 0 (Python's fault handler reports it), `kill` sends itself SIGKILL (nothing
can report it). Prints "draft saved" before dying."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from posreturns.plugin import create_returns_widget
from posreturns.ui.views.main_window import RETURN


class Host:
    def __init__(self, parent: QWidget) -> None:
        self.parent_window, self.cashier, self.store_id, self.till_id = parent, "paul", "PARIS-01", "T1"

    def on_refund(self, instruction: object) -> None:
        pass


def wait_until(app: QApplication, condition: object, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there")
        app.processEvents()
        time.sleep(0.005)


def main(data_dir: Path, how: str) -> None:
    app = QApplication(sys.argv[:1])
    parent = QWidget()
    widget = create_returns_widget(Host(parent), data_dir, language="en")
    window = widget.window_
    window.on_scan("PA01-000102")
    wait_until(app, lambda: window.pages.currentIndex() == RETURN)
    window.flow.add_order_line("ORD-1002-L1")
    window.flow.update_line(0, reason="WRONG_SIZE", condition="NEW_WITH_TAGS")
    window.flow.runner.wait()
    print("draft saved", flush=True)
    if how == "segfault":
        ctypes.string_at(0)
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
