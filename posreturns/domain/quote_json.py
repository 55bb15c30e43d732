"""A `Quote` as JSON-friendly data: amounts as decimal strings in the quote's currency, never floats."""

from __future__ import annotations

from collections.abc import Hashable
from functools import lru_cache
from typing import Any, cast

from posreturns.domain.decision import Alert, TraceEntry
from posreturns.domain.messages import Localized
from posreturns.domain.money import Money
from posreturns.domain.quote_model import LineQuote, Quote
from posreturns.domain.refunds import BreakdownStep


def _m(amount: Money | None) -> str | None:
    return None if amount is None else str(amount.amount)


class _Wording:
    """Each sentence of one quote in both languages, worded once: the lines of a sale share their window
    and disposition sentences, and the steps every row has ("Refund", "Order discount share")."""

    def __init__(self) -> None:
        self.said: dict[int, tuple[str, str]] = {}  # by id(): the quote keeps every message alive meanwhile

    def __call__(self, message: Localized) -> tuple[str, str]:
        both = self.said.get(id(message))
        if both is None:
            try:
                both = _in_both_languages(cast(Hashable, message))
            except TypeError:  # a message that cannot be a key (an argument that is a list, say)
                both = (message.in_language("en"), message.in_language("fr"))
            self.said[id(message)] = both
        return both


@lru_cache(maxsize=128)
def _in_both_languages(message: Hashable) -> tuple[str, str]:
    """The same sentence of the next quotes (a rule's trace, a step with the same amount), worded once:
    messages are immutable values, and their wording depends on nothing else. About one sale's worth:
    the window and a host quote one sale again and again; a longer memory only keeps past sales."""
    said = cast(Localized, message)
    return said.in_language("en"), said.in_language("fr")


def _trace(entry: TraceEntry, words: _Wording) -> dict[str, Any]:
    en, fr = words(entry.said)
    return {"rule": entry.rule, "en": en, "fr": fr, "effect": entry.effect and entry.effect.value}


def _alert(alert: Alert) -> dict[str, Any]:
    return {"code": alert.code, "en": alert.en, "fr": alert.fr}


def _step(step: BreakdownStep, words: _Wording) -> dict[str, Any]:
    en, fr = words(step.said)
    return {"key": step.key, "en": en, "fr": fr, "amount": _m(step.amount), "counted": step.counted}


def _line(line: LineQuote, words: _Wording) -> dict[str, Any]:
    return {
        "order_line_id": line.order_line_id,
        "sku": line.sku,
        "qty": line.qty,
        "reason": line.reason.value,
        "condition": line.condition.value,
        "serial": line.serial,
        "status": line.status.value,
        "unit_paid": _m(line.unit_paid),
        "value": _m(line.value),
        "fee": _m(line.fee),
        "tax": _m(line.tax),
        "refund": _m(line.refund),
        "disposition": line.disposition.value,
        "bucket": line.bucket.value,
        "alerts": [_alert(a) for a in line.alerts],
        "breakdown": [_step(s, words) for s in line.breakdown],
        "trace": [_trace(t, words) for t in line.trace],
    }


def quote_to_dict(quote: Quote) -> dict[str, Any]:
    """The quote as plain dicts, lists, strings, ints and bools (ready for `json.dumps`)."""
    exchange, words = quote.exchange, _Wording()
    return {
        "status": quote.status.value,
        "approval_required": quote.approval_required,
        "policy_version": quote.policy_version,
        "currency": quote.currency,
        "refund_method": quote.refund_method.value,
        "allowed_methods": [m.value for m in quote.allowed_methods],
        "refusal_paths": list(quote.refusal_paths),
        "offline": quote.offline,
        "trace": [_trace(t, words) for t in quote.trace],
        "lines": [_line(line, words) for line in quote.lines],
        "shipping": _m(quote.shipping),
        "fee_total": _m(quote.fee_total),
        "tax_total": _m(quote.tax_total),
        "refund_total": _m(quote.refund_total),
        "tenders": [
            {
                "method": p.method.value,
                "amount": _m(p.amount),
                "reference": p.reference,
                "executed_by": p.executed_by.value,
                "tender_id": p.tender_id,
            }
            for p in quote.tenders
        ],
        "ledger": [{"tender_id": d.tender_id, "amount": _m(d.amount)} for d in quote.ledger],
        "voucher": None
        if quote.voucher is None
        else {
            "code": quote.voucher.code,
            "amount": _m(quote.voucher.amount),
            "bonus": _m(quote.voucher.bonus),
        },
        "cash_rounding": _m(quote.cash_rounding),
        "exchange": None
        if exchange is None
        else {
            "replacements_total": _m(exchange.replacements_total),
            "credit": _m(exchange.credit),
            "bonus": _m(exchange.bonus),
            "difference": _m(exchange.difference),
            "to_collect": _m(exchange.to_collect),
            "to_refund": _m(exchange.to_refund),
            "lines": [
                {"sku": x.sku, "product_id": x.product_id, "qty": x.qty, "unit_price": _m(x.unit_price)}
                for x in exchange.lines
            ],
        },
        "stock_moves": [
            {
                "sku": s.sku,
                "location": s.location,
                "bucket": s.bucket.value,
                "delta": s.delta,
                "reason": s.reason,
                "serial": s.serial,
            }
            for s in quote.stock_moves
        ],
        "incentive_offer": _m(quote.incentive_offer),
    }
