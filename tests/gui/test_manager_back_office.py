"""The end-of-day tabs of the manager's workspace through the real window, on the report fixture
(helpers/report.py) at 19:00: the report with its charts, a figure opened to its returns, CSV and PDF
exported and read back; card refunds confirmed or marked failed and a refused event written off,
each audited; the day refused while items are open, then closed with its Z summary printed."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pypdf
import pytest
from helpers.report import report_shop, strict_policy
from helpers.returns import NOW, line, open_shop, request, rows
from posdrivers.virtual.printer import VirtualPrinter
from PySide6.QtCore import Qt

from posreturns.app import Till, open_pending_approvals
from posreturns.app_ui import ui_services
from posreturns.domain.users import Principal, Role
from posreturns.paths import DATABASE_FILE
from posreturns.services.errors import PermissionDenied
from posreturns.ui.manager.queues_tab import QueuesTab
from posreturns.ui.manager.workspace import ManagerWorkspace
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.tasks import InlineTaskRunner
from posreturns.ui.views.main_window import MainWindow
from posreturns.ui.window import build_window

EVENING = NOW + timedelta(hours=9)


@pytest.fixture
def till(tmp_path: Path) -> Iterator[Till]:
    report_shop(tmp_path / "shop").close()
    opened = open_shop(tmp_path / "shop", now=EVENING, setup=False)
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot, till: Till, printer: VirtualPrinter) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    session = Session(principal=Principal("mgr1", "Marie Manager", Role.MANAGER), till_id=lambda: "T1",
                      offline=lambda: False, store_id=lambda: "PARIS-01")
    built = build_window(ui_services(till, "en", printer.url, signs_in=False), session, InlineTaskRunner(),
                         poll_status=False)
    qtbot.addWidget(built)
    built.show()
    built.show_manager()
    yield built


def workspace_of(window: MainWindow) -> ManagerWorkspace:
    workspace: ManagerWorkspace = window.manager_workspace
    return workspace


def test_the_report_shows_its_figures_and_charts_and_opens_a_figure_to_its_returns(qtbot, window: MainWindow,
                                                                                  tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    workspace = workspace_of(window)
    reports = workspace.reports
    saved: list[str] = []

    def choose(suggested: str, _pattern: str) -> str:  # the save dialog, answered
        saved.append(suggested)
        return str(tmp_path / suggested)

    reports.choose_file = choose
    workspace.show_tab(reports)
    qtbot.mouseClick(reports.today_button, Qt.MouseButton.LeftButton)
    summary = {reports.summary.item(r, 0).text(): reports.summary.item(r, 1).text()
               for r in range(reports.summary.rowCount())}
    assert summary["Returns"] == "6 · 8 unit(s)" and summary["Refunded"] == "€859.82"
    assert summary["Kept as exchange or store credit"] == "2 (33.3 %)"
    assert summary["Estimated cost of returns"] == "€11.00"
    assert reports.charts is not None and len(reports.charts.ci.items) == 4  # reasons, trend, dispositions, methods
    reports.dimension.setCurrentIndex(reports.dimension.findData("cashier"))
    assert [reports.figures.item(r, 0).text() for r in range(reports.figures.rowCount())] == ["alice", "bob"]
    reports.figures.cellClicked.emit(1, 0)
    assert reports.behind.rowCount() == 1 and reports.behind.item(0, 0).text() == "RPARIS01-T1-000004"
    assert "1 return(s) behind" in reports.behind_title.text()
    reports.summary.cellClicked.emit(2, 0)  # without receipt
    assert reports.behind.rowCount() == 1 and reports.behind.item(0, 0).text() == "RPARIS01-T1-000005"
    assert summary["Sales kept instead of refunded"] == "€118.90 (13.8 %)"  # store credit 89.00 + 29.90
    assert summary["Delivered exchanges"] == "0 · €0.00" and summary["Delivered, still provisional"] == "0"
    reports.summary.cellClicked.emit(5, 0)  # sales kept
    assert [reports.behind.item(r, 0).text() for r in range(reports.behind.rowCount())] == [
        "RPARIS01-T1-000003", "RPARIS01-T1-000005"]
    reports.dimension.setCurrentIndex(reports.dimension.findData("kept"))
    assert (reports.figures.item(1, 0).text(), reports.figures.item(1, 1).text()) == ("Store credit", "2")
    qtbot.mouseClick(reports.csv_button, Qt.MouseButton.LeftButton)
    exported = list(csv.reader(io.StringIO((tmp_path / saved[0]).read_text(encoding="utf-8-sig"))))
    assert ["total", "all", "6", "8", "859.82", "EUR", ""] in exported
    qtbot.mouseClick(reports.pdf_button, Qt.MouseButton.LeftButton)
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(tmp_path / saved[1]).pages)
    assert "Returns report" in text and "€859.82" in text and "Wrong size" in text
    assert workspace.message.text().startswith("Exported to")



def test_serial_returners_show_the_policys_window_and_limit_and_open_to_a_customers_returns(
        qtbot, window: MainWindow, till: Till) -> None:  # type: ignore[no-untyped-def]
    workspace = workspace_of(window)
    queues = workspace.queues
    panel = queues.serial
    assert panel is not None
    workspace.show_tab(queues)
    open_queue(qtbot, queues, 4)
    assert queues.queues.tabText(4) == "Serial returners"  # the shipped policy: from the 4th return; nobody yet
    assert (panel.start.date().toPython().isoformat(), panel.end.date().toPython().isoformat()) == (
        "2026-10-28", "2026-11-26")
    till.policies.install(strict_policy(), "strict.toml")  # from the 3rd return, or over 500.00 (figures by hand:
                                                            # tests/integration/test_serial_returners.py)
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    shown = [[panel.customers.item(r, c).text() for c in range(5)] for r in range(panel.customers.rowCount())]
    assert shown == [["Camille Martin", "•• 78", "c…n@example.fr", "3", "€178.70"],
                     ["Lucas Bernard", "•• 44", "l…d@example.fr", "2", "€558.10"],
                     ["Théo Moreau", "•• 04", "t…u@example.fr", "1", "€139.00"],
                     ["Inès Lefèvre", "•• 22", "i…e@example.fr", "1", "€79.90"],
                     ["Hélène Dupré", "•• 32", "h…e@example.fr", "1", "€13.92"]]
    highlighted = [panel.customers.item(r, 0).background().color().name() == "#fde2b8" for r in range(5)]
    assert highlighted == [True, True, False, False, False]
    assert panel.limit.text() == ("The policy asks a manager from a customer's return number 3 within 30 days, or "
                                 "over €500.00 refunded. Highlighted: the customers at that limit (2).")
    assert queues.queues.tabText(4) == "Serial returners (2)"
    assert workspace.tabs.tabText(workspace.tab_index(queues)) == "Open queues (5)"  # nothing more to clear
    panel.customers.selectRow(0)
    assert [panel.returns.item(r, 0).text() for r in range(panel.returns.rowCount())] == [
        "RET-OMS-0001", "RPARIS01-T1-000002", "RPARIS01-T1-000003"]
    assert panel.returns_title.text() == "3 return(s) of Camille Martin"
    panel.returns.selectRow(2)
    assert panel.items.text() == "RPARIS01-T1-000003: JEAN-SLIM-40 × 1, Defective, To inspect, €89.00"


def open_queue(qtbot, queues: QueuesTab, index: int) -> None:  # type: ignore[no-untyped-def]
    """Click the queue's tab, as the manager does."""
    bar = queues.queues.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert queues.queues.currentIndex() == index

