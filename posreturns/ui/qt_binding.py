"""A check, at start-up, that the Qt binding does not lose references when signals are emitted.

PySide6 6.12.0 lost a reference to `True` at every emission: on Python 3.11 the till aborted after
a few hundred scans. The project's requirements exclude it, but a host POS may bring its own PySide6,
so the window checks the binding it runs on and says so, rather than vanishing mid-shift.
"""

from __future__ import annotations

import logging
import sys

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, Signal

log = logging.getLogger(__name__)
EMISSIONS = 256
TRIALS = 3


class _Probe(QObject):
    fired = Signal(object)


def emission_loses_references() -> bool:
    """True when emitting signals drops references to Python's singletons (the interpreter will abort).

    A faulty binding loses one reference per emission, every time. Other threads (the printer, the
    sync) take and drop references to `True` and `None` meanwhile, so one reading can mislead: the
    fault is reported only when every trial lost nearly one reference per emission.
    """
    probe = _Probe()
    probe.fired.connect(lambda _payload: None)
    payload: dict[str, object] = {"value": None, "flag": True}
    return all(_trial_loses_references(probe, payload) for _ in range(TRIALS))


def _trial_loses_references(probe: _Probe, payload: dict[str, object]) -> bool:
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(EMISSIONS):
        probe.fired.emit(payload)
    after = sys.getrefcount(True), sys.getrefcount(None)
    return any(was - now >= EMISSIONS * 9 // 10 for was, now in zip(before, after, strict=True))


def check_binding() -> str | None:
    """None when the binding is sound; else the sentence for the cashier (the details go to the log)."""
    if not emission_loses_references():
        return None
    log.error("PySide6 %s loses references to Python's singletons at every signal emission: the till will abort "
              "(Fatal Python error: bool_dealloc) after a few hundred scans. Install PySide6-Essentials 6.11.3 "
              "or a release that passes tests/gui/test_qt_binding.py.", PySide6.__version__)
    return QCoreApplication.translate("QtBinding", "This till's Qt library has a known fault and may close without "
                                      "warning during the day: call support to have it replaced.")
