"""The return in progress, saved with the data after every change and restored at start-up."""

from __future__ import annotations

import json
from typing import Any

from posreturns.persistence.settings import SqlSettings
from posreturns.services.input_checks import machine_made, mask_card_numbers
from posreturns.services.setting_rules import DEFAULT_TILL_ID

DRAFT_KEY = "draft.return"


class SqlDrafts:
    def __init__(self, settings: SqlSettings, till_id: str = DEFAULT_TILL_ID) -> None:
        self.settings, self.key = settings, f"{DRAFT_KEY}.{till_id}"

    def save(self, draft: dict[str, Any]) -> None:
        """Stored as typed, except a card number typed in a note: only its last four digits are kept
        (the return itself refuses it). Ids, serials and the idempotency key are kept whole: one key in
        ~1,400 has digit groups that pass the Luhn check, and a key changed by masking would let the
        restored draft commit the same return a second time."""
        self.settings.set(self.key, json.dumps(_masked(draft), ensure_ascii=False))

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


def _masked(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {name: _masked(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [_masked(item, key) for item in value]
    if isinstance(value, str) and not machine_made(key):
        return mask_card_numbers(value)
    return value
