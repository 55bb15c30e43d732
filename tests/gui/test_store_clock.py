"""One clock and one number format on every screen: the store's time zone (the receipts' one), whatever
the till computer's own zone, and every amount with its currency and the language's decimal mark."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QLabel

from posreturns.app import Till
from posreturns.app_ui import ui_services
from posreturns.domain.users import Principal
from posreturns.ui.i18n import Formats
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.tasks import InlineTaskRunner
from posreturns.ui.views.exchange_picker import ExchangePicker
from posreturns.ui.window import build_window

SESSION = Session(principal=Principal.vouched("marie", by="tests"), till_id=lambda: "T1", offline=lambda: False,
                  store_id=lambda: "PARIS-01")


@pytest.fixture
def computer_in_new_york() -> Iterator[None]:
    """The till computer's clock set to another zone than the store's, as a badly installed till is."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_times_are_the_stores_whatever_the_computers_zone(computer_in_new_york: None) -> None:
    formats = Formats("fr", lambda: "Europe/Paris")
    assert formats.moment(datetime(2026, 11, 20, 9, 30, tzinfo=UTC)) == "20/11/2026 10:30"
    assert formats.stamp("2026-11-20T09:30:00Z") == formats.stamp("2026-11-20 09:30:00") == "20/11/2026 10:30"
    assert formats.stamp("2026-07-01T23:30:00Z") == "02/07/2026 01:30"  # summer time, and the next day
    assert Formats("en", lambda: "Europe/Paris").stamp("2026-11-20T09:30:00Z") == "11/20/2026 10:30 AM"
    assert Formats("fr", lambda: "No/Such_Zone").stamp("2026-11-20T09:30:00Z") == "20/11/2026 04:30"  # the computer's
    assert formats.stamp("") == "" and formats.stamp("yesterday") == "yesterday"


def test_recent_returns_show_the_stores_time_and_the_amount_in_french(  # type: ignore[no-untyped-def]
        qtbot, demo_till: Till, computer_in_new_york: None) -> None:
    window = build_window(ui_services(demo_till, "fr", signs_in=False), SESSION, InlineTaskRunner(), poll_status=False)
    qtbot.addWidget(window)
    window.on_scan("PA01-000102")
    window.flow.add_order_line("ORD-1002-L1")
    window.flow.update_line(0, reason="WRONG_SIZE", condition="NEW_WITH_TAGS")
    window.flow.set_refund_method("store_credit")
    window.confirm()
    window.go_home()
    with demo_till.engine.connect() as connection:
        stored = connection.exec_driver_sql("SELECT created_at FROM returns WHERE origin = 'till'").scalar_one()
    paris = datetime.fromisoformat(stored.removesuffix("Z")).replace(tzinfo=UTC).astimezone(ZoneInfo("Europe/Paris"))
    recent = window.home.recent
    assert recent.item(0, 1).text() == paris.strftime("%d/%m/%Y %H:%M")
    assert recent.item(0, 3).text() == "100,20\u00a0€"


def test_the_exchange_picker_says_when_the_stock_was_counted_in_the_stores_time(  # type: ignore[no-untyped-def]
        qtbot, computer_in_new_york: None) -> None:
    variants = [{"sku": "TSH-NVY-L", "title": "T-shirt L", "price": "29.90", "stock_here": 3,
                 "stock_as_of": "2026-11-20T08:05:00Z", "options": {"size": "L"}}]
    picker = ExchangePicker(variants, Formats("en", lambda: "Europe/Paris"))
    qtbot.addWidget(picker)
    assert "Stock as of 11/20/2026 09:05 AM" in [label.text() for label in picker.findChildren(QLabel)]
    assert picker.table.item(0, 2).text() == "€29.90"
