"""Translated names of the report's dimensions and keys (reasons, dispositions, channels, refund
methods, tenders, decisions, flags and rates), reusing the cashier's labels where they exist."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from posreturns.ui import labels

translate = QCoreApplication.translate  # called by this name so that pyside6-lupdate finds the strings


def dimensions() -> dict[str, str]:
    return {"reason": translate("ReportLabels", "Reason"), "category": translate("ReportLabels", "Category"),
            "sku": translate("ReportLabels", "SKU (top 10)"), "disposition": translate("ReportLabels", "Disposition"),
            "tender": translate("ReportLabels", "Tender"), "channel": translate("ReportLabels", "Channel"),
            "cashier": translate("ReportLabels", "Cashier"), "till": translate("ReportLabels", "Till"),
            "method": translate("ReportLabels", "Refund method"), "decision": translate("ReportLabels", "Decision"),
            "day": translate("ReportLabels", "Day"),
            "customer": translate("ReportLabels", "Customers returning most (top 10)"),
            "kept": translate("ReportLabels", "Sales kept and delivered exchanges")}


def dispositions() -> dict[str, str]:
    return {"RESTOCK": translate("ReportLabels", "Back on sale"), "INSPECT": translate("ReportLabels", "To inspect"),
            "REFURBISH": translate("ReportLabels", "Refurbish"), "RESALE": translate("ReportLabels", "Second hand"),
            "RTV": translate("ReportLabels", "Return to vendor"), "SCRAP": translate("ReportLabels", "Scrap")}


def channels() -> dict[str, str]:
    return {"store": translate("ReportLabels", "Store sale"), "web": translate("ReportLabels", "Web order"),
            "receiptless": translate("ReportLabels", "No receipt")}


def flags() -> dict[str, str]:
    return {"receiptless": translate("ReportLabels", "Without receipt"),
            "overridden": translate("ReportLabels", "Approved by a manager"),
            "kept": translate("ReportLabels", "Kept as exchange or store credit"),
            "bonus": translate("ReportLabels", "Bonus granted"),
            "recovered": translate("ReportLabels", "Graded for second hand")}


def kept() -> dict[str, str]:
    return {"all": translate("ReportLabels", "Sales kept (exchange, store credit)"),
            "store_credit": translate("ReportLabels", "Store credit"),
            "exchange_even": translate("ReportLabels", "Exchanges, even"),
            "exchange_paid_more": translate("ReportLabels", "Exchanges, the customer paid more"),
            "exchange_given_back": translate("ReportLabels", "Exchanges, the difference given back"),
            "exchange_here": translate("ReportLabels", "Exchanges handed over here"),
            "delivered": translate("ReportLabels", "Delivered exchanges"),
            "delivered_confirmed": translate("ReportLabels", "Delivered, confirmed by the OMS"),
            "delivered_provisional": translate("ReportLabels", "Delivered, provisional (OMS not told yet)"),
            "delivered_exception": translate("ReportLabels", "Delivered, exception (the source could not)"),
            "paid_more": translate("ReportLabels", "Paid on top of exchanges")}


def key_label(dimension: str, key: str) -> str:
    """The name a manager reads for `key` of `dimension` (the key itself when it has none)."""
    if key == "?":
        return translate("ReportLabels", "not known (another till)")
    names: dict[str, str] = {"reason": dict(labels.reasons()), "disposition": dispositions(), "channel": channels(),
                             "method": labels.methods(), "tender": labels.tenders(),
                             "decision": labels.decisions(), "kept": kept()}.get(dimension, {})
    return names.get(key, key)
