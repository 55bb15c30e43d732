"""Pick the replacement of an exchange: the product's other variants with stock here and elsewhere,
and for the chosen one, where it can come from (each source's stock with its age and its promise to
the customer's home and to this store). A size not on the shelf here is delivered from the source
the cashier picks, home (with the customer's address) or to this store, with the customer's contact."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posreturns.domain.delivery import Address, DeliveryChoice, Recipient
from posreturns.domain.errors import InvalidReturn
from posreturns.domain.promise import Destination
from posreturns.ui.i18n import Formats
from posreturns.ui.views.fitting import scrolling_body
from posreturns.ui.views.widgets import table

HERE = ""  # the sources table's row of this store's shelf


class ExchangePicker(QDialog):
    def __init__(self, variants: list[dict[str, Any]], formats: Formats, parent: QWidget | None = None,
                 customer: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exchange for…"))
        self.variants, self.formats = variants, formats
        self.chosen: dict[str, Any] | None = None
        self.sources: list[str] = []
        self.here_location: str | None = None  # this store's location in its network, when it sends parcels home
        self.table = table((self.tr("Item"), self.tr("Options"), self.tr("Price"), self.tr("Here"),
                            self.tr("Other stores")))
        self.table.setRowCount(len(variants))
        for row, variant in enumerate(variants):
            elsewhere = ", ".join(f"{where}: {qty}" for where, qty in variant.get("stock_elsewhere", {}).items())
            values = (variant["title"], " / ".join(variant.get("options", {}).values()),
                      formats.money(variant["price"]), str(variant.get("stock_here", 0)), elsewhere or "—")
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        as_of = max((v.get("stock_as_of") or "" for v in variants), default="")
        note = QLabel(self.tr("Stock as of {0}").replace("{0}", formats.stamp(as_of)) if as_of else "")
        self.source_table = table((self.tr("From"), self.tr("Stock"), self.tr("To the customer's home"),
                                   self.tr("In this store")))
        self.to_store = QRadioButton(self.tr("Collect in this store"))
        self.to_home = QRadioButton(self.tr("Deliver to the customer's home"))
        self.to_store.setChecked(True)
        self.to_home.toggled.connect(self._destination_changed)
        destination = QHBoxLayout()
        destination.addWidget(self.to_store)
        destination.addWidget(self.to_home)
        destination.addStretch(1)
        self.prefilled = customer or {}
        self.contact = self._contact_form(self.prefilled)
        self.problem = QLabel("")
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.table.cellDoubleClicked.connect(lambda row, _c: self._accept())
        self.table.currentCellChanged.connect(lambda row, *_: self._show_sources(row))
        layout = QVBoxLayout(scrolling_body(self, self.buttons))
        layout.addWidget(self.table, 2)
        layout.addWidget(note)
        layout.addWidget(QLabel(self.tr("Where it comes from")))
        layout.addWidget(self.source_table, 2)
        layout.addLayout(destination)
        layout.addWidget(self.contact)
        layout.addWidget(self.problem)
        self._destination_changed()
        self.resize(900, 680)

    def _contact_form(self, customer: dict[str, str]) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, QLineEdit] = {}
        labels = {"name": self.tr("Customer's name"), "phone": self.tr("Phone"), "email": self.tr("E-mail"),
                  "line1": self.tr("Street"), "postal_code": self.tr("Postal code"), "city": self.tr("City")}
        for key, label in labels.items():
            self.fields[key] = QLineEdit(customer.get(key, ""))
            self.fields[key].setAccessibleName(label)
            form.addRow(label, self.fields[key])
        self.address_rows: list[QWidget] = [self.fields[k] for k in ("line1", "postal_code", "city")]
        self.address_note = QLabel(self.tr("The address the store holds for this customer: check it with them.")
                                   if customer.get("address_from") == "oms" else "")
        self.address_note.setWordWrap(True)
        form.addRow("", self.address_note)
        self.address_rows.append(self.address_note)
        self.form = form
        return box

    def _destination_changed(self) -> None:
        home = self.to_home.isChecked()
        for field in self.address_rows:
            field.setVisible(home)
            label = self.form.labelForField(field)
            if label is not None:
                label.setVisible(home)

    def take_scan(self, code: str) -> bool:
        """The replacement's own barcode, scanned from the shelf: its row is chosen."""
        for row, variant in enumerate(self.variants):
            if code in (variant.get("sku"), variant.get("barcode")):
                self.table.selectRow(row)
                return True
        self.problem.setText(self.tr("The item scanned is not one of these: pick the replacement in the list."))
        return True

    def _show_sources(self, row: int) -> None:
        self.problem.setText("")
        self.sources, self.here_location = [], None
        self.source_table.setRowCount(0)
        if row < 0:
            return
        variant = self.variants[row]
        promises = variant.get("promises") or {}
        by_location: dict[str, dict[str, dict[str, Any]]] = {}
        for destination in ("home", "store"):
            for found in (promises.get(destination) or {}).get("promises", []):
                by_location.setdefault(found["location"], {})[destination] = found
        language = "fr" if self.formats.language == "fr" else "en"
        lines: list[tuple[str, tuple[str, str, str, str]]] = []
        if variant.get("stock_here", 0) > 0:
            # this store's shelf: handed over now, or sent to the customer's home when its network says how
            shelf = next((f["home"] for f in by_location.values() if f.get("home", {}).get("kind") == "here"), None)
            self.here_location = shelf["location"] if shelf else None
            lines.append((HERE, (self.tr("This store (on the shelf)"), str(variant["stock_here"]),
                                 shelf["when"][language] if shelf else "—", self.tr("handed over now"))))
        for location, found in by_location.items():
            if any(f.get("immediate") or f.get("kind") == "here" for f in found.values()):
                continue  # this store's shelf: the row above
            any_one = next(iter(found.values()))
            lines.append((location, (any_one["name"], self._stock(any_one),
                                     found["home"]["when"][language] if "home" in found else "—",
                                     found["store"]["when"][language] if "store" in found else "—")))
        self.source_table.setRowCount(len(lines))
        for index, (location, values) in enumerate(lines):
            self.sources.append(location)
            for column, value in enumerate(values):
                self.source_table.setItem(index, column, QTableWidgetItem(value))
        if lines:
            self.source_table.selectRow(0)

    def _stock(self, found: dict[str, Any]) -> str:
        """'25 (as of 09:12, 48 min ago)': the promise relies on stock the till last heard of."""
        text = str(found.get("available", 0))
        if found.get("stock_as_of"):
            minutes = int(found.get("stock_age_minutes") or 0)
            ago = self.tr("{0} min ago").replace("{0}", str(minutes)) if minutes < 120 else \
                self.tr("{0} h ago").replace("{0}", str(minutes // 60))
            text += f" ({self.formats.stamp(found['stock_as_of'])}, {ago})"
        return text

    def _accept(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        variant = self.variants[row]
        source_row = self.source_table.currentRow()
        source = self.sources[source_row] if 0 <= source_row < len(self.sources) else None
        to = "home" if self.to_home.isChecked() else "store"
        if source is None or source == HERE:
            if variant.get("stock_here", 0) <= 0:
                self.problem.setText(self.tr("Not in stock here: choose where it comes from in the list below."))
                return
            if to == "store":
                self.chosen = variant
                self.accept()
                return
            if self.here_location is None:
                self.problem.setText(self.tr("This store does not send parcels home: hand it over now, or choose "
                                             "another source."))
                return
            source = self.here_location
        if not self._promised(variant, source, to):
            self.problem.setText(self.tr("This source does not deliver there: choose the other destination or "
                                         "another source."))
            return
        values = {key: field.text().strip() for key, field in self.fields.items()}
        delivery: dict[str, Any] = {"source": source, "to": to, "name": values["name"],
                                    "phone": values["phone"] or None, "email": values["email"] or None}
        address = {k: values[k] for k in ("line1", "postal_code", "city")}
        if values["line1"] == self.prefilled.get("line1"):  # the street the OMS gave: its other parts go with it
            address.update({k: self.prefilled[k] for k in ("line2", "country_code") if self.prefilled.get(k)})
        if to == "home":
            delivery["address"] = address
        try:  # checked here, so the cashier reads what is missing before leaving the dialog
            DeliveryChoice(source, Destination(to), Recipient(values["name"], values["phone"] or None,
                                                              values["email"] or None),
                           Address(**address) if to == "home" else None)
        except InvalidReturn as error:
            self.problem.setText(error.in_language(self.formats.language))
            return
        self.chosen = {**variant, "delivery": delivery}
        self.accept()

    def _promised(self, variant: dict[str, Any], source: str, to: str) -> bool:
        found = ((variant.get("promises") or {}).get(to) or {}).get("promises", [])
        return any(p["location"] == source for p in found)