def test_card_refunds_are_confirmed_or_marked_failed_and_a_refused_event_written_off(qtbot, window: MainWindow,
                                                                                      till: Till) -> None:  # type: ignore[no-untyped-def]
    workspace = workspace_of(window)
    queues = workspace.queues
    workspace.show_tab(queues)
    assert queues.cards.rowCount() == 5 and workspace.tabs.tabText(workspace.tab_index(queues)) == "Open queues (5)"
    # one queue at a time, each with its count; the first with something waiting is in front
    assert [queues.queues.tabText(i) for i in range(4)] == ["Approvals (0)", "Unconfirmed card refunds (5)",
                                                            "Failed card refunds (0)", "Refused by the OMS (0)"]
    assert queues.queues.currentWidget().isAncestorOf(queues.cards) and queues.cards.isVisible()
    queues.cards.selectRow(0)
    qtbot.mouseClick(queues.confirm_button, Qt.MouseButton.LeftButton)
    assert "Give the terminal's reference" in workspace.message.text() and queues.cards.rowCount() == 5
    queues.cards.selectRow(0)
    qtbot.keyClicks(queues.card_detail, "TERM-4711")
    qtbot.mouseClick(queues.confirm_button, Qt.MouseButton.LeftButton)
    queues.cards.selectRow(0)
    qtbot.keyClicks(queues.card_detail, "card declined")
    qtbot.mouseClick(queues.failed_button, Qt.MouseButton.LeftButton)
    assert queues.cards.rowCount() == 3
    answers = rows(till.data_dir / DATABASE_FILE, "SELECT action, actor, subject, detail_json FROM audit_log "
                                                  "WHERE action LIKE 'host.refund_%' ORDER BY id")
    assert [(a["action"], a["actor"], a["subject"]) for a in answers] == [
        ("host.refund_confirmed", "mgr1", "RPARIS01-T1-000001"), ("host.refund_failed", "mgr1", "RPARIS01-T1-000002")]
    assert json.loads(answers[0]["detail_json"])["reference"] == "TERM-4711"
    with till.engine.begin() as connection:  # the OMS refused the first return's upload
        connection.exec_driver_sql("UPDATE outbox SET status = 'rejected', last_error = 'line already returned' "
                                   "WHERE seq = (SELECT min(seq) FROM outbox WHERE event_type = 'ReturnCompleted')")
    qtbot.mouseClick(workspace.refresh_button, Qt.MouseButton.LeftButton)
    assert queues.sync.rowCount() == 1 and queues.sync.item(0, 3).text() == "line already returned"
    assert queues.queues.tabText(3) == "Refused by the OMS (1)" and not queues.sync.isVisible()
    open_queue(qtbot, queues, 3)
    queues.sync.selectRow(0)
    qtbot.mouseClick(queues.write_off_button, Qt.MouseButton.LeftButton)
    assert "Give note" in workspace.message.text() and queues.sync.rowCount() == 1
    queues.sync.selectRow(0)
    qtbot.keyClicks(queues.sync_note, "customer kept the refund; loss accepted")
    qtbot.mouseClick(queues.write_off_button, Qt.MouseButton.LeftButton)
    assert queues.sync.rowCount() == 0
    (audit,) = rows(till.data_dir / DATABASE_FILE,
                    "SELECT actor FROM audit_log WHERE action = 'sync.exception.dismiss'")
    assert audit["actor"] == "mgr1"


