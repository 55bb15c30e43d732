"""The report's kept sales and delivered exchanges, on the demo till with its delivery network, against
figures computed by hand from this fixture (26 November 2026, till T1):

| # | receipt | returned → replacement | refund | kept | notes |
|---|---------|------------------------|--------|------|-------|
| X1 | PA01-000101 | TSH-NVY-M → TSH-NVY-L (here) | 29.90 | 29.90 | even |
| X2 | PA01-000101 | TSH-NVY-M → JEAN-SLIM-40 89.00 (here) | 29.90 | 29.90 | the customer pays 59.10 more |
| X3 | PA01-000102 | BASK-CUIR-41 → BASK-CUIR-42, warehouse → home | 128.96 | 128.96 | even; the OMS took it: confirmed |
| X4 | PA01-000103 | JEAN-SLIM-42 → JEAN-SLIM-36, warehouse → this store, offline | 53.40 | 53.40 | even; not uploaded: provisional |
| X5 | PA01-000106 | TSH-WHT-M → TSH-WHT-S, warehouse → home | 29.90 | 29.90 | even; the OMS refused it: exception |
| X6 | PA01-000104 | ENC-PORT 79.90 → TSH-NVY-L 29.90 (here) | 79.90 | 29.90 | 50.00 given back on the card |
| S1 | PA01-000106 | TSH-WHT-M, store credit | 29.90 | 29.90 | |
| R1 | W-100202 | BASK-CUIR-43, refund to the card | 139.00 | 0 | not kept |

Refunded 520.86; kept 331.86 (63.7 %); delivered 3 (212.26): 1 confirmed, 1 provisional, 1 exception.
"""  # noqa: E501 (a row of the table is one line)

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers.returns import CASHIER, MANAGER, PIN, line, open_shop, request
from integration.test_exchange_promise import ADMIN, NETWORK
from integration.test_failed_card_refunds import refuse

from posreturns.app import Till, open_promises, open_reports
from posreturns.domain.returns_report import ReturnsReport
from posreturns.services.report_export import report_csv, report_dict

DAY = date(2026, 11, 26)
HOME = {"source": "WAREHOUSE", "to": "home", "name": "Jeanne Martin", "phone": "06 12 34 56 78",
        "address": {"line1": "3 rue des Lilas", "postal_code": "75011", "city": "Paris"}}
PICKUP = {"source": "WAREHOUSE", "to": "store", "name": "Jeanne Martin", "email": "jeanne@example.fr"}


def exchange(receipt: str, returned: str, replacement: str, key: str, **extra: Any) -> dict[str, Any]:
    return request(receipt, line(returned), method="exchange", key=key,
                   exchange_lines=[{"code": replacement, "qty": 1}], **extra)


def applied(till: Till, number: str) -> None:
    """The OMS took that return's upload (as the uploader records it)."""
    with till.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE outbox SET status = 'applied' WHERE event_type = 'ReturnCompleted' "
            "AND json_extract(payload_json, '$.data.return_number') = ?", (number,))


@pytest.fixture(scope="module")
def kept_shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kept") / "shop"
    till = open_shop(folder)
    open_promises(till).load(NETWORK, "demo network", ADMIN)
    done = till.returns.complete
    approval = {"manager": MANAGER, "pin": PIN}  # the demo customers return often: the policy asks a manager
    numbers = {name: done({**body, "approval": approval}, CASHIER)["return_number"] for name, body in (
        ("X1", exchange("PA01-000101", "TSH-NVY-M", "TSH-NVY-L", "x1")),
        ("X2", exchange("PA01-000101", "TSH-NVY-M", "JEAN-SLIM-40", "x2")),
        ("X3", exchange("PA01-000102", "BASK-CUIR-41", "BASK-CUIR-42", "x3", delivery=HOME)),
        ("X4", exchange("PA01-000103", "JEAN-SLIM-42", "JEAN-SLIM-36", "x4", delivery=PICKUP, offline=True)),
        ("X5", exchange("PA01-000106", "TSH-WHT-M", "TSH-WHT-S", "x5", delivery=HOME)),
        ("X6", exchange("PA01-000104", "ENC-PORT", "TSH-NVY-L", "x6")),
        ("S1", request("PA01-000106", line("TSH-WHT-M"), key="s1", method="store_credit")),
        ("R1", request("W-100202", line("BASK-CUIR-43", reason="CHANGED_MIND"), key="r1")))}
    applied(till, numbers["X3"])
    refuse(till, numbers["X5"])
    till.close()
    (folder / "numbers.txt").write_text(" ".join(f"{k}={v}" for k, v in numbers.items()))
    return folder


def numbers(folder: Path) -> dict[str, str]:
    return dict(pair.split("=") for pair in (folder / "numbers.txt").read_text().split())


def kept_figures(report: ReturnsReport) -> dict[str, tuple[int, int]]:
    return {f.key: (f.returns, f.value_minor) for f in report.by["kept"]}


