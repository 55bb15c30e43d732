"""Shared by the restock tests: a demo store with returns that hold units, and its manager."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers.returns import CASHIER, MANAGER, PIN, line, open_shop, request
from posreturns.app import Till, open_restock
from posreturns.domain.permissions import Permission
from posreturns.domain.users import Principal


def hold(till: Till, receipt: str, sku: str, qty: int = 1, key: str = "hold-1", **extra: Any) -> str:
    """Complete a return of a defective item (held for inspection, with the "notify the buyer" alert)."""
    answer = till.returns.complete(request(receipt, line(sku, qty, reason="DEFECTIVE", condition="OPENED", **extra),
                                           key=key, method="store_credit"), CASHIER)
    return str(answer["return_number"])


def manager(till: Till) -> Principal:
    return till.access.sign_in(MANAGER, PIN, Permission.MANAGE_RESTOCK)


def held_shop(folder: Path) -> tuple[Till, Any]:
    till = open_shop(folder)
    hold(till, "PA01-000101", "TSH-NVY-M", 2)
    return till, open_restock(till)
