"""Receipt and label wording, and money/date formats per language.

Printed documents are laid out outside Qt (devices layer): their words are catalogue messages
(`domain.messages`), put in the receipt's language here, like every other sentence of the app.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from posreturns.domain.messages import Text, translate
from posreturns.domain.money import display

WORDS: dict[str, Text] = {
    "return_receipt": translate("devices.wording", "RETURN RECEIPT"),
    "training": translate("devices.wording", "TRAINING / FORMATION"),
    "training_note": translate("devices.wording", "Practice only - not a real refund"),
    "return_number": translate("devices.wording", "Return"),
    "copy": translate("devices.wording", "COPY"),
    "original_sale": translate("devices.wording", "Original sale"),
    "no_receipt": translate("devices.wording", "Return without receipt"),
    "till": translate("devices.wording", "Till"),
    "cashier": translate("devices.wording", "Cashier"),
    "approved_by": translate("devices.wording", "Approved by"),
    "reason": translate("devices.wording", "Reason"),
    "condition": translate("devices.wording", "Condition"),
    "serial": translate("devices.wording", "Serial"),
    "why": translate("devices.wording", "Why this amount"),
    "refund_total": translate("devices.wording", "TOTAL REFUNDED"),
    "exchange_credit": translate("devices.wording", "RETURNED ITEMS"),
    "refund_to": translate("devices.wording", "Refunded to"),
    "by_host": translate("devices.wording", "(on the payment terminal)"),
    "terminal_reference": translate("devices.wording", "Terminal reference"),
    "card_declined": translate("devices.wording", "Card refund declined by the terminal"),
    "paid_instead": translate("devices.wording", "Paid instead in"),
    "shipping": translate("devices.wording", "Shipping refunded"),
    "exchange": translate("devices.wording", "Exchange"),
    "to_collect": translate("devices.wording", "To pay by the customer"),
    "to_refund": translate("devices.wording", "To refund to the customer"),
    "even_exchange": translate("devices.wording", "Even exchange: nothing to pay"),
    "voucher": translate("devices.wording", "STORE CREDIT VOUCHER"),
    "voucher_amount": translate("devices.wording", "Amount"),
    "voucher_terms": translate("devices.wording", "Valid in all our stores. Keep this voucher."),
    "policy": translate("devices.wording", "Policy"),
    "signature": translate("devices.wording", "Customer signature"),
    "offline": translate("devices.wording", "Processed offline"),
    "thanks": translate("devices.wording", "Thank you for your visit"),
    "resale": translate("devices.wording", "SECOND HAND"),
    "grade": translate("devices.wording", "Grade"),
    "was": translate("devices.wording", "New price"),
    "inspect": translate("devices.wording", "TO INSPECT"),
    "received": translate("devices.wording", "Received"),
    "note": translate("devices.wording", "Note"),
    "rtv": translate("devices.wording", "RETURN TO VENDOR"),
    "vendor": translate("devices.wording", "Vendor"),
    "batch": translate("devices.wording", "Batch"),
    "reference": translate("devices.wording", "Reference"),
    "units": translate("devices.wording", "Units"),
}
REASONS: dict[str, Text] = {
    "WRONG_SIZE": translate("devices.wording", "Wrong size"),
    "CHANGED_MIND": translate("devices.wording", "Changed mind"),
    "DEFECTIVE": translate("devices.wording", "Defective"),
    "DAMAGED_IN_TRANSIT": translate("devices.wording", "Damaged in transit"),
    "NOT_AS_DESCRIBED": translate("devices.wording", "Not as described"),
    "LATE_DELIVERY": translate("devices.wording", "Late delivery"),
    "WRONG_ITEM": translate("devices.wording", "Wrong item"),
    "OTHER": translate("devices.wording", "Other"),
}
CONDITIONS: dict[str, Text] = {
    "NEW_WITH_TAGS": translate("devices.wording", "New with tags"),
    "OPENED": translate("devices.wording", "Opened"),
    "USED": translate("devices.wording", "Used"),
    "DAMAGED": translate("devices.wording", "Damaged"),
    "MISSING_PARTS": translate("devices.wording", "Missing parts"),
}
METHODS: dict[str, Text] = {
    "card": translate("devices.wording", "Card"),
    "cash": translate("devices.wording", "Cash"),
    "gift_card": translate("devices.wording", "Gift card"),
    "store_credit": translate("devices.wording", "Store credit"),
}


def word(key: str, lang: str) -> str:
    return WORDS[key].in_language(lang)


def pick(label: Text | None, code: str, lang: str) -> str:
    """The label of a code (reason, condition, refund method) in `lang`; the code itself when unknown."""
    return code if label is None else label.in_language(lang)


def money(amount: str | Decimal, currency: str, lang: str) -> str:
    """'1234.50' EUR -> '1 234,50 €' in French, '€1,234.50' in English (plain spaces for the printer)."""
    return display(amount, currency, lang)


def moment(when: datetime, lang: str) -> str:
    return when.strftime("%d/%m/%Y %H:%M") if lang == "fr" else when.strftime("%Y-%m-%d %H:%M")
