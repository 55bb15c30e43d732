"""Translated names of the codes the cashier sees (reasons, conditions, methods, decisions)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # called by this name so that pyside6-lupdate finds the strings


def reasons() -> list[tuple[str, str]]:
    return [("WRONG_SIZE", translate("Labels", "Wrong size")),
            ("CHANGED_MIND", translate("Labels", "Changed mind")),
            ("DEFECTIVE", translate("Labels", "Defective")),
            ("DAMAGED_IN_TRANSIT", translate("Labels", "Damaged in transit")),
            ("NOT_AS_DESCRIBED", translate("Labels", "Not as described")),
            ("LATE_DELIVERY", translate("Labels", "Late delivery")),
            ("WRONG_ITEM", translate("Labels", "Wrong item")),
            ("OTHER", translate("Labels", "Other"))]


def conditions() -> list[tuple[str, str]]:
    return [("NEW_WITH_TAGS", translate("Labels", "New with tags")),
            ("OPENED", translate("Labels", "Opened")),
            ("USED", translate("Labels", "Used")),
            ("DAMAGED", translate("Labels", "Damaged")),
            ("MISSING_PARTS", translate("Labels", "Missing parts"))]


def methods() -> dict[str, str]:
    return {"original": translate("Labels", "Original payment"),
            "store_credit": translate("Labels", "Store credit"),
            "exchange": translate("Labels", "Exchange")}


def tenders() -> dict[str, str]:
    return {"card": translate("Labels", "Card"), "cash": translate("Labels", "Cash"),
            "gift_card": translate("Labels", "Gift card"), "store_credit": translate("Labels", "Store credit")}


def decisions() -> dict[str, str]:
    return {"allowed": translate("Labels", "Allowed"),
            "needs_approval": translate("Labels", "Needs a manager's approval"),
            "refused": translate("Labels", "Refused")}


def missing() -> dict[str, str]:
    return {"reason": translate("Labels", "pick a reason"), "condition": translate("Labels", "pick a condition"),
            "note": translate("Labels", "write a note for 'Other'"),
            "serial": translate("Labels", "pick the serial number")}
