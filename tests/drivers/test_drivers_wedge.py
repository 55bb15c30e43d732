"""Keyboard-wedge detection with an injected clock: scanner bursts vs people typing."""

from __future__ import annotations

from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st
from posdrivers.scanner.wedge import Decision, WedgeConfig, WedgeDetector


class FakeFilter:
    """Plays the Qt event filter: applies decisions, fires the timer, records what the widget got."""

    def __init__(self, config: WedgeConfig | None = None) -> None:
        self.now = 0.0
        self.detector = WedgeDetector(config, clock=lambda: self.now)
        self.widget: list[str] = []
        self.scans: list[str] = []
        self.stream: list[str] = []  # everything, in order: keys given to the widget, scans as typed

    def _apply(self, decision: Decision, key: str | None) -> None:
        self.widget.extend(decision.replay)
        self.stream.extend(decision.replay)
        if decision.scan is not None:
            self.scans.append(decision.scan)
            ended_by_key = key is not None and decision.consume and key in self.detector.config.suffixes
            self.stream.append(self.detector.config.prefix + decision.scan + (key if ended_by_key else ""))
            if ended_by_key:
                return
        if key is not None and not decision.consume:
            self.widget.append(key)
            self.stream.append(key)

    def advance(self, seconds: float) -> None:
        target = self.now + seconds
        while (deadline := self.detector.deadline) is not None and deadline < target:
            self.now = deadline + 1e-9
            self._apply(self.detector.timeout(), None)
        self.now = target

    def type(self, keys: Iterable[str], interval: float) -> None:
        for key in keys:
            self.advance(interval)
            self._apply(self.detector.key(key), key)

    def settle(self) -> None:
        self.advance(10.0)


def test_scanner_speed_burst_with_enter_is_a_scan_and_nothing_reaches_the_widget() -> None:
    f = FakeFilter()
    f.type("4006381333931\r", interval=0.008)
    f.settle()
    assert f.scans == ["4006381333931"] and f.widget == []


def test_human_typing_the_same_code_reaches_the_widget_unchanged() -> None:
    f = FakeFilter()
    f.type("4006381333931\r", interval=0.120)
    f.settle()
    assert f.scans == [] and f.widget == list("4006381333931\r")


def test_held_keys_are_released_by_the_timer_without_waiting_for_the_next_key() -> None:
    f = FakeFilter()
    f.type("a", interval=0.2)
    assert f.widget == [] and f.detector.deadline == f.now + 0.018  # the next character is due by then
    f.advance(0.019)
    assert f.widget == ["a"]


def test_person_types_then_a_scan_arrives() -> None:
    f = FakeFilter()
    f.type("qty 2 ", interval=0.150)
    f.advance(0.8)  # the cashier picks up the scanner
    f.type("RET-2026-000123\r", interval=0.007)
    f.settle()
    assert "".join(f.widget) == "qty 2 " and f.scans == ["RET-2026-000123"]


def test_fast_but_short_burst_is_typing() -> None:
    f = FakeFilter(WedgeConfig(min_length=6))
    f.type("12\r", interval=0.005)
    f.settle()
    assert f.scans == [] and f.widget == ["1", "2", "\r"]


def test_prefix_is_required_and_stripped() -> None:
    f = FakeFilter(WedgeConfig(prefix="§", min_length=4))
    f.type("§RET-1\r", interval=0.008)
    f.type("ABCDE\r", interval=0.008)  # fast, but without the prefix: not a scan
    f.settle()
    assert f.scans == ["RET-1"] and "".join(f.widget) == "ABCDE\r"


def test_tab_suffix() -> None:
    f = FakeFilter(WedgeConfig(suffixes=("\t",)))
    f.type("4006381333931\t", interval=0.010)
    f.type("1234567\r", interval=0.010)  # Enter is not a suffix here
    f.settle()
    assert f.scans == ["4006381333931"] and "".join(f.widget) == "1234567\r"


def test_scanner_without_suffix_completes_on_the_pause() -> None:
    f = FakeFilter(WedgeConfig(require_suffix=False, min_length=8))
    f.type("4006381333931", interval=0.008)
    f.advance(0.5)
    f.type("abc", interval=0.008)
    f.settle()
    assert f.scans == ["4006381333931"] and f.widget == ["a", "b", "c"]


def test_a_non_text_key_releases_held_keys_in_order() -> None:
    f = FakeFilter()
    f.type("ab", interval=0.005)
    decision = f.detector.other_key()
    assert decision == Decision(consume=False, replay=("a", "b")) and f.detector.deadline is None


