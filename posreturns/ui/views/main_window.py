"""The till window: sign-in → home → return → done, the status bar, scanners routed to the screen on
show; a banner on a training till and when the start-up check finds records that do not add up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from posreturns.domain.decision import DecisionStatus
from posreturns.domain.messages import Localized
from posreturns.domain.orders import Order
from posreturns.domain.users import Principal
from posreturns.services.returns.results import CompletedReturn
from posreturns.ui.dialog_scans import dialog_in_front, give_to_dialog, tell_in_dialog
from posreturns.ui.dialogs import DialogService
from posreturns.ui.i18n import Formats
from posreturns.ui.live_language import LanguageSwitch
from posreturns.ui.messages import cashier_text
from posreturns.ui.presenters.lookup import LookupPresenter
from posreturns.ui.presenters.return_flow import ReturnFlowPresenter, Session
from posreturns.ui.presenters.scan_routing import (
    AddItem,
    FindReceipt,
    Notice,
    ScannedCode,
    ScanRouter,
    Screen,
    ToDialog,
)
from posreturns.ui.presenters.sign_in import SignInPresenter
from posreturns.ui.presenters.status import StatusPresenter
from posreturns.ui.views.done_page import DonePage
from posreturns.ui.views.fitting import ShortScreenScroll
from posreturns.ui.views.home import HomePage
from posreturns.ui.views.return_page import ReturnPage
from posreturns.ui.views.sign_in import SignInPage
from posreturns.ui.views.status_bar import TillStatusBar

HOME, RETURN, DONE, SIGN_IN = (int(screen) for screen in Screen)


class MainWindow(QMainWindow):
    def __init__(self, lookup: LookupPresenter, flow: ReturnFlowPresenter, status: StatusPresenter | None,
                 dialogs: DialogService, formats: Formats, language: str, recent: Any = None,
                 interpret: Callable[[str], ScannedCode] | None = None,
                 receipt_image: Callable[[], str | None] = lambda: None,
                 sign_in: SignInPresenter | None = None, sign_in_hint: str = "", training: bool = False) -> None:
        super().__init__()
        self.scans = ScanRouter(interpret)
        self.lookup, self.flow, self.status, self.dialogs = lookup, flow, status, dialogs
        self.formats, self.language, self.recent = formats, language, recent
        # set by ui/parked_hookup.py when the till can park returns for a manager
        self.park_for_manager: Callable[[str], None] | None = None
        self.parked_button: QPushButton | None = None
        self.parked_dialog: QWidget | None = None
        # set by ui/manager/hookup.py when the till has a manager's workspace
        self._manager_workspace: QWidget | None = None
        self.build_manager_workspace: Callable[[], QWidget] | None = None  # builds it the first time it is needed
        self.manager_button: QPushButton | None = None
        self.alerts_count: QLabel | None = None
        self.show_manager: Callable[[], None] | None = None
        self.session: Session | None = None
        self.language_switch: LanguageSwitch | None = None  # set by ui/launch.py: the language changes live
        self.restore_draft: Callable[[], None] = lambda: None
        self._workspaces: dict[QWidget, Callable[[str], None]] = {}  # other workspaces' pages -> their scan handler
        for presenter in (lookup, flow, status):
            if presenter is not None:
                # deleted with the window: their connections to our lambdas (which hold the window) live
                # in Qt, where the cycle collector cannot see them, so nothing else would ever free them
                presenter.setParent(self)
        self.setWindowTitle(self.tr("Returns") + (" — " + self.tr("TRAINING") if training else ""))
        screen = self.screen().availableGeometry()  # a 1024×768 or 1366×768 till: the whole window on it
        self.resize(min(1280, screen.width()), min(800, screen.height()))
        self.home = HomePage(formats)
        self.return_page = ReturnPage(flow, formats, language)
        self.done = DonePage(formats, receipt_image)
        self.sign_in = sign_in
        self.sign_in_page = SignInPage(sign_in, sign_in_hint) if sign_in is not None else None
        self.pages = QStackedWidget()
        for page in (self.home, self.return_page, self.done):
            self.pages.addWidget(page)
        if self.sign_in_page is not None:
            self.pages.addWidget(self.sign_in_page)
        else:
            self.home.sign_out_button.hide()
        self.training_banner = QLabel(self.tr("TRAINING / FORMATION — practice only: nothing here is a real refund."),
                                      objectName="trainingBanner", wordWrap=True)
        self.training_banner.setVisible(training)
        self.integrity_banner = QLabel(objectName="integrityBanner", wordWrap=True)
        self.integrity_banner.hide()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.training_banner)
        column.addWidget(self.integrity_banner)
        # a screen smaller than a page (1920×1080 at 200 %: 960×540 points) scrolls it; the banners
        # above and the status bar below stay in view
        self.page_scroll = ShortScreenScroll("pageScroll")
        self.page_scroll.setWidget(self.pages)
        column.addWidget(self.page_scroll, 1)
        self.setCentralWidget(central)
        self.status_bar = TillStatusBar()
        self.setStatusBar(self.status_bar)
        if status is not None:
            status.updated.connect(self.status_bar.show_state)
        self.print_queue: Callable[[], Any] | None = None  # builds the print queue dialog (when a printer is set)
        self.status_bar.print_queue_button.clicked.connect(self.open_print_queue)

        self.home.search.connect(lookup.submit)
        self.home.search_card.connect(lookup.submit_card)
        self.home.search_amount.connect(lookup.submit_amount)
        self.home.open_order.connect(lookup.open_order)
        self.home.receiptless.connect(self._receiptless)
        self.home.reprint.connect(self._reprint)
        lookup.results_found.connect(self.home.show_results)
        lookup.order_found.connect(self.open_order)
        lookup.message.connect(self._lookup_message)
        self.return_page.decision.confirm.connect(self.confirm)
        self.return_page.decision.cancel.connect(self.cancel)
        self.return_page.decision.lift_refusal.connect(self._lift_refusal)
        self.return_page.pick_replacement.connect(flow.load_replacements)
        flow.replacements_ready.connect(self._choose_replacement)
        flow.approval_needed.connect(self._ask_approval)
        flow.completed.connect(self._completed)
        flow.printed.connect(self.done.show_printed)
        flow.drawer.connect(self.done.show_drawer)
        flow.busy.connect(lambda busy: self.return_page.decision.confirm_button.setDisabled(busy))
        self.done.reprint.connect(flow.reprint)
        self.done.new_return.connect(self.go_home)
        self.home.sign_out.connect(self.sign_out)
        for key, action in ((Qt.Key.Key_Escape, self.back), (Qt.Key.Key_F12, self._confirm_key),
                            (Qt.Key.Key_F4, self._receiptless_key), (Qt.Key.Key_F2, self._focus_scan)):
            QShortcut(QKeySequence(key), self, action)
        if sign_in is not None:
            sign_in.signed_in.connect(self._signed_in)
        self.go_home()

    @property
    def manager_workspace(self) -> QWidget | None:
        """The manager's workspace (None: this till has none), built when first asked for."""
        if self._manager_workspace is None and self.build_manager_workspace is not None:
            self._manager_workspace = self.build_manager_workspace()
        return self._manager_workspace

    # --- who works here ---------------------------------------------------------------------------
    def start(self, session: Session) -> None:
        """Show the sign-in screen, or, when the host vouches for its cashier, the home screen."""
        self.session = session
        if session.actor() is None and self.sign_in_page is not None:
            self._show_sign_in()
        else:
            self._welcome()

    def sign_out(self) -> None:
        if self.session is not None and self.sign_in_page is not None:
            self.session.principal = None
            if self.status is not None:
                self.status.merge(cashier="")
            self._show_sign_in()

    def _show_sign_in(self) -> None:
        assert self.sign_in_page is not None  # only called with a sign-in screen
        self.sign_in_page.reset()
        self.pages.setCurrentIndex(SIGN_IN)

    def _signed_in(self, principal: Principal) -> None:
        if self.session is not None:
            self.session.principal = principal
        self._welcome()

    def _welcome(self) -> None:
        principal = self.session.actor() if self.session is not None else None
        if self.status is not None and principal is not None:
            self.status.merge(cashier=principal.name)
        self.go_home()
        self.restore_draft()

    def show_integrity(self, sentence: Localized | None) -> None:
        """The start-up check's one sentence for a manager (None: everything adds up)."""
        if sentence is not None:
            self.integrity_banner.setText(sentence.in_language(self.language))
            self.integrity_banner.show()

    def apply_language(self, language: str) -> None:
        """Every page, dialog and list in `language` at once; the return in progress stays as it is."""
        if self.language_switch is None or not self.language_switch.switch(language):
            return
        self.language = self.formats.language = self.return_page.language = language
        # what the screens composed (amounts, dates, the decision, the basket): drawn again
        if self.recent is not None:
            self.home.show_recent(self.recent())
        if self.pages.currentIndex() == RETURN:
            self.return_page.show_order(self.flow.order)
            self.return_page.redraw()
        if self.status is not None:
            self.status.refresh()

    # --- scanners -------------------------------------------------------------------------------
    def add_workspace(self, page: QWidget, on_scan: Callable[[str], None]) -> int:
        """Another workspace beside the cashier's screens (the manager's): scans go to it while it shows."""
        self._workspaces[page] = on_scan
        return self.pages.addWidget(page)

    def on_scan(self, raw: str) -> None:
        """A scan from the wedge or the serial scanner, for whatever screen is showing (see `ScanRouter`);
        a workspace showing (the manager's) takes its scans itself; a dialog in front takes it or refuses it."""
        dialog = dialog_in_front(self)
        if dialog is not None:
            self._scan_for_dialog(dialog, raw)
            return
        showing = self.pages.currentWidget()
        workspace = self._workspaces.get(showing) if showing is not None else None
        if workspace is not None:
            workspace(raw.strip())
            return
        route = self.scans.route(raw, Screen(self.pages.currentIndex()))
        if isinstance(route, AddItem):
            self.flow.scan_item(route.code, route.serial)
            return
        if route.leave_done:
            self.go_home()
        if isinstance(route, FindReceipt):
            self.home.scan_field.setText(route.code)
            self.lookup.submit_scan(route.code)
        elif route.error is not None:
            self._lookup_message(cashier_text(route.error))
        elif route.notice is Notice.SIGN_IN_FIRST:
            assert self.sign_in_page is not None  # the page is showing
            self.sign_in_page.message.setText(self.tr("Sign in first, then scan."))
        elif route.notice is Notice.ITEM_ON_HOME:
            self.home.message.setText(self.tr("That is an item's barcode: scan the receipt first, or choose "
                                              "'Return without receipt'."))

    def _scan_for_dialog(self, dialog: QWidget, raw: str) -> None:
        route = self.scans.route_to_dialog(raw)
        if isinstance(route, ToDialog):
            if not give_to_dialog(dialog, route):
                tell_in_dialog(dialog, self, self.tr("This window takes no scan: finish or close it, then scan "
                                                     "again."))
        elif route.error is not None:
            tell_in_dialog(dialog, self, cashier_text(route.error))

    def open_print_queue(self) -> None:
        if self.print_queue is not None:
            self.dialogs.show_dialog(self.print_queue())
            if self.status is not None:
                self.status.refresh()

    # --- navigation -----------------------------------------------------------------------------
    def go_home(self) -> None:
        self.home.reset()
        if self.recent is not None:
            self.home.show_recent(self.recent())
        self.pages.setCurrentIndex(HOME)

    def back(self) -> None:
        """Escape: the return screen cancels (asking first if items are in it), the done screen goes
        home, the home screen clears its search."""
        page = self.pages.currentIndex()
        if page == RETURN:
            self.cancel()
        elif page == DONE:
            self.go_home()
        elif page == HOME:
            self.home.reset()

    def _confirm_key(self) -> None:
        if self.pages.currentIndex() == RETURN and self.return_page.decision.confirm_button.isEnabled():
            self.confirm()

    def _receiptless_key(self) -> None:
        if self.pages.currentIndex() == HOME:
            self._receiptless()

    def _focus_scan(self) -> None:
        field = {HOME: self.home.scan_field, RETURN: self.return_page.item_field}.get(self.pages.currentIndex())
        if field is not None:
            field.setFocus()

    def open_order(self, order: Order) -> None:
        self.flow.start(order)
        self.return_page.show_order(order)
        self.return_page.refresh()
        self.pages.setCurrentIndex(RETURN)

    def resume_draft(self) -> None:
        self.return_page.show_order(self.flow.order)
        self.return_page.refresh()
        self.pages.setCurrentIndex(RETURN)
        self.return_page.message.setText(self.tr("The return in progress was restored."))

    def tell_unexpected_end(self) -> None:
        """The last session ended unexpectedly (a crash, a kill, a power cut): say so, once, at start."""
        if self.pages.currentIndex() == RETURN:
            self.return_page.message.setText(self.tr("The last session ended unexpectedly; the return in progress "
                                                     "was restored."))
        else:
            self.home.message.setText(self.tr("The last session ended unexpectedly; no return was in progress."))

    def _receiptless(self) -> None:
        self.flow.start_receiptless()
        self.return_page.show_order(None)
        self.return_page.refresh()
        self.pages.setCurrentIndex(RETURN)

    def show_message(self, text: str) -> None:
        """One sentence for the cashier on whatever screen is showing (e.g. an unreadable scan)."""
        self._lookup_message(text)

    def _lookup_message(self, text: str) -> None:
        if self.pages.currentIndex() == HOME:
            self.home.message.setText(text)
        else:
            self.return_page.message.setText(text)

    # --- the return -------------------------------------------------------------------------------
    def confirm(self) -> None:
        quoted = self.flow.quote
        if quoted is not None and quoted.quote.status is DecisionStatus.NEEDS_APPROVAL:
            why = quoted.reason(self.language)
            self._ask_approval(" ".join(filter(None, (self.tr("This return needs a manager's approval."), why))))
            return
        self.flow.complete()

    def _ask_approval(self, reason: str) -> None:
        answer = self.dialogs.ask_approval(reason)
        if answer is not None:
            self.flow.complete(approval=answer)
        elif self.park_for_manager is not None:  # no manager at hand: the return may wait for one
            self.park_for_manager(reason)

    def _lift_refusal(self, path: str) -> None:
        quoted = self.flow.quote
        why = quoted.reason(self.language) if quoted is not None else ""
        question = (self.tr("Goodwill store credit instead of the refusal: a manager signs for it.")
                    if path == "goodwill" else self.tr("Override the refusal: a manager signs for it."))
        answer = self.dialogs.ask_override(" ".join(filter(None, (question, why))))
        if answer is not None:
            manager, pin, reason = answer
            self.flow.complete(approval=(manager, pin), override=(path, reason))

    def cancel(self) -> None:
        if self.flow.basket.lines and not self.dialogs.confirm(
                self.tr("Cancel this return? Nothing will be recorded.")):
            return
        self.flow.abandon()
        self.go_home()

    def _completed(self, done: CompletedReturn) -> None:
        self.done.show_done(done, {item.sku: item.title for item in self.flow.basket.exchange},
                            printer=self.flow.printing is not None)
        self.pages.setCurrentIndex(DONE)
        self.done.setFocus()  # Enter starts the next return

    def _reprint(self, number: str) -> None:
        """A double-click on a recent return: a copy of its receipt, once the cashier says so."""
        if self.flow.printing is None:
            self.home.message.setText(self.tr("No printer is set up: the receipt cannot be printed."))
        elif self.dialogs.confirm(self.tr("Print a copy of the receipt of return {0}?").replace("{0}", number)):
            self.flow.reprint(number)

    def _choose_replacement(self, variants: list[dict[str, Any]]) -> None:
        chosen = self.dialogs.choose_replacement(variants, self.formats, self.flow.customer_details())
        if chosen is not None:
            self.flow.add_exchange(chosen["sku"], chosen["title"], chosen["price"], chosen.get("delivery"))
