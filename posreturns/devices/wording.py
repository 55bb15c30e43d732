"""Receipt and label wording in French and English, and money/date formats per language.

Printed documents are produced outside Qt (devices layer), so their two languages live here.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from posreturns.domain.money import display

WORDS: dict[str, dict[str, str]] = {
    "return_receipt": {"en": "RETURN RECEIPT", "fr": "TICKET DE RETOUR"},
    "training": {"en": "TRAINING / FORMATION", "fr": "TRAINING / FORMATION"},
    "training_note": {"en": "Practice only - not a real refund", "fr": "Exercice - remboursement fictif"},
    "return_number": {"en": "Return", "fr": "Retour"},
    "copy": {"en": "COPY", "fr": "DUPLICATA"},
    "original_sale": {"en": "Original sale", "fr": "Vente d'origine"},
    "no_receipt": {"en": "Return without receipt", "fr": "Retour sans ticket"},
    "till": {"en": "Till", "fr": "Caisse"},
    "cashier": {"en": "Cashier", "fr": "Caissier"},
    "approved_by": {"en": "Approved by", "fr": "Approuvé par"},
    "reason": {"en": "Reason", "fr": "Motif"},
    "condition": {"en": "Condition", "fr": "État"},
    "serial": {"en": "Serial", "fr": "N° de série"},
    "why": {"en": "Why this amount", "fr": "Détail du montant"},
    "refund_total": {"en": "TOTAL REFUNDED", "fr": "TOTAL REMBOURSÉ"},
    "exchange_credit": {"en": "RETURNED ITEMS", "fr": "ARTICLES REPRIS"},
    "refund_to": {"en": "Refunded to", "fr": "Remboursé sur"},
    "by_host": {"en": "(on the payment terminal)", "fr": "(sur le terminal de paiement)"},
    "shipping": {"en": "Shipping refunded", "fr": "Frais de port remboursés"},
    "exchange": {"en": "Exchange", "fr": "Échange"},
    "to_collect": {"en": "To pay by the customer", "fr": "À payer par le client"},
    "to_refund": {"en": "To refund to the customer", "fr": "À rembourser au client"},
    "even_exchange": {"en": "Even exchange: nothing to pay", "fr": "Échange à valeur égale : rien à payer"},
    "voucher": {"en": "STORE CREDIT VOUCHER", "fr": "BON D'ACHAT"},
    "voucher_amount": {"en": "Amount", "fr": "Montant"},
    "voucher_terms": {"en": "Valid in all our stores. Keep this voucher.",
                      "fr": "Valable dans tous nos magasins. Conservez ce bon."},
    "policy": {"en": "Policy", "fr": "Politique"},
    "signature": {"en": "Customer signature", "fr": "Signature du client"},
    "offline": {"en": "Processed offline", "fr": "Traité hors ligne"},
    "thanks": {"en": "Thank you for your visit", "fr": "Merci de votre visite"},
    "resale": {"en": "SECOND HAND", "fr": "SECONDE MAIN"},
    "grade": {"en": "Grade", "fr": "Grade"},
    "was": {"en": "New price", "fr": "Prix neuf"},
    "inspect": {"en": "TO INSPECT", "fr": "À CONTRÔLER"},
    "received": {"en": "Received", "fr": "Reçu le"},
    "note": {"en": "Note", "fr": "Note"},
    "rtv": {"en": "RETURN TO VENDOR", "fr": "RETOUR FOURNISSEUR"},
    "vendor": {"en": "Vendor", "fr": "Fournisseur"},
    "batch": {"en": "Batch", "fr": "Lot"},
    "reference": {"en": "Reference", "fr": "Référence"},
    "units": {"en": "Units", "fr": "Articles"},
}
REASONS = {
    "WRONG_SIZE": ("Wrong size", "Mauvaise taille"), "CHANGED_MIND": ("Changed mind", "Changement d'avis"),
    "DEFECTIVE": ("Defective", "Défectueux"), "DAMAGED_IN_TRANSIT": ("Damaged in transit", "Abîmé au transport"),
    "NOT_AS_DESCRIBED": ("Not as described", "Non conforme"), "LATE_DELIVERY": ("Late delivery", "Livraison tardive"),
    "WRONG_ITEM": ("Wrong item", "Mauvais article"), "OTHER": ("Other", "Autre"),
}
CONDITIONS = {
    "NEW_WITH_TAGS": ("New with tags", "Neuf avec étiquettes"), "OPENED": ("Opened", "Ouvert"),
    "USED": ("Used", "Utilisé"), "DAMAGED": ("Damaged", "Endommagé"), "MISSING_PARTS": ("Missing parts", "Incomplet"),
}
METHODS = {
    "card": ("Card", "Carte bancaire"), "cash": ("Cash", "Espèces"), "gift_card": ("Gift card", "Carte cadeau"),
    "store_credit": ("Store credit", "Avoir"),
}


def word(key: str, lang: str) -> str:
    return WORDS[key]["fr" if lang == "fr" else "en"]


def pick(pair: tuple[str, str] | None, code: str, lang: str) -> str:
    if pair is None:
        return code
    return pair[1] if lang == "fr" else pair[0]


def money(amount: str | Decimal, currency: str, lang: str) -> str:
    """'1234.50' EUR -> '1 234,50 €' in French, '€1,234.50' in English (plain spaces for the printer)."""
    return display(amount, currency, lang)


def moment(when: datetime, lang: str) -> str:
    return when.strftime("%d/%m/%Y %H:%M") if lang == "fr" else when.strftime("%Y-%m-%d %H:%M")
