"""The status bar: online/offline, events waiting to sync, cache age, printer, scanner, cashier/store/till."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QStatusBar

from posreturns.ui.views.widgets import icon

ICON_PX = 18


class TillStatusBar(QStatusBar):
    def __init__(self) -> None:
        super().__init__()
        self.setSizeGripEnabled(False)
        self.online = QLabel(objectName="online")
        self.outbox = QLabel(objectName="outbox")
        self.cache = QLabel()
        self.printer = QLabel(objectName="printer")
        self.scanner = QLabel()
        self.who = QLabel()
        self.print_queue_button = QPushButton(objectName="printQueue")  # opens the print queue
        self.print_queue_button.setFlat(True)
        self.print_queue_button.hide()
        self.online_icon, self.printer_icon = QLabel(objectName="statusIcon"), QLabel(objectName="statusIcon")
        # A long printer sentence is cut (whole in its tooltip) rather than widening the window past the screen.
        self.printer.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        for label in (self.online_icon, self.online, self.outbox, self.cache, self.printer_icon, self.printer,
                      self.scanner):
            self.addWidget(label, 1 if label is self.printer else 0)
        self.addPermanentWidget(self.print_queue_button)
        self.addPermanentWidget(self.who)

    def show_state(self, state: dict[str, Any]) -> None:
        online = state.get("online")
        self.online.setText(self.tr("Online") if online else self.tr("Offline") if online is False
                            else self.tr("OMS not set up"))
        self.online.setProperty("state", "ok" if online else "warn")
        self.online_icon.setPixmap(icon("online" if online else "offline").pixmap(ICON_PX, ICON_PX))
        waiting = self.tr("{0} waiting to sync").replace("{0}", str(state.get("outbox_pending", 0)))
        progress = state.get("sync_progress") or {}
        if progress.get("stream") == "upload" and progress.get("total"):
            waiting = self.tr("Sending {0} of {1}…").replace("{0}", str(progress.get("done", 0))).replace(
                "{1}", str(progress["total"]))
        refused, held = state.get("sync_exceptions") or 0, state.get("sync_held") or 0
        if refused:
            waiting += " · " + self.tr("{0} refused by the OMS: a manager must resolve them").replace(
                "{0}", str(refused))
            self.outbox.setToolTip(
                self.tr("posreturns sync exceptions, then posreturns sync resolve SEQ --retry or --dismiss"))
        if held:
            waiting += " · " + self.tr("{0} held behind them").replace("{0}", str(held))
        self.outbox.setText(waiting)
        self.outbox.setProperty("state", "warn" if refused else "")
        self.outbox.style().unpolish(self.outbox)
        self.outbox.style().polish(self.outbox)
        age = state.get("cache_age_minutes")
        self.cache.setText(self.tr("Cache: {0} min old").replace("{0}", str(age)) if age is not None
                           else self.tr("Cache: never synced"))
        printer = state.get("printer") or {}
        if not state.get("printer_configured", True):
            self.printer.setText(self.tr("No printer set up"))
        else:
            self.printer.setText(self.tr("Printer ready") if printer.get("ready") else
                                 self.tr("Printer: {0}").replace("{0}", printer.get("sentence", self.tr("unknown"))))
        self.printer.setProperty("state", "ok" if printer.get("ready") else "warn")
        self.printer.setToolTip(self.printer.text())
        self.printer_icon.setPixmap(icon("printer" if printer.get("ready") else "warning").pixmap(ICON_PX, ICON_PX))
        to_print = int(state.get("print_waiting") or 0)
        self.print_queue_button.setText(self.tr("{0} to print").replace("{0}", str(to_print)))
        self.print_queue_button.setToolTip(self.tr("Receipts waiting for the printer: open the print queue"))
        self.print_queue_button.setVisible(to_print > 0)
        self.scanner.setText(state.get("scanner", self.tr("Keyboard scanner")))
        self.who.setText(" · ".join(str(state.get(key, "")) for key in ("cashier", "store_id", "till_id")))
        for label in (self.online, self.printer):
            label.style().unpolish(label)
            label.style().polish(label)
