"""Keyboard-wedge scan detection, pure (no Qt): tells a scanner burst from a person typing.

A wedge scanner "types" a code at a few milliseconds per key, then Enter (or Tab). People type at
100 ms per key or slower. The detector holds keys back while they arrive fast enough to be a scan,
and decides with the timing, an optional prefix, the suffix and a minimum length.

How an event filter uses it (one detector per window; ``now`` from the same clock)::

    decision = detector.key(event.text(), now)        # for each key press that has text
    for text in decision.replay:                      # 1. keys held earlier that were typing after all:
        deliver_to_focused_widget(text)               #    deliver them now, in order
    if decision.scan is not None:                     # 2. a complete scan (prefix and suffix removed)
        scanned.emit(decision.scan)
    if detector.deadline is not None:                 # 3. keys are held: call detector.timeout() at
        timer.start(detector.deadline - now)          #    the deadline so typing is not delayed
    return decision.consume                           # 4. True: swallow this key event

For keys without text (arrows, F-keys, modifiers-only) call ``detector.other_key(now)`` and handle
its ``replay`` the same way; when the timer fires, call ``detector.timeout(now)`` and handle
``replay`` and ``scan``. Held keys are never lost: every key is eventually in exactly one of a
``replay``, a ``scan`` (with its prefix and suffix), or passed through (``consume`` False).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_HELD = 4096


@dataclass(frozen=True)
class WedgeConfig:
    """Detection settings; ``max_interval`` in seconds between two keys of one scan."""

    max_interval: float = 0.030
    min_length: int = 4
    prefix: str = ""
    suffixes: tuple[str, ...] = ("\r", "\n")
    require_suffix: bool = True


@dataclass(frozen=True)
class Decision:
    """What to do with the current key: see the module docstring."""

    consume: bool = False
    replay: tuple[str, ...] = ()
    scan: str | None = None


@dataclass
class _Burst:
    keys: list[str] = field(default_factory=list)
    last: float = 0.0


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
        return self._burst.last + self.config.max_interval if self._burst.keys else None

    def reset(self) -> tuple[str, ...]:
        """Drop the burst; returns the keys that were held (to replay if wanted)."""
        held, self._burst = tuple(self._burst.keys), _Burst()
        return held

    def timeout(self, at: float | None = None) -> Decision:
        """Release held keys (or complete a suffix-less scan) if the burst is over by ``at``."""
        at = self.clock() if at is None else at
        if self._burst.keys and at - self._burst.last > self.config.max_interval:
            return self._expire()
        return Decision()

    def other_key(self, at: float | None = None) -> Decision:
        """A key without text ends any burst: held keys are replayed, the key passes through."""
        return Decision(consume=False, replay=self.reset())

    def key(self, text: str, at: float | None = None) -> Decision:
        """Decide for one key press whose text is ``text`` (``"\\r"`` for Enter, ``"\\t"`` for Tab)."""
        at = self.clock() if at is None else at
        expired = self.timeout(at)
        current = self._key(text, at)
        return Decision(current.consume, expired.replay + current.replay, expired.scan or current.scan)

    def _key(self, text: str, at: float) -> Decision:
        burst, cfg = self._burst, self.config
        held = len(burst.keys)
        if text in cfg.suffixes:
            if not held:
                return Decision(consume=False)
            code = "".join(burst.keys)
            self.reset()
            if code.startswith(cfg.prefix) and len(code) - len(cfg.prefix) >= cfg.min_length:
                return Decision(consume=True, scan=code[len(cfg.prefix) :])
            return Decision(consume=False, replay=tuple(code))
        if len(text) != 1 or (not text.isprintable() and text != "\x1d"):
            return self.other_key(at)
        if held < len(cfg.prefix) and text != cfg.prefix[held]:
            replay = self.reset()
            return Decision(consume=False, replay=replay)
        if held >= MAX_HELD:
            replay = self.reset()
            return Decision(consume=False, replay=replay)
        burst.keys.append(text)
        burst.last = at
        return Decision(consume=True)

    def _expire(self) -> Decision:
        cfg = self.config
        code = "".join(self.reset())
        if (
            not cfg.require_suffix
            and code.startswith(cfg.prefix)
            and len(code) - len(cfg.prefix) >= cfg.min_length
        ):
            return Decision(scan=code[len(cfg.prefix) :])
        return Decision(replay=tuple(code))
