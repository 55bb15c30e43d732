"""The return flow presenter on the demo store, without widgets: quotes, drafts, approval, refusal."""

from __future__ import annotations

from typing import Any

import pytest

from posreturns.app import Till
from posreturns.domain.users import Principal
from posreturns.persistence.catalog import SqlCatalog
from posreturns.persistence.drafts import SqlDrafts
from posreturns.services.returns.results import quoted_json
from posreturns.ui.i18n import Formats
from posreturns.ui.messages import current_language
from posreturns.ui.presenters.return_flow import ReturnFlowPresenter, Session
from posreturns.ui.tasks import InlineTaskRunner
from posreturns.ui.views.decision_panel import DecisionPanel


class Recorder:
    def __init__(self, flow: ReturnFlowPresenter) -> None:
        self.quotes: list[dict[str, Any]] = []
        self.messages: list[str] = []
        self.completed: list[dict[str, Any]] = []
        self.approvals: list[str] = []
        # seen as the JSON of docs/cli.md: the window's typed answers carry the same facts
        flow.quote_ready.connect(lambda quoted: self.quotes.append(quoted_json(quoted)))
        flow.message.connect(self.messages.append)
        flow.completed.connect(lambda done: self.completed.append(done.document))
        flow.approval_needed.connect(self.approvals.append)


def _flow(till: Till) -> tuple[ReturnFlowPresenter, Recorder]:
    session = Session(principal=Principal.vouched("marie", by="tests"), till_id=lambda: "T1", offline=lambda: False,
                      store_id=lambda: "PARIS-01")
    flow = ReturnFlowPresenter(till.return_service, till.lookup, SqlCatalog(till.engine),
                               SqlDrafts(till.settings), None,
                               session, InlineTaskRunner())
    return flow, Recorder(flow)


def _returns_in_db(till: Till) -> list[Any]:
    with till.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT number, refund_total_minor, "
                                          "cashier FROM returns WHERE origin = 'till'").all()


def test_a_discounted_item_is_quoted_from_the_price_paid_and_completed(demo_till: Till) -> None:
    flow, seen = _flow(demo_till)
    flow.start(demo_till.lookup.find_receipt("PA01-000102"))
    flow.add_order_line("ORD-1002-L1")
    assert seen.quotes == []  # no reason or condition yet: nothing to quote
    flow.update_line(0, reason="WRONG_SIZE")
    flow.update_line(0, condition="NEW_WITH_TAGS")
    assert seen.quotes[-1]["status"] == "allowed" and seen.quotes[-1]["refund_total"] == "100.20"
    flow.complete()
    assert seen.completed and seen.completed[0]["return_number"]
    assert [(r.refund_total_minor, r.cashier) for r in _returns_in_db(demo_till)] == [(10020, "marie")]
    assert SqlDrafts(demo_till.settings).load() is None


def test_a_scan_that_matches_nothing_says_why(demo_till: Till) -> None:
    flow, seen = _flow(demo_till)
    flow.start(demo_till.lookup.find_receipt("PA01-000101"))
    flow.scan_item("ROBE-LIN-38")
    assert "not on receipt PA01-000101" in seen.messages[-1]
    flow.scan_item("JEAN-SLIM-40")
    assert [line.sku for line in flow.basket.lines] == ["JEAN-SLIM-40"]


def test_the_draft_survives_a_restart_and_keeps_its_idempotency_key(demo_till: Till) -> None:
    flow, _ = _flow(demo_till)
    flow.start(demo_till.lookup.find_receipt("PA01-000101"))
    flow.add_order_line("ORD-1001-L1")
    flow.update_line(0, reason="CHANGED_MIND", condition="NEW_WITH_TAGS", qty=2)
    key = flow.basket.key
    restarted, seen = _flow(demo_till)
    assert restarted.restore(demo_till.lookup.get)
    line = restarted.basket.lines[0]
    assert (restarted.basket.key, line.sku, line.qty, line.reason) == (key, "TSH-NVY-M", 2, "CHANGED_MIND")
    assert seen.quotes[-1]["refund_total"] == "59.80"


def test_a_committed_return_is_never_repeated_by_a_retry(demo_till: Till) -> None:
    flow, seen = _flow(demo_till)
    flow.start(demo_till.lookup.find_receipt("PA01-000101"))
    flow.add_order_line("ORD-1001-L2")
    flow.update_line(0, reason="WRONG_SIZE", condition="NEW_WITH_TAGS")
    flow.complete()
    flow.complete()  # e.g. the cashier pressed again, or the app restarted before the done screen
    assert len(_returns_in_db(demo_till)) == 1
    assert seen.completed[0]["return_number"] == seen.completed[1]["return_number"]