def test_failed_card_refunds_are_paid_as_store_credit_with_its_voucher_printed_or_in_cash_with_the_drawer(
        qtbot, window: MainWindow, till: Till, printer: VirtualPrinter) -> None:  # type: ignore[no-untyped-def]
    workspace = workspace_of(window)
    queues = workspace.queues
    workspace.show_tab(queues)
    for number in ("RPARIS01-T1-000002", "RPARIS01-T1-000007"):  # a card-only sale; a sale partly paid in cash
        till.host_answers.record(number, False, "card declined", Principal.vouched("alice", by="tests"))
    qtbot.mouseClick(workspace.refresh_button, Qt.MouseButton.LeftButton)
    assert queues.failed.rowCount() == 2 and queues.cards.rowCount() == 3
    assert workspace.tabs.tabText(workspace.tab_index(queues)) == "Open queues (5)"
    assert [queues.failed.item(0, c).text() for c in (0, 2, 3, 4)] == ["RPARIS01-T1-000002", "€59.80", "card declined",
                                                                       "no"]
    assert queues.failed.item(1, 4).text() == "yes"
    open_queue(qtbot, queues, 2)
    qtbot.mouseClick(queues.cash_button, Qt.MouseButton.LeftButton)
    assert workspace.message.text() == "Select a failed card refund first."
    queues.failed.selectRow(0)
    qtbot.mouseClick(queues.cash_button, Qt.MouseButton.LeftButton)
    assert "only when it was partly paid in cash" in workspace.message.text() and queues.failed.rowCount() == 2
    assert not printer.drawer_open
    queues.failed.selectRow(0)
    qtbot.mouseClick(queues.credit_button, Qt.MouseButton.LeftButton)
    assert queues.failed.rowCount() == 1
    (voucher,) = rows(till.data_dir / DATABASE_FILE, "SELECT code, amount_minor FROM vouchers v JOIN returns r "
                                                     "ON r.id = v.return_id WHERE r.number = 'RPARIS01-T1-000002'")
    paper = printer.wait_for_job(1).text
    assert voucher["amount_minor"] == 5980 and voucher["code"] in paper and "59,80" in paper
    queues.failed.selectRow(0)
    qtbot.mouseClick(queues.cash_button, Qt.MouseButton.LeftButton)
    assert queues.failed.rowCount() == 0 and workspace.message.text() == "Paid in cash; the drawer opens."
    opened = lambda: [tuple(o) for o in rows(till.data_dir / DATABASE_FILE,  # noqa: E731
                                             "SELECT actor, subject FROM audit_log WHERE action = 'drawer.opened'")]
    qtbot.waitUntil(lambda: bool(opened()))  # on the printer thread
    assert printer.drawer_open and opened() == [("mgr1", "RPARIS01-T1-000007/paid-otherwise")]


