"""What the window needs from the application, gathered by the composition root (no Qt here)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from posreturns.domain.messages import Localized
from posreturns.domain.orders import Order
from posreturns.domain.users import Principal
from posreturns.services.lookup import OrderLookup
from posreturns.ui.ports import Catalog, Drafts, Drawer, DrawerFloats, Printing, Settings, SettingsAccess

if TYPE_CHECKING:
    from posreturns.services.returns.service import ReturnService
    from posreturns.ui.manager.ports import ManagerServices


@dataclass
class UiServices:
    lookup: OrderLookup
    returns: ReturnService
    catalog: Catalog
    drafts: Drafts
    printing: Printing | None  # None when no printer is configured
    status_probe: Callable[[], dict[str, object]]
    recent_returns: Callable[[], list[dict[str, str]]]
    load_order: Callable[[str], Order]
    language: str = "fr"
    receipt_image: Callable[[], str | None] = lambda: None  # the virtual printer's rendering of the last job
    approval_hint: str = ""  # the demo store tells who can approve
    data_dir: str = ""  # shown in the about box, with the logs beside it
    after_return: Callable[[], None] = lambda: None  # e.g. wake the sync so the return reaches the OMS now
    # Signing in (None: the host POS vouches for its cashier, given in the `Session`), and the demo's hint.
    sign_in: Callable[[str, str], Principal] | None = None
    sign_in_hint: str = ""
    approve: Callable[[str, str], Principal] | None = None  # a manager's ID and PIN for an approval (raises when wrong)
    training: bool = False  # a training till: the window says so on every screen
    timezone: Callable[[], str] = lambda: ""  # the store's (every time on screen is in it); empty: the computer's
    integrity: Callable[[], Localized | None] | None = None  # the quick check's sentence, or None
    # The settings screen (None hides its button): the till's settings (get), the manager/admin unlock and
    # the changes through the settings service, printer tests (url, profile), models.
    settings: Settings | None = None
    settings_access: SettingsAccess | None = None
    test_print: Callable[[str, str], object] | None = None
    test_drawer: Callable[[Principal, str, str], None] | None = None  # who opens it, url, profile
    printer_profiles: Callable[[], list[str]] = list
    drawer: Drawer | None = None  # opened once for a cash refund, apart from the receipt
    drawer_floats: DrawerFloats | None = None  # the day's float, asked for after a sign-in when none is entered
    # The scanner set-up page: a scan's text and whether it ended with the suffix -> how it reads and the verdict;
    # printing the set-up sheet; the check of a device setting before it is stored (value -> stored value or BadInput).
    describe_scan: Callable[[str, bool], dict[str, str]] | None = None
    print_scanner_sheet: Callable[[], object] | None = None
    check_setting: Callable[[str, str], str] = lambda key, value: value.strip()
    # The manager's workspace (restock queue, second hand, alerts, back office), built when first asked
    # (`manager`): the window asks once it has shown, as the cashier's first screen does not need it. None: none.
    manager_services: Callable[[], ManagerServices] | None = None
    # The exchange picker's variants with their promises from the store's delivery network (None: none).
    promised: Callable[[list[dict[str, Any]]], list[dict[str, Any]]] | None = None
    # The delivery address the OMS holds for a customer id, fetched when a picker opens (None: no OMS).
    customer_address: Callable[[str], dict[str, Any] | None] | None = None
    # Loads what the first scan needs (the GS1 tables), run off the GUI thread once the window shows.
    warm_up: Callable[[], None] | None = None

    @functools.cached_property
    def manager(self) -> ManagerServices | None:
        return self.manager_services() if self.manager_services is not None else None
