"""Keyboard-wedge scanners in Qt: an application event filter around the pure `WedgeDetector`.

Fast bursts ending with Enter/Tab become `scanned(str)`; everything else reaches the focused widget
as typed (held keys are replayed in order, at most `max_interval` later), so typing in a text field
still works.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from posdrivers import WedgeConfig, WedgeDetector
from posdrivers.scanner.wedge import Decision
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

_SPECIAL_KEYS = {"\r": Qt.Key.Key_Return, "\n": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab}


class WedgeScannerFilter(QObject):
    """Install on the QApplication. Signals: scanned(str): a complete scan, prefix/suffix removed."""

    scanned = Signal(str)

    def __init__(self, config: WedgeConfig | None = None, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.detector = WedgeDetector(config, clock)
        self._replaying = False
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._on_timeout)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        if watched is not QApplication.focusWidget():
            return False  # the same key propagating to parents, or to the window first
        assert isinstance(event, QKeyEvent)
        now = self.clock()
        text = event.text()
        has_modifier = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        decision = self.detector.key(text, now) if text and not has_modifier else self.detector.other_key(now)
        self._apply(decision, now)
        return decision.consume

    def _on_timeout(self) -> None:
        now = self.clock()
        self._apply(self.detector.timeout(now), now)

    def _apply(self, decision: Decision, now: float) -> None:
        target = QApplication.focusWidget()
        if decision.replay and target is not None:
            self._replaying = True
            try:
                for text in decision.replay:
                    key = _SPECIAL_KEYS.get(text, Qt.Key.Key_unknown)
                    QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text))
            finally:
                self._replaying = False
        if decision.scan is not None:
            self.scanned.emit(decision.scan)
        deadline = self.detector.deadline
        if deadline is not None:
            self._timer.start(max(1, int((deadline - now) * 1000) + 1))
        else:
            self._timer.stop()
