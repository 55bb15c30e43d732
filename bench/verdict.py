"""The verdict printed beside a figure: whether it meets its limit, and its ratio to the limit."""

from __future__ import annotations


def verdict(value: float, limit: float, higher_is_better: bool = False) -> str:
    """"meets (x0.54 of the limit)": a time at most its limit, or a rate at least its target."""
    meets = value >= limit if higher_is_better else value <= limit
    return f"{'meets' if meets else 'MISSES'} (x{value / limit:.2f} of the {'target' if higher_is_better else 'limit'})"
