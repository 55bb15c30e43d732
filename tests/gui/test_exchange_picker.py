"""The exchange picker: a size sold out here is chosen from a source of the delivery network, home or
to this store, with the customer's contact checked before the dialog closes."""

from __future__ import annotations

from typing import Any

from posreturns.ui.i18n import Formats
from posreturns.ui.views.exchange_picker import ExchangePicker


def _promise(location: str, name: str, when: str) -> dict[str, Any]:
    return {"location": location, "name": name, "available": 4, "stock_as_of": "2026-11-26T08:12:00+00:00",
            "stock_age_minutes": 48, "immediate": False, "when": {"en": when, "fr": when}}


VARIANTS = [
    {"sku": "BASK-CUIR-41", "title": "Baskets 41", "price": "139.00", "stock_here": 2, "options": {"size": "41"}},
    {"sku": "BASK-CUIR-42", "title": "Baskets 42", "price": "139.00", "stock_here": 0, "options": {"size": "42"},
     "stock_elsewhere": {"WAREHOUSE": 4, "PARIS-03": 4},
     "promises": {"home": {"promises": [_promise("WAREHOUSE", "Warehouse", "tomorrow before 13:00")]},
                  "store": {"promises": [_promise("PARIS-03", "Marais", "today before 19:00"),
                                         _promise("WAREHOUSE", "Warehouse", "tomorrow before 12:00")]}}},
]


def test_a_size_sold_out_here_is_delivered_from_the_source_chosen(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker = ExchangePicker(VARIANTS, Formats("fr", lambda: "Europe/Paris"), customer={"name": "Jeanne Martin"})
    qtbot.addWidget(picker)
    picker.table.selectRow(1)
    rows = [(picker.source_table.item(r, 0).text(), picker.source_table.item(r, 2).text(),
             picker.source_table.item(r, 3).text()) for r in range(picker.source_table.rowCount())]
    assert rows == [("Warehouse", "tomorrow before 13:00", "tomorrow before 12:00"),
                    ("Marais", "—", "today before 19:00")]
    assert "48 min" in picker.source_table.item(0, 1).text()             # the age of the stock promised from
    picker.source_table.selectRow(1)
    picker.to_home.setChecked(True)
    picker._accept()                                                   # the Marais does not deliver home
    assert picker.chosen is None and "does not deliver there" in picker.problem.text()
    picker.source_table.selectRow(0)
    picker._accept()                                                   # home, without the address nor a phone
    assert picker.chosen is None and "téléphone ou l'e-mail" in picker.problem.text()
    picker.fields["phone"].setText("06 12 34 56 78")
    for key, value in (("line1", "3 rue des Lilas"), ("postal_code", "75011"), ("city", "Paris")):
        picker.fields[key].setText(value)
    picker._accept()
    assert picker.chosen is not None and picker.chosen["sku"] == "BASK-CUIR-42"
    assert picker.chosen["delivery"] == {"source": "WAREHOUSE", "to": "home", "name": "Jeanne Martin",
                                         "phone": "06 12 34 56 78", "email": None,
                                         "address": {"line1": "3 rue des Lilas", "postal_code": "75011",
                                                     "city": "Paris"}}


def test_a_size_on_the_shelf_here_is_handed_over_and_one_sold_out_asks_for_a_source(  # type: ignore[no-untyped-def]
        qtbot) -> None:
    picker = ExchangePicker([{**VARIANTS[1], "promises": {}}, VARIANTS[0]], Formats("en"))
    qtbot.addWidget(picker)
    picker.table.selectRow(0)
    picker._accept()
    assert picker.chosen is None and "choose where it comes from" in picker.problem.text()
    picker.table.selectRow(1)
    assert picker.source_table.item(0, 3).text() == "handed over now"
    picker._accept()
    assert picker.chosen is not None and "delivery" not in picker.chosen


def test_the_address_the_oms_holds_fills_a_home_delivery_and_the_cashier_checks_it(  # type: ignore[no-untyped-def]
        qtbot) -> None:
    held = {"name": "Jeanne Martin", "phone": "06 12 34 56 78", "line1": "3 rue des Lilas", "line2": "bât. B",
            "postal_code": "75011", "city": "Paris", "country_code": "be", "address_from": "oms"}
    picker = ExchangePicker(VARIANTS, Formats("en"), customer=held)
    qtbot.addWidget(picker)
    picker.table.selectRow(1)
    picker.source_table.selectRow(0)
    picker.to_home.setChecked(True)
    assert [picker.fields[k].text() for k in ("line1", "postal_code", "city")] == ["3 rue des Lilas", "75011", "Paris"]
    assert "check it with them" in picker.address_note.text()
    picker._accept()
    assert picker.chosen is not None and picker.chosen["delivery"]["address"] == {
        "line1": "3 rue des Lilas", "line2": "bât. B", "postal_code": "75011", "city": "Paris", "country_code": "be"}
    picker.chosen = None
    picker.fields["line1"].setText("8 avenue Foch")   # another street typed: the held address's parts stay out
    picker._accept()
    assert picker.chosen is not None and picker.chosen["delivery"]["address"] == {
        "line1": "8 avenue Foch", "postal_code": "75011", "city": "Paris"}


def test_a_size_on_the_shelf_here_can_be_sent_home_from_this_store_with_its_promise(  # type: ignore[no-untyped-def]
        qtbot) -> None:
    here = {**_promise("PARIS-01", "Rivoli", "tomorrow before 13:00"), "kind": "here"}
    on_shelf = {**VARIANTS[0], "promises": {"home": {"promises": [here]},
                                            "store": {"promises": [{**here, "immediate": True}]}}}
    picker = ExchangePicker([on_shelf, VARIANTS[1]], Formats("en"), customer={"name": "Jeanne Martin",
                                                                             "email": "j@example.fr"})
    qtbot.addWidget(picker)
    picker.table.selectRow(0)
    rows = [tuple(picker.source_table.item(r, c).text() for c in (0, 2, 3))
            for r in range(picker.source_table.rowCount())]
    assert rows == [("This store (on the shelf)", "tomorrow before 13:00", "handed over now")]   # one row, not two
    picker._accept()                                                      # collect here: handed over now
    assert picker.chosen is not None and "delivery" not in picker.chosen
    picker.chosen = None
    picker.to_home.setChecked(True)
    for key, value in (("line1", "3 rue des Lilas"), ("postal_code", "75011"), ("city", "Paris")):
        picker.fields[key].setText(value)
    picker._accept()
    assert picker.chosen is not None and picker.chosen["delivery"]["source"] == "PARIS-01"
    assert picker.chosen["delivery"]["to"] == "home"
    picker.chosen = None
    picker.table.selectRow(0)
    picker.variants[0]["promises"] = {}                                   # a network without a parcel route here
    picker._show_sources(0)
    picker._accept()
    assert picker.chosen is None and "does not send parcels home" in picker.problem.text()


def test_the_replacement_scanned_from_the_shelf_is_the_row_chosen(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker = ExchangePicker(VARIANTS, Formats("en"))
    qtbot.addWidget(picker)
    assert picker.take_scan("BASK-CUIR-42") and picker.table.currentRow() == 1
    assert picker.take_scan("ROBE-LIN-38") and picker.table.currentRow() == 1  # not one of these: said, kept
    assert "not one of these" in picker.problem.text()
