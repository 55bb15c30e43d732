"""Stock movements a return causes, as plain data for the append-only stock ledger."""

from __future__ import annotations

from dataclasses import dataclass

from posreturns.domain.returns import StockBucket


@dataclass(frozen=True, slots=True)
class StockMove:
    """`delta` units of `sku` into (positive) or out of (negative) a bucket at a location."""

    sku: str
    location: str
    bucket: StockBucket
    delta: int
    reason: str  # "return" or "exchange"
    serial: str | None = None
