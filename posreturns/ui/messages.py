"""What the cashier reads from an error or outcome: the French sentence on a French till."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale


def current_language() -> str:
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def cashier_text(error_or_outcome: Any) -> str:
    """`in_language` when the raiser gave both languages, else the message as it is."""
    pick = getattr(error_or_outcome, "in_language", None)
    return pick(current_language()) if callable(pick) else str(error_or_outcome)