def test_a_return_above_the_limit_needs_a_manager_and_a_wrong_pin_is_refused(demo_till: Till) -> None:
    demo_till.users.seed("mgr1", "Sophie Laurent", "manager", "4321")
    flow, seen = _flow(demo_till)
    flow.start(demo_till.lookup.find_receipt("PA01-000108"))
    for line_id in ("ORD-1008-L1", "ORD-1008-L2"):
        flow.add_order_line(line_id)
    for index in (0, 1):
        flow.update_line(index, reason="CHANGED_MIND", condition="NEW_WITH_TAGS")
    assert seen.quotes[-1]["status"] == "needs_approval"
    flow.complete()
    assert seen.approvals and not seen.completed
    flow.complete(approval=("mgr1", "0000"))
    assert not seen.completed and "PIN" in seen.messages[-1]
    flow.complete(approval=("mgr1", "4321"))
    assert seen.completed[0]["approved_by"] == "mgr1"


def test_a_final_sale_item_is_refused_with_the_reason_and_a_manager_may_give_goodwill_credit(  # type: ignore[no-untyped-def]
        qtbot, demo_till: Till) -> None:
    flow, seen = _flow(demo_till)
    flow.start(demo_till.lookup.find_receipt("PA01-000105"))
    flow.add_order_line("ORD-1005-L1")
    flow.update_line(0, reason="CHANGED_MIND", condition="NEW_WITH_TAGS")
    assert seen.quotes[-1]["status"] == "refused"
    flow.complete()
    assert not seen.completed and "refuses" in seen.messages[-1]
    assert _returns_in_db(demo_till) == []
    assert seen.quotes[-1]["refusal_paths"] == ["override", "goodwill"]
    panel = DecisionPanel(Formats("en"))  # the refusal's ways forward, as the cashier sees them
    qtbot.addWidget(panel)
    assert flow.quote is not None
    panel.show_quote(flow.quote.quote, "original", "en")
    assert not panel.override_button.isHidden() and not panel.goodwill_button.isHidden()
    assert not panel.confirm_button.isEnabled()
    panel.show_waiting("next customer")
    assert panel.override_button.isHidden() and panel.goodwill_button.isHidden()
    demo_till.users.seed("mgr1", "Sophie Laurent", "manager", "4321")
    flow.complete(approval=("mgr1", "4321"), override=("goodwill", "Swimsuit never worn, tags on"))
    assert seen.completed[0]["approved_by"] == "mgr1" and seen.completed[0]["refund_method"] == "store_credit"
    assert seen.completed[0]["voucher"]["amount"] == "45.00"


def test_an_exchange_for_another_size_moves_no_money(demo_till: Till) -> None:
    flow, seen = _flow(demo_till)
    flow.start(demo_till.lookup.find_receipt("PA01-000101"))
    flow.add_order_line("ORD-1001-L1")
    flow.update_line(0, reason="WRONG_SIZE", condition="NEW_WITH_TAGS")
    variants: list[list[dict[str, Any]]] = []
    flow.replacements_ready.connect(variants.append)
    flow.load_replacements("TSH-NVY-M")
    larger = next(v for v in variants[0] if v["sku"] == "TSH-NVY-L")
    assert larger["stock_here"] > 0
    flow.add_exchange(larger["sku"], larger["title"], larger["price"])
    exchange = seen.quotes[-1]["exchange"]
    assert exchange["difference"] in ("0.00", "0") and seen.quotes[-1]["refund_method"] == "exchange"
    flow.complete()
    assert seen.completed


def test_a_return_without_receipt_needs_a_contact_and_gives_store_credit(demo_till: Till) -> None:
    flow, seen = _flow(demo_till)
    flow.start_receiptless()
    flow.scan_item("TSH-RED-M")
    flow.update_line(0, reason="CHANGED_MIND", condition="NEW_WITH_TAGS")
    assert not flow.basket.ready and seen.quotes == []
    flow.set_customer_contact("06 55 44 33 22")
    quote = seen.quotes[-1]
    assert quote["refund_method"] == "store_credit" and quote["voucher"] is not None
    assert quote["refund_total"] == "29.90"