def test_kept_sales_and_delivered_exchanges_match_the_hand_computed_fixture(kept_shop: Path) -> None:
    with open_shop(kept_shop, setup=False) as till:
        reports = open_reports(till)
        report = reports.report(DAY, DAY)
        behind = {key: [r.number for r in reports.behind(DAY, DAY, f"kept:{key}")]
                  for key in ("delivered", "delivered_provisional", "exchange_given_back", "paid_more", "all")}
    assert report.total.returns == 8 and report.total.value_minor == 52086
    assert kept_figures(report) == {
        "all": (7, 33186), "store_credit": (1, 2990), "exchange_even": (4, 24216),
        "exchange_paid_more": (1, 2990), "exchange_given_back": (1, 2990), "exchange_here": (3, 8970),
        "delivered": (3, 21226), "delivered_confirmed": (1, 12896), "delivered_provisional": (1, 5340),
        "delivered_exception": (1, 2990), "paid_more": (1, 5910)}
    assert str(report.rates["kept_value_share"]) == "63.7"
    n = numbers(kept_shop)
    assert behind == {"delivered": [n["X3"], n["X4"], n["X5"]], "delivered_provisional": [n["X4"]],
                      "exchange_given_back": [n["X6"]], "paid_more": [n["X2"]],
                      "all": [n[k] for k in ("X1", "X2", "X3", "X4", "X5", "X6", "S1")]}
    # the exports carry the same figures
    assert report_dict(report)["by"]["kept"][6] == {
        "key": "delivered", "trace": "kept:delivered", "returns": 3, "units": 3, "amount": "212.26",
        "amount_minor": 21226, "share_percent": "40.8"}
    assert "kept;delivered_provisional;1;1;53,40;EUR;10,3" in report_csv(report, "fr").decode("utf-8-sig")


def test_the_command_line_report_says_what_was_kept_and_delivered(kept_shop: Path) -> None:
    from helpers.cli import run_in

    code, out, err = run_in(kept_shop, "report", "--from", "2026-11-26")
    assert code == 0, err
    assert ("sales kept instead of refunded: 331.86 EUR (63.7 % of refunded); delivered exchanges: 3 (212.26 EUR; "
            "1 confirmed, 1 provisional, 1 exception)") in out
    code, out, err = run_in(kept_shop, "report", "--from", "2026-11-26", "--behind", "kept:delivered_exception",
                            "--json")
    assert code == 0, err
    assert '"number": "' + numbers(kept_shop)["X5"] + '"' in out and out.count('"number"') == 1
    target = kept_shop.parent / "kept.pdf"
    code, _, err = run_in(kept_shop, "report", "--from", "2026-11-26", "--pdf", str(target), "--language", "en")
    assert code == 0, err
    import pypdf

    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(target).pages)
    assert "Sales kept instead of refunded €331.86 (63.7 %)" in text and "Delivered exchanges 3 · €212.26" in text


def test_another_tills_delivered_exchange_pulled_from_the_oms_counts_as_confirmed(kept_shop: Path,
                                                                                    tmp_path: Path) -> None:
    """T3's exchange of PA01-000107's baskets for another size delivered home (139.00, even), and of
    PA01-000105's T-shirt for a dearer one (29.90 kept, 10.00 paid on top), as the Medusa pull maps what
    T3 wrote into the Medusa returns."""
    import json
    import shutil

    from posreturns.services.importing import import_bytes

    shop = tmp_path / "store"
    shutil.copytree(kept_shop, shop)
    document = {"format": "posreturns/1", "returns": [
        {"id": "ret-t3-1", "order_id": "ORD-1007", "created_at": "2026-11-26T14:00:00+01:00", "till_id": "T3",
         "number": "RPARIS01-T3-000001", "refund_method": "exchange", "delivery": "home",
         "lines": [{"order_line_id": "ORD-1007-L1", "qty": 1, "amount": "139.00"}],
         "tenders": [{"method": "card", "amount": "139.00"}], "paid": []},
        {"id": "ret-t3-2", "order_id": "ORD-1005", "created_at": "2026-11-26T15:00:00+01:00", "till_id": "T3",
         "number": "RPARIS01-T3-000002", "refund_method": "exchange", "paid_more": "10.00",
         "lines": [{"order_line_id": "ORD-1005-L2", "qty": 1, "amount": "29.90"}],
         "tenders": [{"method": "card", "amount": "29.90"}]}]}
    with open_shop(shop, setup=False) as till:
        import_bytes(json.dumps(document).encode(), "oms.json", till.cache_writer)
        store = kept_figures(open_reports(till).report(DAY, DAY, store_wide=True))
    assert store["delivered"] == (4, 21226 + 13900) and store["delivered_confirmed"] == (2, 12896 + 13900)
    assert store["paid_more"] == (2, 5910 + 1000) and store["exchange_paid_more"] == (2, 2990 + 2990)
    assert store["all"] == (9, 33186 + 13900 + 2990)
