"""A host POS for the embedded widget's tests: it records the refund instructions it gets and answers
(confirms or declines on its terminal) only when the test says so."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from posreturns.plugin import RefundInstruction


class FakeHost:
    def __init__(self, parent: QWidget) -> None:
        self.parent_window, self.cashier, self.store_id, self.till_id = parent, "paul", "PARIS-01", "T2"
        self.instructions: list[RefundInstruction] = []

    def on_refund(self, instruction: RefundInstruction) -> None:
        self.instructions.append(instruction)
