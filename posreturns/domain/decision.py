"""Decisions of the policy engine and the bilingual trace that explains them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from posreturns.domain.messages import InBothLanguages, Localized
from posreturns.domain.money import Money, display
from posreturns.domain.returns import Disposition, RefundMethod


class DecisionStatus(StrEnum):
    ALLOWED = "allowed"
    NEEDS_APPROVAL = "needs_approval"
    REFUSED = "refused"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]


_SEVERITY = {DecisionStatus.ALLOWED: 0, DecisionStatus.NEEDS_APPROVAL: 1, DecisionStatus.REFUSED: 2}


def worst(statuses: Iterable[DecisionStatus]) -> DecisionStatus:
    """The most severe status: refused over needs approval over allowed."""
    return max(statuses, key=lambda s: s.severity, default=DecisionStatus.ALLOWED)


@dataclass(frozen=True, slots=True)
class TraceEntry(InBothLanguages):
    """One rule that fired, and the sentence that says so, in English (`en`) or French (`fr`).

    The sentence is worded when read: a quote explains every line, the window shows a few sentences in
    one language, and only the JSON and the receipt want them all (wording them up front was a fifth of
    a 20-line quote). `effect` is the status the rule asked for (None for rules that only explain or
    restrict).
    """

    rule: str
    said: Localized
    effect: DecisionStatus | None = None

    def text(self, language: str) -> str:
        return self.fr if language.startswith("fr") else self.en


@dataclass(frozen=True, slots=True)
class Alert:
    """Something staff must do about a returned unit, e.g. notify the buyer or claim the carrier."""

    code: str
    en: str
    fr: str


def money_text(amount: Money, language: str) -> str:
    """Amount for a trace sentence as the screen and the receipt write it beside: '€1,000.00' in
    English, '1 000,00 €' in French (a policy's limit, not '1000.00 EUR' next to '€528.20')."""
    return display(amount.amount, amount.currency, language)


def percent_text(rate: Decimal, language: str) -> str:
    """A percentage for a trace sentence, e.g. '10 %' (both languages keep the space)."""
    text = format(rate.normalize(), "f")
    return f"{text.replace('.', ',') if language == 'fr' else text} %"


@dataclass(frozen=True, slots=True)
class LineDecision:
    """What the policy says about one returned line."""

    status: DecisionStatus
    methods: frozenset[RefundMethod]
    fee_rate: Decimal  # percent of the line's value kept as a restocking fee
    disposition: Disposition
    alerts: tuple[Alert, ...]
    trace: tuple[TraceEntry, ...]


@dataclass(frozen=True, slots=True)
class ReturnDecision:
    """What the policy says about the whole return: the worst line plus the return-level rules.

    `status` is the decision before any approval; `final_status` after the manager approval
    carried by the context (approval turns `needs_approval` into `allowed`, never `refused`).
    """

    status: DecisionStatus
    final_status: DecisionStatus
    methods: frozenset[RefundMethod]
    lines: tuple[LineDecision, ...]
    trace: tuple[TraceEntry, ...]
    shipping_refundable: bool
    bonus_rate: Decimal  # percent of store credit added as an incentive (0 when off)
    refusal_paths: tuple[str, ...] = ()  # a refused return: what a manager may do instead (policy order)

    @property
    def approval_required(self) -> bool:
        return self.status is DecisionStatus.NEEDS_APPROVAL