def test_a_refused_store_credit_return_shows_its_customer_and_its_voucher_is_voided(
        qtbot, window: MainWindow, till: Till) -> None:  # type: ignore[no-untyped-def]
    workspace = workspace_of(window)
    queues = workspace.queues
    workspace.show_tab(queues)
    with till.engine.begin() as connection:  # the OMS refused return 2's upload (97.90 store credit, CUS-001)
        connection.exec_driver_sql("UPDATE outbox SET status = 'rejected', last_error = 'line already returned' "
                                   "WHERE event_type = 'ReturnCompleted' AND "
                                   "json_extract(payload_json, '$.data.return_number') = 'RPARIS01-T1-000003'")
    qtbot.mouseClick(workspace.refresh_button, Qt.MouseButton.LeftButton)
    assert queues.sync.rowCount() == 1 and queues.contact.text() == ""
    open_queue(qtbot, queues, 3)
    queues.sync.selectRow(0)
    qtbot.mouseClick(queues.contact_button, Qt.MouseButton.LeftButton)
    assert queues.contact.text() == "Camille Martin · camille.martin@example.fr · +33 6 12 34 56 78"
    qtbot.mouseClick(queues.void_button, Qt.MouseButton.LeftButton)
    assert "Give why the voucher is voided" in workspace.message.text() and queues.sync.rowCount() == 1
    queues.sync.selectRow(0)
    qtbot.keyClicks(queues.sync_note, "refunded twice; voucher taken back")
    qtbot.mouseClick(queues.void_button, Qt.MouseButton.LeftButton)
    assert queues.sync.rowCount() == 0 and workspace.message.text() == "The voucher is void and the event closed."
    assert queues.contact.text() == ""
    (voucher,) = rows(till.data_dir / DATABASE_FILE, "SELECT voided_by, void_reason FROM vouchers WHERE voided_at "
                                                     "IS NOT NULL")
    assert tuple(voucher) == ("mgr1", "refunded twice; voucher taken back")


def test_a_second_hand_label_the_oms_gives_to_another_product_gets_a_new_code(
        qtbot, window: MainWindow, till: Till) -> None:  # type: ignore[no-untyped-def]
    workspace = workspace_of(window)
    queues = workspace.queues
    workspace.show_tab(queues)
    with till.engine.begin() as connection:  # the OMS refused the second-hand item of return 3's unit
        connection.exec_driver_sql("UPDATE outbox SET status = 'rejected', last_error = 'The label code … is "
                                   "already the barcode of SH-X in Medusa' WHERE event_type = 'HeldUnitMoved'")
        connection.exec_driver_sql("UPDATE outbox SET status = 'rejected', last_error = 'line already returned' "
                                   "WHERE seq = (SELECT min(seq) FROM outbox WHERE event_type = 'ReturnCompleted')")
        old = connection.exec_driver_sql("SELECT ean13 FROM resale_items").scalar_one()
    qtbot.mouseClick(workspace.refresh_button, Qt.MouseButton.LeftButton)
    open_queue(qtbot, queues, 3)
    returned = next(r for r in range(queues.sync.rowCount()) if "ReturnCompleted" in queues.sync.item(r, 0).text())
    queues.sync.selectRow(returned)
    qtbot.mouseClick(queues.relabel_button, Qt.MouseButton.LeftButton)
    assert "only those get a new label" in workspace.message.text() and queues.sync.rowCount() == 2
    queues.sync.selectRow(1 - returned)
    qtbot.mouseClick(queues.relabel_button, Qt.MouseButton.LeftButton)
    assert workspace.message.text().startswith("The unit has a new code: print its label")
    assert queues.sync.rowCount() == 1
    (item,) = rows(till.data_dir / DATABASE_FILE, "SELECT ean13, sku FROM resale_items")
    (sent,) = rows(till.data_dir / DATABASE_FILE, "SELECT payload_json FROM outbox WHERE event_type = "
                                                  "'ResaleRelabelled'")
    assert item["ean13"] != old and json.loads(sent["payload_json"])["data"]["resale"]["ean13"] == item["ean13"]


