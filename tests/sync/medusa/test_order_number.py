"""Finding a Medusa order by its number, which Medusa cannot filter on: a few pages of the list
sorted by number around where the number should be, whatever the gaps (deleted orders, drafts)."""

from __future__ import annotations

from typing import Any

import pytest

from posreturns.sync.medusa.repair import by_display_id


class Orders:
    def __init__(self, numbers: list[int]) -> None:
        self.numbers = sorted(numbers)
        self.calls = 0

    def get(self, path: str, params: list[tuple[str, Any]]) -> dict[str, Any]:
        self.calls += 1
        query = dict(params)
        start, limit = int(query["offset"]), int(query["limit"])
        return {"orders": [{"id": f"order_{n}", "display_id": n} for n in self.numbers[start:start + limit]]}


@pytest.mark.parametrize("wanted", [1, 7, 480, 999, 1000, 1500])
def test_an_order_is_found_by_its_number_in_a_few_requests_whatever_the_gaps(wanted: int) -> None:
    numbers = [n for n in range(1, 2001) if n % 7 and not 400 <= n < 470]   # every 7th and a block missing
    orders = Orders(numbers)
    found = by_display_id(orders, wanted)
    assert (found or {}).get("display_id") == (wanted if wanted in numbers else None)
    assert orders.calls <= 6


def test_a_number_past_the_last_order_is_not_found() -> None:
    assert by_display_id(Orders(list(range(1, 120))), 5000) is None
    assert by_display_id(Orders([]), 3) is None
