"""What a till setting may hold, checked before it is stored (command line and settings window)."""

from __future__ import annotations

from collections.abc import Callable

from posreturns.domain.messages import translate
from posreturns.services.errors import BadInput
from posreturns.services.numbering import check_till_id
from posreturns.services.oms_address import check_oms_url

DEFAULT_TILL_ID = "T1"  # a till whose till.id was never set
TRAINING_KEY = "till.training"  # "1" on a training till (init --training, the demo store)
MANAGER_IDLE_KEY = "manager.idle_minutes"  # the manager's workspace signs out after this idle time
QUEUE_AGE_KEY = "restock.highlight_hours"  # held units older than this are highlighted in the queue
POSITIVE_NUMBERS = {MANAGER_IDLE_KEY: (1, 240), QUEUE_AGE_KEY: (1, 24 * 90)}


def checked_setting(key: str, value: str, known_tills: Callable[[], list[str]]) -> str:
    """The value to store for `key`, or `BadInput` naming what is wrong; `known_tills` lists the till
    ids that already issued returns in this data folder."""
    if key == "till.id":
        return check_till_id(value, known_tills())
    if key == "oms.url" and value.strip():
        return check_oms_url(value)
    if key in POSITIVE_NUMBERS:
        low, high = POSITIVE_NUMBERS[key]
        if not (value.strip().isdigit() and low <= int(value) <= high):
            raise BadInput(translate("services.setting_rules", "{0} must be a whole number from {1} to {2}; "
                                                               "nothing was changed.").format(key, low, high))
        return str(int(value))
    return value
