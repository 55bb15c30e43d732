"""What a till setting may hold, checked before it is stored (command line and settings window)."""

from __future__ import annotations

from collections.abc import Callable

from posreturns.services.numbering import check_till_id
from posreturns.services.oms_address import check_oms_url


def checked_setting(key: str, value: str, known_tills: Callable[[], list[str]]) -> str:
    """The value to store for `key`, or `BadInput` naming what is wrong; `known_tills` lists the till
    ids that already issued returns in this data folder."""
    if key == "till.id":
        return check_till_id(value, known_tills())
    if key == "oms.url" and value.strip():
        return check_oms_url(value)
    return value