def test_a_serial_tracked_item_without_receipt_waits_for_its_serial_and_only_store_credit_is_kept(
        demo_till: Till) -> None:
    flow, seen = _flow(demo_till)
    flow.start_receiptless()
    flow.set_refund_method("original")  # a stale choice: only store credit is possible without a receipt
    flow.scan_item("CASQ-BT-NOIR")
    flow.update_line(0, reason="CHANGED_MIND", condition="NEW_WITH_TAGS")
    flow.set_customer_contact("06 55 44 33 22")
    assert flow.basket.lines[0].missing == "serial" and seen.quotes == []
    flow.scan_item("SN-BOX-7781")  # the serial's own barcode on the box: not a product, so the unit's serial
    assert flow.basket.lines[0].serial == "SN-BOX-7781" and flow.basket.ready
    assert "SN-BOX-7781 is taken as the serial number" in seen.messages[-1]
    quote = seen.quotes[-1]
    assert quote["lines"][0]["serial"] == "SN-BOX-7781" and quote["lines"][0]["disposition"] == "RESTOCK"
    assert flow.basket.refund_method == "store_credit" and quote["refund_method"] == "store_credit"


def test_the_receipt_by_e_mail_is_asked_at_the_till_with_the_customers_address_and_consent(demo_till: Till) -> None:
    flow, seen = _flow(demo_till)
    flow.start(demo_till.lookup.find_receipt("PA01-000101"))
    flow.add_order_line("ORD-1001-L1")
    flow.update_line(0, reason="CHANGED_MIND", condition="NEW_WITH_TAGS")
    flow.set_receipt_by("email")
    assert flow.basket.receipt_address == "camille.martin@example.fr"  # the address the store holds
    assert not flow.basket.ready and "consent" in str(flow.basket.contact_problem)
    flow.set_contact_consent(True)
    assert flow.basket.ready
    flow.complete()
    assert seen.completed[0]["contact"] == {"channel": "email", "consent": True, "e_receipt": True,
                                            "language": current_language()}  # the window's language
    with demo_till.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT COUNT(*) FROM mail_queue").scalar() == 1
    flow.start(demo_till.lookup.find_receipt("PA01-000102"))  # the next customer starts on paper
    assert flow.basket.receipt_by == "paper" and flow.basket.receipt_address == ""


@pytest.mark.parametrize("method", ["store_credit"])
def test_store_credit_issues_a_voucher(demo_till: Till, method: str) -> None:
    flow, seen = _flow(demo_till)
    flow.start(demo_till.lookup.find_receipt("PA01-000103"))
    flow.add_order_line("ORD-1003-L1")
    flow.update_line(0, reason="CHANGED_MIND", condition="NEW_WITH_TAGS")
    flow.set_refund_method(method)
    flow.complete()
    assert seen.completed[0]["voucher"]["code"].startswith("V-")


class DeferredRunner:
    """Keeps the work until the test runs it, in any order: like a thread pool that is late."""

    def __init__(self) -> None:
        self.jobs: list[Any] = []

    def run(self, work, on_done, on_error) -> None:  # type: ignore[no-untyped-def]
        self.jobs.append((work, on_done, on_error))

    def run_all(self, reverse: bool = False) -> None:
        jobs, self.jobs = self.jobs, []
        for work, on_done, _on_error in (reversed(jobs) if reverse else jobs):
            on_done(work())


def test_drafts_are_written_off_the_gui_thread_and_the_newest_one_wins(demo_till: Till) -> None:
    session = Session(principal=Principal.vouched("marie", by="tests"), till_id=lambda: "T1", offline=lambda: False,
                      store_id=lambda: "PARIS-01")
    drafts, runner = SqlDrafts(demo_till.settings), DeferredRunner()
    flow = ReturnFlowPresenter(demo_till.return_service, demo_till.lookup, SqlCatalog(demo_till.engine), drafts, None,
                               session, runner)
    flow.start(demo_till.lookup.find_receipt("PA01-000101"))
    flow.add_order_line("ORD-1001-L1")
    flow.update_line(0, reason="WRONG_SIZE")
    assert drafts.load() is None  # nothing written on the GUI thread
    draft_writes = [job for job in runner.jobs if job[0] == flow._write_draft]
    assert len(draft_writes) == 1  # one write waits at a time, for three changes: it stores the newest
    flow.abandon()
    flow.start(demo_till.lookup.find_receipt("PA01-000101"))
    flow.add_order_line("ORD-1001-L1")
    flow.update_line(0, reason="WRONG_SIZE")
    runner.jobs = draft_writes * 2
    runner.run_all(reverse=True)  # the writes finish in the wrong order
    assert drafts.load()["lines"][0]["reason"] == "WRONG_SIZE"
    flow.update_line(0, condition="NEW_WITH_TAGS")  # once the write ran, a change queues another
    assert [job[0] for job in runner.jobs].count(flow._write_draft) == 1


