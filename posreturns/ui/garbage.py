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
        self.frozen = False
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.collect_due)

    def start(self) -> None:
        gc.disable()
        self.timer.start()

    def freeze(self) -> None:
        """Leave what is alive now (modules, the built window) out of every later collection: a full
        collection then walks only what the shift created, not the ~120,000 objects of the start.
        The soak measured full collections blocking the GUI thread for up to 0.7 s on a loaded till.
        For the standalone window only: in a host POS the objects are the host's too."""
        gc.collect()
        gc.freeze()
        self.frozen = True

    def stop(self) -> None:
        self.timer.stop()
        if self.frozen:
            gc.unfreeze()
            self.frozen = False
        gc.collect()
        gc.enable()

    def collect_due(self) -> None:
        """Collect the generations whose counts passed their thresholds, as automatic GC would."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return
