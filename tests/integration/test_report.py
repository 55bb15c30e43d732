"""The returns report against the hand-computed fixture of helpers/report.py (figures written by hand
from its table, not computed by the code under test), its trace to the returns behind each figure,
the ledger, and the CSV read back."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from helpers.report import report_shop

from posreturns.app import Till, open_reports
from posreturns.domain.returns_report import ReturnsReport
from posreturns.paths import DATABASE_FILE
from posreturns.services.errors import BadInput
from posreturns.services.report_export import report_csv

DAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Till]:
    till = report_shop(tmp_path_factory.mktemp("report"))
    yield till
    till.close()


def by(report: ReturnsReport, dimension: str) -> dict[str, tuple[int, int, int]]:
    return {f.key: (f.returns, f.units, f.value_minor) for f in report.by[dimension]}


def test_the_days_figures_of_this_till_are_the_hand_computed_ones(shop: Till) -> None:
    report = open_reports(shop).report(DAY, DAY)
    assert (report.total.returns, report.total.units, report.total.value_minor) == (6, 8, 85982)
    assert by(report, "reason") == {"WRONG_SIZE": (2, 4, 58800), "CHANGED_MIND": (2, 2, 16890),
                                    "DEFECTIVE": (1, 1, 8900), "DAMAGED_IN_TRANSIT": (1, 1, 1392)}
    assert by(report, "category") == {"electronics": (1, 2, 52820), "shoes": (1, 1, 13900),
                                      "apparel": (4, 5, 19262)}
    assert by(report, "tender") == {"card": (4, 0, 64092), "store_credit": (3, 0, 23079)}
    assert by(report, "cashier") == {"alice": (5, 7, 72082), "bob": (1, 1, 13900)}
    assert by(report, "channel") == {"store": (4, 6, 69092), "web": (1, 1, 13900), "receiptless": (1, 1, 2990)}
    assert by(report, "disposition") == {"RESTOCK": (4, 6, 75690), "INSPECT": (2, 2, 10292)}
    assert by(report, "method") == {"original": (4, 6, 74092), "store_credit": (2, 2, 11890)}
    assert [f.key for f in report.by["sku"]][:2] == ["MONTRE-CONN-42", "CASQ-BT-BLANC"]
    # serial returners first (returns 1 and 2 are the same customer's); the receipt-less return has none
    assert [(f.key, f.returns, f.units, f.value_minor) for f in report.by["customer"]] == [
        ("CUS-001", 2, 3, 14880), ("CUS-003", 1, 2, 52820), ("CUS-005", 1, 1, 13900), ("CUS-002", 1, 1, 1392)]
    flags = {k: (f.returns, f.value_minor) for k, f in report.flags.items()}
    assert flags == {"receiptless": (1, 2990), "overridden": (1, 52820), "kept": (2, 11890), "bonus": (2, 1189),
                     "recovered": (1, 4490)}
    assert report.rates["receiptless_share"] == Decimal("16.7")
    assert report.rates["conversion"] == Decimal("33.3")
    assert report.rates["restocked_at_once"] == Decimal("75.0")
    assert report.rates["recovery"] == Decimal("50.4")
    assert (report.handling_cost_minor, report.written_off_minor, report.estimated_cost_minor) == (1100, 0, 1100)
    assert (report.recovery_minor, report.net_cost_minor) == (4490, -3390)
    assert report.sales is None and report.rates["return_rate"] is None  # no sale of the store that day


def test_thirty_days_show_the_trend_by_day_and_the_return_rate_against_the_stores_sales(shop: Till) -> None:
    report = open_reports(shop).report(date(2026, 10, 28), DAY)
    days = {f.key: (f.returns, f.value_minor) for f in report.by["day"]}
    assert len(days) == 30 and days["2026-11-25"] == (1, 7990) and days["2026-11-26"] == (6, 85982)
    assert sum(returns for returns, _ in days.values()) == 7
    assert report.sales is not None and (report.sales.orders, report.sales.value_minor) == (7, 154580)
    assert report.rates["return_rate"] == Decimal("60.8")  # 939.72 of 1,545.80
    assert by(report, "tender")["gift_card"] == (1, 0, 5000)


def test_the_store_report_adds_the_other_tills_and_the_returns_pulled_from_the_oms(shop: Till) -> None:
    reports = open_reports(shop)
    day = reports.report(DAY, DAY, store_wide=True)
    assert by(day, "till") == {"T1": (6, 8, 85982), "T2": (1, 1, 2990)}
    assert by(day, "tender")["cash"] == (1, 0, 2990)
    month = reports.report(date(2026, 10, 28), DAY, store_wide=True)
    assert by(month, "till") == {"T1": (7, 9, 93972), "T2": (1, 1, 2990), "?": (1, 1, 2990)}
    assert month.scope == "store" and day.scope == "store"


def test_every_figure_opens_to_the_returns_it_counts(shop: Till) -> None:
    reports = open_reports(shop)
    numbers = lambda key: [r.number for r in reports.behind(DAY, DAY, key)]  # noqa: E731
    # return 8 was made first (the day before), so return n of the table is number n + 1
    assert numbers("reason:CHANGED_MIND") == ["RPARIS01-T1-000004", "RPARIS01-T1-000005"]
    assert numbers("flag:kept") == ["RPARIS01-T1-000003", "RPARIS01-T1-000005"]
    assert numbers("flag:overridden") == ["RPARIS01-T1-000006"]
    assert numbers("flag:recovered") == ["RPARIS01-T1-000003"]
    assert numbers("customer:CUS-001") == ["RPARIS01-T1-000002", "RPARIS01-T1-000003"]
    report = reports.report(DAY, DAY)
    for dimension in ("cashier", "channel", "method", "till"):
        for figure in report.by[dimension]:
            rows = reports.behind(DAY, DAY, figure.trace)
            assert len(rows) == figure.returns and sum(r.refund_minor for r in rows) == figure.value_minor
    with pytest.raises(BadInput, match="not a figure"):
        reports.behind(DAY, DAY, "colour:red")


def test_the_report_matches_the_ledger(shop: Till) -> None:
    connection = sqlite3.connect(shop.data_dir / DATABASE_FILE)
    try:
        (stored,) = connection.execute("SELECT sum(refund_total_minor) FROM returns WHERE origin = 'till' "
                                       "AND till_id = 'T1' AND created_at >= '2026-11-25T23:00:00Z'").fetchone()
        (lines,) = connection.execute("SELECT sum(refund_minor) FROM return_lines l JOIN returns r ON r.id = "
                                      "l.return_id WHERE r.till_id = 'T1' AND r.created_at >= '2026-11-25T23:00:00Z'"
                                      ).fetchone()
    finally:
        connection.close()
    report = open_reports(shop).report(DAY, DAY)
    assert report.total.value_minor == stored == lines
    assert sum(f.value_minor for f in report.by["reason"]) == stored


def test_the_csv_is_read_back_by_a_spreadsheet_in_each_language(shop: Till) -> None:
    report = open_reports(shop).report(DAY, DAY)
    french = report_csv(report, "fr")
    assert french.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(french.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["indicateur", "cle", "retours", "unites", "montant", "devise", "pourcentage"]
    assert ["total", "all", "6", "8", "859,82", "EUR", ""] in rows
    assert ["reason", "WRONG_SIZE", "2", "4", "588,00", "EUR", "68,4"] in rows
    assert ["summary", "estimated_cost", "", "", "11,00", "EUR", ""] in rows
    assert ["rate", "conversion", "", "", "", "", "33,3"] in rows
    english = list(csv.reader(io.StringIO(report_csv(report, "en").decode("utf-8-sig"))))
    assert english[0][:3] == ["figure", "key", "returns"]
    assert ["flag", "bonus", "2", "2", "11.89", "EUR", "33.3"] in english


@pytest.mark.parametrize(("start", "end", "message"), [(DAY, date(2026, 11, 1), "before it starts"),
                                                       (date(2025, 1, 1), DAY, "at most")])
def test_a_period_the_report_cannot_cover_is_refused(shop: Till, start: date, end: date, message: str) -> None:
    with pytest.raises(BadInput, match=message):
        open_reports(shop).report(start, end)


def test_a_training_till_reports_its_training_returns_and_a_real_till_never_does(tmp_path: Path) -> None:
    from helpers.returns import CASHIER, line, open_shop, request

    till = open_shop(tmp_path / "real")
    try:
        till.returns.complete(request("PA01-000101", line("TSH-NVY-M")), CASHIER)
        with sqlite3.connect(till.data_dir / DATABASE_FILE) as connection:
            connection.execute("UPDATE returns SET training = 1")
        assert open_reports(till).report(DAY, DAY).total.returns == 0
        till.settings.set("till.training", "1")
        assert open_reports(till).report(DAY, DAY).total.returns == 1
    finally:
        till.close()


def test_the_command_prints_the_report_as_json_writes_the_csv_and_lists_the_returns_behind(shop: Till,
                                                                                             tmp_path: Path) -> None:
    import json

    from helpers.cli import run_in

    folder = shop.data_dir
    code, out, err = run_in(folder, "report", "--from", "2026-11-26", "--to", "2026-11-26", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["total"]["amount"] == "859.82" and data["summary"]["estimated_cost"] == "11.00"
    assert data["rates_percent"]["conversion"] == "33.3" and data["by"]["till"][0]["key"] == "T1"
    code, out, err = run_in(folder, "report", "--from", "2026-11-26", "--store", "--json")
    assert code == 0 and json.loads(out)["total"]["amount"] == "889.72"
    target = tmp_path / "day.csv"
    assert run_in(folder, "report", "--from", "2026-11-26", "--csv", str(target), "--language", "fr")[0] == 0
    assert "reason;WRONG_SIZE;2;4;588,00;EUR;68,4" in target.read_text(encoding="utf-8-sig")
    code, out, _ = run_in(folder, "report", "--from", "2026-11-26", "--behind", "tender:store_credit")
    assert code == 0 and out.count("RPARIS01-T1-") == 3


@pytest.mark.parametrize("argv", [("--from", "26/11/2026"), ("--from", "2026-11-26", "--to", "2026-11-01"),
                                  ("--from", "2026-11-26", "--behind", "colour:red"),
                                  ("--from", "2026-11-26", "--csv", "/nonexistent/dir/x.csv")])
def test_a_bad_argument_is_one_sentence_and_exit_2(shop: Till, argv: tuple[str, ...]) -> None:
    from helpers.cli import run_cli

    run = run_cli("--data-dir", str(shop.data_dir), "report", *argv)
    assert run.code == 2 and run.err.strip() and "Traceback" not in run.err


def test_the_pdf_holds_the_figures_and_charts_in_the_chosen_language(shop: Till, tmp_path: Path) -> None:
    import pypdf
    from helpers.cli import run_in

    target = tmp_path / "rapport.pdf"
    code, _, err = run_in(shop.data_dir, "report", "--from", "2026-11-26", "--pdf", str(target), "--language", "fr")
    assert code == 0, err
    reader = pypdf.PdfReader(target)
    text = " ".join(" ".join(page.extract_text().replace("\u00a0", " ").replace("\u202f", " ").split())
                    for page in reader.pages)
    assert "Rapport des retours" in text and "26/11/2026" in text
    assert "Coût estimé des retours 11,00 €" in text and "Mauvaise taille 2 4 588,00 € 68,4 %" in text
    assert sum(len(page.images) for page in reader.pages) == 1  # the charts
