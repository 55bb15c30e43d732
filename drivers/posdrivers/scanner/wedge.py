"""Keyboard-wedge scan detection, pure (no Qt): tells a scanner burst from a person typing.

A wedge scanner "types" a code at a few milliseconds per key (7–16 ms), then Enter (or Tab). People
type at 100 ms per key, a fast typist in bursts at 40 ms, and a program typing for a test
(`xdotool type --delay 40`) at 20 ms. The detector holds keys back while they
arrive fast enough to be a scan, and decides with the timing, an optional prefix, the suffix and a
minimum length. Two times count: between any two key events of a scan (``max_interval``), and
between two characters (``max_key_interval``): a typist whose presses and releases alternate every
10 ms still puts 20 ms between characters, slower than a scanner.

How an event filter uses it (one detector per window; ``now`` from the same clock)::

    decision = detector.key(event.text(), now)        # for each key press that has text
    for text in decision.replay:                      # 1. keys held earlier that were typing after all:
        deliver_to_focused_widget(text)               #    deliver them now, in order
    if decision.scan is not None:                     # 2. a complete scan (prefix and suffix removed)
        scanned.emit(decision.scan)
    if detector.deadline is not None:                 # 3. keys are held: call detector.timeout() at
        timer.start(detector.deadline - now)          #    the deadline so typing is not delayed
    return decision.consume                           # 4. True: swallow this key event

For keys without text (arrows, F-keys) call ``detector.other_key(now)`` and handle its ``replay``
the same way; when the timer fires, call ``detector.timeout(now)`` and handle ``replay`` and
``scan``. Held keys are never lost: every key is eventually in exactly one of a ``replay``, a
``scan`` (with its prefix and suffix), or passed through (``consume`` False).

A USB scanner is a keyboard: it presses Shift around every capital (and around every digit on a
French AZERTY layout), AltGr for ``@`` or ``]``, and releases each key. Those modifier presses and
key releases are part of the scan: call ``detector.activity(now)`` for them, which keeps the burst
alive (the gap that counts is between any two key events, not between two characters) and never
ends it. ``key(text, now, scan_text=...)`` lets the caller say what the scan must contain for a key
whose typed text differs (a letter whose case Caps Lock inverted): a replay gives back what was
typed, a scan what the scanner meant.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_HELD = 4096
#: The scanner's suffix setting → the key texts that end a scan, and whether one is required.
SUFFIXES: dict[str, tuple[tuple[str, ...], bool]] = {
    "enter": (("\r", "\n"), True),
    "tab": (("\t",), True),
    "enter-or-tab": (("\r", "\n", "\t"), True),
    "none": (("\r", "\n", "\t"), False),
}


@dataclass(frozen=True)
class WedgeConfig:
    """Detection settings: ``max_interval`` in seconds between two key events of one scan (a
    press, a release, Shift), ``max_key_interval`` between two of its characters (a HID scanner sends
    Shift in its key's report, so a capital takes no longer than a small letter)."""

    max_interval: float = 0.030
    max_key_interval: float = 0.018
    min_length: int = 4
    prefix: str = ""
    suffixes: tuple[str, ...] = ("\r", "\n", "\t")
    require_suffix: bool = True

    @classmethod
    def for_suffix(cls, suffix: str = "enter-or-tab", **settings: object) -> WedgeConfig:
        """The configuration for a scanner whose suffix is ``enter``, ``tab``, ``enter-or-tab`` or
        ``none`` (the scan ends when the keys stop coming)."""
        try:
            suffixes, required = SUFFIXES[suffix]
        except KeyError:
            raise ValueError(
                f"Scanner suffix {suffix!r} is unknown: use {', '.join(SUFFIXES)}."
            ) from None
        return cls(suffixes=suffixes, require_suffix=required, **settings)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Decision:
    """What to do with the current key: see the module docstring."""

    consume: bool = False
    replay: tuple[str, ...] = ()
    scan: str | None = None


@dataclass
class _Burst:
    keys: list[str] = field(default_factory=list)  # as typed: what a replay gives back
    meant: list[str] = field(default_factory=list)  # as the scanner meant it: what a scan holds
    last: float = 0.0  # the last key event of any kind
    last_key: float = 0.0  # the last character


class WedgeDetector:
    """Feed it key texts with timestamps; it returns :class:`Decision` values."""

    def __init__(
        self, config: WedgeConfig | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.config = config or WedgeConfig()
        self.clock = clock
        self._burst = _Burst()

    @property
    def deadline(self) -> float | None:
        """When held keys expire (call :meth:`timeout` then), or None when nothing is held."""
        if not self._burst.keys:
            return None
        return min(self._burst.last + self.config.max_interval, self._burst.last_key + self.config.max_key_interval)

    @property
    def holding(self) -> bool:
        return bool(self._burst.keys)

    def reset(self) -> tuple[str, ...]:
        """Drop the burst; returns the keys that were held (to replay if wanted)."""
        held, self._burst = tuple(self._burst.keys), _Burst()
        return held

    def activity(self, at: float | None = None) -> Decision:
        """A modifier press or a key release: part of a burst in progress, never its end.

        It keeps the burst alive (if it comes in time); a burst already over is settled first."""
        at = self.clock() if at is None else at
        expired = self.timeout(at)
        if self._burst.keys:
            self._burst.last = at
        return expired

    def timeout(self, at: float | None = None) -> Decision:
        """Release held keys (or complete a suffix-less scan) if the burst is over by ``at``."""
        at = self.clock() if at is None else at
        deadline = self.deadline
        if deadline is not None and at > deadline:
            return self._expire()
        return Decision()

    def other_key(self, at: float | None = None) -> Decision:
        """A key without text ends any burst: held keys are replayed, the key passes through."""
        return Decision(consume=False, replay=self.reset())

    def key(self, text: str, at: float | None = None, scan_text: str | None = None) -> Decision:
        """Decide for one key press whose text is ``text`` (``"\\r"`` for Enter, ``"\\t"`` for Tab);
        ``scan_text`` is what a scan holds for it when that differs from what was typed."""
        at = self.clock() if at is None else at
        expired = self.timeout(at)
        current = self._key(text, at, text if scan_text is None else scan_text)
        return Decision(current.consume, expired.replay + current.replay, expired.scan or current.scan)

    def _key(self, text: str, at: float, meant: str) -> Decision:
        burst, cfg = self._burst, self.config
        held = len(burst.keys)
        if text in cfg.suffixes:
            if not held:
                return Decision(consume=False)
            code = "".join(burst.meant)
            typed = self.reset()
            if code.startswith(cfg.prefix) and len(code) - len(cfg.prefix) >= cfg.min_length:
                return Decision(consume=True, scan=code[len(cfg.prefix) :])
            return Decision(consume=False, replay=typed)
        if len(text) != 1 or (not text.isprintable() and text != "\x1d"):
            return self.other_key(at)
        if held < len(cfg.prefix) and meant != cfg.prefix[held]:
            replay = self.reset()
            return Decision(consume=False, replay=replay)
        if held >= MAX_HELD:
            replay = self.reset()
            return Decision(consume=False, replay=replay)
        burst.keys.append(text)
        burst.meant.append(meant)
        burst.last = burst.last_key = at
        return Decision(consume=True)

    def _expire(self) -> Decision:
        cfg = self.config
        code = "".join(self._burst.meant)
        typed = self.reset()
        if (
            not cfg.require_suffix
            and code.startswith(cfg.prefix)
            and len(code) - len(cfg.prefix) >= cfg.min_length
        ):
            return Decision(scan=code[len(cfg.prefix) :])
        return Decision(replay=typed)
