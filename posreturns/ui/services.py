"""What the window needs from the application, gathered by the composition root (no Qt here)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from posreturns.domain.orders import Order
from posreturns.services.lookup import OrderLookup


@dataclass
class UiServices:
    lookup: OrderLookup
    returns: Any  # ReturnService: quote/complete/show with JSON-like dicts
    catalog: Any  # find_variant(code), siblings(sku, location)
    drafts: Any  # save/load/clear of the return in progress
    printing: Any | None  # ReceiptPrinting, or None when no printer is configured
    status_probe: Callable[[], dict[str, Any]]
    recent_returns: Callable[[], list[dict[str, str]]]
    load_order: Callable[[str], Order]
    language: str = "fr"
    receipt_image: Callable[[], str | None] = lambda: None
    approval_hint: str = ""  # the demo store tells who can approve
    data_dir: str = ""  # shown in the about box, with the logs beside it
    after_return: Callable[[], None] = lambda: None  # e.g. wake the sync so the return reaches the OMS now  # the virtual printer's rendering of the last job
    # The settings screen (None hides its button): the till's settings (get/set), the manager/admin PIN check
    # (user id, PIN -> name, or raises PinError), printer tests (url, profile), the printer models, the audit log.
    settings: Any = None
    verify_admin: Callable[[str, str], str] | None = None
    test_print: Callable[[str, str], Any] | None = None
    test_drawer: Callable[..., None] | None = None  # (url, profile, actor)
    printer_profiles: Callable[[], list[str]] = list
    audit: Callable[[str, str | None, dict[str, Any]], None] | None = None
    drawer: Any | None = None  # CashDrawer: opened once for a cash refund, apart from the receipt
    # The scanner set-up page: a scan's text and whether it ended with the suffix -> how it reads and the verdict;
    # printing the set-up sheet; the check of a device setting before it is stored (value -> stored value or BadInput).
    describe_scan: Callable[[str, bool], dict[str, str]] | None = None
    print_scanner_sheet: Callable[[], Any] | None = None
    check_setting: Callable[[str, str], str] = lambda key, value: value.strip()
