"""Keyboard-wedge scanners in Qt: an application event filter around the pure `WedgeDetector`.

A USB scanner is a keyboard typing very fast: Shift around capitals (and around digits on AZERTY),
AltGr for `@` or `]` (on Windows AltGr arrives as Ctrl+Alt), Ctrl+] for the GS1 separator, and
a release after every key. All of these are part of a scan, never its end. The time between keys
comes from the key events' own timestamps, so a scan that waited in the event queue while the
window was busy is not split; the timer that releases held keys waits `busy_tolerance` longer for
the same reason. Fast bursts ending with the suffix become `scanned(str)`; everything else reaches
the focused widget as typed (held keys are replayed in order), so typing in a text field still works.

Every burst at scanner speed is also described by `observed(ScanRecord)`: the raw key events, their
timing and the text, for the scanner set-up page.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from shiboken6 import isValid

from posreturns.devices.keyboard_wedge import Decision, WedgeConfig, WedgeDetector

_SPECIAL_KEYS = {"\r": Qt.Key.Key_Return, "\n": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab}
GS = "\x1d"
MODIFIER_KEYS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta,
                           Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock, Qt.Key.Key_Mode_switch, Qt.Key.Key_Super_L,
                           Qt.Key.Key_Super_R})
# Ctrl + the key where US keyboards have `]` sends GS; on AZERTY that key is `$`.
GS_KEYS = frozenset({Qt.Key.Key_BracketRight, Qt.Key.Key_Dollar})
BUSY_TOLERANCE = 0.040
LOG_SIZE = 512


@dataclass(frozen=True)
class KeyRecord:
    """One key event as it arrived: milliseconds after the first key of the burst, press or release."""

    at_ms: float
    pressed: bool
    key: str
    modifiers: str
    text: str


@dataclass(frozen=True)
class ScanRecord:
    """A burst at scanner speed. `completed`: it ended with the suffix (or the pause, without one)
    and became a scan; otherwise its keys went to the field as typing."""

    text: str
    completed: bool
    ended_by: str  # "suffix" | "pause"
    keys: tuple[KeyRecord, ...]

    @property
    def duration_ms(self) -> float:
        return self.keys[-1].at_ms if self.keys else 0.0

    @property
    def longest_gap_ms(self) -> float:
        times = [key.at_ms for key in self.keys]
        return max((b - a for a, b in zip(times, times[1:], strict=False)), default=0.0)


def _modifier_names(modifiers: Qt.KeyboardModifier) -> str:
    names = [name for flag, name in ((Qt.KeyboardModifier.ControlModifier, "Ctrl"),
                                     (Qt.KeyboardModifier.AltModifier, "Alt"),
                                     (Qt.KeyboardModifier.ShiftModifier, "Shift"),
                                     (Qt.KeyboardModifier.GroupSwitchModifier, "AltGr"),
                                     (Qt.KeyboardModifier.MetaModifier, "Meta")) if modifiers & flag]
    return "+".join(names)


def _key_name(key: int) -> str:
    name = QKeySequence(key).toString()
    return name or f"0x{key:x}"


class WedgeScannerFilter(QObject):
    """Install on the QApplication. Signals: scanned(str): a complete scan, prefix/suffix removed;
    observed(object): a `ScanRecord` for every burst at scanner speed."""

    scanned = Signal(str)
    observed = Signal(object)

    def __init__(self, config: WedgeConfig | None = None, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None, busy_tolerance: float = BUSY_TOLERANCE) -> None:
        super().__init__(parent)
        self.clock, self.busy_tolerance = clock, busy_tolerance
        self.detector = WedgeDetector(config, clock)
        self.last_record: ScanRecord | None = None
        self.scans_paused = False  # the set-up page is open: scans are described, not acted on
        self._replaying = False
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._on_timeout)
        self._event_time = float("-inf")  # the last key event's own time (seconds)
        self._time_source = ""  # "event" (the event's timestamp) or "clock" (synthetic events)
        self._local_time = 0.0  # when it was processed, on `clock`
        self._log: deque[tuple[float, KeyRecord]] = deque(maxlen=LOG_SIZE)
        self._target: QObject | None = None  # the widget the keys went to: where held keys are replayed
        self._burst_start: float | None = None

    # --- events -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return False  # every event of the application passes here: the cheapest test first
        kind = event.type()
        if self._replaying or kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        if watched is not _receiver(watched):
            return False  # the same key propagating to parents, or to the window first
        if isinstance(watched, QLineEdit) and watched.echoMode() is not QLineEdit.EchoMode.Normal:
            return False  # a PIN typed fast is still a PIN: never a scan, never shown as one
        self._target = watched
        at = self._stamp(event)
        self._remember(at, event)
        if kind == QEvent.Type.KeyRelease or event.key() in MODIFIER_KEYS:
            self._apply(self.detector.activity(at), at)
            return False
        decision = self._decide(event, at)
        self._apply(decision, at)
        return decision.consume

    def _decide(self, event: QKeyEvent, at: float) -> Decision:
        modifiers = event.modifiers()
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
        text = event.text()
        if text == GS or (ctrl and not alt and event.key() in GS_KEYS):
            return self.detector.key(GS, at)
        if len(text) != 1 or not (text.isprintable() or text in "\r\n\t") or ctrl != alt:
            # no text, or a shortcut (Ctrl+C, Alt+F); Ctrl+Alt together is AltGr on Windows
            return self.detector.other_key(at)
        return self.detector.key(text, at, _meant(text, modifiers))

    def _stamp(self, event: QKeyEvent) -> float:
        """The event's own time in seconds (its clock, not ours); synthetic events without one use
        `clock`. Times from two different clocks (or a clock that wrapped) cannot be compared: what
        is held is settled first, so a burst never spans them."""
        now = self.clock()
        source = "event" if event.timestamp() else "clock"
        at = event.timestamp() / 1000.0 if source == "event" else now
        if source != self._time_source or at < self._event_time - 1.0:
            self._apply(self.detector.timeout(float("inf")), self._event_time, by_pause=True)
        else:
            at = max(at, self._event_time)  # slightly out of order: as if at the same time
        self._time_source, self._event_time, self._local_time = source, at, now
        return at

    def _event_now(self) -> float:
        """`now` on the events' clock: the last event's time plus what our clock says passed since."""
        return self._event_time + (self.clock() - self._local_time)

    def _on_timeout(self) -> None:
        at = self._event_now()
        decision = self.detector.timeout(at)
        if not decision.replay and decision.scan is None and self.detector.holding:
            self._arm(at)  # fired early (the tolerance): wait for the rest
            return
        self._apply(decision, at, by_pause=True)

    # --- decisions ----------------------------------------------------------------------------
    def _apply(self, decision: Decision, at: float, by_pause: bool = False) -> None:
        self._record(decision, by_pause)
        target = self._target
        if target is not None and isValid(target):
            # where the keys go now: the focus may have come to a field while they were held (a window
            # just shown gets its focus widget after its first key arrived): a person typing means that field
            target = _receiver(target) or target
        if decision.replay and target is not None and isValid(target):
            self._replaying = True
            try:
                for text in decision.replay:
                    key = _SPECIAL_KEYS.get(text, Qt.Key.Key_unknown)
                    QApplication.sendEvent(target,
                                           QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text))
            finally:
                self._replaying = False
        if decision.scan is not None and not self.scans_paused:
            self.scanned.emit(decision.scan)
        if self.detector.holding and self._burst_start is None:
            self._burst_start = at
        self._arm(at)

    def _arm(self, at: float) -> None:
        deadline = self.detector.deadline
        if deadline is None:
            self._timer.stop()
            return
        self._timer.start(max(1, int((deadline - at + self.busy_tolerance) * 1000) + 1))

    # --- the record for the set-up page -------------------------------------------------------
    def _remember(self, at: float, event: QKeyEvent) -> None:
        record = KeyRecord(0.0, event.type() == QEvent.Type.KeyPress, _key_name(event.key()),
                           _modifier_names(event.modifiers()), repr(event.text())[1:-1])
        self._log.append((at, record))

    def _record(self, decision: Decision, by_pause: bool) -> None:
        start = self._burst_start
        finished = decision.scan is not None or len(decision.replay) >= self.detector.config.min_length
        if start is None or not finished:
            if not self.detector.holding:
                self._burst_start = None
            return
        start -= self.detector.config.max_interval  # the Shift pressed before a first capital
        keys = tuple(KeyRecord(round((moment - start) * 1000, 1), *_fields(record))
                     for moment, record in self._log if moment >= start and isinstance(record, KeyRecord))
        if keys:
            first = keys[0].at_ms
            keys = tuple(KeyRecord(round(k.at_ms - first, 1), *_fields(k)) for k in keys)
        text = decision.scan if decision.scan is not None else "".join(decision.replay)
        self.last_record = ScanRecord(text, decision.scan is not None, "pause" if by_pause else "suffix", keys)
        self._burst_start = None
        self.observed.emit(self.last_record)


def _fields(record: KeyRecord) -> tuple[bool, str, str, str]:
    return record.pressed, record.key, record.modifiers, record.text


def _meant(text: str, modifiers: Qt.KeyboardModifier) -> str:
    """A scanner presses Shift for a capital: Shift with a small letter means Caps Lock inverted it."""
    if text.isascii() and text.isalpha() and text.islower() and modifiers & Qt.KeyboardModifier.ShiftModifier:
        return text.upper()
    return text


def _receiver(watched: QObject) -> QWidget | None:
    """The widget a key event is for: its window's focus widget (or the window itself). Asked of the
    window rather than of QApplication, which knows no focus widget while no window is active (a
    till without a window manager, a window just behind a closed message box)."""
    if not isinstance(watched, QWidget):
        return None
    window = watched.window()
    return window.focusWidget() or window
