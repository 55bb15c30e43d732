"""The return in progress, saved with the data after every change and restored at start-up."""

from __future__ import annotations

import json
from typing import Any

from posreturns.persistence.settings import SqlSettings
from posreturns.services.input_checks import mask_card_numbers

DRAFT_KEY = "draft.return"


class SqlDrafts:
    def __init__(self, settings: SqlSettings, till_id: str = "T1") -> None:
        self.settings, self.key = settings, f"{DRAFT_KEY}.{till_id}"

    def save(self, draft: dict[str, Any]) -> None:
        """Stored as typed, except a card number typed in a note: only its last four digits are kept
        (the return itself refuses it)."""
        self.settings.set(self.key, mask_card_numbers(json.dumps(draft, ensure_ascii=False)))

    def load(self) -> dict[str, Any] | None:
        raw = self.settings.get(self.key)
        if not raw:
            return None
        try:
            data = json.loads(raw)
        except json.JSONDecodeError:
            return None
        return data if isinstance(data, dict) else None

    def clear(self) -> None:
        self.settings.set(self.key, "")
