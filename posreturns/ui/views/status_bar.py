"""The status bar: online/offline, events waiting to sync, cache age, printer, scanner, cashier/store/till."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from posreturns.ui.views.widgets import ElidedLabel, icon

ICON_PX = 18


class TillStatusBar(QStatusBar):
    def __init__(self) -> None:
        super().__init__()
        self.setSizeGripEnabled(False)
        self.online = QLabel(objectName="online")
        # the longer sentences are shortened with "…" (whole in their tooltips) on a narrow screen
        self.outbox = ElidedLabel("outbox")
        self.cache = ElidedLabel()
        self.printer = ElidedLabel("printer", keep=240)
        self.scanner = ElidedLabel()
        self.who = ElidedLabel(keep=120)
        self.print_queue_button = QPushButton(objectName="printQueue")  # opens the print queue
        self.print_queue_button.setFlat(True)
        self.print_queue_button.hide()
        self.online_icon, self.printer_icon = QLabel(objectName="statusIcon"), QLabel(objectName="statusIcon")
        for label in (self.online_icon, self.online, self.outbox, self.cache, self.printer_icon, self.printer,
                      self.scanner):
            self.addWidget(label)
        self.addWidget(QWidget(), 1)  # the spare room: each sentence is whole when the screen is wide enough
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
        if held:
            waiting += " · " + self.tr("{0} held behind them").replace("{0}", str(held))
        self.outbox.setText(waiting)
        if refused:  # after the text: what to type is more use than the sentence again
            self.outbox.setToolTip(
                self.tr("posreturns sync exceptions, then posreturns sync resolve SEQ --retry or --dismiss"))
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
        self.printer_icon.setPixmap(icon("printer" if printer.get("ready") else "warning").pixmap(ICON_PX, ICON_PX))
        to_print = int(state.get("print_waiting") or 0)
        self.print_queue_button.setText(self.tr("{0} to print").replace("{0}", str(to_print)))
        self.print_queue_button.setToolTip(self.tr("Receipts waiting for the printer: open the print queue"))
        self.print_queue_button.setVisible(to_print > 0)
        self.scanner.setText(state.get("scanner", self.tr("Keyboard scanner")))
        self.scanner.setVisible("scanner" in state)  # a serial scanner's state; the keyboard one has none to tell
        self.who.setText(" · ".join(str(state.get(key, "")) for key in ("cashier", "store_id", "till_id")))
        for label in (self.online, self.printer):
            label.style().unpolish(label)
            label.style().polish(label)
