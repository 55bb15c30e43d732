"""Qt key events exactly as a USB HID barcode scanner makes the OS produce them.

A scanner in keyboard mode sends HID reports: for a capital, Shift down, the key down, the key up,
Shift up; on a French AZERTY layout every digit needs Shift too; `]`, `@`, `|` need AltGr, which
Windows reports as Ctrl+Alt and Linux as its own key; the GS1 separator is Ctrl+] (on AZERTY the key
at that place is `$`). A HID report carries the modifiers as bits beside the key: Shift (or AltGr)
and its key arrive in one report, so their Qt events share a timestamp; each report is `every_ms`
after the last (a press, then a release).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

K = Qt.Key
M = Qt.KeyboardModifier
SHIFT, CTRL, ALT = M.ShiftModifier, M.ControlModifier, M.AltModifier


@dataclass(frozen=True)
class Stroke:
    """One character: the modifier keys held, the key, and the text the OS gives it."""

    modifiers: tuple[Qt.Key, ...]
    key: Qt.Key
    text: str


_PUNCT_US = {"-": (K.Key_Minus, ()), ".": (K.Key_Period, ()), "/": (K.Key_Slash, ()), " ": (K.Key_Space, ()),
             "]": (K.Key_BracketRight, ()), "|": (K.Key_Bar, ("shift",)), "@": (K.Key_At, ("shift",)),
             ":": (K.Key_Colon, ("shift",)), "(": (K.Key_ParenLeft, ("shift",)), ")": (K.Key_ParenRight, ("shift",))}
_PUNCT_FR = {"-": (K.Key_Minus, ()), ".": (K.Key_Period, ("shift",)), "/": (K.Key_Slash, ("shift",)),
             " ": (K.Key_Space, ()), "]": (K.Key_BracketRight, ("altgr",)), "|": (K.Key_Bar, ("altgr",)),
             "@": (K.Key_At, ("altgr",)), ":": (K.Key_Colon, ()), "(": (K.Key_ParenLeft, ()),
             ")": (K.Key_ParenRight, ())}
_SPECIAL = {"\r": K.Key_Return, "\t": K.Key_Tab}


def strokes(code: str, layout: str = "us", system: str = "linux") -> list[Stroke]:
    """The keys a scanner set to `layout` ("us" QWERTY or "fr" AZERTY) types for `code` on `system`."""
    out = []
    for char in code:
        if char in _SPECIAL:
            out.append(Stroke((), _SPECIAL[char], char))
        elif char == "\x1d":
            key = K.Key_BracketRight if layout == "us" else K.Key_Dollar
            out.append(Stroke((K.Key_Control,), key, "\x1d" if layout == "us" else ""))
        elif char.isascii() and char.isalpha():
            out.append(Stroke((K.Key_Shift,) if char.isupper() else (), getattr(K, f"Key_{char.upper()}"), char))
        elif char.isdigit():
            out.append(Stroke((K.Key_Shift,) if layout == "fr" else (), getattr(K, f"Key_{char}"), char))
        elif char not in (_PUNCT_FR if layout == "fr" else _PUNCT_US):
            out.append(Stroke((), K.Key_unknown, char))  # e.g. what the till types for a key of another layout
        else:
            key, mods = (_PUNCT_FR if layout == "fr" else _PUNCT_US)[char]
            held: tuple[Qt.Key, ...] = ()
            if "shift" in mods:
                held = (K.Key_Shift,)
            elif "altgr" in mods:
                held = (K.Key_Control, K.Key_Alt) if system == "windows" else (K.Key_AltGr,)
            out.append(Stroke(held, key, char))
    return out


_FLAGS = {K.Key_Shift: SHIFT, K.Key_Control: CTRL, K.Key_Alt: ALT, K.Key_AltGr: M.GroupSwitchModifier}


def events(keys: Iterable[Stroke]) -> Iterator[tuple[QEvent.Type, Qt.Key, Qt.KeyboardModifier, str]]:
    """Press and release events, modifiers first and last, as the OS reports each HID report."""
    press, release = QEvent.Type.KeyPress, QEvent.Type.KeyRelease
    for stroke in keys:
        held = M.NoModifier
        for modifier in stroke.modifiers:
            yield press, modifier, held, ""
            held |= _FLAGS[modifier]
        yield press, stroke.key, held, stroke.text
        yield release, stroke.key, held, stroke.text
        for modifier in reversed(stroke.modifiers):
            held &= ~_FLAGS[modifier]
            yield release, modifier, held, ""


class Scanner:
    """Plays events into the focused widget with their own timestamps (milliseconds)."""

    def __init__(self, start_ms: int = 1_000_000) -> None:
        self.now_ms = start_ms

    def play(self, code: str, *, every_ms: float = 8.0, layout: str = "us", system: str = "linux",
             busy_after: int | None = None, busy_seconds: float = 0.0, gap_after: int | None = None,
             gap_ms: float = 0.0) -> None:
        """`busy_after`: after that many events the GUI thread is busy for `busy_seconds` (events
        keep their timestamps); `gap_after`: the scanner itself pauses `gap_ms` there."""
        after_modifier = False
        for index, (kind, key, modifiers, text) in enumerate(events(strokes(code, layout, system))):
            if index == busy_after:
                time.sleep(busy_seconds)
            if index == gap_after:
                self.now_ms += gap_ms
            modifier = key in _FLAGS
            if not (modifier and kind == QEvent.Type.KeyRelease) and not after_modifier:
                self.now_ms += every_ms  # a new report; a modifier goes in its key's report
            after_modifier = modifier and kind == QEvent.Type.KeyPress
            event = QKeyEvent(kind, key, modifiers, text)
            event.setTimestamp(int(self.now_ms))
            target = QApplication.focusWidget() or QApplication.activeWindow()
            assert target is not None, "nothing has the keyboard focus"
            QApplication.sendEvent(target, event)

    def type_slowly(self, text: str, every_ms: float = 150.0) -> None:
        """A person typing: the same events, a key every 2 × `every_ms` (300 ms by default)."""
        self.play(text, every_ms=every_ms)