def test_a_further_unit_of_a_scanned_item_is_matched_from_the_sale_alone(demo_till: Till) -> None:
    """The second scan of a product on the same sale needs no lookup on a worker thread; a line's own
    id, or another sale, is matched as usual."""
    looked_up: list[str] = []

    class CountingFinder:
        def match_item(self, order: Any, code: str) -> Any:
            looked_up.append(code)
            return demo_till.lookup.match_item(order, code)

        def match_sku(self, order: Any, sku: str) -> Any:
            return demo_till.lookup.match_sku(order, sku)

    session = Session(principal=Principal.vouched("marie", by="tests"), till_id=lambda: "T1", offline=lambda: False,
                      store_id=lambda: "PARIS-01")
    runner = HeldRunner()
    flow = ReturnFlowPresenter(demo_till.return_service, CountingFinder(), SqlCatalog(demo_till.engine),
                               SqlDrafts(demo_till.settings), None, session, runner)
    seen = Recorder(flow)
    flow.start(demo_till.lookup.find_receipt("PA01-000101"))
    flow.scan_item("TSH-NVY-M")
    assert flow.basket.lines == []  # the first unit waits for its lookup
    runner.finish_all()
    flow.scan_item("TSH-NVY-M")
    assert [line.qty for line in flow.basket.lines] == [2]  # at once, from the sale: only its draft waits
    assert [task[0] for task in runner.tasks] == [flow._write_draft]
    flow.scan_item("TSH-NVY-M")
    assert "already in the return" in seen.messages[-1] and [line.qty for line in flow.basket.lines] == [2]  # 2 sold
    assert looked_up == ["TSH-NVY-M"]
    flow.abandon()
    flow.start(demo_till.lookup.find_receipt("PA01-000101"))
    flow.scan_item("ORD-1001-L1")
    runner.finish_all()
    flow.scan_item("ORD-1001-L1")
    runner.finish_all()
    flow.scan_item("TSH-NVY-M")  # another customer's return: looked up again
    runner.finish_all()
    assert looked_up == ["TSH-NVY-M", "ORD-1001-L1", "ORD-1001-L1", "TSH-NVY-M"]


def test_a_scanned_gs1_serial_picks_that_very_unit(demo_till: Till) -> None:
    """Two units sold on one line: the serial in the scan (AI 21) says which one comes back."""
    from dataclasses import replace

    from posreturns.devices.scanner import interpret

    flow, seen = _flow(demo_till)
    order = demo_till.lookup.find_receipt("PA01-000104")
    headphones = replace(order.lines[0], qty=2, serials=("SN-CQ-0001", "SN-CQ-0002"))
    flow.start(replace(order, lines=(headphones, *order.lines[1:])))
    scan = interpret("]d20103760000000291|21SN-CQ-0002", gs_substitute="|")
    flow.scan_item(scan.code, scan.serial)
    assert [(line.sku, line.serial) for line in flow.basket.lines] == [("CASQ-BT-NOIR", "SN-CQ-0002")]
    flow.scan_item(scan.code, scan.serial)
    assert "SN-CQ-0002" in seen.messages[-1] and "already in the return" in seen.messages[-1]
    flow.scan_item(scan.code, "SN-XX-9999")
    assert "SN-XX-9999 was not sold on this receipt" in seen.messages[-1]
    flow.scan_item(scan.code, "SN-CQ-0001")
    assert [line.serial for line in flow.basket.lines] == ["SN-CQ-0002", "SN-CQ-0001"]


