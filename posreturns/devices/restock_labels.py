"""Printing the restock queue's papers through the till's print queue: the inspection tag of a held
unit (at the end of the return that holds it, and again from the queue), the resale label of a
second-hand item, and the slip of an RTV batch. Each is printed only after its action was committed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from posreturns.devices.documents import Block
from posreturns.devices.labels import (
    InspectionTag,
    ResaleLabel,
    RtvSlip,
    inspection_tag,
    resale_label,
    rtv_slip,
)
from posreturns.devices.printing import PrintOutcome, ReceiptPrinting
from posreturns.domain.held_units import HeldUnit
from posreturns.domain.messages import translate
from posreturns.domain.money import Money
from posreturns.services.errors import NotFound
from posreturns.services.restock import RestockService
from posreturns.services.restock_ports import ResaleItem


class LabelPrinting:
    def __init__(self, printing: ReceiptPrinting, restock: RestockService, alert_text: Callable[[str, str], str],
                 original_price: Callable[[str], int | None], local_time: Callable[[datetime], datetime],
                 store_name: Callable[[], str]) -> None:
        self.printing, self.restock, self.alert_text = printing, restock, alert_text
        self.original_price, self.local_time, self.store_name = original_price, local_time, store_name

    def language(self) -> str:
        return self.printing.settings().language

    def tag_blocks(self, unit: HeldUnit) -> list[Block]:
        lang = self.language()
        tag = InspectionTag(unit.return_number, unit.sku, unit.title, unit.reason, unit.condition,
                            self.local_time(unit.received_at), unit.note or unit.cashier_note, unit.serial, unit.id,
                            tuple(self.alert_text(code, lang) for code in unit.alerts))
        return inspection_tag(tag, lang)

    def print_tag(self, code: str) -> PrintOutcome:
        unit = self.restock.find(code)
        return self.printing.print_document("inspection_tag", unit.id, self.tag_blocks(unit))

    def tags_of_return(self, return_number: str) -> list[tuple[str, str, list[Block]]]:
        """What prints with the receipt of a return: (kind, reference, blocks) of the inspection tag of each
        unit it holds, and the label of each unit the cashier graded for second hand with it."""
        units = [u for u in self.restock.queue(include_done=True) if u.return_number == return_number]
        printed: list[tuple[str, str, list[Block]]] = [("inspection_tag", u.id, self.tag_blocks(u))
                                                       for u in units if u.state.in_queue]
        for unit in units:
            if unit.state.value == "resale":
                item = next((i for i in self.restock.resale_items() if i.unit_id == unit.id), None)
                if item is not None:
                    printed.append(("resale_label", item.sku, self.resale_blocks(item)))
        return printed

    def print_resale(self, code: str) -> PrintOutcome:
        item = next((i for i in self.restock.resale_items() if i.unit_id == code.strip().upper() or
                     i.sku == code.strip().upper() or i.ean13 == code.strip()), None)
        if item is None:
            raise NotFound(translate("devices.restock_labels", "{0!r} is not a second-hand item; grade the unit "
                                                               "first (restock resale).").format(code.strip()))
        return self.printing.print_document("resale_label", item.sku, self.resale_blocks(item))

    def resale_blocks(self, item: ResaleItem) -> list[Block]:
        was = self.original_price(self.restock.find(item.unit_id).sku)
        label = ResaleLabel(item.title, item.grade.value, str(Money.from_minor(item.price_minor, item.currency).amount),
                            str(Money.from_minor(was if was is not None else item.refund_minor, item.currency).amount),
                            item.currency, item.ean13)
        return resale_label(label, self.language())

    def print_slip(self, batch_id: str) -> PrintOutcome:
        batch = next((b for b in self.restock.batches() if b.id == batch_id.strip().upper()), None)
        if batch is None:
            raise NotFound(translate("devices.restock_labels", "No RTV batch {0!r}; `posreturns rtv list` shows them.")
                           .format(batch_id.strip()))
        units = [self.restock.find(u) for u in batch.units]
        slip = RtvSlip(batch.id, batch.vendor, self.store_name(), self.local_time(batch.created_at),
                       tuple((u.id, u.sku, u.title, u.reason) for u in units), batch.reference)
        return self.printing.print_document("rtv_slip", batch.id, rtv_slip(slip, self.language()))

    def print_label(self, code: str) -> PrintOutcome:
        """`print label CODE`: a unit's tag, a second-hand item's label, or a batch's slip."""
        key = code.strip().upper()
        if key.startswith("RTV-"):
            return self.print_slip(key)
        if key.startswith("SH-") or (key.isdigit() and len(key) == 13):
            return self.print_resale(key)
        unit = self.restock.find(key)
        if unit.state.value == "resale":
            return self.print_resale(unit.id)
        return self.print_tag(unit.id)
