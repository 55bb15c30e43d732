"""A `Quote` as JSON-friendly data: amounts as decimal strings in the quote's currency, never floats."""

from __future__ import annotations

from typing import Any

from posreturns.domain.decision import Alert, TraceEntry
from posreturns.domain.money import Money
from posreturns.domain.quote_model import LineQuote, Quote
from posreturns.domain.refunds import BreakdownStep


def _m(amount: Money | None) -> str | None:
    return None if amount is None else str(amount.amount)


def _trace(entry: TraceEntry) -> dict[str, Any]:
    return {"rule": entry.rule, "en": entry.en, "fr": entry.fr, "effect": entry.effect and entry.effect.value}


def _alert(alert: Alert) -> dict[str, Any]:
    return {"code": alert.code, "en": alert.en, "fr": alert.fr}


def _step(step: BreakdownStep) -> dict[str, Any]:
    return {"key": step.key, "en": step.en, "fr": step.fr, "amount": _m(step.amount), "counted": step.counted}


def _line(line: LineQuote) -> dict[str, Any]:
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
        "breakdown": [_step(s) for s in line.breakdown],
        "trace": [_trace(t) for t in line.trace],
    }


def quote_to_dict(quote: Quote) -> dict[str, Any]:
    """The quote as plain dicts, lists, strings, ints and bools (ready for `json.dumps`)."""
    exchange = quote.exchange
    return {
        "status": quote.status.value,
        "approval_required": quote.approval_required,
        "policy_version": quote.policy_version,
        "currency": quote.currency,
        "refund_method": quote.refund_method.value,
        "allowed_methods": [m.value for m in quote.allowed_methods],
        "refusal_paths": list(quote.refusal_paths),
        "offline": quote.offline,
        "trace": [_trace(t) for t in quote.trace],
        "lines": [_line(line) for line in quote.lines],
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