def test_a_till_whose_database_lost_returns_refuses_the_return_with_one_sentence(tmp_path: Any) -> None:
    import json
    from datetime import date

    from posreturns.app import open_till
    from posreturns.demo.store import demo_document
    from posreturns.persistence.marks import Marks, MarksFile
    from posreturns.services.importing import import_bytes

    with open_till(tmp_path / "data") as till:
        import_bytes(json.dumps(demo_document(date(2026, 11, 26))).encode(), "demo", till.cache_writer)
    MarksFile(tmp_path / "data", tmp_path / "data" / "posreturns.db").raise_to(Marks({"T1": 3}, 7))  # it had issued 3
    with open_till(tmp_path / "data") as till:
        flow, seen = _flow(till)
        flow.start(till.lookup.find_receipt("PA01-000102"))
        flow.add_order_line("ORD-1002-L1")
        flow.update_line(0, reason="WRONG_SIZE")
        flow.update_line(0, condition="NEW_WITH_TAGS")
        flow.complete()
        assert not seen.completed and _returns_in_db(till) == []
        assert "returns 1-3 of till T1" in seen.messages[-1] and "posreturns restore" in seen.messages[-1]


def test_a_card_number_typed_in_a_note_is_refused_and_never_kept_in_the_draft(demo_till: Till) -> None:
    flow, seen = _flow(demo_till)
    flow.start(demo_till.lookup.find_receipt("PA01-000102"))
    flow.add_order_line("ORD-1002-L1")
    flow.update_line(0, reason="OTHER", condition="NEW_WITH_TAGS", note="paid with 4111 1111 1111 1111")
    assert "card number" in seen.messages[-1] and "4111" not in seen.messages[-1]
    with demo_till.engine.connect() as connection:
        stored = connection.exec_driver_sql("SELECT group_concat(value) FROM settings").scalar()
    assert "4111 1111" not in stored and "paid with ************1111" in stored  # the draft keeps the rest


def test_a_draft_keeps_an_idempotency_key_whose_digits_pass_the_luhn_check_whole(demo_till: Till) -> None:
    flow, seen = _flow(demo_till)
    flow.start(demo_till.lookup.find_receipt("PA01-000102"))
    flow.basket.key = "b0dcd503-ca7a-4506-8206-55480afae157"  # one random key in ~1,400 looks like this
    flow.add_order_line("ORD-1002-L1")
    flow.update_line(0, reason="WRONG_SIZE", condition="NEW_WITH_TAGS")
    assert seen.quotes and seen.quotes[-1]["status"] == "allowed", seen.messages
    assert SqlDrafts(demo_till.settings).load()["key"] == flow.basket.key  # a restart completes it once


class HeldRunner:
    """Runs each task only when the test says so: a quote still running while the cashier goes on scanning."""

    def __init__(self) -> None:
        self.tasks: list[tuple[Any, Any, Any]] = []

    def run(self, work: Any, on_done: Any, on_error: Any) -> None:
        self.tasks.append((work, on_done, on_error))

    def finish_all(self) -> None:
        while self.tasks:
            InlineTaskRunner().run(*self.tasks.pop(0))


def test_changes_made_while_a_quote_runs_are_quoted_together_and_an_older_answer_is_never_shown(
        demo_till: Till) -> None:
    quoted: list[int] = []  # the quantity of each quote that ran

    class CountingReturns:
        def quote(self, request: Any) -> Any:
            quoted.append(request.lines[0].qty)
            return demo_till.return_service.quote(request)

    session = Session(principal=Principal.vouched("marie", by="tests"), till_id=lambda: "T1", offline=lambda: False,
                      store_id=lambda: "PARIS-01")
    runner = HeldRunner()
    flow = ReturnFlowPresenter(CountingReturns(), demo_till.lookup, SqlCatalog(demo_till.engine),  # type: ignore[arg-type]
                               SqlDrafts(demo_till.settings), None, session, runner)
    seen = Recorder(flow)
    flow.start(demo_till.lookup.find_receipt("PA01-000101"))
    flow.add_order_line("ORD-1001-L1")
    flow.update_line(0, reason="CHANGED_MIND", condition="NEW_WITH_TAGS")  # ready: the first quote starts
    flow.update_line(0, qty=2)  # while it runs: nothing more starts
    flow.update_line(0, reason="WRONG_SIZE")
    runner.finish_all()
    assert quoted == [1, 2]  # the running one, then one for all the changes made meanwhile
    assert len(seen.quotes) == 1 and seen.quotes[0]["lines"][0]["qty"] == 2  # only the answer for the basket shown
    assert flow.quote is not None and flow.quote.quote.lines[0].qty == 2
    flow.update_line(0, qty=1)
    flow.abandon()  # the cashier drops the return while its quote runs
    runner.finish_all()
    assert quoted == [1, 2, 1] and len(seen.quotes) == 1 and flow.quote is None
