"""The keyboard-wedge scanner's rules (posdrivers' `WedgeDetector`: keystrokes typed faster than a
person types, ended by the suffix or a pause, are a scan), as the window's key filter uses them. The
window reaches the drivers through this layer only, like every other device."""

from __future__ import annotations

from posdrivers.scanner.wedge import Decision, WedgeConfig, WedgeDetector

__all__ = ["Decision", "WedgeConfig", "WedgeDetector"]
