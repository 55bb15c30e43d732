"""The composition root: `bootstrap(data_dir, mode)` builds what the command line, the window and the
host widget run on, in one place and in one order.

* "cli": the till's store and use cases (`Till`), nothing running in the background;
* "window" and "widget": the same, plus the session log (crash marker, log folder), the database
  check in the background, the sync worker (which also tells whether the OMS is reachable), the
  e-receipt sender and the one printer thread. The window and the widget differ only in who signs
  in (the window asks for a PIN; the host vouches for its cashier) and in the host's store and till
  ids, which the widget writes to the settings so the command line and sync agree with the host.

`Runtime.close()` stops everything in the reverse order it started.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from posreturns.app import Till, attach_oms, open_mail, open_sync, open_till
from posreturns.services.errors import BadInput
from posreturns.services.returns.ports import AuditEntry
from posreturns.services.sync_ports import OmsNotConfigured

if TYPE_CHECKING:  # the window's and the widget's parts: a command line call (a host's lookup) never loads them
    from posreturns.devices.printer_thread import PrinterThread
    from posreturns.devices.scanner import Scan
    from posreturns.devices.scanner_reader import ScannerReader
    from posreturns.sync.mail_worker import MailWorker
    from posreturns.sync.worker import SyncWorker
    from posreturns.till_session import TillSession
    from posreturns.ui.services import UiServices

Mode = Literal["cli", "window", "widget"]
log = logging.getLogger(__name__)


def _printer_thread() -> PrinterThread:
    from posreturns.devices.printer_thread import PrinterThread

    return PrinterThread()


@dataclass
class Runtime:
    """One process's object graph around a `Till`."""

    mode: Mode
    till: Till
    printer: PrinterThread = field(default_factory=_printer_thread)  # receipts, drawer, status and test prints
    sync: SyncWorker | None = None
    mail: MailWorker | None = None
    sms: MailWorker | None = None
    session_log: TillSession | None = None
    unexpected_end: bool = False  # the last window or widget on this data folder did not close cleanly

    def online(self) -> bool | None:
        """Whether the OMS answered lately (None: no OMS, or not asked yet)."""
        online = self.sync.status().get("online") if self.sync is not None else None
        return online if isinstance(online, bool) else None

    def offline(self) -> bool:
        """Returns are quoted under the offline limits only when the OMS is known to be unreachable."""
        return self.online() is False

    def till_id(self) -> str:
        return self.till.till_id()

    def store_id(self) -> str:
        return self.till.settings.store_id() or ""

    def scan_interpreter(self) -> Callable[[str], Scan]:
        from posreturns.app_ui import scan_interpreter

        return scan_interpreter(self.till)

    def serial_scanner(self, port: str | None = None) -> ScannerReader | None:
        """The serial scanner's reader (not started), on `port` or the configured one (`scanner.mode`
        serial); None when the till scans through the keyboard wedge."""
        from posreturns.devices.device_settings import serial_options
        from posreturns.devices.scanner_reader import ScannerReader

        get = self.till.settings.get
        port = port or (get("scanner.port") if get("scanner.mode") == "serial" else None)
        return ScannerReader(port, **serial_options(get)) if port else None

    def ui_services(self, language: str, printer_url: str | None = None,
                    receipt_images: Callable[[], str | None] | None = None) -> UiServices:
        """The window's services; the widget's have no sign-in (the host vouches for its cashier)."""
        from posreturns.app_ui import ui_services

        return ui_services(self.till, language, printer_url, receipt_images, self.sync,
                           signs_in=self.mode == "window", device=self.printer)

    def close(self, clean: bool = True) -> None:
        """Stop the workers, finish the queued print jobs, close the database; `clean`: the session
        ended as it should (the next start will not report it)."""
        for worker in (self.mail, self.sms, self.sync):
            if worker is not None:
                worker.stop()
        self.printer.stop()
        self.till.close()
        if self.session_log is not None and clean:
            self.session_log.close()

    def __enter__(self) -> Runtime:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close(clean=exc_info[0] is None)


def bootstrap(data_dir: Path, mode: Mode, *, till_id: str | None = None, now: str | None = None,
              host_store_id: str = "", host_till_id: str = "") -> Runtime:
    """Open the till in `data_dir` for `mode` (see the module's docstring). `till_id` and `now` are the
    command line's `--till` and `--now`; `host_store_id` and `host_till_id` are the host POS's (widget).
    `StorageError` when the database is damaged (nothing is left running)."""
    till = open_till(Path(data_dir), till_id=till_id or host_till_id or None, now=now)
    attach_oms(till)  # returns apply the offline rules whenever the OMS does not answer, in every mode
    runtime = Runtime(mode, till)
    if mode == "cli":
        return runtime
    till.build_use_cases()
    from posreturns.till_session import TillSession

    try:
        runtime.session_log = TillSession(Path(data_dir))
        runtime.unexpected_end = runtime.session_log.open() is not None
        till.guard.check_in_background()  # seconds on a store-scale cache: the window does not wait for it
        if mode == "widget":
            _take_host_ids(till, host_store_id, host_till_id)
        runtime.sync = start_sync(till)
        runtime.mail = start_mail(till)
        runtime.sms = start_sms(till)
    except BaseException:
        runtime.close(clean=False)
        raise
    return runtime


def _take_host_ids(till: Till, store_id: str, till_id: str) -> None:
    changed = {key: value for key, value in (("store.id", store_id), ("till.id", till_id))
               if value and till.settings.get(key) != value}
    if changed:
        till.settings.change(changed, AuditEntry("settings.changed", "host", None, {"changes": changed, "by": "host"},
                                                 till.clock.now()))


def start_sync(till: Till) -> SyncWorker | None:
    """The background sync, when an OMS is configured (`posreturns oms connect`) and the till is not a
    training till."""
    from posreturns.sync.worker import SyncWorker

    if not till.settings.get("oms.url") or till.training:
        return None
    try:
        worker = SyncWorker(open_sync(till))
    except OmsNotConfigured:
        return None
    worker.start()
    return worker


def start_sms(till: Till) -> MailWorker | None:
    """The SMS receipt sender, when an SMS gateway is configured (`posreturns sms connect`) and the till
    is not a training till."""
    from posreturns.app import open_sms
    from posreturns.sync.mail_worker import MailWorker

    if not till.settings.get("sms.url") or till.training:
        return None
    try:
        worker = MailWorker(open_sms(till), name="sms")
    except BadInput as error:  # a setting is wrong: the window still opens, the SMS wait
        log.warning("SMS receipts are not sent: %s", error)
        return None
    worker.start()
    return worker


def start_mail(till: Till) -> MailWorker | None:
    """The e-receipt sender, when an SMTP relay is configured (`posreturns mail connect`) and the till
    is not a training till (what is practised there never reaches a customer)."""
    from posreturns.sync.mail_worker import MailWorker

    if not till.settings.get("mail.host") or till.training:
        return None
    try:
        worker = MailWorker(open_mail(till))
    except BadInput as error:  # a setting is wrong: the window still opens, the e-receipts wait
        log.warning("e-receipts are not sent: %s", error)
        return None
    worker.start()
    return worker
