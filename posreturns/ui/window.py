"""Builds the till window from `UiServices`: presenters, views, scanners, status polling, sign-in,
draft restore (once someone is signed in), and the start-up integrity check (off the GUI thread)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QTimer

from posreturns.devices.keyboard_wedge import WedgeConfig
from posreturns.ui.application import running_application
from posreturns.ui.device_runner import DeviceTaskRunner
from posreturns.ui.dialogs import DialogService
from posreturns.ui.float_prompt import FloatPrompt
from posreturns.ui.i18n import Formats
from posreturns.ui.presenters.lookup import LookupPresenter
from posreturns.ui.presenters.print_queue import PrintQueuePresenter
from posreturns.ui.presenters.return_flow import ReturnFlowPresenter, Session
from posreturns.ui.presenters.scanner_setup import ScannerSetupPresenter
from posreturns.ui.presenters.settings import SettingsPresenter
from posreturns.ui.presenters.sign_in import SignInPresenter
from posreturns.ui.presenters.status import StatusPresenter
from posreturns.ui.scanner_filter import WedgeScannerFilter
from posreturns.ui.services import UiServices
from posreturns.ui.views.about import AboutDialog
from posreturns.ui.views.main_window import MainWindow
from posreturns.ui.views.print_queue_dialog import PrintQueueDialog
from posreturns.ui.views.scanner_setup_dialog import ScannerSetupDialog
from posreturns.ui.views.settings_dialog import connect_settings
from posreturns.ui.views.widgets import manager_button

log = logging.getLogger(__name__)
FIRST_PAINT_MS = 300  # the window has painted by then (its own start-up work comes before)


def build_window(services: UiServices, session: Session, runner: Any, dialogs: DialogService | None = None,
                 interpret: Any = None, wedge: WedgeConfig | None = None, poll_status: bool = True) -> MainWindow:
    formats = Formats(services.language, services.timezone)
    lookup = LookupPresenter(services.lookup, runner)
    printer_runner = DeviceTaskRunner(services.printing.device) if services.printing is not None else runner
    flow = ReturnFlowPresenter(services.returns, services.lookup, services.catalog, services.drafts, services.printing,
                               session, runner, services.drawer, printer_runner)
    flow.promised = services.promised
    flow.customer_address = services.customer_address
    status = StatusPresenter(services.status_probe, runner) if poll_status else None
    sign_in = SignInPresenter(services.sign_in, runner) if services.sign_in is not None else None
    window = MainWindow(lookup, flow, status, dialogs or DialogService(approval_hint=services.approval_hint,
                                                                       approval_check=services.approve, runner=runner),
                        formats, services.language,
                        services.recent_returns, interpret, services.receipt_image,
                        sign_in=sign_in, sign_in_hint=services.sign_in_hint, training=services.training)
    if dialogs is None:
        window.dialogs.parent = window
    if sign_in is not None and services.drawer_floats is not None:  # a host vouching for its cashier sets its own
        window.float_prompt = FloatPrompt(window, services.drawer_floats, runner, services.language)  # type: ignore[attr-defined]
        sign_in.signed_in.connect(window.float_prompt.signed_in)  # type: ignore[attr-defined]
        window.float_button = window.float_prompt.button  # type: ignore[attr-defined]
        window.home.add_tool(window.float_button)  # type: ignore[attr-defined]
    if services.manager_services is not None:
        _manager_once_shown(window, services, runner, printer_runner)
    if services.printing is not None:
        printing = services.printing
        window.print_queue = lambda: PrintQueueDialog(PrintQueuePresenter(printing, runner, printer_runner), window)
    window.home.about.connect(lambda: window.dialogs.show_dialog(AboutDialog(services.data_dir, window)))
    settings, settings_access = services.settings, services.settings_access
    if settings is not None and settings_access is not None:
        connect_settings(window, lambda: SettingsPresenter(settings, runner, settings_access,
                                                           services.test_print, services.test_drawer,
                                                           services.printer_profiles, services.check_setting),
                         lambda: ScannerSetupDialog(ScannerSetupPresenter(
                             getattr(window, "wedge", None), services.describe_scan or _no_description,
                             services.print_scanner_sheet, printer_runner), window))
    else:
        window.home.settings_button.hide()
    if wedge is not None:
        scanner = WedgeScannerFilter(wedge, parent=window)
        scanner.scanned.connect(window.on_scan)
        running_application().installEventFilter(scanner)
        window.wedge = scanner  # type: ignore[attr-defined]
    flow.completed.connect(lambda _response: services.after_return())
    window.restore_draft = lambda: window.resume_draft() if flow.restore(services.load_order) else None
    window.start(session)
    if status is not None:
        status.start()
    if services.integrity is not None:
        runner.run(services.integrity, window.show_integrity,
                   lambda error: log.error("the start-up check failed: %s", type(error).__name__, exc_info=error))
    if (warm_up := services.warm_up) is not None:  # what the first scan needs, once the window has shown
        # a child timer: a window closed before it fires drops it (a singleShot's functor would outlive it)
        timer = QTimer(window, singleShot=True, interval=FIRST_PAINT_MS)
        timer.timeout.connect(lambda: runner.run(warm_up, _ignore, _ignore))
        timer.start()
    return window


def _manager_once_shown(window: MainWindow, services: UiServices, runner: Any, printer_runner: Any) -> None:
    """The "Manager" button now, drawn with the home screen; the manager's services, presenters and parked
    returns once the window has shown (a tenth of the start's imports), or at once when the button is
    pressed or a return is parked before then."""
    button = manager_button()
    window.home.add_tool(button)
    window.manager_button = button

    def attach() -> None:
        if window.show_manager is not show_now:  # attached already
            return
        from posreturns.ui.manager.hookup import attach_manager
        from posreturns.ui.parked_hookup import attach_parked

        manager = services.manager
        assert manager is not None
        attach_manager(window, manager, runner, printer_runner, button)
        window.park_for_manager = None
        if manager.approvals is not None:
            attach_parked(window, manager.approvals, runner)

    def show_now() -> None:
        attach()
        assert window.show_manager is not None and window.show_manager is not show_now
        window.show_manager()

    def park_now(reason: str) -> None:
        attach()
        if window.park_for_manager is not None:
            window.park_for_manager(reason)

    window.show_manager, window.park_for_manager = show_now, park_now
    button.clicked.connect(lambda: window.show_manager() if window.show_manager is not None else None)
    timer = QTimer(window, singleShot=True, interval=FIRST_PAINT_MS)
    timer.timeout.connect(attach)
    timer.start()


def _ignore(_outcome: object) -> None:
    """The scan reader's warm-up: a failure shows again, with its sentence, at the first scan."""


def _no_description(text: str, completed: bool) -> dict[str, str]:
    return {"parsed_en": text, "parsed_fr": text, "check_en": "", "check_fr": "", "state": ""}