def test_a_manager_approves_one_parked_return_and_refuses_another_with_a_reason(
        qtbot, window: MainWindow, till: Till) -> None:  # type: ignore[no-untyped-def]
    approvals = open_pending_approvals(till)
    for key in ("parked-1", "parked-2"):
        approvals.park(Principal.vouched("alice", by="tests"),
                       request("PA01-000104", line("ENC-PORT"), key=key), "refund above 500.00 EUR")
    workspace = workspace_of(window)
    queues = workspace.queues
    workspace.show_tab(queues)
    qtbot.mouseClick(workspace.refresh_button, Qt.MouseButton.LeftButton)
    assert queues.approvals.rowCount() == 2
    open_queue(qtbot, queues, 0)
    assert [queues.approvals.item(0, c).text() for c in (0, 2, 3)] == ["PA01-000104", "alice",
                                                                        "refund above 500.00 EUR"]
    queues.approvals.selectRow(0)
    qtbot.mouseClick(queues.approve_button, Qt.MouseButton.LeftButton)
    assert workspace.message.text() == "Approved; the cashier can complete the return."
    queues.approvals.selectRow(0)
    qtbot.mouseClick(queues.refuse_button, Qt.MouseButton.LeftButton)
    assert "Give the reason for refusing" in workspace.message.text() and queues.approvals.rowCount() == 1
    queues.approvals.selectRow(0)
    qtbot.keyClicks(queues.approval_note, "customer left; ask again tomorrow")
    qtbot.mouseClick(queues.refuse_button, Qt.MouseButton.LeftButton)
    assert queues.approvals.rowCount() == 0
    assert [(a.status, a.decided_by, a.decision_note) for a in approvals.for_till()] == [
        ("approved", "mgr1", None), ("refused", "mgr1", "customer left; ask again tomorrow")]


def test_the_day_is_refused_with_items_open_then_closed_with_a_reason_and_its_z_printed(
        qtbot, window: MainWindow, till: Till, printer: VirtualPrinter) -> None:  # type: ignore[no-untyped-def]
    workspace = workspace_of(window)
    day = workspace.day
    workspace.show_tab(day)
    assert day.heading.text() == "Till T1, 11/26/2026: 6 return(s), €859.82 refunded"
    assert "5 unconfirmed card refund(s)" in day.open_items.text() and day.expected.text() == "€0.00"
    qtbot.mouseClick(day.close_button, Qt.MouseButton.LeftButton)
    assert workspace.message.text().startswith("Enter the cash counted first")
    qtbot.keyClicks(day.counted, "0")
    qtbot.mouseClick(day.close_button, Qt.MouseButton.LeftButton)
    assert "cannot close" in workspace.message.text() and day.closes.rowCount() == 0
    qtbot.keyClicks(day.counted, "0,00")
    qtbot.keyClicks(day.reason, "terminal down since 17:00")
    qtbot.mouseClick(day.close_button, Qt.MouseButton.LeftButton)
    assert day.closes.rowCount() == 1 and day.closes.item(0, 0).text() == "1"
    assert day.heading.text() == "Till T1, 11/26/2026: 0 return(s), €0.00 refunded · correction of a closed day"
    paper = printer.wait_for_job(1).text  # in the store's language (the till's language setting: French)
    assert "CLÔTURE DE JOURNÉE" in paper and "Z 1" in paper and "Motif: terminal down since 17:00" in paper
    (close,) = rows(till.data_dir / DATABASE_FILE, "SELECT closed_by, override_reason FROM till_days")
    assert tuple(close) == ("mgr1", "terminal down since 17:00")


