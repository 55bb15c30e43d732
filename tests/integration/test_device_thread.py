"""The printer and its cash drawer are driven from one thread only: receipts, the settings screen's
test print and test drawer, and the status question all wait in the printer thread's queue, whatever
thread asks."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TypeVar

from posdrivers.virtual.printer import VirtualPrinter

from posreturns.app import open_till
from posreturns.app_ui import ui_services
from posreturns.devices.printer_thread import PrinterThread
from posreturns.domain.permissions import Permission

T = TypeVar("T")


class WatchedPrinterThread(PrinterThread):
    """The real printer thread, noting on which thread each piece of work ran."""

    def __init__(self) -> None:
        super().__init__("watched-printer")
        self.ran_on: list[str] = []

    def submit(self, work: Callable[[], T]) -> Future[T]:
        def watched() -> T:
            self.ran_on.append(threading.current_thread().name)
            return work()

        return super().submit(watched)


def test_test_print_test_drawer_and_status_all_run_on_the_printer_thread(tmp_path: Path,
                                                                          printer: VirtualPrinter) -> None:
    device = WatchedPrinterThread()
    with open_till(tmp_path) as till:
        till.users.seed("mgr1", "Sophie Laurent", "manager", "4321")
        manager = till.access.sign_in("mgr1", "4321", Permission.CHANGE_DEVICE_SETTINGS)
        services = ui_services(till, "en", printer.url, signs_in=False, device=device)
        assert services.test_print is not None and services.test_drawer is not None
        assert services.printing is not None and services.printing.device is device
        asked_from = [threading.current_thread().name]
        pool = threading.Thread(target=lambda: asked_from.append(threading.current_thread().name) or
                                services.test_print(printer.url, "epson-tm-t20iii"))  # type: ignore[func-returns-value]
        pool.start()
        pool.join(30)
        services.test_drawer(manager, printer.url, "epson-tm-t20iii")
        services.status_probe()
        device.stop()
    assert "Test print" in printer.wait_for_job(1).text
    assert printer.wait_for_job(2).data == b"\x10\x14\x01\x00\x01"  # the drawer's pulse, after the page
    assert len(device.ran_on) >= 3
    assert {name.split("_")[0] for name in device.ran_on} == {"watched-printer"}
    assert not set(device.ran_on) & set(asked_from)