def test_gs1_separator_is_part_of_a_scan() -> None:
    f = FakeFilter()
    f.type("0101234567890128\x1d10LOT\r", interval=0.008)
    f.settle()
    assert f.scans == ["0101234567890128\x1d10LOT"]


def test_boundary_of_the_inter_key_threshold() -> None:
    at_threshold, beyond = (
        FakeFilter(WedgeConfig(max_interval=0.030, max_key_interval=1.0)),
        FakeFilter(WedgeConfig(max_interval=0.030, max_key_interval=1.0)),
    )
    at_threshold.type("ABCDEF\r", interval=0.030)
    beyond.type("ABCDEF\r", interval=0.0301)
    at_threshold.settle()
    beyond.settle()
    assert at_threshold.scans == ["ABCDEF"] and beyond.scans == []


def test_boundary_of_the_inter_character_threshold() -> None:
    at_threshold, beyond = FakeFilter(), FakeFilter()
    at_threshold.type("ABCDEF\r", interval=0.018)
    beyond.type("ABCDEF\r", interval=0.0181)
    at_threshold.settle()
    beyond.settle()
    assert at_threshold.scans == ["ABCDEF"] and beyond.scans == [] and "".join(beyond.widget) == "ABCDEF\r"


keys = st.sampled_from(list("AB1-") + ["\r", "\t", "§"])
events = st.lists(st.tuples(keys, st.sampled_from([0.001, 0.008, 0.017, 0.019, 0.029, 0.031, 0.2])), max_size=40)


@settings(deadline=None)
@given(events, st.booleans(), st.sampled_from(["", "§"]))
def test_every_key_ends_up_exactly_once_in_order(
    seq: list[tuple[str, float]], suffixless: bool, prefix: str
) -> None:
    """Whatever the timing, typed keys + scans (with prefix and suffix) give back the input, in order."""
    config = WedgeConfig(min_length=3, prefix=prefix, require_suffix=not suffixless)
    f = FakeFilter(config)
    for key, gap in seq:
        f.type([key], interval=gap)
    f.settle()
    assert "".join(f.stream) == "".join(key for key, _ in seq)
    assert f.detector.deadline is None


def test_shift_presses_and_key_releases_keep_a_scan_of_capitals_together() -> None:
    """A HID scanner with a report every 8 ms: Shift down with its key, then both up; a character
    every 16 ms."""
    f = FakeFilter()
    for char in "PA01-000101\r":
        f.advance(0.008)
        if char.isupper():
            f._apply(f.detector.activity(), None)  # Shift down, in its key's report
        f.type([char], interval=0.0)
        f.advance(0.008)
        f._apply(f.detector.activity(), None)  # key up
        if char.isupper():
            f._apply(f.detector.activity(), None)  # Shift up, in the same report
    f.settle()
    assert f.scans == ["PA01-000101"] and f.widget == []


def test_activity_alone_never_starts_nor_ends_a_burst() -> None:
    f = FakeFilter()
    f._apply(f.detector.activity(), None)
    assert f.detector.deadline is None
    f.type("AB", interval=0.2)
    f._apply(f.detector.activity(), None)
    assert f.detector.holding


def test_the_scan_holds_what_the_scanner_meant_and_a_replay_what_was_typed() -> None:
    f = FakeFilter()
    for typed, meant in zip("pa01-000101", "PA01-000101", strict=True):
        f.advance(0.008)
        f._apply(f.detector.key(typed, scan_text=meant), typed)
    f.type("\r", interval=0.008)
    f.type("ab", interval=0.008)
    f.settle()
    assert f.scans == ["PA01-000101"] and f.widget == ["a", "b"]


def test_suffix_settings() -> None:
    assert WedgeConfig.for_suffix("tab").suffixes == ("\t",)
    assert WedgeConfig.for_suffix("none").require_suffix is False
    assert WedgeConfig.for_suffix("enter", min_length=6).min_length == 6
    import pytest

    with pytest.raises(ValueError, match="enter-or-tab"):
        WedgeConfig.for_suffix("space")


def test_a_typist_at_40_ms_a_key_is_typing_though_every_event_comes_within_20_ms() -> None:
    """Press and release alternate every 10 ms: each key event is in time for a scan, the characters
    (20 ms apart) are not."""
    f = FakeFilter()
    for char in "camille\r":
        f.type([char], interval=0.010)
        f.advance(0.010)
        f._apply(f.detector.activity(), None)  # key up
    f.settle()
    assert f.scans == [] and "".join(f.widget) == "camille\r"