def test_a_manager_reads_the_users_and_searches_the_audit_but_only_an_administrator_disables(
        qtbot, till: Till, printer: VirtualPrinter, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    till.users.seed("root", "Alex Admin", "admin", "135790")
    for role, who in ((Role.MANAGER, "mgr1"), (Role.ADMIN, "root")):
        session = Session(principal=Principal(who, who, role), till_id=lambda: "T1", offline=lambda: False,
                          store_id=lambda: "PARIS-01")
        built = build_window(ui_services(till, "en", printer.url, signs_in=False), session, InlineTaskRunner(),
                             poll_status=False)
        qtbot.addWidget(built)
        built.show()
        built.show_manager()
        people = workspace_of(built).people
        ids = [people.users.item(r, 0).text() for r in range(people.users.rowCount())]
        assert ids == ["mgr1", "root"] and people.add_button.isEnabled() == (role is Role.ADMIN)
        assert (not people.admin_note.isHidden()) == (role is Role.MANAGER)
    people.users.selectRow(0)
    qtbot.mouseClick(people.disable_button, Qt.MouseButton.LeftButton)
    assert people.users.item(0, 3).text() == "disabled"
    qtbot.keyClicks(people.who, "root")
    qtbot.mouseClick(people.search_button, Qt.MouseButton.LeftButton)
    assert people.audit.item(0, 2).text() == "user.disabled" and people.audit.item(0, 3).text() == "mgr1"
    people.choose_file = lambda name, _pattern: str(tmp_path / name)
    qtbot.mouseClick(people.export_button, Qt.MouseButton.LeftButton)
    exported = list(csv.reader(io.StringIO((tmp_path / "audit.csv").read_text(encoding="utf-8-sig"))))
    assert exported[0] == ["id", "at", "actor", "action", "subject", "detail"] and exported[1][3] == "user.disabled"
    assert all(row[2] == "root" for row in exported[1:])


def test_the_policy_in_force_and_the_settings_are_shown_read_only_with_who_may_change_them(
        qtbot, window: MainWindow, till: Till, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    workspace = workspace_of(window)
    policy = workspace.policy
    workspace.show_tab(policy)
    till.settings.set("scanner.mode", "serial")
    qtbot.mouseClick(workspace.refresh_button, Qt.MouseButton.LeftButton)
    assert workspace.tabs.tabText(workspace.tab_index(policy)) == "Policy and settings"
    described = till.policies.describe()
    assert policy.heading.text().startswith(f"Return policy in force: version {described['version']} (loaded ")
    assert described["sha256"][:12] in policy.heading.text()
    assert policy.text.toPlainText() == described["text"] and policy.text.isReadOnly()
    shown = {policy.settings.item(r, 0).text(): (policy.settings.item(r, 1).text(), policy.settings.item(r, 2).text())
             for r in range(policy.settings.rowCount())}
    assert shown["store.id"] == ("PARIS-01", "an administrator")
    assert shown["scanner.mode"] == ("serial", "a manager")
    assert till.settings.get("returns.seq.T1") and "returns.seq.T1" not in shown  # kept by posreturns: not shown
    asked: list[object] = []
    monkeypatch.setattr(window.dialogs, "ask_approval", lambda question: asked.append(question))
    qtbot.mouseClick(policy.change_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1  # the settings screen asks for a manager's or an administrator's PIN first
    # a manager: the policy read only; of the settings here, only the language (a device setting) is theirs
    assert not policy.load_button.isEnabled() and "read-only" in policy.load_note.text()
    assert (policy.idle.isEnabled(), policy.age.isEnabled(), policy.language.isEnabled()) == (False, False, True)
    assert policy.presenter.loading is not None
    with pytest.raises(PermissionDenied):  # the service checks the role, whatever the window shows
        policy.presenter.loading.preview(Principal("mgr1", "Marie Manager", Role.MANAGER), described["text"], "x")


def test_an_administrator_loads_a_policy_after_seeing_what_it_changes_and_edits_the_settings(
        qtbot, till: Till, printer: VirtualPrinter, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = Session(principal=Principal("root", "Alex Admin", Role.ADMIN), till_id=lambda: "T1",
                      offline=lambda: False, store_id=lambda: "PARIS-01")
    built = build_window(ui_services(till, "en", printer.url, signs_in=False), session, InlineTaskRunner(),
                         poll_status=False)
    qtbot.addWidget(built)
    built.show()
    built.show_manager()
    workspace = workspace_of(built)
    policy = workspace.policy
    workspace.show_tab(policy)
    before = till.policies.describe()["version"]
    assert policy.load_button.isEnabled() and policy.idle.isEnabled() and policy.age.isEnabled()
    broken = tmp_path / "broken.toml"
    broken.write_text(strict_policy().replace("max_returns = 3", 'max_returns = "three"'), encoding="utf-8")
    policy.choose_file = lambda: str(broken)
    qtbot.mouseClick(policy.load_button, Qt.MouseButton.LeftButton)
    said = workspace.message.text()
    assert "serial_returners.max_returns" in said and "The active policy was not changed." in said
    assert said.count(". ") <= 1 and policy.preview_box.isHidden() and till.policies.describe()["version"] == before
    strict = tmp_path / "strict.toml"
    strict.write_text(strict_policy(), encoding="utf-8")
    policy.choose_file = lambda: str(strict)
    qtbot.mouseClick(policy.load_button, Qt.MouseButton.LeftButton)
    assert not policy.preview_box.isHidden() and not policy.load_button.isEnabled()
    assert policy.preview_title.text() == (f"strict.toml: version {before} → strict-2026-11. It changes 4 rule(s) "
                                           "or limit(s):")
    # in force: the fixture's policy with the exchange-first bonus on; the file: the shipped one, stricter
    assert [[policy.changes.item(r, c).text() for c in range(3)] for r in range(policy.changes.rowCount())] == [
        ["version", before, "strict-2026-11"], ["serial_returners.max_returns", "4", "3"],
        ["serial_returners.max_amount", "—", "500.00"], ["incentive.enabled", "true", "false"]]
    assert till.policies.describe()["version"] == before  # nothing loaded before the confirmation
    qtbot.mouseClick(policy.confirm_button, Qt.MouseButton.LeftButton)
    assert till.policies.describe()["version"] == "strict-2026-11" and policy.preview_box.isHidden()
    assert workspace.message.text() == "Policy strict-2026-11 is now in force."
    assert "version strict-2026-11" in policy.heading.text()
    (loaded,) = rows(till.data_dir / DATABASE_FILE, "SELECT actor, subject, at FROM audit_log WHERE action = "
                                                    "'policy.loaded' AND subject = 'strict-2026-11'")
    assert loaded[0] == "root" and loaded[2]
    policy.idle.setValue(12)
    policy.language.setCurrentIndex(policy.language.findData("fr"))
    qtbot.mouseClick(policy.save_button, Qt.MouseButton.LeftButton)
    assert till.settings.get("manager.idle_minutes") == "12" and till.settings.get("language") == "fr"
    assert workspace.idle.interval() == 12 * 60_000  # at once
    (changed,) = rows(till.data_dir / DATABASE_FILE, "SELECT actor, detail_json FROM audit_log WHERE action = "
                                                     "'settings.changed'")
    assert changed[0] == "root" and set(json.loads(changed[1])["changes"]) == {"manager.idle_minutes", "language"}
    qtbot.mouseClick(policy.save_button, Qt.MouseButton.LeftButton)
    assert workspace.message.text() == "Nothing to save: the settings are unchanged."


def test_the_report_period_follows_a_live_language_change(window: MainWindow) -> None:
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QApplication

    from posreturns.ui.live_language import LanguageSwitch

    reports = workspace_of(window).reports
    reports.start.setDate(QDate(2026, 11, 3))
    assert reports.start.text() == "11/03/2026"
    window.language_switch = switch = LanguageSwitch(QApplication.instance(), "en", [])
    try:
        window.apply_language("fr")
        assert reports.start.text() == "03/11/2026" and reports.start.date() == QDate(2026, 11, 3)
    finally:
        switch.switch("en")
        switch.remove()
    assert reports.start.text() == "11/03/2026"
