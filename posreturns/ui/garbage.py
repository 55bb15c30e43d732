"""Python's cyclic garbage collector, run on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate, including the task
runner's workers. If it then frees a cycle holding a Qt widget (a deleted basket card and the lambda
connected to it, say), the widget is destroyed outside the GUI thread and the process crashes. So the
window switches automatic collection off and collects from a GUI-thread timer instead (the same cure
qutebrowser applies).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.collect_due)

    def start(self) -> None:
        gc.disable()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        gc.collect()
        gc.enable()

    def collect_due(self) -> None:
        """Collect the generations whose counts passed their thresholds, as automatic GC would."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return
