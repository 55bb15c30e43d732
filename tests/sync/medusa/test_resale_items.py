"""A second-hand item is never taken for another till's: a variant with its SKU made for another event,
or a product already carrying its label's code, is refused in one sentence, and nothing is written to
Medusa (a scripted Admin API that records what it is asked). Against the real Medusa:
tests/oms/test_medusa_till_numbers.py."""

from __future__ import annotations

from typing import Any

from posreturns.services.sync_ports import Outcome, PendingEvent, PushResult
from posreturns.sync.medusa.resale_items import ResaleItems

UNIT, SKU, CODE = "UPARIS01-T1-000001-1", "SH-PARIS01-T1-000001-1", "2000100000012"


class Refs:
    def resale_location_id(self, store: str) -> str:
        return "sloc_resale"


class ScriptedApi:
    def __init__(self, variants: dict[str, list[dict[str, Any]]]) -> None:
        self.variants, self.posted = variants, []  # by the `sku` or `q` asked for

    def get(self, path: str, params: Any = None) -> dict[str, Any]:
        asked = dict(params or [])
        return {"variants": self.variants.get(str(asked.get("sku") or asked.get("q")), [])}

    def post(self, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        self.posted.append(path)
        return {}

    def delete(self, path: str) -> dict[str, Any]:
        raise AssertionError(path)


def moved(event_id: str = "e-this") -> PendingEvent:
    data = {"unit_id": UNIT, "action": "resale", "sku": "SHOE-RUN-43", "location": "PARIS-01",
            "resale": {"sku": SKU, "ean13": CODE, "grade": "B", "price_minor": 4990, "currency": "EUR"}}
    payload = {"event_id": event_id, "event_type": "HeldUnitMoved", "data": data}
    return PendingEvent(1, event_id, "T1", "held_unit", UNIT, "HeldUnitMoved", 1, payload, 0)


def publish(api: ScriptedApi, event: PendingEvent) -> PushResult:
    return ResaleItems(Refs()).after(api, event, PushResult(Outcome.APPLIED))  # type: ignore[arg-type]


def test_a_variant_with_the_sku_made_for_another_event_is_another_tills_item() -> None:
    api = ScriptedApi({SKU: [{"id": "variant_1", "sku": SKU, "barcode": "2000000000015", "product_id": "prod_1",
                              "product": {"metadata": {"posreturns_event_id": "e-other", "posreturns_store":
                                                       "PARIS-01", "posreturns_resale_unit": UNIT,
                                                       "posreturns_return_number": "RPARIS01-T1-000001"}}}]})
    result = publish(api, moved())
    assert result.outcome is Outcome.REJECTED and api.posted == []
    assert result.reason is not None and result.reason.startswith(
        f"Medusa already has SKU {SKU} for another second-hand item (unit {UNIT} of store PARIS-01, return "
        "RPARIS01-T1-000001), so unit")


def test_a_label_code_already_on_another_product_is_refused_with_how_to_relabel() -> None:
    api = ScriptedApi({CODE: [{"id": "variant_9", "sku": "SH-LYON02-T1-000004-1", "ean": CODE,
                               "product": {"title": "Runner · good (B)"}}]})
    result = publish(api, moved())
    assert result.outcome is Outcome.REJECTED and api.posted == []
    assert result.reason == (
        f"The label code {CODE} of second-hand unit {UNIT} is already the barcode of SH-LYON02-T1-000004-1 "
        '("Runner · good (B)") in Medusa, so the unit was not put on sale there: give it a new code (posreturns '
        f"sync resolve <this exception's number> --relabel --user MANAGER), print its new label (posreturns print "
        f"label {UNIT}) and stick it over the old one.")
